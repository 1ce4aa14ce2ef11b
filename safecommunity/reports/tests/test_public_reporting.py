"""An anonymous reporter sends a report from their phone and comes back with the receipt code."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from safecommunity.reports.models import Report
from safecommunity.reports.tests.factories import form_data

pytestmark = pytest.mark.django_db


def receipt_code_in(html: str) -> str:
    match = re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", html)
    assert match, "no receipt code on the page"
    return match.group(0)


def test_an_anonymous_reporter_gets_a_receipt_code_and_can_follow_up(client: Client, sacramento) -> None:
    response = client.post("/en/report/", form_data(sacramento.pk))
    assert response.status_code == 200, response.content.decode()[:2000]
    code = receipt_code_in(response.content.decode())
    report = Report.objects.get()
    assert report.region == sacramento
    assert report.receipt_hash and code not in report.receipt_hash

    status = client.post("/en/follow-up/", {"code": code.lower()})
    assert status.status_code == 200
    assert "Received" in status.content.decode()


def test_a_failed_submission_keeps_every_value(client: Client, sacramento) -> None:
    data = form_data(sacramento.pk, occurred_on="", contact_name="Lan", may_contact="yes", contact_methods=["email"])
    response = client.post("/vi/report/", data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "grocery store on Stockton Boulevard" in html
    assert 'value="Lan"' in html
    assert Report.objects.count() == 0


def test_staff_learn_which_interpreter_a_description_needs(
    client: Client, sacramento, django_capture_on_commit_callbacks
) -> None:
    description = "Một người đàn ông đã chửi mẹ tôi ở chợ và bảo bà cút về nước."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/vi/report/", form_data(sacramento.pk, description=description))
    assert response.status_code == 200
    report = Report.objects.get()
    assert (report.language, report.description_language) == ("vi", "vi")


def test_a_form_sent_from_an_expired_page_comes_back_filled_in(sacramento) -> None:
    """Cookies blocked or cleared: nothing is stored, nothing typed is lost, and the reason is explained."""
    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/tl/report/", form_data(sacramento.pk, contact_name="Maria"))
    html = response.content.decode()
    assert response.status_code == 403
    assert "grocery store on Stockton Boulevard" in html
    assert 'value="Maria"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'lang="tl"' in html
    assert Report.objects.count() == 0


def test_an_unknown_address_gets_a_page_in_the_visitors_language(client: Client, settings) -> None:
    settings.DEBUG = False
    response = client.get("/ko/no-such-page/")
    assert response.status_code == 404
    assert 'lang="ko"' in response.content.decode()


def test_information_added_later_is_listed_at_once(client: Client, sacramento) -> None:
    code = receipt_code_in(client.post("/en/report/", form_data(sacramento.pk)).content.decode())
    response = client.post("/en/follow-up/", {"code": code, "text": "He was there again on Monday."})
    assert response.status_code == 200
    assert response.content.decode().count("Added on") == 1


def test_an_empty_code_is_asked_for_again(client: Client) -> None:
    response = client.post("/en/follow-up/", {"code": ""})
    assert response.status_code == 422
    assert "Please enter your receipt code." in response.content.decode()
