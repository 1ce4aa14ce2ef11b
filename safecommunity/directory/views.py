from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from safecommunity.core.access import staff_view
from safecommunity.core.http import page_or_part
from safecommunity.core.roles import Capability
from safecommunity.directory.cards import service_card
from safecommunity.directory.forms import FindHelpForm, ReviewForm, ServiceProposalForm
from safecommunity.directory.review import change_differences
from safecommunity.directory.selectors import (
    service_change_for_review,
    service_changes_decided,
    service_changes_for_organisation,
    service_changes_pending,
    service_for_organisation,
    services_for_organisation,
    services_for_public,
)
from safecommunity.directory.services import (
    ChangeAlreadyDecided,
    service_change_approve,
    service_change_propose,
    service_change_reject,
)

FIND_HELP_PAGE, FIND_HELP_RESULTS = "directory/find_help.html", "directory/_find_help_results.html"


@require_GET
def find_help(request: HttpRequest) -> HttpResponse:
    """The public directory of help, filtered with a plain GET form (no JavaScript needed); with htmx, only the
    results are sent back when a choice changes."""
    form = FindHelpForm(request.GET or None)
    language = get_language() or settings.LANGUAGE_CODE
    if form.is_bound and not form.is_valid():
        return page_or_part(
            request, page=FIND_HELP_PAGE, part=FIND_HELP_RESULTS, context={"form": form, "cards": None}, status=422
        )
    filters = form.cleaned_data if form.is_bound else {}
    services = services_for_public(
        kind=filters.get("kind", ""),
        language=filters.get("language", ""),
        region=form.selected_region() if form.is_bound else None,
        cost=filters.get("cost", ""),
    )
    cards = [service_card(service, language) for service in services]
    context = {"form": form, "cards": cards, "filtered": any(filters.values())}
    return page_or_part(request, page=FIND_HELP_PAGE, part=FIND_HELP_RESULTS, context=context)


@staff_view(Capability.EDIT_OWN_SERVICES)
@require_GET
def partner_services(request: HttpRequest) -> HttpResponse:
    context = {
        "services": services_for_organisation(user=request.user),
        "changes": service_changes_for_organisation(user=request.user)[:30],
        "organisation": getattr(request.user, "organisation", None),
    }
    return render(request, "directory/partner_services.html", context)


def _propose(request: HttpRequest, service_id: int | None) -> HttpResponse:
    service = None
    if service_id is not None:
        service = service_for_organisation(user=request.user, service_id=service_id)
        if service is None:
            raise Http404
    elif getattr(request.user, "organisation_id", None) is None:
        raise Http404
    context = {"service": service}
    if request.method != "POST":
        return render(request, "directory/propose.html", {**context, "form": ServiceProposalForm(service=service)})
    form = ServiceProposalForm(request.POST, service=service)
    if not form.is_valid():
        return render(request, "directory/propose.html", {**context, "form": form}, status=422)
    service_change_propose(
        actor=request.user, service=service, proposed=form.proposed(), note=form.cleaned_data["reason"]
    )
    messages.success(request, _("Thank you. Your proposal was sent to the coalition for review."))
    return HttpResponseRedirect(reverse("directory:partner_services"))


@staff_view(Capability.EDIT_OWN_SERVICES)
@require_http_methods(["GET", "POST"])
def propose_change(request: HttpRequest, service_id: int) -> HttpResponse:
    return _propose(request, service_id)


@staff_view(Capability.EDIT_OWN_SERVICES)
@require_http_methods(["GET", "POST"])
def propose_new(request: HttpRequest) -> HttpResponse:
    return _propose(request, None)


@staff_view(Capability.MANAGE_DIRECTORY)
@require_GET
def review_list(request: HttpRequest) -> HttpResponse:
    context = {
        "pending": service_changes_pending(user=request.user),
        "decided": service_changes_decided(user=request.user),
    }
    return render(request, "directory/review_list.html", context)


@staff_view(Capability.MANAGE_DIRECTORY)
@require_http_methods(["GET", "POST"])
def review_change(request: HttpRequest, change_id: int) -> HttpResponse:
    change = service_change_for_review(user=request.user, change_id=change_id)
    if change is None:
        raise Http404
    context = {"change": change, "differences": change_differences(change)}
    if request.method != "POST":
        return render(request, "directory/review_change.html", {**context, "form": ReviewForm()})
    form = ReviewForm(request.POST)
    if not form.is_valid():
        return render(request, "directory/review_change.html", {**context, "form": form}, status=422)
    try:
        if form.cleaned_data["decision"] == "approve":
            service_change_approve(actor=request.user, change=change, note=form.cleaned_data["note"])
            messages.success(request, _("The change was approved and applied. The partner will be told by email."))
        else:
            service_change_reject(actor=request.user, change=change, note=form.cleaned_data["note"])
            messages.success(request, _("The change was not approved. The partner will be told by email."))
    except ChangeAlreadyDecided:
        messages.warning(request, _("Someone else decided on this change in the meantime; nothing was changed."))
    return HttpResponseRedirect(reverse("directory:review_list"))
