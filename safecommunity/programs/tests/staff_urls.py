"""Who may open each programme staff page, for the site-wide permission matrix (cases/tests/test_permission_matrix.py).

The world: Linh organises Greater Sacramento's programmes (an event with a registration, a survey, a volunteer
shift, a resource, a funding call with an application Grace reviews, a newsletter issue, a take-action link and a
project with a milestone, an indicator and a good practice). Omar organises the Bay Area's: each of those records
answers 404 to him, while the lists and "new" pages open for him with his own city's records.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from safecommunity.accounts.models import Organisation, User
from safecommunity.accounts.tests.factories import greater_sacramento
from safecommunity.core.tests.access_tables import HIDDEN, only
from safecommunity.programs.evaluation.models import GoodPractice, Milestone, Project, ProjectIndicator
from safecommunity.programs.evaluation.tests.factories import a_milestone, a_project
from safecommunity.programs.events.models import Event, Registration
from safecommunity.programs.events.tests.factories import an_event, registered
from safecommunity.programs.opencalls.attachments import CleanFile
from safecommunity.programs.opencalls.models import Application, Call, Decision, ReviewerAssignment
from safecommunity.programs.opencalls.services import application_decide
from safecommunity.programs.opencalls.tests.factories import a_call, an_application, assigned, pdf_bytes
from safecommunity.programs.outreach.models import ActionLink, NewsletterIssue
from safecommunity.programs.outreach.tests.factories import an_action_link, an_issue
from safecommunity.programs.resources.models import Resource, ResourceVersion
from safecommunity.programs.resources.tests.factories import a_resource
from safecommunity.programs.surveys.models import Option as SurveyOption
from safecommunity.programs.surveys.models import Survey
from safecommunity.programs.surveys.tests.factories import a_feelings_survey
from safecommunity.programs.volunteers.models import Programme, Shift, TrainingRequirement
from safecommunity.programs.volunteers.tests.factories import a_programme, a_required_training, a_shift

ORGANISERS = {"admin", "organiser_a", "organiser_bay"}
# A list or a "new" page: every organiser opens it, showing their own city's records.
ANY_ORGANISER = only(ORGANISERS)
# A record of Greater Sacramento: the Bay Area's organiser is told it does not exist.
GS_RECORD = only({"admin", "organiser_a"}, organiser_bay=HIDDEN)
VOLUNTEERS = ORGANISERS | {"volunteer"}
GS_SHIFT = only({"admin", "organiser_a", "volunteer"}, organiser_bay=HIDDEN)
REVIEWERS = ORGANISERS | {"reviewer"}

DECISIONS: dict[str, dict[str, str]] = {
    **dict.fromkeys(
        [
            "events:staff_list",
            "events:staff_create",
            "surveys:staff_list",
            "surveys:staff_new",
            "surveys:staff_from_template",
            "resources:staff_list",
            "resources:staff_create",
            "opencalls:staff_calls",
            "opencalls:staff_call_new",
            "outreach:issue_list",
            "outreach:issue_new",
            "outreach:take_action_staff",
            "volunteers:manage",
            "volunteers:totals",
            "volunteers:programme_new",
            "evaluation:project_list",
            "evaluation:project_new",
            "evaluation:good_practice_new",
        ],
        ANY_ORGANISER,
    ),
    **dict.fromkeys(
        ["volunteers:shifts", "volunteers:my_shifts", "volunteers:my_hours", "volunteers:training"], only(VOLUNTEERS)
    ),
    **dict.fromkeys(["volunteers:shift_detail", "volunteers:shift_sign_up", "volunteers:shift_cancel"], GS_SHIFT),
    # Only the shift's lead and the coalition's organisers see who signed up.
    "volunteers:shift_roster": only({"admin", "organiser_a"}, organiser_bay=HIDDEN, volunteer=HIDDEN),
    "opencalls:reviews": only(REVIEWERS),
    # Review pages are for the reviewers assigned to the call (Grace); organisers read applications on their own pages.
    "opencalls:review_call": only({"reviewer"}, admin=HIDDEN, organiser_a=HIDDEN, organiser_bay=HIDDEN),
    "opencalls:review_application": only({"reviewer"}, admin=HIDDEN, organiser_a=HIDDEN, organiser_bay=HIDDEN),
    # Grace has not declared on the application yet, so its files stay closed to her.
    "opencalls:staff_attachment": only({"admin", "organiser_a"}, organiser_bay=HIDDEN, reviewer=HIDDEN),
    # Branding is the coalition administrators' decision.
    "outreach:branding": only({"admin"}),
    "outreach:branding_edit": only({"admin"}),
    # The network's numbers: network and coalition administrators.
    "evaluation:network": only({"admin", "network"}),
    "evaluation:network_pdf": only({"admin", "network"}),
}
PROGRAMME_APPS = ("events", "surveys", "resources", "opencalls", "outreach", "volunteers", "evaluation")


def decision_for(name: str) -> dict[str, str] | None:
    """The table for a programme staff URL; any other record page of a programme app is Greater Sacramento's."""
    if name in DECISIONS:
        return DECISIONS[name]
    if name.split(":")[0] in PROGRAMME_APPS:
        return GS_RECORD
    return None


@dataclass
class ProgrammeWorld:
    event: Event
    registration: Registration
    survey: Survey
    resource: Resource
    version: ResourceVersion
    call: Call
    application: Application
    awarded: Application
    assignment: ReviewerAssignment
    issue: NewsletterIssue
    link: ActionLink
    programme: Programme
    shift: Shift
    requirement: TrainingRequirement
    project: Project
    milestone: Milestone
    indicator: ProjectIndicator
    practice: GoodPractice

    def kwargs_for(self, name: str, pattern: str) -> dict[str, Any]:
        app = name.split(":")[0]
        values: dict[str, Any] = {
            "slug": greater_sacramento().slug,
            "issue_id": self.issue.pk,
            "link_id": self.link.pk,
            "resource_id": self.resource.pk,
            "version_id": self.version.pk,
            "call_id": self.call.pk,
            "assignment_id": self.assignment.pk,
            "attachment_id": self.application.attachments.get().pk,
            "programme_id": self.programme.pk,
            "shift_id": self.shift.pk,
            "requirement_id": self.requirement.pk,
            "project_id": self.project.pk,
            "milestone_id": self.milestone.pk,
            "indicator_id": self.indicator.pk,
            "practice_id": self.practice.pk,
            "application_id": self.awarded.pk,
            "registration_id": self.registration.public_id,
        }
        if app == "events":
            values["public_id"] = self.event.public_id
        elif app == "surveys":
            option = SurveyOption.objects.filter(question__survey=self.survey).select_related("question").first()
            assert option is not None
            values.update(public_id=self.survey.public_id, question_id=option.question.pk, option_id=option.pk)
        elif app == "opencalls":
            values["public_id"] = self.application.public_id
            values["question_id"] = self.call.questions.values_list("pk", flat=True)[0]
            values["criterion_id"] = self.call.rubric.values_list("pk", flat=True)[0]
        return {key: value for key, value in values.items() if f":{key}>" in pattern}


def programme_world(*, organiser: User, reviewer: User, organisation: Organisation) -> ProgrammeWorld:
    coalition = greater_sacramento()
    event = an_event(coalition)
    call = a_call(coalition)
    application = an_application(call, files=[CleanFile("plan.pdf", "pdf", "application/pdf", pdf_bytes())]).application
    awarded = an_application(call, "Elders Walking Club", email="walk@example.org").application
    application_decide(actor=organiser, application=awarded, outcome=Decision.Outcome.AWARD, message="Well done.")
    resource = a_resource(coalition)
    programme = a_programme(coalition)
    project = a_project(organisation, indicators={"people_trained": Decimal(40)})
    return ProgrammeWorld(
        event=event,
        registration=registered(event, email="mai.public@example.org"),
        survey=a_feelings_survey(coalition),
        resource=resource,
        version=resource.versions.get(),
        call=call,
        application=application,
        awarded=awarded,
        assignment=assigned(call, reviewer),
        issue=an_issue(coalition, subject={"en": "News"}, body={"en": "Our spring workshops."}),
        link=an_action_link(coalition),
        programme=programme,
        shift=a_shift(programme),
        requirement=a_required_training(programme, an_event(coalition, kind=Event.Kind.TRAINING)),
        project=project,
        milestone=a_milestone(project),
        indicator=project.indicators.get(),
        practice=GoodPractice.objects.create(coalition=coalition, title={"en": "Walk in pairs"}, summary={"en": "x"}),
    )
