"""Projects for the organisers of their coalition: list, create (also from an award), page, milestones, indicators,
evaluation report (PDF), and the good practices they write for the network."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safecommunity.accounts.models import User
from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.http import no_store
from safecommunity.core.multilingual import text_in
from safecommunity.core.roles import Capability
from safecommunity.insights.pdf import render_pdf, static_base_url
from safecommunity.insights.suppression import threshold
from safecommunity.programs.evaluation import selectors, selectors_indicators, services
from safecommunity.programs.evaluation.charts import series_chart
from safecommunity.programs.evaluation.forms import (
    GoodPracticeForm,
    IndicatorForm,
    MilestoneDoneForm,
    MilestoneForm,
    ProjectForm,
)
from safecommunity.programs.evaluation.models import GoodPractice, Project

MANAGE = Capability.MANAGE_PROGRAMS


def _project(request: HttpRequest, project_id: int) -> Project:
    project = selectors.project_for_staff(user=staff_user(request), project_id=project_id)
    if project is None:
        raise Http404
    return project


@staff_view(MANAGE)
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    context = {
        "projects": list(selectors.projects_for_staff(user=user)),
        "awards": selectors.awarded_applications_without_project(user=user),
        "practices": list(selectors.good_practices_for_staff(user=user)),
    }
    return no_store(render(request, "evaluation/project_list.html", context))


def _project_values(form: ProjectForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "organisation": data["organisation"],
        "title": data["title"],
        "summary": data["summary"] or {},
        "regions": list(data["regions"]),
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
        "baseline_starts_on": data["baseline_starts_on"],
        "baseline_ends_on": data["baseline_ends_on"],
        "status": data["status"],
    }


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def project_new(request: HttpRequest) -> HttpResponse:
    return _project_form(request, application=None)


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def project_from_award(request: HttpRequest, application_id: int) -> HttpResponse:
    application = selectors.awarded_application_for_staff(user=staff_user(request), application_id=application_id)
    if application is None:
        raise Http404
    return _project_form(request, application=application)


def _award_initial(user: User, application: Any) -> dict[str, Any]:
    call = application.call
    organisation = (
        selectors.organisations_for_projects(user=user)
        .filter(coalition_id=call.coalition_id, name__iexact=application.organisation_name)
        .first()
    )
    title = {code: f"{application.organisation_name}: {text}" for code, text in (call.title or {}).items() if text}
    return {"title": title, "organisation": organisation, "status": Project.Status.PLANNED}


def _project_form(request: HttpRequest, *, application: Any) -> HttpResponse:
    user = staff_user(request)
    context: dict[str, Any] = {"application": application}
    if request.method != "POST":
        initial = _award_initial(user, application) if application is not None else {}
        context["form"] = ProjectForm(user=user, initial=initial)
        return no_store(render(request, "evaluation/project_form.html", context))
    form = ProjectForm(request.POST, user=user)
    context["form"] = form
    if form.is_valid():
        try:
            project = services.project_create(actor=user, application=application, **_project_values(form))
        except services.EvaluationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The project is saved. Add its milestones and indicators now."))
            return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]))
    return no_store(render(request, "evaluation/project_form.html", context, status=422))


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, project_id: int) -> HttpResponse:
    user = staff_user(request)
    project = _project(request, project_id)
    context: dict[str, Any] = {"project": project}
    if request.method != "POST":
        initial = {
            "title": project.title,
            "summary": project.summary,
            "organisation": project.organisation,
            "regions": list(project.regions.all()),
            "starts_on": project.starts_on,
            "ends_on": project.ends_on,
            "baseline_starts_on": project.baseline_starts_on,
            "baseline_ends_on": project.baseline_ends_on,
            "status": project.status,
        }
        context["form"] = ProjectForm(user=user, initial=initial)
        return no_store(render(request, "evaluation/project_form.html", context))
    form = ProjectForm(request.POST, user=user)
    context["form"] = form
    if form.is_valid():
        try:
            services.project_update(actor=user, project=project, **_project_values(form))
        except services.EvaluationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The project is saved."))
            return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]))
    return no_store(render(request, "evaluation/project_form.html", context, status=422))


def _detail_context(project: Project, **forms: Any) -> dict[str, Any]:
    indicators = selectors_indicators.project_indicators(project)
    title = text_in(project.title)
    charts = {
        view.id: series_chart(
            view, title=_("%(indicator)s per month: %(project)s") % {"indicator": view.label, "project": title}
        )
        for view in indicators
        if view.available
    }
    return {
        "project": project,
        "milestones": list(project.milestones.all()),
        "indicators": [(view, charts.get(view.id)) for view in indicators],
        "milestone_form": forms.get("milestone_form") or MilestoneForm(),
        "indicator_form": forms.get("indicator_form") or IndicatorForm(),
        "today": timezone.localdate(),
        "threshold": threshold(),
        "regions": list(project.regions.all()),
    }


@staff_view(MANAGE)
@require_GET
def project_detail(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _project(request, project_id)
    return no_store(render(request, "evaluation/project_detail.html", _detail_context(project)))


@staff_view(MANAGE)
@require_POST
def milestone_add(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _project(request, project_id)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        services.milestone_add(
            actor=staff_user(request),
            project=project,
            title=form.cleaned_data["title"],
            due_on=form.cleaned_data["due_on"],
        )
        messages.success(request, _("The milestone is added."))
        return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]) + "#milestones")
    context = _detail_context(project, milestone_form=form)
    return no_store(render(request, "evaluation/project_detail.html", context, status=422))


@staff_view(MANAGE)
@require_POST
def milestone_done(request: HttpRequest, project_id: int, milestone_id: int) -> HttpResponse:
    project = _project(request, project_id)
    milestone = selectors.milestone_for_staff(user=staff_user(request), project=project, milestone_id=milestone_id)
    if milestone is None:
        raise Http404
    form = MilestoneDoneForm(request.POST)
    done_on = form.cleaned_data["done_on"] if form.is_valid() else None
    if request.POST.get("undo"):
        done_on = None
    elif done_on is None:
        done_on = timezone.localdate()
    services.milestone_mark(actor=staff_user(request), milestone=milestone, done_on=done_on)
    messages.success(
        request, _("The milestone is marked as reached.") if done_on else _("The milestone is marked as not reached.")
    )
    return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]) + "#milestones")


@staff_view(MANAGE)
@require_POST
def indicator_set(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _project(request, project_id)
    form = IndicatorForm(request.POST)
    if form.is_valid():
        try:
            services.project_indicator_set(
                actor=staff_user(request),
                project=project,
                code=form.cleaned_data["code"],
                target=form.cleaned_data["target"],
            )
        except services.EvaluationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The indicator is saved."))
            return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]) + "#indicators")
    context = _detail_context(project, indicator_form=form)
    return no_store(render(request, "evaluation/project_detail.html", context, status=422))


@staff_view(MANAGE)
@require_POST
def indicator_remove(request: HttpRequest, project_id: int, indicator_id: int) -> HttpResponse:
    project = _project(request, project_id)
    item = selectors.project_indicator_for_staff(project=project, indicator_id=indicator_id)
    if item is None:
        raise Http404
    services.project_indicator_remove(actor=staff_user(request), item=item)
    messages.success(request, _("The indicator is removed from the project."))
    return HttpResponseRedirect(reverse("evaluation:project_detail", args=[project.pk]) + "#indicators")


@staff_view(MANAGE)
@require_GET
def project_pdf(request: HttpRequest, project_id: int) -> HttpResponse:
    project = _project(request, project_id)
    context = _detail_context(project)
    context["generated_on"] = timezone.localdate()
    html = render_to_string("evaluation/project_pdf.html", context, request)
    response = HttpResponse(render_pdf(html, base_url=static_base_url()), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="project-{project.pk}-evaluation.pdf"'
    return no_store(response)


# --- good practices -------------------------------------------------------------------------------------------


def _practice(request: HttpRequest, practice_id: int) -> GoodPractice:
    practice = selectors.good_practices_for_staff(user=staff_user(request)).filter(pk=practice_id).first()
    if practice is None:
        raise Http404
    return practice


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def good_practice_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    own = coalition_of(user=user)
    if request.method != "POST":
        form = GoodPracticeForm(user=user, with_coalition=own is None)
        return no_store(render(request, "evaluation/good_practice_form.html", {"form": form}))
    form = GoodPracticeForm(request.POST, user=user, with_coalition=own is None)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.good_practice_create(
                actor=user,
                coalition=own or data["coalition"],
                title=data["title"],
                summary=data["summary"],
                project=data["project"],
                shared=data["shared"],
            )
        except services.EvaluationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The good practice is saved."))
            return HttpResponseRedirect(reverse("evaluation:project_list") + "#practices")
    return no_store(render(request, "evaluation/good_practice_form.html", {"form": form}, status=422))


@staff_view(MANAGE)
@require_http_methods(["GET", "POST"])
def good_practice_edit(request: HttpRequest, practice_id: int) -> HttpResponse:
    user = staff_user(request)
    practice = _practice(request, practice_id)
    context: dict[str, Any] = {"practice": practice}
    if request.method != "POST":
        initial = {
            "title": practice.title,
            "summary": practice.summary,
            "project": practice.project,
            "shared": practice.shared,
        }
        context["form"] = GoodPracticeForm(user=user, with_coalition=False, initial=initial)
        return no_store(render(request, "evaluation/good_practice_form.html", context))
    form = GoodPracticeForm(request.POST, user=user, with_coalition=False)
    context["form"] = form
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.good_practice_update(
                actor=user,
                practice=practice,
                title=data["title"],
                summary=data["summary"],
                project=data["project"],
                shared=data["shared"],
            )
        except services.EvaluationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The good practice is saved."))
            return HttpResponseRedirect(reverse("evaluation:project_list") + "#practices")
    return no_store(render(request, "evaluation/good_practice_form.html", context, status=422))
