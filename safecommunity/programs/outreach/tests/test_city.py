"""Each city's public page in its own colours, and its branding edited by the coalition's administrators."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import greater_sacramento, signed_in, the_bay_area
from safecommunity.core.multilingual import site_languages

pytestmark = pytest.mark.django_db


def multilingual(name: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{index}": texts.get(code, "") for index, code in enumerate(site_languages())}


def branding(**overrides: str) -> dict[str, str]:
    fields = {
        "accent_colour": "#7a1f5c",
        "website": "https://gs.example.org",
        "time_zone": "America/Los_Angeles",
        "default_language": "en",
    }
    return (
        multilingual("tagline", {"en": "Together against hate", "vi": "Cùng nhau chống thù hận"}) | fields | overrides
    )


def test_a_vietnamese_visitor_sees_the_city_in_its_colours_with_its_tagline_regions_and_programmes(
    client: Client, sacramento: object
) -> None:
    coalition = greater_sacramento()
    coalition.tagline = {"en": "Together against hate", "vi": "Cùng nhau chống thù hận"}
    coalition.accent_colour = "#7a1f5c"
    coalition.save()

    page = client.get(f"/vi/cities/{coalition.slug}/").content.decode()

    assert "Cùng nhau chống thù hận" in page
    assert 'lang="vi"' in page
    assert "Sacramento" in page
    for programme in ("events", "learn", "volunteer", "calls"):
        assert f'href="/vi/{programme}/?coalition={coalition.slug}"' in page
    assert f'href="/vi/take-action/{coalition.slug}/"' in page
    assert f'/vi/cities/{coalition.slug}/theme.css?v=7a1f5c"' in page
    assert "style=" not in page, "the CSP forbids inline styles"

    theme = client.get(f"/vi/cities/{coalition.slug}/theme.css")
    assert theme["Content-Type"].startswith("text/css")
    assert "--accent: #7a1f5c" in theme.content.decode()


def test_the_tagline_falls_back_to_english_with_the_right_lang(client: Client) -> None:
    coalition = greater_sacramento()
    coalition.tagline = {"en": "Together against hate"}
    coalition.save()
    page = client.get(f"/ko/cities/{coalition.slug}/").content.decode()
    assert 'lang="en">Together against hate' in page


def test_cities_lists_every_city_of_the_network(client: Client) -> None:
    page = client.get("/en/cities/").content.decode()
    assert "No city" in page
    sacramento, bay = greater_sacramento(), the_bay_area()
    page = client.get("/en/cities/").content.decode()
    assert f"/en/cities/{sacramento.slug}/" in page and f"/en/cities/{bay.slug}/" in page
    assert client.get("/en/cities/atlantis/").status_code == 404


def test_a_coalition_admin_changes_the_branding(client: Client, coalition_admin: User) -> None:
    coalition = greater_sacramento()
    admin = signed_in(coalition_admin, client)
    assert admin.get("/en/staff/programmes/branding/")["Location"] == f"/en/staff/programmes/branding/{coalition.slug}/"

    response = admin.post(f"/en/staff/programmes/branding/{coalition.slug}/", branding(accent_colour="#7A1F5C"))

    assert response.status_code == 302
    coalition.refresh_from_db()
    assert coalition.accent_colour == "#7a1f5c"
    assert coalition.tagline["vi"] == "Cùng nhau chống thù hận"
    assert coalition.website == "https://gs.example.org"


@pytest.mark.parametrize(
    ("colour", "message"),
    [
        ("red", "Enter a colour as # followed by six hexadecimal digits."),
        ("#12345", "Enter a colour as # followed by six hexadecimal digits."),
        ("#ffee58", "This colour is too light for white text on it"),
    ],
)
def test_a_colour_that_is_malformed_or_too_light_is_refused_and_the_form_kept(
    client: Client, coalition_admin: User, colour: str, message: str
) -> None:
    coalition = greater_sacramento()
    response = signed_in(coalition_admin, client).post(
        f"/en/staff/programmes/branding/{coalition.slug}/", branding(accent_colour=colour)
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert f'value="{colour}"' in page
    assert "Cùng nhau chống thù hận" in page
    coalition.refresh_from_db()
    assert coalition.accent_colour == "#1f5f8b"


def test_an_unknown_time_zone_or_a_non_web_address_is_refused(client: Client, coalition_admin: User) -> None:
    coalition = greater_sacramento()
    admin = signed_in(coalition_admin, client)
    response = admin.post(f"/en/staff/programmes/branding/{coalition.slug}/", branding(time_zone="Mars/Olympus"))
    assert response.status_code == 422
    assert "Mars/Olympus is not a time zone we know." in response.content.decode()
    response = admin.post(f"/en/staff/programmes/branding/{coalition.slug}/", branding(website="javascript:alert(1)"))
    assert response.status_code == 422
    assert "Enter a web address that starts with https:// or http://." in response.content.decode()


def test_branding_is_for_coalition_admins_of_that_coalition(
    client: Client, organiser_a: User, coalition_admin: User
) -> None:
    coalition = greater_sacramento()
    assert signed_in(organiser_a).get(f"/en/staff/programmes/branding/{coalition.slug}/").status_code == 403
    bay = the_bay_area()
    assert signed_in(coalition_admin, client).get(f"/en/staff/programmes/branding/{bay.slug}/").status_code == 404
