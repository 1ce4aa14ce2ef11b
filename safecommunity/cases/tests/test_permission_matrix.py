"""Every staff page and staff API endpoint, tried by every role and by an outsider organisation.

The world: org A runs a case (opened by Mai, assigned to Tam) from a report with a
photo, has a service with a pending change, and referred the case to org B's
service. Jin, an org-B caseworker, is the outsider: everything of org A's case
must answer 404 to him, by page, by action, by API, by search and by export.

Every staff URL the site has must appear in ``EXPECTED`` (programme pages: in
``programs/tests/staff_urls.py``, where Omar, the Bay Area's organiser, is the outsider):
a new page without an entry fails the first test, so nobody adds a page without
deciding who may open it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.cases.models import Case, Referral
from safecommunity.cases.services_referrals import referral_create
from safecommunity.cases.tests.factories import a_case, a_report_with_contact
from safecommunity.core.tests.access_tables import FORBIDDEN, HIDDEN, OK, everyone, only
from safecommunity.directory.models import Service, ServiceChange
from safecommunity.directory.tests.factories import a_service
from safecommunity.insights.engine import Selection
from safecommunity.insights.models import Brief
from safecommunity.insights.services_briefs import brief_create
from safecommunity.programs.tests.staff_urls import ProgrammeWorld, decision_for, programme_world
from safecommunity.reports.attachments import CleanFile
from safecommunity.reports.models import Attachment, Report
from safecommunity.reports.services import report_submit
from safecommunity.reports.tests.factories import a_draft

pytestmark = pytest.mark.django_db

TRIAGE = only({"admin", "coordinator"})
WORKERS = {"admin", "coordinator", "caseworker_a", "caseworker_b"}
CASE_A = only(WORKERS, caseworker_b=HIDDEN)
ALL_STAFF = everyone(OK)
STATISTICS = only({"admin", "analyst"})

EXPECTED: dict[str, dict[str, str]] = {
    "cases:dashboard": ALL_STAFF,
    "accounts:security": ALL_STAFF,
    "accounts:recovery_codes": ALL_STAFF,
    "accounts:recovery_codes_new": ALL_STAFF,
    "reports:staff_intake": only(WORKERS),
    "reports:staff_attachment": only({"admin", "coordinator"}, caseworker_a=HIDDEN, caseworker_b=HIDDEN),
    "cases:triage": TRIAGE,
    "cases:triage_report": TRIAGE,
    "cases:triage_verify": TRIAGE,
    "cases:triage_merge": TRIAGE,
    "cases:triage_unmerge": TRIAGE,
    "cases:triage_link": TRIAGE,
    "cases:triage_dismiss": TRIAGE,
    "cases:triage_unlink": TRIAGE,
    "cases:case_list": only(WORKERS),
    # Opening a case is part of triage: the intake coordinator decides which organisation takes it.
    "cases:case_open": TRIAGE,
    "cases:referrals_received": only(WORKERS),
    # The referral went to org B: only org B answers it.
    "cases:referral_answer": only({"caseworker_b"}, admin=HIDDEN, coordinator=HIDDEN, caseworker_a=HIDDEN),
    "cases:referral_complete": only({"caseworker_b"}, admin=HIDDEN, coordinator=HIDDEN, caseworker_a=HIDDEN),
    "directory:partner_services": only(WORKERS),
    "directory:propose_new": only(WORKERS),
    "directory:propose_change": only(WORKERS, caseworker_b=HIDDEN),
    "directory:review_list": only({"admin"}),
    "directory:review_change": only({"admin"}),
    "admin:index": only({"admin"}),
    "api:list_reports_for_staff": TRIAGE,
    "api:report_duplicates_for_staff": TRIAGE,
    "api:list_cases": only(WORKERS),
    "api:export_cases": only(WORKERS),
    "api:get_case": CASE_A,
    "insights:briefs": STATISTICS,
    "insights:brief_new": STATISTICS,
    "insights:brief_detail": STATISTICS,
    "insights:brief_pdf": STATISTICS,
    "insights:brief_publish": STATISTICS,
    "insights:brief_unpublish": STATISTICS,
    "insights:brief_regenerate": STATISTICS,
}
# Every page of org A's case, its actions included, follows the same rule.
CASE_URL = re.compile(r"^cases:case_(?!list$|open$)")


@dataclass
class World:
    people: dict[str, User]
    report: Report
    attachment: Attachment
    case: Case
    referral: Referral
    service_a: Service
    change: ServiceChange
    brief: Brief
    programmes: ProgrammeWorld

    def kwargs_for(self, name: str, pattern: str) -> dict[str, Any]:
        if decision_for(name) is not None:
            return self.programmes.kwargs_for(name, pattern)
        kwargs: dict[str, Any] = {}
        if "<uuid:public_id>" in pattern:
            kwargs["public_id"] = self.report.public_id if name.startswith("cases:triage") else self.case.public_id
        if "<uuid:report_id>" in pattern:
            kwargs["report_id"] = self.report.public_id
        if "<int:attachment_id>" in pattern:
            kwargs["attachment_id"] = self.attachment.pk
        if "<int:referral_id>" in pattern:
            kwargs["referral_id"] = self.referral.pk
        if "<int:service_id>" in pattern:
            kwargs["service_id"] = self.service_a.pk
        if "<reference>" in pattern:
            kwargs["reference"] = self.report.reference if "report" in name else self.case.reference
        if "<int:change_id>" in pattern:
            kwargs["change_id"] = self.change.pk
        if "<uuid:brief_id>" in pattern:
            kwargs["brief_id"] = self.brief.public_id
        return kwargs


@pytest.fixture
def world(
    settings: Any,
    tmp_path: Any,
    sacramento: Any,
    org_a: Organisation,
    org_b: Organisation,
    coalition_admin: User,
    intake_coordinator: User,
    caseworker_a: User,
    caseworker_b: User,
    analyst: User,
    volunteer: User,
    organiser_a: User,
    organiser_bay: User,
    reviewer: User,
    network_admin: User,
) -> World:
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    photo = CleanFile("image", "image/jpeg", b"\xff\xd8 pretend jpeg bytes")
    report = report_submit(
        draft=a_draft(may_contact=True, contact_methods=["phone"], contact_phone="916 555 0100"), attachments=[photo]
    ).report
    case = a_case(
        organisation=org_a,
        caseworker=caseworker_a,
        opened_by=intake_coordinator,
        reports=[report, a_report_with_contact()],
        consent_share=True,
    )
    service_b = a_service(org_b, name="Korean counselling", languages=["ko"])
    referral = referral_create(
        actor=caseworker_a, case=case, service=service_b, shared_fields=["preferred_language", "needs"]
    )
    service_a = a_service(org_a, name="Interpretation", kind="interpretation")
    change = ServiceChange.objects.create(
        organisation=org_a, service=service_a, proposed={"hours": "Every day"}, proposed_by=intake_coordinator
    )
    people = {
        "admin": coalition_admin,
        "coordinator": intake_coordinator,
        "caseworker_a": caseworker_a,
        "caseworker_b": caseworker_b,
        "analyst": analyst,
        "volunteer": volunteer,
        "organiser_a": organiser_a,
        "organiser_bay": organiser_bay,
        "reviewer": reviewer,
        "network": network_admin,
    }
    # A public draft brief of the whole period (the statistics are made of the reports above).
    brief = brief_create(
        actor=analyst,
        selection=Selection(dt.date(2026, 1, 1), dt.date(2026, 12, 31)),
        language="en",
        audience="public",
    )
    programmes = programme_world(organiser=organiser_a, reviewer=reviewer, organisation=org_a)
    return World(
        people, report, Attachment.objects.get(report=report), case, referral, service_a, change, brief, programmes
    )


def staff_urls() -> list[tuple[str, str]]:
    """(name, route) of every page and API endpoint under staff/ (or listed in EXPECTED), and the admin's front page."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
                walk(entry.url_patterns, prefix + str(entry.pattern), inner or namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                route = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if "staff/" in route or name in EXPECTED or route.startswith("api/v1/cases"):
                    found.append((name, route))

    walk(get_resolver().url_patterns, "", "")
    return sorted(set(found))


def expectation(name: str) -> dict[str, str]:
    if name in EXPECTED:
        return EXPECTED[name]
    programme = decision_for(name)
    if programme is not None:
        return programme
    if CASE_URL.match(name):
        return CASE_A
    raise AssertionError(f"{name} is a staff URL with no entry in EXPECTED: decide who may open it.")


def outcome_of(client: Client, url: str) -> tuple[str, int]:
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url, {})
    status = response.status_code
    if status == 401:  # the API's answer to a missing sign-in
        return "sign-in", status
    if status == 403:
        return FORBIDDEN, status
    if status == 404:
        return HIDDEN, status
    location = response.get("Location", "") if status in {302, 303} else ""
    if "/accounts/sign-in/" in location or location.startswith("/admin/login/"):
        return "sign-in", status
    return (OK if status < 500 else "error"), status


def test_every_staff_url_has_a_decision() -> None:
    urls = staff_urls()
    assert len(urls) >= 30
    for name, _route in urls:
        expectation(name)


def test_each_role_reaches_exactly_what_its_scope_allows(world: World) -> None:
    surprises = []
    for name, route in staff_urls():
        url = reverse(name, kwargs=world.kwargs_for(name, route))
        for persona, expected in expectation(name).items():
            # Each try is undone, so that one persona's deletion (of a shift, a link…) does not decide the next's.
            with transaction.atomic():
                got, status = outcome_of(signed_in(world.people[persona]), url)
                transaction.set_rollback(True)
            if got != expected:
                surprises.append(f"{persona} {url} ({name}): expected {expected}, got {got} ({status})")
    assert not surprises, "\n".join(surprises)


def test_nobody_signed_out_reaches_any_staff_page(world: World) -> None:
    for name, route in staff_urls():
        url = reverse(name, kwargs=world.kwargs_for(name, route))
        got, status = outcome_of(Client(), url)
        assert got == "sign-in", f"{url}: {status}"


def test_the_outsider_changes_nothing_by_posting_to_every_case_action(world: World) -> None:
    jin = signed_in(world.people["caseworker_b"])
    before = Case.objects.values().get(pk=world.case.pk)
    for name, route in staff_urls():
        if CASE_URL.match(name):
            url = reverse(name, kwargs=world.kwargs_for(name, route))
            response = jin.post(url, {"status": "closed", "outcome": "declined", "text": "x"})
            if response.status_code == 405:
                response = jin.get(url)
            assert response.status_code == 404, url
    assert Case.objects.values().get(pk=world.case.pk) == before


def test_the_outsider_finds_nothing_of_org_a_by_search_api_or_export(world: World) -> None:
    jin = signed_in(world.people["caseworker_b"])
    reference = world.case.reference
    case_page = reverse("cases:case_detail", args=[world.case.public_id])
    assert case_page not in jin.get(reverse("cases:case_list"), {"q": reference}).content.decode()
    assert reference not in jin.get("/api/v1/cases").content.decode()
    assert jin.get(f"/api/v1/cases/{reference}").status_code == 404
    assert reference not in jin.get("/api/v1/cases/export.csv").content.decode()
    assert jin.get("/api/v1/staff/reports").status_code == 403
    assert jin.get(f"/api/v1/staff/reports/{world.report.reference}/duplicates").status_code == 403

    tam = signed_in(world.people["caseworker_a"])
    assert case_page in tam.get(reverse("cases:case_list"), {"q": reference}).content.decode()
    assert tam.get(f"/api/v1/cases/{reference}").status_code == 200
    assert reference in tam.get("/api/v1/cases/export.csv").content.decode()


@pytest.mark.parametrize(
    ("persona", "staff_reports", "cases"),
    [
        ("admin", 200, 200),
        ("coordinator", 200, 200),
        ("caseworker_a", 403, 200),
        ("analyst", 403, 403),
        ("volunteer", 403, 403),
    ],
)
def test_the_staff_api_follows_the_same_roles(world: World, persona: str, staff_reports: int, cases: int) -> None:
    client = signed_in(world.people[persona])
    assert client.get("/api/v1/staff/reports").status_code == staff_reports
    assert client.get("/api/v1/cases").status_code == cases
    assert client.get("/api/v1/cases/export.csv").status_code == cases


def test_the_staff_api_wants_a_sign_in_and_a_second_factor(world: World) -> None:
    assert Client().get("/api/v1/staff/reports").status_code == 401
    assert Client().get("/api/v1/cases").status_code == 401
    half_signed_in = Client()
    half_signed_in.force_login(world.people["coordinator"])  # password only, no second factor yet
    assert half_signed_in.get("/api/v1/staff/reports").status_code == 401
    assert half_signed_in.get(f"/api/v1/cases/{world.case.reference}").status_code == 401
