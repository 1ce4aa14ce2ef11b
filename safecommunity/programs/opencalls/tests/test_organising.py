"""Organisers run calls: create and edit them, assign reviewers, follow the reviews, rank and decide."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import an_organisation_in, greater_sacramento, signed_in, the_bay_area
from safecommunity.core.models import AuditEvent
from safecommunity.programs.opencalls.models import (
    Application,
    Call,
    ConflictDeclaration,
    Criterion,
    Decision,
    Question,
    ReviewerAssignment,
    Score,
)
from safecommunity.programs.opencalls.selectors import awarded_applications, call_ranking
from safecommunity.programs.opencalls.services import ScoreEntry, conflict_declare, scores_save
from safecommunity.programs.opencalls.tests.factories import a_call, a_reviewer, an_application, assigned

pytestmark = pytest.mark.django_db

STAFF = "/en/staff/programmes/calls/"


def multilingual(name: str, text: str) -> dict[str, str]:
    return {f"{name}_0": text}


def test_linh_creates_a_call_whose_deadline_is_entered_in_the_coalitions_time_zone(organiser_a: User) -> None:
    data = {
        "kind": "essay_contest",
        "slug": "youth-essays-2026",
        **multilingual("title", "Youth essay contest: standing up to hate"),
        **multilingual("summary", "Write 800 words."),
        "time_zone": "America/Los_Angeles",
        "opens_at": "2026-03-01T09:00",
        "deadline": "2026-04-01T17:00",
        "allowed_file_types": ["pdf", "docx"],
        "max_file_mb": "5",
        "max_files": "1",
    }

    response = signed_in(organiser_a).post(f"{STAFF}new/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get()
    assert call.coalition == greater_sacramento()
    assert call.status == Call.Status.DRAFT
    assert call.title == {"en": "Youth essay contest: standing up to hate"}
    assert call.deadline.isoformat() == "2026-04-02T00:00:00+00:00"  # 17:00 in Sacramento (PDT) is midnight UTC
    assert AuditEvent.objects.filter(action="opencalls.call_created").exists()


def test_a_call_with_mistakes_comes_back_with_every_value(organiser_a: User) -> None:
    response = signed_in(organiser_a).post(
        f"{STAFF}new/",
        {
            "kind": "funding",
            "slug": "grants",
            **multilingual("title", "Grants for safety"),
            "time_zone": "Mars/Olympus",
            "opens_at": "2026-03-01T09:00",
            "deadline": "2026-02-01T17:00",
            "max_file_mb": "5",
            "max_files": "1",
        },
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a time zone such as America/Los_Angeles." in page
    assert "Grants for safety" in page
    assert not Call.objects.exists()


def test_linh_adds_questions_and_a_rubric_and_opens_the_call(call: Call, organiser_a: User) -> None:
    client = signed_in(organiser_a)

    client.post(
        f"{STAFF}{call.pk}/questions/",
        {**multilingual("text", "How many people will you reach?"), "kind": "text", "required": "on"},
    )
    refused = client.post(
        f"{STAFF}{call.pk}/criteria/", {**multilingual("name", "Reach"), "weight": "0", "max_score": "5"}
    )
    client.post(f"{STAFF}{call.pk}/criteria/", {**multilingual("name", "Reach"), "weight": "1.5", "max_score": "5"})
    client.post(f"{STAFF}{call.pk}/status/", {"status": "closed"})

    assert Question.objects.filter(call=call, text={"en": "How many people will you reach?"}).exists()
    assert refused.status_code == 422
    assert Criterion.objects.get(call=call, name={"en": "Reach"}).weight == Decimal("1.5")
    assert Call.objects.get(pk=call.pk).status == Call.Status.CLOSED


def test_omar_of_the_bay_area_finds_nothing_of_greater_sacramento(call: Call, organiser_bay: User) -> None:
    application = an_application(call).application
    client = signed_in(organiser_bay)

    assert "Community safety grants" not in client.get(STAFF).content.decode()
    assert client.get(f"{STAFF}{call.pk}/").status_code == 404
    assert client.get(f"{STAFF}{call.pk}/edit/").status_code == 404
    assert client.post(f"{STAFF}{call.pk}/status/", {"status": "closed"}).status_code == 404
    assert client.get(f"{STAFF}applications/{application.public_id}/").status_code == 404
    assert Call.objects.get(pk=call.pk).status == Call.Status.OPEN


def test_other_roles_and_the_public_may_not_manage_calls(call: Call, rosa: User, analyst: User) -> None:
    assert signed_in(rosa).get(STAFF).status_code == 403
    assert signed_in(analyst).get(f"{STAFF}{call.pk}/").status_code == 403
    assert Client().get(STAFF).status_code == 302


def test_linh_assigns_reviewers_of_her_coalition_only(call: Call, organiser_a: User, rosa: User) -> None:
    outsider = a_reviewer("bay.reviewer", an_organisation_in(the_bay_area(), "bay-partner"))
    client = signed_in(organiser_a)

    client.post(f"{STAFF}{call.pk}/reviewers/", {"reviewer": rosa.pk})
    refused = client.post(f"{STAFF}{call.pk}/reviewers/", {"reviewer": outsider.pk})

    assert ReviewerAssignment.objects.filter(call=call, reviewer=rosa).exists()
    assert refused.status_code == 422
    assert not ReviewerAssignment.objects.filter(reviewer=outsider).exists()


def score(reviewer: User, application: Application, relevance: int, feasibility: int) -> None:
    conflict_declare(reviewer=reviewer, application=application, has_conflict=False)
    first, second = application.call.rubric.all()
    scores_save(
        reviewer=reviewer,
        application=application,
        entries=[ScoreEntry(first, relevance, ""), ScoreEntry(second, feasibility, "")],
    )


def test_the_ranking_weighs_the_criteria_leaves_out_conflicts_and_shows_ties(call: Call, rosa: User, kim: User) -> None:
    assigned(call, rosa)
    assigned(call, kim)
    hmong = an_application(call, "Hmong Youth Circle").application
    viet = an_application(call, "Vietnamese Women's Association").application
    korean = an_application(call, "Korean Elders Club").application
    unscored = an_application(call, "Late Starters").application
    # Relevance (weight 2, out of 5) and feasibility (weight 1, out of 10).
    score(rosa, hmong, 5, 10)  # 100
    score(kim, hmong, 3, 4)  # (2*0.6 + 0.4)/3 = 53.3 → mean of all scores 76.7
    score(rosa, viet, 4, 8)  # 80
    score(rosa, korean, 4, 8)  # 80: tied with viet
    score(kim, korean, 0, 0)  # then Kim declares a conflict: her zeros must not count
    ConflictDeclaration.objects.filter(assignment__reviewer=kim, application=korean).update(has_conflict=True)

    ranking = call_ranking(call=call)

    assert [(row.application.organisation_name, row.score, row.rank, row.tied) for row in ranking] == [
        ("Vietnamese Women's Association", Decimal("80.0"), 1, True),
        ("Korean Elders Club", Decimal("80.0"), 1, True),
        ("Hmong Youth Circle", Decimal("76.7"), 3, False),
        ("Late Starters", None, None, False),
    ]
    korean_row = ranking[1]
    assert (korean_row.score_count, korean_row.reviewer_count, korean_row.conflict_count) == (2, 1, 1)
    assert ranking[2].score_count == 4
    assert unscored.pk == ranking[3].application.pk


def test_the_organiser_sees_progress_and_the_ranking_on_the_call_page(
    call: Call, organiser_a: User, rosa: User
) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    score(rosa, application, 5, 10)

    page = signed_in(organiser_a).get(f"{STAFF}{call.pk}/").content.decode()

    assert 'id="ranking"' in page
    assert "Hmong Youth Circle" in page
    assert "100.0" in page
    assert 'id="review-progress"' in page
    assert "rosa.reviewer" in page or "Rosa" in page


def test_opening_an_application_shows_its_contact_details_and_is_audited(call: Call, organiser_a: User) -> None:
    application = an_application(call).application

    page = signed_in(organiser_a).get(f"{STAFF}applications/{application.public_id}/").content.decode()

    assert "pa@example.org" in page
    assert "Pa Vang" in page
    event = AuditEvent.objects.get(action="opencalls.contact_viewed")
    assert event.actor == organiser_a
    assert event.target_id == str(application.pk)


def test_decisions_are_emailed_in_each_applicants_language_once_saved(
    call: Call, organiser_a: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    english = an_application(call, "Hmong Youth Circle", email="pa@example.org").application
    vietnamese = an_application(call, "Hội Phụ nữ Việt", language="vi", email="lan@example.org").application
    mail.outbox.clear()
    client = signed_in(organiser_a)

    with django_capture_on_commit_callbacks(execute=True):
        awarded = client.post(
            f"{STAFF}applications/{vietnamese.public_id}/decide/",
            {"outcome": "award", "message": "Chúc mừng! Chúng tôi sẽ liên lạc sớm."},
        )
        client.post(f"{STAFF}applications/{english.public_id}/decide/", {"outcome": "decline", "message": ""})

    assert awarded.status_code == 302
    by_address = {email.to[0]: email for email in mail.outbox}
    to_lan, to_pa = by_address["lan@example.org"], by_address["pa@example.org"]
    assert to_lan.extra_headers["Content-Language"] == "vi"
    assert "Tài trợ an toàn cộng đồng" in to_lan.subject
    assert "Chúc mừng! Chúng tôi sẽ liên lạc sớm." in to_lan.body
    assert to_pa.extra_headers["Content-Language"] == "en"
    assert "was not selected this time" in to_pa.body
    assert Decision.objects.filter(email_sent_at__isnull=False).count() == 2
    assert Application.objects.get(pk=vietnamese.pk).status == Application.Status.AWARDED
    assert AuditEvent.objects.filter(action="opencalls.decided").count() == 2
    assert list(awarded_applications(coalition_ids={call.coalition_id})) == [Application.objects.get(pk=vietnamese.pk)]
    assert list(awarded_applications(coalition_ids={call.coalition_id + 1000})) == []


def test_a_decision_without_an_outcome_is_refused_and_nothing_is_sent(
    call: Call, organiser_a: User, django_capture_on_commit_callbacks: Callable[..., Any]
) -> None:
    application = an_application(call).application
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(organiser_a).post(
            f"{STAFF}applications/{application.public_id}/decide/", {"message": "Well done, typed with care."}
        )

    assert response.status_code == 422
    assert "Please choose award or decline." in response.content.decode()
    assert "Well done, typed with care." in response.content.decode()
    assert mail.outbox == []


def test_once_the_call_is_decided_decisions_and_scores_are_final(call: Call, organiser_a: User, rosa: User) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    client = signed_in(organiser_a)
    client.post(f"{STAFF}{call.pk}/status/", {"status": "decided"})

    response = client.post(f"{STAFF}applications/{application.public_id}/decide/", {"outcome": "award"})

    assert response.status_code == 409
    assert not Decision.objects.exists()
    assert not Score.objects.exists()


def test_the_public_api_lists_open_calls_in_the_language_asked_for(call: Call) -> None:
    a_call(greater_sacramento(), "closed-one", status=Call.Status.CLOSED)

    response = Client().get("/api/v1/calls?language=vi")

    assert response.status_code == 200
    [item] = response.json()
    assert item["slug"] == "safety-grants"
    assert item["title"] == "Tài trợ an toàn cộng đồng"
    assert item["time_zone"] == "America/Los_Angeles"
    assert item["url"].endswith("/vi/calls/safety-grants/")
    assert item["deadline"] == call.deadline.isoformat().replace("+00:00", "Z") or item["deadline"].startswith(
        call.deadline.strftime("%Y-%m-%dT%H:%M")
    )


def test_linh_edits_a_call_whose_times_are_shown_in_its_time_zone(call: Call, organiser_a: User) -> None:
    Call.objects.filter(pk=call.pk).update(
        deadline=dt.datetime(2026, 4, 2, 0, 0, tzinfo=dt.UTC), opens_at=dt.datetime(2026, 3, 1, 17, tzinfo=dt.UTC)
    )
    client = signed_in(organiser_a)

    assert client.get(f"{STAFF}new/").status_code == 200
    form = client.get(f"{STAFF}{call.pk}/edit/").content.decode()
    assert 'value="2026-04-01T17:00"' in form  # midnight UTC is 17:00 in Sacramento
    response = client.post(
        f"{STAFF}{call.pk}/edit/",
        {
            "kind": "funding",
            "slug": "safety-grants",
            **multilingual("title", "Community safety grants 2026"),
            "time_zone": "America/Los_Angeles",
            "opens_at": "2026-03-01T09:00",
            "deadline": "2026-04-15T17:00",
            "allowed_file_types": ["pdf"],
            "max_file_mb": "2",
            "max_files": "3",
        },
    )

    assert response.status_code == 302
    call.refresh_from_db()
    assert call.title == {"en": "Community safety grants 2026"}
    assert call.deadline == dt.datetime(2026, 4, 16, 0, 0, tzinfo=dt.UTC)
