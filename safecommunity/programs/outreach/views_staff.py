"""Staff pages: newsletter issues (compose, preview, send), each coalition's take-action page and its branding.

Organisers and coalition administrators reach the coalitions their programme work is scoped to; another city's
page or issue is a 404. Branding is for coalition administrators only.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safecommunity.accounts.models import Coalition
from safecommunity.accounts.requests import staff_user
from safecommunity.core.access import staff_view
from safecommunity.core.roles import Capability, Role, role_of
from safecommunity.programs.outreach.emails import supported_language, text_for
from safecommunity.programs.outreach.forms import (
    ActionLinkForm,
    BrandingForm,
    CoalitionPickForm,
    IssueForm,
    TakeActionIntroForm,
    language_choices,
)
from safecommunity.programs.outreach.models import ActionLink, NewsletterIssue
from safecommunity.programs.outreach.selectors import (
    action_link_for_staff,
    action_links,
    issue_deliveries_by_language,
    list_sizes,
    staff_coalition,
    staff_coalitions,
    staff_issue,
    staff_issues,
    take_action_intro,
)
from safecommunity.programs.outreach.services import IssueAlreadySent, issue_create, issue_send, issue_update
from safecommunity.programs.outreach.services_pages import (
    action_link_create,
    action_link_delete,
    action_link_move,
    action_link_update,
    coalition_branding_update,
    take_action_intro_update,
)


def _issue_or_404(request: HttpRequest, issue_id: int) -> NewsletterIssue:
    issue = staff_issue(user=staff_user(request), issue_id=issue_id)
    if issue is None:
        raise Http404
    return issue


def _coalition_or_404(request: HttpRequest, slug: str) -> Coalition:
    coalition = staff_coalition(user=staff_user(request), slug=slug)
    if coalition is None:
        raise Http404
    return coalition


# Newsletter issues ---------------------------------------------------------------------------------------------


@staff_view(Capability.MANAGE_PROGRAMS)
@require_GET
def issue_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    context = {"issues": staff_issues(user=user), "sizes": list_sizes(user=user)}
    return render(request, "outreach/staff/issue_list.html", context)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def issue_new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    coalitions = staff_coalitions(user=user)
    if not coalitions.exists():
        raise PermissionDenied
    several = coalitions.count() > 1
    if request.method != "POST":
        context = {"form": IssueForm(), "pick": CoalitionPickForm(coalitions=coalitions) if several else None}
        return render(request, "outreach/staff/issue_form.html", context)
    form = IssueForm(request.POST)
    pick = CoalitionPickForm(request.POST, coalitions=coalitions) if several else None
    valid = form.is_valid() and (pick is None or pick.is_valid())
    if not valid:
        return render(request, "outreach/staff/issue_form.html", {"form": form, "pick": pick}, status=422)
    coalition = pick.cleaned_data["coalition"] if pick is not None else coalitions.get()
    issue = issue_create(actor=user, coalition=coalition, **form.cleaned_data)
    return redirect("outreach:issue_detail", issue_id=issue.pk)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def issue_edit(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_or_404(request, issue_id)
    if issue.status != NewsletterIssue.Status.DRAFT:
        return redirect("outreach:issue_detail", issue_id=issue.pk)
    if request.method != "POST":
        form = IssueForm(initial={"subject": issue.subject, "body": issue.body, "topic": issue.topic})
        return render(request, "outreach/staff/issue_form.html", {"form": form, "issue": issue})
    form = IssueForm(request.POST)
    if not form.is_valid():
        return render(request, "outreach/staff/issue_form.html", {"form": form, "issue": issue}, status=422)
    try:
        issue_update(actor=staff_user(request), issue=issue, **form.cleaned_data)
    except IssueAlreadySent:
        messages.error(request, _("This issue has already been sent and can no longer be changed."))
    return redirect("outreach:issue_detail", issue_id=issue.pk)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_GET
def issue_detail(request: HttpRequest, issue_id: int) -> HttpResponse:
    """The preview, in any language: what a subscriber reading that language will get (with the fallback)."""
    issue = _issue_or_404(request, issue_id)
    language = supported_language(request.GET.get("language", ""), get_language() or settings.LANGUAGE_CODE)
    subject, subject_language = text_for(issue.subject, language=language, coalition=issue.coalition)
    body, body_language = text_for(issue.body, language=language, coalition=issue.coalition)
    context: dict[str, Any] = {
        "issue": issue,
        "preview_language": language,
        "languages": language_choices(),
        "subject": subject,
        "subject_language": subject_language,
        "body": body,
        "body_language": body_language,
        "deliveries": issue_deliveries_by_language(issue=issue),
        "language_names": dict(language_choices()),
    }
    return render(request, "outreach/staff/issue_detail.html", context)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_POST
def issue_send_view(request: HttpRequest, issue_id: int) -> HttpResponse:
    issue = _issue_or_404(request, issue_id)
    try:
        issue_send(actor=staff_user(request), issue=issue)
    except IssueAlreadySent:
        messages.info(request, _("This issue has already been sent."))
    else:
        messages.success(request, _("The issue is being sent to every confirmed subscriber."))
    return redirect("outreach:issue_detail", issue_id=issue.pk)


# Take-action pages ---------------------------------------------------------------------------------------------


def _pick_coalition(request: HttpRequest, url_name: str, template: str) -> HttpResponse:
    coalitions = list(staff_coalitions(user=staff_user(request)))
    if len(coalitions) == 1:
        return redirect(url_name, slug=coalitions[0].slug)
    if not coalitions:
        raise PermissionDenied
    return render(request, template, {"coalitions": coalitions, "url_name": url_name})


@staff_view(Capability.MANAGE_PROGRAMS)
@require_GET
def take_action_staff_index(request: HttpRequest) -> HttpResponse:
    return _pick_coalition(request, "outreach:take_action_edit", "outreach/staff/coalition_pick.html")


def _take_action_page(
    request: HttpRequest, coalition: Coalition, form: TakeActionIntroForm, status: int = 200
) -> HttpResponse:
    context = {"coalition": coalition, "form": form, "links": action_links(coalition=coalition)}
    return render(request, "outreach/staff/take_action_edit.html", context, status=status)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def take_action_edit(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition_or_404(request, slug)
    if request.method != "POST":
        return _take_action_page(
            request, coalition, TakeActionIntroForm(initial={"intro": take_action_intro(coalition=coalition)})
        )
    form = TakeActionIntroForm(request.POST)
    if not form.is_valid():
        return _take_action_page(request, coalition, form, status=422)
    take_action_intro_update(actor=staff_user(request), coalition=coalition, intro=form.cleaned_data["intro"])
    messages.success(request, _("The introduction was saved."))
    return redirect("outreach:take_action_edit", slug=coalition.slug)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def action_link_new(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _coalition_or_404(request, slug)
    if request.method != "POST":
        return render(
            request, "outreach/staff/action_link_form.html", {"coalition": coalition, "form": ActionLinkForm()}
        )
    form = ActionLinkForm(request.POST)
    if not form.is_valid():
        context = {"coalition": coalition, "form": form}
        return render(request, "outreach/staff/action_link_form.html", context, status=422)
    action_link_create(actor=staff_user(request), coalition=coalition, **form.cleaned_data)
    messages.success(request, _("The link was added."))
    return redirect("outreach:take_action_edit", slug=coalition.slug)


def _link_or_404(request: HttpRequest, slug: str, link_id: int) -> ActionLink:
    link = action_link_for_staff(user=staff_user(request), slug=slug, link_id=link_id)
    if link is None:
        raise Http404
    return link


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def action_link_edit(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    link = _link_or_404(request, slug, link_id)
    context: dict[str, Any] = {"coalition": link.coalition, "link": link}
    if request.method != "POST":
        initial = {"kind": link.kind, "label": link.label, "description": link.description, "url": link.url}
        return render(
            request, "outreach/staff/action_link_form.html", context | {"form": ActionLinkForm(initial=initial)}
        )
    form = ActionLinkForm(request.POST)
    if not form.is_valid():
        return render(request, "outreach/staff/action_link_form.html", context | {"form": form}, status=422)
    action_link_update(actor=staff_user(request), link=link, **form.cleaned_data)
    messages.success(request, _("The link was saved."))
    return redirect("outreach:take_action_edit", slug=link.coalition.slug)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_POST
def action_link_delete_view(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    link = _link_or_404(request, slug, link_id)
    action_link_delete(actor=staff_user(request), link=link)
    messages.success(request, _("The link was removed."))
    return redirect("outreach:take_action_edit", slug=slug)


@staff_view(Capability.MANAGE_PROGRAMS)
@require_POST
def action_link_move_view(request: HttpRequest, slug: str, link_id: int) -> HttpResponse:
    link = _link_or_404(request, slug, link_id)
    action_link_move(actor=staff_user(request), link=link, up=request.POST.get("direction") == "up")
    return redirect("outreach:take_action_edit", slug=slug)


# Branding ------------------------------------------------------------------------------------------------------


def _require_coalition_admin(request: HttpRequest) -> None:
    if role_of(request.user) != Role.COALITION_ADMIN:
        raise PermissionDenied


@staff_view(Capability.MANAGE_PROGRAMS)
@require_GET
def branding_index(request: HttpRequest) -> HttpResponse:
    _require_coalition_admin(request)
    return _pick_coalition(request, "outreach:branding_edit", "outreach/staff/coalition_pick.html")


@staff_view(Capability.MANAGE_PROGRAMS)
@require_http_methods(["GET", "POST"])
def branding_edit(request: HttpRequest, slug: str) -> HttpResponse:
    _require_coalition_admin(request)
    coalition = _coalition_or_404(request, slug)
    if request.method != "POST":
        initial = {
            "tagline": coalition.tagline,
            "accent_colour": coalition.accent_colour,
            "website": coalition.website,
            "time_zone": coalition.time_zone,
            "default_language": coalition.default_language,
        }
        return render(
            request,
            "outreach/staff/branding_form.html",
            {"coalition": coalition, "form": BrandingForm(initial=initial)},
        )
    form = BrandingForm(request.POST)
    if not form.is_valid():
        return render(request, "outreach/staff/branding_form.html", {"coalition": coalition, "form": form}, status=422)
    coalition_branding_update(actor=staff_user(request), coalition=coalition, **form.cleaned_data)
    messages.success(request, _("The branding was saved."))
    return redirect("outreach:branding_edit", slug=coalition.slug)
