"""The audit trail is a chain: an entry changed or removed behind the application's back is found and named."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory

from safecommunity.core.audit import audit_chain_verify, audit_record
from safecommunity.core.middleware import audit_context
from safecommunity.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def three_entries() -> list[AuditEvent]:
    return [
        audit_record(actor=None, action="report.intake", target_type="reports.report", target_id="1"),
        audit_record(
            actor=None, action="report.view_personal_data", target_type="reports.report", target_id="1",
            details={"fields": ["description"], "count": 2, "nested": {"b": 1, "a": [1.5, None, True]}},
        ),
        audit_record(actor=None, action="attachment.open", target_type="reports.attachment", target_id="7"),
    ]  # fmt: skip


def verify() -> str:
    out = io.StringIO()
    call_command("verify_audit_chain", stdout=out)
    return out.getvalue()


def test_each_entry_carries_the_hash_of_the_one_before() -> None:
    first, second, third = three_entries()
    assert first.previous_hash == ""
    assert second.previous_hash == first.entry_hash
    assert third.previous_hash == second.entry_hash
    assert len({first.entry_hash, second.entry_hash, third.entry_hash}) == 3
    assert "intact: 3 entries verified" in verify()


def test_an_empty_trail_is_intact() -> None:
    assert "intact: 0 entries verified" in verify()


def test_details_edited_in_the_database_break_the_chain_at_that_entry() -> None:
    _, second, _ = three_entries()
    AuditEvent.objects.filter(pk=second.pk).update(details={"fields": []})
    with pytest.raises(CommandError, match=rf"broken at entry {second.pk} .*content does not match its hash"):
        verify()


def test_an_actor_renamed_in_the_database_breaks_the_chain() -> None:
    first, _, _ = three_entries()
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(AuditEvent._meta.db_table)
        cursor.execute(f"UPDATE {table} SET actor_label = %s, action = %s WHERE id = %s", ["someone", "x", first.pk])  # noqa: S608
    assert audit_chain_verify().first_broken_id == first.pk


def test_an_entry_deleted_with_sql_is_noticed_at_the_entry_after_it() -> None:
    _, second, third = three_entries()
    with connection.cursor() as cursor:
        table = connection.ops.quote_name(AuditEvent._meta.db_table)
        cursor.execute(f"DELETE FROM {table} WHERE id = %s", [second.pk])  # noqa: S608
    with pytest.raises(CommandError, match=rf"broken at entry {third.pk} .*previous_hash does not match"):
        verify()


def test_rehashing_an_edited_entry_does_not_hide_the_edit() -> None:
    """Whoever edits an entry and recomputes its hash still breaks the link to the next one."""
    first, second, _ = three_entries()
    first.details = {"edited": True}
    from safecommunity.core.audit import _entry_digest

    AuditEvent.objects.filter(pk=first.pk).update(details=first.details, entry_hash=_entry_digest(first))
    assert audit_chain_verify().first_broken_id == second.pk


def test_the_address_a_request_came_from_is_recorded() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        audit_record(actor=None, action="report.intake", target_type="reports.report", target_id="9")
        return HttpResponse("ok")

    audit_context(view)(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9"))
    audit_context(view)(RequestFactory().get("/", REMOTE_ADDR="not an address"))
    outside_a_request = audit_record(actor=None, action="report.intake", target_type="reports.report", target_id="9")
    addresses = list(AuditEvent.objects.order_by("pk").values_list("ip_address", flat=True))
    assert addresses == ["203.0.113.9", None, None]
    assert outside_a_request.ip_address is None
    assert audit_chain_verify().intact


def test_the_address_behind_a_proxy_comes_from_the_trusted_header(settings) -> None:
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    def view(request: HttpRequest) -> HttpResponse:
        audit_record(actor=None, action="report.intake", target_type="reports.report", target_id="9")
        return HttpResponse("ok")

    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="2001:db8::7, 10.0.0.1")
    audit_context(view)(request)
    assert AuditEvent.objects.get().ip_address == "2001:db8::7"


def test_an_entry_written_inside_a_larger_transaction_chains_too(django_db_blocker) -> None:
    from django.db import transaction

    with transaction.atomic():
        first = audit_record(actor=None, action="a", target_type="t", target_id="1")
        second = audit_record(actor=None, action="b", target_type="t", target_id="2")
    assert second.previous_hash == first.entry_hash
    assert audit_chain_verify().intact
