"""Stories: suggesting the services that best fit what a person asked for."""

from __future__ import annotations

import pytest
from django.utils import translation

from safecommunity.accounts.models import Organisation
from safecommunity.core.models import Region
from safecommunity.directory.models import Service, ServiceKind
from safecommunity.directory.selectors import services_for_public, services_matching
from safecommunity.directory.tests.factories import a_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def yolo(sacramento: Region) -> Region:
    return Region.objects.create(region_set=sacramento.region_set, slug="yolo", name="Yolo")


def test_a_korean_speaker_in_sacramento_asking_for_mental_health_help_gets_the_korean_counselling_first(
    org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    a_service(org_a, name="Counselling in English", languages=["en"], regions=[sacramento])
    korean = a_service(org_b, name="Korean Counselling", languages=["ko", "en"], regions=[sacramento])
    a_service(org_a, name="Legal clinic", kind=ServiceKind.LEGAL_AID, languages=["ko"])

    with translation.override("en"):
        matches = services_matching(needs=["mental_health"], language="ko", region=sacramento)

    assert matches[0].service == korean
    assert "Legal clinic" not in [match.service.name for match in matches]
    assert matches[0].reasons == [
        "Offers mental health and counselling, which was asked for.",
        "Speaks Korean.",
        "Serves Sacramento.",
        "Is taking new people.",
    ]


def test_a_full_service_is_not_suggested_first_and_one_taking_no_referrals_is_left_out(
    org_a: Organisation, org_b: Organisation, sacramento: Region
) -> None:
    full = a_service(org_b, name="A Korean counselling (full)", languages=["ko"], capacity=Service.Capacity.FULL)
    a_service(org_b, name="Closed group", languages=["ko"], capacity=Service.Capacity.FULL, accepts_referrals=False)
    open_one = a_service(org_a, name="Zen counselling", languages=["ko"])

    matches = services_matching(needs=["mental_health"], language="ko", region=sacramento)

    assert [match.service for match in matches] == [open_one, full]


def test_services_of_another_region_unpublished_or_of_an_inactive_partner_are_never_suggested(
    org_a: Organisation, org_b: Organisation, sacramento: Region, yolo: Region
) -> None:
    a_service(org_a, name="Yolo only", regions=[yolo])
    a_service(org_a, name="Draft", is_published=False)
    org_b.is_active = False
    org_b.save()
    a_service(org_b, name="Inactive partner")
    everywhere = a_service(org_a, name="Phone line for everyone")

    matches = services_matching(needs=["mental_health"], language="en", region=sacramento)

    assert [match.service for match in matches] == [everywhere]
    assert "Serves the whole area." in matches[0].reasons


def test_chinese_variants_match_each_other_but_rank_below_an_exact_match(org_a: Organisation) -> None:
    cantonese = a_service(org_a, name="A Cantonese line", languages=["yue"])
    traditional = a_service(org_a, name="B Traditional Chinese line", languages=["zh-hant"])

    matches = services_matching(needs=["mental_health"], language="zh-hant", region=None)

    assert [match.service for match in matches] == [traditional, cantonese]
    with translation.override("en"):
        assert "Speaks Cantonese." in services_matching(needs=[], language="zh-hans", region=None)[0].reasons


def test_a_service_in_another_language_is_still_suggested_with_the_reason(org_a: Organisation) -> None:
    a_service(org_a, name="English only", languages=["en"])

    with translation.override("en"):
        matches = services_matching(needs=["be_heard"], language="ar", region=None)

    assert matches[0].reasons[1] == "Does not list Arabic among its languages; an interpreter may be needed."


def test_reasons_are_in_the_active_language_and_the_limit_is_kept(org_a: Organisation) -> None:
    for number in range(7):
        a_service(org_a, name=f"Service {number}", kind=ServiceKind.FINANCIAL_AID)

    matches = services_matching(needs=["financial"], language="", region=None, limit=3)

    assert len(matches) == 3
    assert all(match.reasons[0] == "Offers financial aid, which was asked for." for match in matches)


def test_unknown_needs_suggest_nothing(org_a: Organisation) -> None:
    a_service(org_a)

    assert services_matching(needs=["no_such_need"], language="en", region=None) == []


def test_the_public_list_filters_by_kind_language_region_and_cost(
    org_a: Organisation, sacramento: Region, yolo: Region
) -> None:
    korean = a_service(org_a, name="Korean", languages=["ko"], regions=[sacramento])
    a_service(org_a, name="Korean in Yolo", languages=["ko"], regions=[yolo])
    a_service(org_a, name="Korean legal", kind=ServiceKind.LEGAL_AID, languages=["ko"])
    a_service(org_a, name="Korean sliding", languages=["ko"], cost=Service.Cost.SLIDING_SCALE)

    found = services_for_public(kind=ServiceKind.MENTAL_HEALTH, language="ko", region=sacramento, cost="free")

    assert found == [korean]
