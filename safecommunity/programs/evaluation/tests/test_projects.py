"""Linh runs her coalition's projects: milestones, computed indicators, an evaluation report; Omar never sees them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from safecommunity.accounts.models import Coalition, User
from safecommunity.accounts.tests.factories import signed_in
from safecommunity.core.models import Region
from safecommunity.core.tests.factories import sacramento_region
from safecommunity.programs.evaluation.models import Milestone, Project, ProjectIndicator
from safecommunity.programs.evaluation.tests.factories import a_milestone, a_project, reports_in
from safecommunity.programs.evaluation.tests.test_network import pdf_text
from safecommunity.programs.opencalls.models import Application, Call

pytestmark = pytest.mark.django_db


def project_form(region: Region, organisation_id: int, **overrides: str) -> dict[str, object]:
    data: dict[str, object] = {
        "title_0": "Safe rides for elders",
        "summary_0": "Volunteers accompany elders on the bus.",
        "organisation": str(organisation_id),
        "regions": [str(region.pk)],
        "starts_on": "2026-01-01",
        "ends_on": "2026-06-30",
        "baseline_starts_on": "2025-01-01",
        "baseline_ends_on": "2025-12-31",
        "status": "active",
    }
    data.update(overrides)
    return data


def test_linh_starts_a_project_in_her_coalitions_area(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    client = signed_in(organiser_a)

    response = client.post(
        "/en/staff/programmes/projects/new/", project_form(sacramento_region(), organiser_a.organisation.pk)
    )

    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/staff/programmes/projects/{project.pk}/"
    assert project.title == {"en": "Safe rides for elders"}
    assert project.coalition == organiser_a.organisation.coalition
    assert list(project.regions.all()) == [sacramento_region()]


def test_a_region_of_another_city_is_refused_and_nothing_typed_is_lost(organiser_a: User, organiser_bay: User) -> None:
    assert organiser_a.organisation is not None
    san_francisco = Region.objects.get(slug="san-francisco")
    # Linh is offered only her own coalition's regions.
    form = signed_in(organiser_a).get("/en/staff/programmes/projects/new/").content.decode()
    assert "San Francisco" not in form

    response = signed_in(organiser_a).post(
        "/en/staff/programmes/projects/new/", project_form(san_francisco, organiser_a.organisation.pk)
    )

    assert response.status_code == 422
    assert "Safe rides for elders" in response.content.decode()
    assert not Project.objects.exists()


def test_a_baseline_must_come_before_the_project(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    response = signed_in(organiser_a).post(
        "/en/staff/programmes/projects/new/",
        project_form(sacramento_region(), organiser_a.organisation.pk, baseline_ends_on="2026-02-01"),
    )

    assert response.status_code == 422
    assert "The baseline period must end before the project starts." in response.content.decode()


def test_the_project_page_shows_reports_per_month_against_the_baseline(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    sacramento = sacramento_region()
    reports_in(sacramento, 24, occurred_on=dt.date(2025, 6, 10))  # baseline: 2 a month over 2025
    reports_in(sacramento, 8, occurred_on=dt.date(2026, 2, 10))
    reports_in(sacramento, 6, occurred_on=dt.date(2026, 3, 10))
    project = a_project(
        organiser_a.organisation,
        regions=[sacramento],
        ends_on=dt.date(2026, 3, 31),
        indicators={"reports_in_area": Decimal(20)},
    )

    response = signed_in(organiser_a).get(f"/en/staff/programmes/projects/{project.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Reports received in the project&#x27;s area" in html
    assert "<svg" in html and 'role="img"' in html
    assert '<th scope="row">February 2026</th><td class="num">8</td>' in html
    assert '<th scope="row">March 2026</th><td class="num">6</td>' in html
    assert "70 % of the target" in html  # 14 of 20
    # 14 reports in 3 months against 2 a month before: +133.3 %.
    assert "133.3 %" in html


def test_a_month_with_a_small_number_of_reports_is_hidden_on_the_project_page(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    sacramento = sacramento_region()
    reports_in(sacramento, 10, occurred_on=dt.date(2026, 1, 10))
    reports_in(sacramento, 2, occurred_on=dt.date(2026, 2, 10))
    project = a_project(
        organiser_a.organisation,
        regions=[sacramento],
        ends_on=dt.date(2026, 3, 31),
        indicators={"reports_in_area": None},
    )

    html = signed_in(organiser_a).get(f"/en/staff/programmes/projects/{project.pk}/").content.decode()

    assert '<th scope="row">February 2026</th><td class="hidden-cell">fewer than 5</td>' in html
    assert '<td class="num">2</td>' not in html


def test_an_indicator_no_app_provides_is_shown_as_not_available(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation, indicators={"people_hugged": Decimal(10)})

    html = signed_in(organiser_a).get(f"/en/staff/programmes/projects/{project.pk}/").content.decode()

    assert "The indicator “people_hugged” is not available on this site at the moment." in html


def test_linh_adds_milestones_and_indicators_and_marks_a_milestone_reached(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation, regions=[sacramento_region()])
    client = signed_in(organiser_a)
    base = f"/en/staff/programmes/projects/{project.pk}"

    assert (
        client.post(
            f"{base}/milestones/", {"milestone-title_0": "Ten volunteers trained", "milestone-due_on": "2026-02-28"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{base}/indicators/", {"indicator-code": "referrals_completed", "indicator-target": "12"}
        ).status_code
        == 302
    )
    milestone = Milestone.objects.get()
    assert client.post(f"{base}/milestones/{milestone.pk}/done/", {}).status_code == 302

    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()
    assert ProjectIndicator.objects.get().target == Decimal(12)
    html = client.get(f"{base}/").content.decode()
    assert "Ten volunteers trained" in html and "Referrals completed" in html


def test_a_milestone_without_a_date_gets_a_clear_message(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation)

    response = signed_in(organiser_a).post(
        f"/en/staff/programmes/projects/{project.pk}/milestones/",
        {"milestone-title_0": "Launch", "milestone-due_on": ""},
    )

    assert response.status_code == 422
    assert "This field is required." in response.content.decode()
    assert 'value="Launch"' in response.content.decode()


def test_the_evaluation_report_is_a_pdf_with_the_title_and_the_indicators_value(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    sacramento = sacramento_region()
    reports_in(sacramento, 7, occurred_on=dt.date(2026, 2, 10))
    project = a_project(
        organiser_a.organisation,
        title="Safe rides for elders",
        regions=[sacramento],
        ends_on=dt.date(2026, 3, 31),
        indicators={"reports_in_area": Decimal(20)},
    )
    a_milestone(project, "Ten volunteers trained")

    response = signed_in(organiser_a).get(f"/en/staff/programmes/projects/{project.pk}/report.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Safe rides for elders" in text
    assert "Ten volunteers trained" in text
    assert "35 % of the target" in text  # 7 of 20


def test_the_evaluation_report_is_translated(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation, title="Safe rides for elders")

    response = signed_in(organiser_a).get(f"/es/staff/programmes/projects/{project.pk}/report.pdf")

    assert response.status_code == 200
    assert "Safe rides for elders" in pdf_text(response.content)


@pytest.mark.parametrize(
    "path",
    ["", "edit/", "report.pdf"],
)
def test_omar_of_the_bay_area_gets_404_on_a_greater_sacramento_project(
    organiser_a: User, organiser_bay: User, path: str
) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation)

    assert signed_in(organiser_bay).get(f"/en/staff/programmes/projects/{project.pk}/{path}").status_code == 404


def test_omar_cannot_add_a_milestone_to_a_greater_sacramento_project(organiser_a: User, organiser_bay: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation)

    response = signed_in(organiser_bay).post(
        f"/en/staff/programmes/projects/{project.pk}/milestones/",
        {"milestone-title_0": "Sneaky", "milestone-due_on": "2026-02-28"},
    )

    assert response.status_code == 404
    assert not Milestone.objects.exists()


def test_omar_lists_only_his_own_coalitions_projects(organiser_a: User, organiser_bay: User) -> None:
    assert organiser_a.organisation is not None and organiser_bay.organisation is not None
    a_project(organiser_a.organisation, title="Sacramento rides")
    a_project(organiser_bay.organisation, title="Chinatown walks")

    html = signed_in(organiser_bay).get("/en/staff/programmes/projects/").content.decode()

    assert "Chinatown walks" in html
    assert "Sacramento rides" not in html


def test_nadia_sees_projects_on_the_network_page_but_may_not_open_or_edit_them(
    organiser_a: User, network_admin: User
) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation, title="Sacramento rides")
    a_milestone(project)
    client = signed_in(network_admin)

    html = client.get("/en/staff/programmes/network/").content.decode()
    assert "Sacramento rides" in html
    assert "0 of 1 milestone reached." in html
    assert f"/staff/programmes/projects/{project.pk}/" not in html
    assert client.get(f"/en/staff/programmes/projects/{project.pk}/").status_code == 403
    assert client.get(f"/en/staff/programmes/projects/{project.pk}/edit/").status_code == 403
    assert client.post(f"/en/staff/programmes/projects/{project.pk}/milestones/", {}).status_code == 403


@pytest.mark.parametrize("persona", ["analyst", "caseworker_a", "volunteer"])
def test_other_roles_may_not_open_projects(persona: str, request: pytest.FixtureRequest) -> None:
    assert signed_in(request.getfixturevalue(persona)).get("/en/staff/programmes/projects/").status_code == 403


# --- from an award -------------------------------------------------------------------------------------------


def an_awarded_application(
    coalition: Coalition, organisation_name: str = "Hmong and Vietnamese Community Centre"
) -> Application:
    now = timezone.now()
    call = Call.objects.create(
        coalition=coalition,
        slug="safe-streets-fund",
        kind=Call.Kind.FUNDING,
        status=Call.Status.DECIDED,
        title={"en": "Safe streets fund"},
        opens_at=now - dt.timedelta(days=60),
        deadline=now - dt.timedelta(days=30),
    )
    return Application.objects.create(
        call=call,
        organisation_name=organisation_name,
        contact_name="Pao Vang",
        contact_email="pao@example.org",
        language="en",
        status=Application.Status.AWARDED,
        submitted_at=now - dt.timedelta(days=40),
        receipt_hash="x" * 64,
    )


def test_linh_starts_a_project_from_an_award(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    application = an_awarded_application(organiser_a.organisation.coalition)
    client = signed_in(organiser_a)

    listing = client.get("/en/staff/programmes/projects/").content.decode()
    assert "Start a project from this award" in listing
    form = client.get(f"/en/staff/programmes/projects/from-award/{application.pk}/").content.decode()
    assert "Hmong and Vietnamese Community Centre: Safe streets fund" in form
    response = client.post(
        f"/en/staff/programmes/projects/from-award/{application.pk}/",
        project_form(sacramento_region(), organiser_a.organisation.pk),
    )

    assert response.status_code == 302
    project = Project.objects.get()
    assert project.application == application
    assert "Start a project from this award" not in client.get("/en/staff/programmes/projects/").content.decode()
    assert client.get(f"/en/staff/programmes/projects/from-award/{application.pk}/").status_code == 404


def test_omar_does_not_see_greater_sacramentos_awards(organiser_a: User, organiser_bay: User) -> None:
    assert organiser_a.organisation is not None
    application = an_awarded_application(organiser_a.organisation.coalition)

    client = signed_in(organiser_bay)
    assert "Start a project from this award" not in client.get("/en/staff/programmes/projects/").content.decode()
    assert client.get(f"/en/staff/programmes/projects/from-award/{application.pk}/").status_code == 404


# --- good practices -------------------------------------------------------------------------------------------


def test_linh_writes_a_good_practice_and_shares_it_with_the_network(organiser_a: User) -> None:
    client = signed_in(organiser_a)

    response = client.post(
        "/en/staff/programmes/practices/new/",
        {"title_0": "Walk with elders at dusk", "summary_0": "Pairs of volunteers.", "shared": "on"},
    )

    assert response.status_code == 302
    assert "Walk with elders at dusk" in client.get("/en/network/").content.decode()


def test_a_good_practice_without_a_summary_is_refused_with_the_title_kept(organiser_a: User) -> None:
    response = signed_in(organiser_a).post(
        "/en/staff/programmes/practices/new/", {"title_0": "Walk with elders at dusk", "summary_0": ""}
    )

    assert response.status_code == 422
    assert "Write this in at least one language." in response.content.decode()
    assert 'value="Walk with elders at dusk"' in response.content.decode()


def test_linh_edits_her_project_and_its_area(organiser_a: User) -> None:
    assert organiser_a.organisation is not None
    project = a_project(organiser_a.organisation, title="Old title")
    client = signed_in(organiser_a)
    assert "Old title" in client.get(f"/en/staff/programmes/projects/{project.pk}/edit/").content.decode()

    response = client.post(
        f"/en/staff/programmes/projects/{project.pk}/edit/",
        project_form(sacramento_region(), organiser_a.organisation.pk, title_0="New title", status="completed"),
    )

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.title == {"en": "New title"}
    assert project.status == Project.Status.COMPLETED
    assert list(project.regions.all()) == [sacramento_region()]
