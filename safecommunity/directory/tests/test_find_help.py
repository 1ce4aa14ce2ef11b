"""Stories: someone looks for help in the directory, on the Find help page, after a report, or over the API."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import Organisation
from safecommunity.core.models import Region
from safecommunity.directory.models import Service, ServiceKind
from safecommunity.directory.tests.factories import a_service
from safecommunity.reports.tests.factories import form_data

pytestmark = pytest.mark.django_db


def test_a_korean_speaker_in_sacramento_finds_the_korean_counselling_without_javascript(
    client: Client, org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_b, name="Korean Counselling", languages=["ko", "en"], regions=[sacramento])
    a_service(org_a, name="Hmong legal clinic", kind=ServiceKind.LEGAL_AID, languages=["hmn"])

    # A plain GET form: the filters are in the address, so no script is needed and the result can be bookmarked.
    response = client.get("/ko/find-help/", {"kind": "mental_health", "language": "ko", "region": "sacramento"})

    assert response.status_code == 200
    html = response.content.decode()
    assert '<form method="get"' in html
    assert "Korean Counselling" in html
    assert "Hmong legal clinic" not in html
    # The only script is htmx, which updates the results in place when it runs; nothing needs it.
    assert html.count("<script") == 1 and "htmx-2.0.11.min.js" in html


def test_with_htmx_a_new_choice_brings_back_only_the_results_and_their_count_for_screen_readers(
    client: Client, org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_b, name="Korean Counselling", languages=["ko", "en"], regions=[sacramento])
    a_service(org_a, name="Hmong legal clinic", kind=ServiceKind.LEGAL_AID, languages=["hmn"])

    response = client.get("/en/find-help/", {"kind": "legal_aid"}, HTTP_HX_REQUEST="true")

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html  # a part of the page, not the page again
    assert "Hmong legal clinic" in html and "Korean Counselling" not in html
    assert '<p id="find-help-status" hx-swap-oob="innerHTML">1 service found</p>' in html
    assert "Show all services" in html
    assert "HX-Request" in response["Vary"]
    # The back button asks for the whole page again.
    restored = client.get(
        "/en/find-help/", {"kind": "legal_aid"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in restored.content.decode()


def test_with_htmx_a_choice_that_is_not_offered_is_explained_in_place(client: Client) -> None:
    response = client.get("/en/find-help/", {"kind": "astrology"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 422
    assert "<html" not in response.content.decode()
    assert "Please choose one of the options shown." in response.content.decode()


def test_the_page_lists_everything_with_how_to_reach_each_service(
    client: Client, org_b: Organisation, sacramento: Region
) -> None:
    a_service(
        org_b,
        name="Korean Counselling",
        languages=["ko"],
        regions=[sacramento],
        cost=Service.Cost.SLIDING_SCALE,
        phone="916 555 0142",
        url="https://counselling.example.org",
        address="1 K Street, Sacramento",
        accessibility="Step-free entrance.",
        eligibility="Adults who experienced a hate incident.",
    )

    html = client.get("/en/find-help/").content.decode()

    assert 'href="tel:9165550142"' in html
    assert "\u2066916 555 0142\u2069" in html  # the number stays left-to-right in an Arabic sentence
    for shown in ("Korean", "Sacramento", "Sliding scale", "Step-free entrance.", "Adults who experienced"):
        assert shown in html


def test_texts_and_labels_come_in_the_page_language_and_arabic_pages_read_right_to_left(
    client: Client, org_a: Organisation
) -> None:
    a_service(
        org_a,
        name="Interpreters",
        kind=ServiceKind.INTERPRETATION,
        languages=["ar", "en"],
        hours="Every day, 8 to 8",
        translations={"ar": {"hours": "كل يوم من ٨ إلى ٨"}},
    )

    html = client.get("/ar/find-help/").content.decode()

    assert 'dir="rtl"' in html
    assert "كل يوم من ٨ إلى ٨" in html
    assert "Every day, 8 to 8" not in html


def test_a_filter_value_that_is_not_offered_gets_a_clear_message_and_keeps_the_other_choices(
    client: Client, org_a: Organisation
) -> None:
    response = client.get("/en/find-help/", {"kind": "astrology", "language": "ko"})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Please choose one of the options shown." in html
    assert '<option value="ko" selected>' in html


def test_the_header_and_get_help_page_lead_to_find_help(client: Client) -> None:
    assert "/en/find-help/" in client.get("/en/").content.decode()
    assert "/en/find-help/" in client.get("/en/get-help/").content.decode()


def test_the_confirmation_page_lists_services_matching_the_reporters_needs_language_and_region(
    client: Client, org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_b, name="Korean Counselling", languages=["ko"], regions=[sacramento])
    a_service(org_a, name="Legal clinic", kind=ServiceKind.LEGAL_AID, languages=["ko"])

    response = client.post("/ko/report/", form_data(sacramento.pk, help_wanted=["mental_health"]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Korean Counselling" in html
    assert "Legal clinic" not in html


def test_when_no_service_matches_the_confirmation_page_points_to_find_help(client: Client, sacramento: Region) -> None:
    html = client.post("/en/report/", form_data(sacramento.pk, help_wanted=["medical"])).content.decode()

    assert "We did not find a service that matches everything you asked for." in html
    assert "/en/find-help/" in html


def test_a_bot_caught_by_the_hidden_field_is_shown_no_services(
    client: Client, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_b, name="Korean Counselling", languages=["ko"])

    response = client.post(
        "/en/report/", form_data(sacramento.pk, website="http://spam.example", help_wanted=["mental_health"])
    )

    assert response.status_code == 200
    assert "Korean Counselling" not in response.content.decode()


def test_partner_apps_list_services_over_the_api(
    client: Client, org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_b, name="Korean Counselling", languages=["ko"], regions=[sacramento])
    a_service(org_a, name="Draft", languages=["ko"], is_published=False)

    response = client.get("/api/v1/services", {"language": "ko", "region": "sacramento"})

    assert response.status_code == 200
    [service] = response.json()
    assert (service["name"], service["regions"], service["languages"]) == ("Korean Counselling", ["sacramento"], ["ko"])
    assert client.get("/api/v1/services", {"kind": "astrology"}).status_code == 422
    assert "/api/v1/services" in client.get("/api/openapi.json").json()["paths"]
