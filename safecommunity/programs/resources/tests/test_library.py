"""Stories of the public learning library: someone looks for a guide in their language, reads it, downloads it."""

from __future__ import annotations

import pytest
from django.test import Client

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.programs.resources.models import Audience, DownloadCount, Kind, Topic
from safecommunity.programs.resources.tests.factories import a_resource, a_version

pytestmark = pytest.mark.django_db

VIETNAMESE_RIGHTS = {
    "en": "Your rights after a hate incident",
    "vi": "Quyền của bạn sau một sự cố thù ghét",
}


@pytest.fixture
def sacramento_coalition() -> Coalition:
    return greater_sacramento()


def titles(response: object) -> str:
    return response.content.decode()  # type: ignore[attr-defined]


def test_a_vietnamese_speaker_finds_a_guide_by_words_of_its_vietnamese_title(sacramento_coalition: Coalition) -> None:
    a_resource(sacramento_coalition, title=VIETNAMESE_RIGHTS, languages=["en", "vi"])
    a_resource(sacramento_coalition, title={"en": "Helping children cope"}, topics=[Topic.TALKING_TO_CHILDREN])

    response = Client().get("/vi/learn/", {"q": "QUYỀN của bạn"})

    assert response.status_code == 200
    page = titles(response)
    assert "Quyền của bạn sau một sự cố thù ghét" in page
    assert "Helping children cope" not in page


def test_a_search_typed_without_vietnamese_accents_still_finds_the_guide(sacramento_coalition: Coalition) -> None:
    a_resource(sacramento_coalition, title=VIETNAMESE_RIGHTS)

    page = titles(Client().get("/en/learn/", {"q": "quyen cua ban"}))

    assert "1 resource found" in page
    assert "Your rights after a hate incident" in page


def test_the_summary_in_any_language_is_searched_too(sacramento_coalition: Coalition) -> None:
    a_resource(
        sacramento_coalition,
        title={"en": "Step in safely"},
        summary={"es": "Cómo intervenir de forma segura cuando ves acoso"},
        topics=[Topic.BYSTANDER_INTERVENTION],
    )

    assert "Step in safely" in titles(Client().get("/en/learn/", {"q": "ACOSO"}))
    assert "0 resources found" in titles(Client().get("/en/learn/", {"q": "nothing like this"}))


def test_filters_narrow_by_topic_audience_kind_and_language(sacramento_coalition: Coalition) -> None:
    a_resource(
        sacramento_coalition,
        title={"en": "Parents guide"},
        topics=[Topic.TALKING_TO_CHILDREN, Topic.MENTAL_HEALTH],
        audiences=[Audience.PARENTS],
        languages=["en", "ko"],
    )
    a_resource(
        sacramento_coalition,
        title={"en": "Bystander video"},
        kind=Kind.VIDEO,
        topics=[Topic.BYSTANDER_INTERVENTION],
        audiences=[Audience.YOUTH],
    )
    client = Client()

    assert "Parents guide" in titles(client.get("/en/learn/", {"topic": "mental_health"}))
    assert "Bystander video" not in titles(client.get("/en/learn/", {"topic": "mental_health"}))
    assert "Bystander video" in titles(client.get("/en/learn/", {"audience": "youth"}))
    assert "Parents guide" not in titles(client.get("/en/learn/", {"kind": "video"}))
    korean = titles(client.get("/en/learn/", {"language": "ko"}))
    assert "Parents guide" in korean and "Bystander video" not in korean


def test_an_unknown_filter_gets_a_clear_message_and_keeps_the_search(sacramento_coalition: Coalition) -> None:
    response = Client().get("/en/learn/", {"topic": "astrology", "q": "rights"})

    assert response.status_code == 422
    page = titles(response)
    assert "Please choose one of the options shown." in page
    assert 'value="rights"' in page


def test_with_htmx_a_choice_or_a_page_brings_back_only_the_list_and_its_count(sacramento_coalition: Coalition) -> None:
    for number in range(23):
        a_resource(sacramento_coalition, title={"en": f"Fact sheet {number}"}, kind=Kind.FACT_SHEET)
    a_resource(sacramento_coalition, title={"en": "Bystander video"}, kind=Kind.VIDEO)
    client = Client()

    response = client.get("/en/learn/", {"kind": "fact_sheet"}, HTTP_HX_REQUEST="true")

    part = titles(response)
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert "<html" not in part and "<form" not in part and "Bystander video" not in part
    assert '<p id="library-status" hx-swap-oob="innerHTML">23 resources found</p>' in part
    assert 'hx-boost="true"' in part and "kind=fact_sheet&amp;page=2" in part and "Show all resources" in part
    second = titles(client.get("/en/learn/", {"kind": "fact_sheet", "page": "2"}, HTTP_HX_REQUEST="true"))
    assert second.count('class="resource-card') == 3 and "<html" not in second
    refused = client.get("/en/learn/", {"topic": "astrology"}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 422 and "Please choose one of the options shown." in titles(refused)


def test_drafts_and_resources_without_a_version_stay_out_of_the_library(sacramento_coalition: Coalition) -> None:
    a_resource(sacramento_coalition, title={"en": "A draft"}, published=False)
    a_resource(sacramento_coalition, title={"en": "No version yet"}, languages=[])

    page = titles(Client().get("/en/learn/"))

    assert "A draft" not in page and "No version yet" not in page
    assert Client().get(f"/en/learn/{sacramento_coalition.slug}/a-draft/").status_code == 404


def test_the_library_is_paginated(sacramento_coalition: Coalition) -> None:
    for number in range(23):
        a_resource(sacramento_coalition, title={"en": f"Fact sheet {number}"}, kind=Kind.FACT_SHEET)

    first = titles(Client().get("/en/learn/", {"kind": "fact_sheet"}))
    second = titles(Client().get("/en/learn/", {"kind": "fact_sheet", "page": "2"}))

    assert "23 resources found" in first and "Page 1 of 2" in first
    assert "kind=fact_sheet&amp;page=2" in first
    assert second.count('class="resource-card') == 3


def test_the_resource_page_shows_the_visitors_language_first_with_the_transcript_and_captions(
    sacramento_coalition: Coalition,
) -> None:
    video = a_resource(
        sacramento_coalition, title={"en": "The 5Ds of bystander intervention"}, kind=Kind.VIDEO, languages=[]
    )
    a_version(video, language="en", captions=["en", "es"], transcript={"en": "Distract, delegate, document."})
    a_version(video, language="vi", transcript={"vi": "Đánh lạc hướng, nhờ người khác, ghi lại."})
    video.refresh_from_db()

    page = titles(Client().get(f"/vi/learn/{sacramento_coalition.slug}/{video.slug}/"))

    assert page.index('id="version-vi"') < page.index('id="version-en"')
    assert "Đánh lạc hướng, nhờ người khác, ghi lại." in page
    assert "Distract, delegate, document." in page
    assert 'lang="es"' in page  # the caption languages are named in their own language
    assert "<iframe" not in page  # the strict CSP allows no third-party frames: a link only
    assert f"/vi/learn/{sacramento_coalition.slug}/{video.slug}/vi/open/" in page


def test_downloading_a_pdf_is_counted_and_hands_out_the_file(sacramento_coalition: Coalition) -> None:
    toolkit = a_resource(sacramento_coalition, title={"en": "Toolkit against hate"}, kind=Kind.TOOLKIT)
    url = f"/en/learn/{sacramento_coalition.slug}/{toolkit.slug}/en/open/"

    first = Client().get(url)
    Client().get(url)

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert b"".join(first.streaming_content).startswith(b"%PDF-")  # type: ignore[attr-defined]
    assert "attachment" in first["Content-Disposition"]
    assert DownloadCount.objects.get(version__resource=toolkit).count == 2


def test_following_a_video_link_is_counted_and_goes_to_the_privacy_enhanced_player(
    sacramento_coalition: Coalition,
) -> None:
    video = a_resource(sacramento_coalition, title={"en": "Step in"}, kind=Kind.VIDEO)

    response = Client().get(f"/en/learn/{sacramento_coalition.slug}/{video.slug}/en/open/")

    assert response.status_code == 302
    assert response["Location"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert DownloadCount.objects.get(version__resource=video).count == 1


def test_an_unpublished_resource_cannot_be_downloaded(sacramento_coalition: Coalition) -> None:
    draft = a_resource(sacramento_coalition, title={"en": "Draft"}, published=False)

    response = Client().get(f"/en/learn/{sacramento_coalition.slug}/{draft.slug}/en/open/")

    assert response.status_code == 404
    assert not DownloadCount.objects.exists()


def test_a_shared_resource_is_listed_in_the_other_citys_library_credited_to_its_owner(
    sacramento_coalition: Coalition, bay_area: Coalition
) -> None:
    a_resource(sacramento_coalition, title={"en": "Shared toolkit"}, shared=True)
    a_resource(sacramento_coalition, title={"en": "Sacramento only"})
    a_resource(bay_area, title={"en": "Bay Area guide"})

    page = titles(Client().get("/en/learn/", {"coalition": bay_area.slug}))

    assert "Bay Area guide" in page
    assert "Shared toolkit" in page and "Greater Sacramento Safe Community" in page
    assert "(shared with the network)" in page
    assert "Sacramento only" not in page


def test_the_api_searches_and_filters_like_the_page(sacramento_coalition: Coalition) -> None:
    a_resource(sacramento_coalition, title=VIETNAMESE_RIGHTS, languages=["en", "vi"], topics=[Topic.REPORTING])
    a_resource(sacramento_coalition, title={"en": "Something else"})

    response = Client().get("/api/v1/resources", {"q": "quyền", "topic": "reporting"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    found = body["results"][0]
    assert found["coalition"] == sacramento_coalition.slug
    assert found["languages"] == ["en", "vi"]
    assert found["versions"][0]["download_url"].endswith("/open/")
    assert Client().get("/api/v1/resources", {"kind": "podcast"}).status_code == 422
