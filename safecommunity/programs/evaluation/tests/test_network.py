"""Nadia, the network administrator, compares the cities: protected numbers only, never a small count."""

from __future__ import annotations

import re
import subprocess
import tempfile

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.programs.evaluation.models import GoodPractice

pytestmark = pytest.mark.django_db

PERIOD = "?from=2026-01&to=2026-06"


def cells_of(html: str, table_id: str, row_label: str) -> list[str]:
    table = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    row = table.split(f'<th scope="row">{row_label}</th>', 1)[1].split("</tr>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>.*?</td>", row)]


def headline(html: str) -> list[str]:
    table = html.split("All reports in the period", 1)[1].split("</table>", 1)[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>.*?</td>", table)]


def test_nadia_sees_both_cities_side_by_side_with_small_numbers_hidden(
    two_cities_reports: None, network_admin: User
) -> None:
    response = signed_in(network_admin).get(f"/en/staff/programmes/network/{PERIOD}")

    assert response.status_code == 200
    html = response.content.decode()
    # Cities in alphabetical order: the Bay Area, then Greater Sacramento.
    assert html.index("Bay Area Stop the Hate") < html.index("Greater Sacramento Safe Community")
    assert headline(html) == ["fewer than 5", "12"]
    assert cells_of(html, "network-incident_types", "Verbal harassment, insults or slurs") == ["fewer than 5", "12"]
    assert cells_of(html, "network-month", "March 2026") == ["fewer than 5", "12"]
    assert ">3<" not in html
    assert response["Cache-Control"] == "no-store"


def test_the_public_network_page_shows_the_same_protected_numbers(two_cities_reports: None) -> None:
    response = Client().get(f"/en/network/{PERIOD}")

    assert response.status_code == 200
    html = response.content.decode()
    assert headline(html) == ["fewer than 5", "12"]
    assert ">3<" not in html
    # Projects are for staff only.
    assert "Projects in each city" not in html


def test_programme_figures_nobody_provides_are_shown_as_not_available(
    two_cities_reports: None, network_admin: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deployment without the volunteers app (say) still shows the table, with that row marked."""
    from safecommunity.core import indicators

    monkeypatch.delitem(indicators._REGISTRY, "volunteer_hours")
    html = signed_in(network_admin).get(f"/en/staff/programmes/network/{PERIOD}").content.decode()

    assert "Programmes in each city" in html
    assert "not available" in html


def test_only_shared_good_practices_are_listed_for_every_city(organiser_a: User, organiser_bay: User) -> None:
    from safecommunity.accounts.tests.factories import greater_sacramento, the_bay_area

    GoodPractice.objects.create(
        coalition=greater_sacramento(), title={"en": "Walk with elders at dusk"}, summary={"en": "…"}, shared=True
    )
    GoodPractice.objects.create(coalition=the_bay_area(), title={"en": "A draft idea"}, summary={"en": "…"})

    html = Client().get("/en/network/").content.decode()

    assert "Walk with elders at dusk" in html
    assert "A draft idea" not in html


def test_a_period_that_ends_before_it_starts_gets_a_clear_message(network_admin: User) -> None:
    response = signed_in(network_admin).get("/en/staff/programmes/network/?from=2026-06&to=2026-01")

    assert response.status_code == 422
    assert "The end of the period must be on or after its start." in response.content.decode()
    assert 'value="2026-06"' in response.content.decode()


@pytest.mark.parametrize("persona", ["analyst", "caseworker_a", "organiser_a", "volunteer"])
def test_other_roles_may_not_open_the_network_page(persona: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(persona)

    assert signed_in(user).get("/en/staff/programmes/network/").status_code == 403
    assert signed_in(user).get("/en/staff/programmes/network/report.pdf").status_code == 403


def test_the_public_must_sign_in_for_the_staff_network_page(db: None) -> None:
    response = Client().get("/en/staff/programmes/network/")

    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_a_coalition_admin_also_sees_the_network(two_cities_reports: None, coalition_admin: User) -> None:
    response = signed_in(coalition_admin).get(f"/en/staff/programmes/network/{PERIOD}")

    assert response.status_code == 200
    assert headline(response.content.decode()) == ["fewer than 5", "12"]


def test_the_network_report_is_a_pdf_with_both_cities_and_no_small_count(
    two_cities_reports: None, network_admin: User
) -> None:
    response = signed_in(network_admin).get(f"/en/staff/programmes/network/report.pdf{PERIOD}")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join([response.content]))
    assert "Bay Area Stop the Hate" in text
    assert "Greater Sacramento Safe Community" in text
    assert "fewer than 5" in text


def pdf_text(pdf: bytes) -> str:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"], capture_output=True, check=True
        ).stdout.decode()


def test_the_api_gives_each_citys_protected_count(two_cities_reports: None, network_admin: User) -> None:
    response = signed_in(network_admin).get("/api/v1/network?from=2026-01&to=2026-06")

    assert response.status_code == 200
    cities = {city["slug"]: city for city in response.json()["cities"]}
    assert cities["greater-sacramento"]["reports"] == 12
    assert cities["sf-bay-area"] == {
        "slug": "sf-bay-area",
        "name": "Bay Area Stop the Hate",
        "reports": None,
        "shown_as": "small",
    }


def test_the_api_refuses_other_roles(analyst: User) -> None:
    assert signed_in(analyst).get("/api/v1/network").status_code == 403
