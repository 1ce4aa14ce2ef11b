"""Story: Sam, the coalition's analyst, makes a brief on the Sacramento area, publishes it and keeps it up to date.

A public brief hides small counts ("fewer than 5") and can be published on the site and
in the feed; an internal brief shows exact counts to staff, and every time it is made,
shown or downloaded is audited. Caseworkers and the public never reach the analysts' pages.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import AuditEvent
from safecommunity.insights.engine import Selection
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.services_briefs import brief_create
from safecommunity.insights.tests.factories import a_counted_report, brief_reports

SACRAMENTO_AREA = ("sacramento", "yolo", "placer", "el-dorado")
TWO_YEARS = Selection(dt.date(2024, 1, 1), dt.date(2025, 12, 31), SACRAMENTO_AREA)


def form(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "region": list(SACRAMENTO_AREA),
        "date_from": "2024-01",
        "date_to": "2025-12",
        "language": "en",
        "audience": "public",
        "bias_motivation": "",
        "incident_type": "",
        "title": "",
    }
    data.update(overrides)
    return data


def text_of(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def a_brief(analyst: User, **fields: Any) -> Brief:
    values: dict[str, Any] = {"selection": TWO_YEARS, "language": "en", "audience": Brief.Audience.PUBLIC}
    values.update(fields)
    return brief_create(actor=analyst, **values)


@pytest.fixture
def reports(db: None) -> None:
    brief_reports()


# --- making a brief ----------------------------------------------------------------------------------------------


def test_sam_makes_a_public_brief_that_hides_small_counts(analyst: User, reports: None) -> None:
    client = signed_in(analyst)

    response = client.post(reverse("insights:brief_new"), form())

    brief = Brief.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("insights:brief_detail", args=[brief.public_id])
    page = client.get(response["Location"])
    text = text_of(page)
    assert page.status_code == 200
    assert "Hate incidents reported in Sacramento, Yolo, Placer, El Dorado, Jan. 1, 2024 to Dec. 31, 2025" in text
    assert "67% of reports came from Sacramento." in text
    assert "El Dorado fewer than 5" in text  # its 4 reports
    assert "Placer hidden so that a small number cannot be worked out" in text  # or 7 = 66 - 44 - 11 - 4
    assert "<svg" in page.content.decode()  # the charts, each beside its table
    assert "A note on underreporting" in text
    assert brief.status == Brief.Status.DRAFT
    assert brief.created_by == analyst
    assert list(AuditEvent.objects.filter(target_type="insights.brief").values_list("action", flat=True)) == [
        "insights.brief_create"
    ]  # and no exact export


def test_an_internal_brief_shows_exact_counts_and_every_export_is_audited(analyst: User, reports: None) -> None:
    client = signed_in(analyst)

    response = client.post(reverse("insights:brief_new"), form(audience="internal"))
    page = client.get(response["Location"])

    text = text_of(page)
    assert "Internal brief: exact counts, not for publication" in text
    assert "El Dorado 4 6.1 %" in text
    assert "Placer 7 10.6 %" in text
    assert "Women and girls were 2.6 times as likely to be targeted as men and boys" in text
    exports = AuditEvent.objects.filter(action="statistics.exact_export", target_type="insights.brief")
    assert [event.details["output"] for event in exports.order_by("pk")] == ["brief_create", "brief_page"]
    assert exports.first().actor == analyst  # type: ignore[union-attr]


def test_a_brief_with_bad_inputs_comes_back_with_translated_errors_and_nothing_lost(analyst: User, db: None) -> None:
    client = signed_in(analyst)

    response = client.post(
        reverse("insights:brief_new").replace("/en/", "/es/"),
        form(region=[], date_from="2025-13", date_to="2024-01", title="Informe del condado"),
    )

    assert response.status_code == 422
    content = response.content.decode()
    assert '<html lang="es"' in content
    assert 'id="error-summary"' in content
    assert 'href="#id_region_group"' in content and 'href="#id_date_from"' in content
    assert 'value="Informe del condado"' in content
    assert 'value="2025-13"' in content
    assert Brief.objects.count() == 0


def test_the_end_of_the_period_must_not_come_before_its_start(analyst: User, db: None) -> None:
    client = signed_in(analyst)

    response = client.post(reverse("insights:brief_new"), form(date_from="2025-06-01", date_to="2025-01-31"))

    assert response.status_code == 422
    assert "The end of the period must be on or after its start." in response.content.decode()
    assert "Choose at least one region." not in response.content.decode()


def test_a_brief_is_shown_in_its_own_language_right_to_left_for_arabic(analyst: User, reports: None) -> None:
    brief = a_brief(analyst, language="ar")

    page = signed_in(analyst).get(reverse("insights:brief_detail", args=[brief.public_id]))

    assert '<html lang="ar" dir="rtl">' in page.content.decode()
    assert "مضايقة لفظية" in page.content.decode()  # a label from the Arabic catalogue


# --- publishing, regenerating --------------------------------------------------------------------------------------


def test_sam_publishes_a_public_brief_and_anyone_can_read_it(analyst: User, reports: None) -> None:
    brief = a_brief(analyst)
    client = signed_in(analyst)

    response = client.post(reverse("insights:brief_publish", args=[brief.public_id]))

    assert response.status_code == 302
    brief.refresh_from_db()
    assert brief.status == Brief.Status.PUBLISHED and brief.published_at is not None
    public = Client()
    listing = public.get(reverse("insights:published_briefs"))
    assert reverse("insights:published_brief", args=[brief.public_id]) in listing.content.decode()
    assert 'rel="alternate" type="application/atom+xml"' in listing.content.decode()
    page = public.get(reverse("insights:published_brief", args=[brief.public_id]))
    assert page.status_code == 200
    assert "El Dorado fewer than 5" in text_of(page)
    assert "insights.brief_publish" in AuditEvent.objects.values_list("action", flat=True)

    client.post(reverse("insights:brief_unpublish", args=[brief.public_id]))

    assert public.get(reverse("insights:published_brief", args=[brief.public_id])).status_code == 404
    assert "insights.brief_unpublish" in AuditEvent.objects.values_list("action", flat=True)


def test_an_internal_brief_cannot_be_published(analyst: User, reports: None) -> None:
    brief = a_brief(analyst, audience=Brief.Audience.INTERNAL)

    response = signed_in(analyst).post(reverse("insights:brief_publish", args=[brief.public_id]))

    assert response.status_code == 422
    assert "An internal brief holds exact counts and cannot be published." in response.content.decode()
    brief.refresh_from_db()
    assert brief.status == Brief.Status.DRAFT
    assert Client().get(reverse("insights:published_brief", args=[brief.public_id])).status_code == 404


def test_a_published_brief_keeps_its_numbers_until_it_is_regenerated(analyst: User, reports: None) -> None:
    brief = a_brief(analyst)
    client = signed_in(analyst)
    client.post(reverse("insights:brief_publish", args=[brief.public_id]))
    before = dict(brief.figures)

    client.post(reverse("insights:brief_regenerate", args=[brief.public_id]))
    brief.refresh_from_db()
    assert brief.figures == before  # same inputs, same reports: the same numbers

    a_counted_report(region_id=None, occurred_on=dt.date(2025, 6, 1), location_type="online")
    for _ in range(5):
        a_counted_report(region=brief_region("yolo"), occurred_on=dt.date(2025, 6, 1))
    page = Client().get(reverse("insights:published_brief", args=[brief.public_id]))
    assert "66 reports of hate incidents" in text_of(page)  # the snapshot, not today's reports

    client.post(reverse("insights:brief_regenerate", args=[brief.public_id]))
    page = Client().get(reverse("insights:published_brief", args=[brief.public_id]))
    assert "71 reports of hate incidents" in text_of(page)
    assert AuditEvent.objects.filter(action="insights.brief_regenerate").count() == 2


def brief_region(slug: str) -> Any:
    from safecommunity.core.models import Region

    return Region.objects.get(slug=slug)


def test_regenerating_an_internal_brief_is_audited_as_an_exact_export(analyst: User, reports: None) -> None:
    brief = a_brief(analyst, audience=Brief.Audience.INTERNAL)

    signed_in(analyst).post(reverse("insights:brief_regenerate", args=[brief.public_id]))

    exports = AuditEvent.objects.filter(action="statistics.exact_export").order_by("pk")
    outputs = exports.values_list("details__output", flat=True)
    assert list(outputs) == ["brief_create", "brief_regenerate"]


# --- who may see what ----------------------------------------------------------------------------------------------


def test_the_coalition_admin_sees_the_briefs_too(analyst: User, coalition_admin: User, reports: None) -> None:
    brief = a_brief(analyst, title="Sacramento area, 2024 and 2025")

    page = signed_in(coalition_admin).get(reverse("insights:briefs"))

    assert page.status_code == 200
    assert "Sacramento area, 2024 and 2025" in page.content.decode()
    assert reverse("insights:brief_detail", args=[brief.public_id]) in page.content.decode()


@pytest.mark.parametrize("url_name", ["insights:briefs", "insights:brief_new"])
def test_a_caseworker_is_refused_and_the_public_is_sent_to_sign_in(caseworker_a: User, db: None, url_name: str) -> None:
    assert signed_in(caseworker_a).get(reverse(url_name)).status_code == 403
    response = Client().get(reverse(url_name))
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_nobody_outside_the_analysts_reaches_a_brief_s_page_pdf_or_actions(
    analyst: User, caseworker_a: User, volunteer: User, reports: None
) -> None:
    brief = a_brief(analyst)
    for url_name in ("insights:brief_detail", "insights:brief_pdf"):
        url = reverse(url_name, args=[brief.public_id])
        assert signed_in(caseworker_a).get(url).status_code == 403
        assert signed_in(volunteer).get(url).status_code == 403
        assert Client().get(url).status_code == 302
    assert signed_in(caseworker_a).post(reverse("insights:brief_publish", args=[brief.public_id])).status_code == 403
    brief.refresh_from_db()
    assert brief.status == Brief.Status.DRAFT


def test_a_draft_brief_is_not_found_publicly(analyst: User, reports: None) -> None:
    brief = a_brief(analyst)

    assert Client().get(reverse("insights:published_brief", args=[brief.public_id])).status_code == 404
    assert Client().get(reverse("insights:published_brief_pdf", args=[brief.public_id])).status_code == 404
    assert (
        reverse("insights:published_brief", args=[brief.public_id])
        not in Client().get(reverse("insights:published_briefs")).content.decode()
    )


# --- the feed ------------------------------------------------------------------------------------------------------


def test_the_atom_feed_lists_published_briefs_only(analyst: User, reports: None) -> None:
    published = a_brief(analyst, title="Sacramento area, 2024 and 2025")
    a_brief(analyst, title="Still a draft")
    a_brief(analyst, title="Staff only", audience=Brief.Audience.INTERNAL)
    signed_in(analyst).post(reverse("insights:brief_publish", args=[published.public_id]))

    response = Client().get(reverse("insights:briefs_feed"))

    feed = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed.count("<entry>") == 1
    assert "Sacramento area, 2024 and 2025" in feed
    assert "Still a draft" not in feed and "Staff only" not in feed
    assert reverse("insights:published_brief", args=[published.public_id]) in feed
    assert "67% of reports came from Sacramento." in feed


# --- police-recorded hate crimes -----------------------------------------------------------------------------------


def police_incidents(counts: dict[tuple[str, int], int]) -> None:
    from django.utils import timezone

    from safecommunity.core.models import Region
    from safecommunity.policedata.models import PoliceDataset, PoliceIncident

    dataset = PoliceDataset.objects.create(
        slug="fbi", name="FBI Crime Data Explorer", imported_at=timezone.now(), incident_count=sum(counts.values())
    )
    number = 0
    for (slug, year), count in counts.items():
        for _ in range(count):
            number += 1
            PoliceIncident.objects.create(
                dataset=dataset, external_id=str(number), year=year, region=Region.objects.get(slug=slug)
            )


def test_a_brief_compares_reports_with_hate_crimes_recorded_by_the_police(analyst: User, reports: None) -> None:
    police_incidents({("sacramento", 2024): 6, ("yolo", 2024): 2, ("sacramento", 2025): 9, ("placer", 2025): 3})

    brief = a_brief(analyst)
    page = signed_in(analyst).get(reverse("insights:brief_detail", args=[brief.public_id]))

    text = text_of(page)
    assert "Compared with hate crimes recorded by the police" in text
    assert "2024 30 8" in text and "2025 36 12" in text  # reports to the coalition beside police-recorded crimes
    assert (
        "In 2025, for every hate crime the police recorded in these regions (FBI Crime Data Explorer: 12), "
        "3.0 incidents were reported to the coalition (36)."
    ) in text
    assert "The gap between them reflects how many incidents are never reported to the police." in text


def test_without_police_data_for_those_years_there_is_no_comparison(analyst: User, reports: None) -> None:
    police_incidents({("sacramento", 2019): 6})

    brief = a_brief(analyst)

    assert brief.figures["police"] == []
    page = signed_in(analyst).get(reverse("insights:brief_detail", args=[brief.public_id]))
    assert "recorded by the police" not in text_of(page)
