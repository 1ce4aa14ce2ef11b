"""Reviewers declare a conflict of interest (or none) before reading an application, then score it."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.programs.opencalls.attachments import CleanFile
from safecommunity.programs.opencalls.models import Call, ConflictDeclaration, Score
from safecommunity.programs.opencalls.tests.factories import an_application, assigned, pdf_bytes

pytestmark = pytest.mark.django_db


def review_url(public_id: object) -> str:
    return f"/en/staff/programmes/reviews/applications/{public_id}/"


def test_a_reviewer_sees_the_calls_she_is_assigned_to_and_nothing_else(call: Call, rosa: User, kim: User) -> None:
    assigned(call, rosa)

    mine = signed_in(rosa).get("/en/staff/programmes/reviews/")
    others = signed_in(kim).get("/en/staff/programmes/reviews/")

    assert "Community safety grants" in mine.content.decode()
    assert "Community safety grants" not in others.content.decode()
    assert signed_in(kim).get(f"/en/staff/programmes/reviews/calls/{call.pk}/").status_code == 404


def test_the_application_stays_hidden_until_the_reviewer_declares_no_conflict_then_she_scores_it(
    call: Call, rosa: User
) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    client = signed_in(rosa)

    before = client.get(review_url(application.public_id))
    assert before.status_code == 200
    assert "Workshops on reporting in Hmong." not in before.content.decode()
    assert "Do you have a conflict of interest with this application?" in before.content.decode()
    assert "pa@example.org" not in before.content.decode()

    declared = client.post(review_url(application.public_id), {"action": "declare", "conflict": "no"})
    assert declared.status_code == 302

    page = client.get(review_url(application.public_id)).content.decode()
    assert "Workshops on reporting in Hmong." in page
    assert "pa@example.org" not in page  # reviewers never see contact details

    relevance, feasibility = call.rubric.all()
    scored = client.post(
        review_url(application.public_id),
        {
            "action": "score",
            f"score_{relevance.pk}": "4",
            f"comment_{relevance.pk}": "Reaches elders who never report.",
            f"score_{feasibility.pk}": "7",
        },
    )
    assert scored.status_code == 302
    assert {(s.criterion_id, s.score) for s in Score.objects.filter(reviewer=rosa)} == {
        (relevance.pk, 4),
        (feasibility.pk, 7),
    }

    # She may change her mind until the call is decided.
    client.post(review_url(application.public_id), {"action": "score", f"score_{relevance.pk}": "5"})
    assert Score.objects.get(reviewer=rosa, criterion=relevance).score == 5


def test_a_score_above_the_maximum_is_refused_and_what_was_typed_is_kept(call: Call, rosa: User) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    client = signed_in(rosa)
    client.post(review_url(application.public_id), {"action": "declare", "conflict": "no"})
    relevance, feasibility = call.rubric.all()

    response = client.post(
        review_url(application.public_id),
        {
            "action": "score",
            f"score_{relevance.pk}": "9",
            f"comment_{relevance.pk}": "Strong plan, typed with care.",
            f"score_{feasibility.pk}": "3",
        },
    )

    assert response.status_code == 422
    page = response.content.decode()
    assert "The score cannot be above 5." in page
    assert "Strong plan, typed with care." in page
    assert not Score.objects.exists()


def test_a_declared_conflict_keeps_the_application_closed_and_refuses_scores(call: Call, rosa: User) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    client = signed_in(rosa)

    client.post(review_url(application.public_id), {"action": "declare", "conflict": "yes"})
    page = client.get(review_url(application.public_id)).content.decode()
    relevance = call.rubric.first()
    assert relevance is not None
    refused = client.post(review_url(application.public_id), {"action": "score", f"score_{relevance.pk}": "5"})
    # A conflict is final: declaring "no" afterwards changes nothing.
    client.post(review_url(application.public_id), {"action": "declare", "conflict": "no"})

    assert "You declared a conflict of interest" in page
    assert "Workshops on reporting in Hmong." not in page
    assert refused.status_code == 409
    assert not Score.objects.exists()
    assert ConflictDeclaration.objects.get().has_conflict is True


def test_scores_cannot_change_once_the_call_is_decided(call: Call, rosa: User) -> None:
    assigned(call, rosa)
    application = an_application(call).application
    client = signed_in(rosa)
    client.post(review_url(application.public_id), {"action": "declare", "conflict": "no"})
    Call.objects.filter(pk=call.pk).update(status=Call.Status.DECIDED)
    relevance = call.rubric.first()
    assert relevance is not None

    response = client.post(review_url(application.public_id), {"action": "score", f"score_{relevance.pk}": "5"})

    assert response.status_code == 409
    assert "scores can no longer be changed" in response.content.decode()
    assert not Score.objects.exists()


def test_documents_are_downloaded_only_after_a_declaration_of_no_conflict(call: Call, rosa: User, kim: User) -> None:
    assigned(call, rosa)
    application = an_application(call, files=[CleanFile("plan.pdf", "pdf", "application/pdf", pdf_bytes())]).application
    attachment = application.attachments.get()
    url = f"/en/staff/programmes/calls/files/{attachment.pk}/"
    client = signed_in(rosa)

    assert client.get(url).status_code == 404
    client.post(review_url(application.public_id), {"action": "declare", "conflict": "no"})
    download = client.get(url)

    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert "no-store" in download["Cache-Control"]
    assert download.content.startswith(b"%PDF")
    assert signed_in(kim).get(url).status_code == 404  # not assigned to the call


def test_people_who_do_not_review_may_not_open_the_review_pages(call: Call, analyst: User) -> None:
    assert signed_in(analyst).get("/en/staff/programmes/reviews/").status_code == 403
    anonymous = Client().get("/en/staff/programmes/reviews/")
    assert anonymous.status_code == 302
    assert "/accounts/sign-in/" in anonymous["Location"]
