"""Each city's take-action page: volunteering, donating through the coalition's own links, sharing the reporting
form, following partners and the newsletter; edited by the coalition's own organisers only."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.accounts.tests.factories import greater_sacramento, signed_in, the_bay_area
from safecommunity.core.multilingual import site_languages
from safecommunity.programs.outreach.models import ActionLink, http_url
from safecommunity.programs.outreach.tests.factories import an_action_link

pytestmark = pytest.mark.django_db


def multilingual(name: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{name}_{index}": texts.get(code, "") for index, code in enumerate(site_languages())}


def link_form(*, kind: str = "donate", label: str = "Give to the victims fund", url: str) -> dict[str, str]:
    return (
        {"kind": kind, "url": url}
        | multilingual("label", {"en": label, "vi": "Ủng hộ quỹ nạn nhân"})
        | multilingual("description", {})
    )


def test_a_visitor_sees_every_way_to_help_in_their_city(client: Client, org_a: Organisation) -> None:
    sacramento = greater_sacramento()
    org_a.website = "https://hmong-vietnamese.example.org"
    org_a.save()
    an_action_link(
        sacramento, kind=ActionLink.Kind.DONATE, label="Give to the victims fund", url="https://fund.example.org/give"
    )
    an_action_link(
        sacramento, kind=ActionLink.Kind.FOLLOW, label="Follow us on Mastodon", url="https://social.example.org/@gs"
    )

    page = client.get(f"/en/take-action/{sacramento.slug}/").content.decode()

    assert 'href="https://fund.example.org/give"' in page
    assert 'href="https://social.example.org/@gs"' in page
    assert 'href="https://hmong-vietnamese.example.org"' in page, "partners' websites"
    assert f'href="/en/volunteer/?coalition={sacramento.slug}"' in page
    assert 'href="/en/report/"' in page
    assert f'value="{settings.SITE_URL}/en/report/"' in page
    assert f'href="/en/newsletter/?coalition={sacramento.slug}"' in page


def test_take_action_lists_the_cities_or_goes_straight_to_the_only_one(client: Client) -> None:
    sacramento = greater_sacramento()
    assert client.get("/en/take-action/")["Location"] == f"/en/take-action/{sacramento.slug}/"
    bay = the_bay_area()
    page = client.get("/en/take-action/").content.decode()
    assert sacramento.name in page and bay.name in page
    assert client.get("/en/take-action/nowhere/").status_code == 404


def test_linh_adds_a_donation_link_and_orders_the_links(client: Client, organiser_a: User) -> None:
    sacramento = greater_sacramento()
    linh = signed_in(organiser_a, client)
    base = f"/en/staff/programmes/take-action/{sacramento.slug}/"
    assert linh.get("/en/staff/programmes/take-action/")["Location"] == base

    response = linh.post(base + "links/new/", link_form(url="https://fund.example.org/give"))
    assert response.status_code == 302
    linh.post(base + "links/new/", link_form(kind="follow", label="Follow us", url="https://social.example.org/@gs"))
    donate, follow = ActionLink.objects.order_by("position")
    assert donate.label["vi"] == "Ủng hộ quỹ nạn nhân"

    linh.post(base + f"links/{follow.pk}/move/", {"direction": "up"})
    assert list(ActionLink.objects.order_by("position").values_list("pk", flat=True)) == [follow.pk, donate.pk]

    linh.post(base, multilingual("intro", {"en": "Here is how you can help.", "ar": "إليك كيف يمكنك المساعدة."}))
    arabic = client.get(f"/ar/take-action/{sacramento.slug}/").content.decode()
    assert "إليك كيف يمكنك المساعدة." in arabic

    linh.post(base + f"links/{donate.pk}/delete/")
    assert list(ActionLink.objects.values_list("pk", flat=True)) == [follow.pk]


@pytest.mark.parametrize("address", ["javascript:alert(1)", "ftp://files.example.org/x", "fund.example.org give"])
def test_only_web_addresses_are_accepted_and_the_rest_of_the_form_is_kept(
    client: Client, organiser_a: User, address: str
) -> None:
    sacramento = greater_sacramento()
    linh = signed_in(organiser_a, client)
    response = linh.post(
        f"/en/staff/programmes/take-action/{sacramento.slug}/links/new/", link_form(label="Give today", url=address)
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "Enter a web address that starts with https:// or http://." in page
    assert 'value="Give today"' in page
    assert not ActionLink.objects.exists()


def test_the_url_error_is_in_the_organisers_language(client: Client, organiser_a: User) -> None:
    from django.utils import translation

    sacramento = greater_sacramento()
    with translation.override("es"):
        expected = str(http_url.message)
    response = signed_in(organiser_a, client).post(
        f"/es/staff/programmes/take-action/{sacramento.slug}/links/new/", link_form(url="javascript:alert(1)")
    )
    assert response.status_code == 422
    assert expected in response.content.decode()
    assert 'lang="es"' in response.content.decode()


def test_omar_from_the_bay_area_gets_404_editing_greater_sacramentos_page(
    client: Client, organiser_a: User, organiser_bay: User
) -> None:
    sacramento = greater_sacramento()
    link = an_action_link(sacramento)
    omar = signed_in(organiser_bay, client)
    base = f"/en/staff/programmes/take-action/{sacramento.slug}/"
    assert omar.get(base).status_code == 404
    assert omar.post(base, multilingual("intro", {"en": "Hijacked"})).status_code == 404
    assert omar.post(base + "links/new/", link_form(url="https://evil.example.org")).status_code == 404
    assert omar.get(base + f"links/{link.pk}/").status_code == 404
    assert omar.post(base + f"links/{link.pk}/delete/").status_code == 404
    # Nor through his own city's address with Greater Sacramento's link.
    bay: Coalition = organiser_bay.organisation.coalition  # type: ignore[union-attr]
    assert omar.post(f"/en/staff/programmes/take-action/{bay.slug}/links/{link.pk}/delete/").status_code == 404
    assert ActionLink.objects.filter(pk=link.pk).exists()
    assert omar.get(f"/en/staff/programmes/take-action/{bay.slug}/").status_code == 200


def test_the_public_and_other_roles_may_not_edit_a_take_action_page(client: Client, volunteer: User) -> None:
    sacramento = greater_sacramento()
    assert client.get(f"/en/staff/programmes/take-action/{sacramento.slug}/").status_code == 302
    assert signed_in(volunteer).get(f"/en/staff/programmes/take-action/{sacramento.slug}/").status_code == 403


def test_a_coalition_admin_edits_their_coalitions_page(client: Client, coalition_admin: User) -> None:
    sacramento = greater_sacramento()
    admin = signed_in(coalition_admin, client)
    assert admin.get(f"/en/staff/programmes/take-action/{sacramento.slug}/").status_code == 200
    assert admin.get(f"/en/staff/programmes/take-action/{the_bay_area().slug}/").status_code == 404


def test_the_take_action_links_are_available_as_json_in_the_readers_language(client: Client) -> None:
    sacramento = greater_sacramento()
    link = an_action_link(sacramento, url="https://fund.example.org/give")
    link.label = {"en": "Give", "vi": "Ủng hộ"}
    link.save()
    response = client.get(f"/api/v1/cities/{sacramento.slug}/take-action", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    assert response.json()["links"] == [
        {
            "kind": "donate",
            "label": "Ủng hộ",
            "label_language": "vi",
            "description": "",
            "url": "https://fund.example.org/give",
        }
    ]
    assert client.get("/api/v1/cities/atlantis/take-action").status_code == 404
