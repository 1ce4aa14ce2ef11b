"""Stories of organisers keeping the library: Linh (Greater Sacramento) adds and shares a toolkit; Omar (Bay Area)
sees it listed in his city but can change only his own coalition's resources."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from pypdf import PdfReader, PdfWriter
from pypdf.actions import JavaScript

from safecommunity.accounts.models import User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.programs.resources.models import Kind, Resource, ResourceVersion
from safecommunity.programs.resources.sample_pdf import tiny_pdf
from safecommunity.programs.resources.services import resource_download_record
from safecommunity.programs.resources.tests.factories import a_resource, a_version

pytestmark = pytest.mark.django_db

STAFF = "/en/staff/programmes/resources/"


def resource_form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "kind": "toolkit",
        "title_0": "Toolkit against hate",
        "title_5": "Bộ công cụ chống thù ghét",
        "summary_0": "What to do before, during and after a hate incident.",
        "topics": ["know_your_rights", "reporting"],
        "audiences": ["community_members", "businesses"],
        "slug": "",
    }
    data.update(overrides)
    return data


def test_linh_adds_a_toolkit_uploads_its_pdf_and_publishes_it(organiser_a: User) -> None:
    client = signed_in(organiser_a)

    response = client.post(f"{STAFF}new/", resource_form())
    resource = Resource.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{STAFF}{resource.pk}/"
    assert resource.coalition.slug == "greater-sacramento"
    assert resource.slug == "toolkit-against-hate"
    assert resource.title["vi"] == "Bộ công cụ chống thù ghét"
    assert not resource.published

    upload = SimpleUploadedFile("toolkit.pdf", tiny_pdf("Toolkit against hate"), content_type="application/pdf")
    response = client.post(f"{STAFF}{resource.pk}/versions/new/", {"language": "en", "pdf": upload})
    assert response.status_code == 302
    version = ResourceVersion.objects.get()
    assert version.is_file and version.page_count == 1

    client.post(f"{STAFF}{resource.pk}/publish/", {"published": "on"})
    client.post(f"{STAFF}{resource.pk}/share/", {"shared": "on"})
    resource.refresh_from_db()
    assert resource.published and resource.shared_with_network

    download = Client().get(f"/en/learn/greater-sacramento/{resource.slug}/en/open/")
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_an_upload_that_is_not_a_pdf_is_refused_in_the_organisers_language_and_the_rest_is_kept(
    organiser_a: User,
) -> None:
    resource = a_resource(organiser_a.organisation.coalition, kind=Kind.TOOLKIT, languages=[])  # type: ignore[union-attr]
    fake = SimpleUploadedFile("toolkit.pdf", b"MZ\x90\x00 this is a program, not a PDF", content_type="application/pdf")

    response = signed_in(organiser_a).post(
        f"/vi/staff/programmes/resources/{resource.pk}/versions/new/",
        {"language": "ko", "pdf": fake, "transcript_0": "Keep what I typed", "captions_available": "on"},
    )

    assert response.status_code == 422
    page = response.content.decode()
    with translation.override("vi"):
        expected = gettext("“%(name)s” is not a PDF. Please upload a PDF file, or give a link instead.") % {
            "name": "toolkit.pdf"
        }
    assert expected in page
    assert "Keep what I typed" in page
    assert '<option value="ko" selected>' in page
    assert not ResourceVersion.objects.exists()


def test_an_upload_that_is_not_a_pdf_is_refused_with_a_clear_message(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, kind=Kind.TOOLKIT, languages=[])  # type: ignore[union-attr]
    fake = SimpleUploadedFile("photo.pdf", b"\x89PNG\r\n\x1a\n not really", content_type="application/pdf")

    response = signed_in(organiser_a).post(f"{STAFF}{resource.pk}/versions/new/", {"language": "en", "pdf": fake})

    assert response.status_code == 422
    assert "“photo.pdf” is not a PDF. Please upload a PDF file, or give a link instead." in response.content.decode()


def test_a_version_needs_a_file_or_a_link(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, languages=[])  # type: ignore[union-attr]

    response = signed_in(organiser_a).post(f"{STAFF}{resource.pk}/versions/new/", {"language": "en"})

    assert response.status_code == 422
    assert "Please upload a PDF file or give a link." in response.content.decode()


def test_a_resource_cannot_be_published_before_it_has_a_version(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, languages=[], published=False)  # type: ignore[union-attr]

    signed_in(organiser_a).post(f"{STAFF}{resource.pk}/publish/", {"published": "on"})

    resource.refresh_from_db()
    assert not resource.published


def test_a_video_version_keeps_its_link_captions_and_transcript(organiser_a: User) -> None:
    video = a_resource(organiser_a.organisation.coalition, kind=Kind.VIDEO, languages=[])  # type: ignore[union-attr]

    response = signed_in(organiser_a).post(
        f"{STAFF}{video.pk}/versions/new/",
        {
            "language": "en",
            "url": "https://youtu.be/abcDEF12345",
            "captions_available": "on",
            "caption_languages": ["en", "vi"],
            "transcript_0": "Distract. Delegate. Document. Delay. Direct.",
        },
    )

    assert response.status_code == 302
    version = ResourceVersion.objects.get()
    assert version.caption_languages == ["en", "vi"]
    assert version.transcript == {"en": "Distract. Delegate. Document. Delay. Direct."}


def test_linh_sees_exact_download_counts_per_language_and_month(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, languages=["en", "vi"])  # type: ignore[union-attr]
    english, vietnamese = resource.versions.order_by("language")
    resource_download_record(version=english, times=3)
    resource_download_record(version=vietnamese)

    page = signed_in(organiser_a).get(f"{STAFF}{resource.pk}/").content.decode()

    assert "Downloaded or opened 4 times in all." in page
    assert "<td>3</td><td>1</td><td>4</td>" in page


def test_omar_sees_the_shared_toolkit_in_his_list_but_cannot_change_it(organiser_a: User, organiser_bay: User) -> None:
    shared = a_resource(organiser_a.organisation.coalition, title={"en": "Shared toolkit"}, shared=True)  # type: ignore[union-attr]
    version = shared.versions.get()
    omar = signed_in(organiser_bay)

    listing = omar.get(STAFF).content.decode()
    assert "Shared toolkit" in listing and "Greater Sacramento Safe Community" in listing

    assert omar.get(f"{STAFF}{shared.pk}/").status_code == 404
    assert omar.get(f"{STAFF}{shared.pk}/edit/").status_code == 404
    assert omar.post(f"{STAFF}{shared.pk}/edit/", resource_form(title_0="Mine now")).status_code == 404
    assert omar.post(f"{STAFF}{shared.pk}/publish/", {}).status_code == 404
    assert omar.post(f"{STAFF}{shared.pk}/versions/{version.pk}/delete/").status_code == 404
    assert omar.post(f"{STAFF}{shared.pk}/delete/").status_code == 404
    shared.refresh_from_db()
    assert shared.title == {"en": "Shared toolkit"} and shared.published


def test_linh_edits_her_resource_and_omar_does_not_see_her_unshared_ones(
    organiser_a: User, organiser_bay: User
) -> None:
    resource = a_resource(organiser_a.organisation.coalition, title={"en": "Sacramento guide"})  # type: ignore[union-attr]

    response = signed_in(organiser_a).post(f"{STAFF}{resource.pk}/edit/", resource_form(title_0="A better title"))

    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.title["en"] == "A better title"
    assert "A better title" not in signed_in(organiser_bay).get(STAFF).content.decode()


def test_a_resource_without_a_title_is_refused_and_the_rest_is_kept(organiser_a: User) -> None:
    response = signed_in(organiser_a).post(f"{STAFF}new/", resource_form(title_0="", title_5=""))

    assert response.status_code == 422
    page = response.content.decode()
    assert "Write this in at least one language." in page
    assert "What to do before, during and after a hate incident." in page
    assert not Resource.objects.exists()


def test_deleting_a_version_and_the_resource(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, languages=["en", "vi"])  # type: ignore[union-attr]
    vietnamese = resource.versions.get(language="vi")
    client = signed_in(organiser_a)

    client.post(f"{STAFF}{resource.pk}/versions/{vietnamese.pk}/delete/")
    assert list(resource.versions.values_list("language", flat=True)) == ["en"]

    client.post(f"{STAFF}{resource.pk}/delete/")
    assert not Resource.objects.exists()


@pytest.mark.parametrize("persona", ["volunteer", "analyst", "caseworker_a"])
def test_other_roles_may_not_open_the_organisers_pages(persona: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(persona)
    assert signed_in(user).get(STAFF).status_code == 403


def test_the_public_is_sent_to_sign_in() -> None:
    response = Client().get(STAFF)
    assert response.status_code == 302 and "sign-in" in response["Location"]


def test_a_coalition_administrator_of_no_organisation_picks_the_coalition(bay_area: object) -> None:
    from safecommunity.accounts.tests.factories import a_staff_member
    from safecommunity.core.roles import Role

    admin = a_staff_member("root.admin", role=Role.COALITION_ADMIN)
    client = signed_in(admin)
    assert client.post(f"{STAFF}new/", resource_form()).status_code == 422

    response = client.post(f"{STAFF}new/", resource_form(coalition=bay_area.pk))  # type: ignore[attr-defined]

    assert response.status_code == 302
    assert Resource.objects.get().coalition == bay_area


def test_a_video_version_link_is_required(organiser_a: User) -> None:
    video = a_resource(organiser_a.organisation.coalition, kind=Kind.VIDEO, languages=[])  # type: ignore[union-attr]
    a_version(video, language="en")

    response = signed_in(organiser_a).post(f"{STAFF}{video.pk}/versions/new/", {"language": "en"})

    assert response.status_code == 422  # English is taken and the link is missing
    page = response.content.decode()
    assert "Please give the link to the video." in page


def test_every_organiser_page_opens(organiser_a: User) -> None:
    resource = a_resource(organiser_a.organisation.coalition, kind=Kind.TOOLKIT, languages=["en"])  # type: ignore[union-attr]
    version = resource.versions.get()
    client = signed_in(organiser_a)

    for url in [
        STAFF,
        f"{STAFF}new/",
        f"{STAFF}{resource.pk}/",
        f"{STAFF}{resource.pk}/edit/",
        f"{STAFF}{resource.pk}/delete/",
        f"{STAFF}{resource.pk}/versions/new/",
        f"{STAFF}{resource.pk}/versions/{version.pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    edit_page = client.get(f"{STAFF}{resource.pk}/versions/{version.pk}/").content.decode()
    assert "This version is a PDF of 1 page" in edit_page


def test_a_toolkit_is_handed_out_without_its_authors_details_or_scripts(organiser_a: User) -> None:
    """Whoever downloads a toolkit gets its pages, not who wrote it on which machine or a script that runs on open."""
    original = PdfReader(io.BytesIO(tiny_pdf("Toolkit against hate")))
    writer = PdfWriter()
    for page in original.pages:
        writer.add_page(page)
    writer.add_metadata({"/Author": "Linh Tran, Sacramento office laptop"})
    writer.add_open_action(JavaScript("app.alert('hello');"))
    uploaded = io.BytesIO()
    writer.write(uploaded)
    client = signed_in(organiser_a)
    client.post(f"{STAFF}new/", resource_form())
    resource = Resource.objects.get()
    upload = SimpleUploadedFile("toolkit.pdf", uploaded.getvalue(), content_type="application/pdf")
    client.post(f"{STAFF}{resource.pk}/versions/new/", {"language": "en", "pdf": upload})
    client.post(f"{STAFF}{resource.pk}/publish/", {"published": "on"})

    download = Client().get(f"/en/learn/greater-sacramento/{resource.slug}/en/open/")
    handed_out = b"".join(download.streaming_content)  # type: ignore[attr-defined]
    assert b"Linh Tran" not in handed_out and b"app.alert" not in handed_out
    assert len(PdfReader(io.BytesIO(handed_out)).pages) == 1
