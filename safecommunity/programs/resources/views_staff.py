"""Organisers' pages of the learning library: resources and their language versions, publishing, sharing with the
network, and download counts. A resource of another coalition is a 404, even when that coalition shares it."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from safecommunity.accounts.requests import staff_user
from safecommunity.accounts.selectors import coalition_ids_for, coalition_of
from safecommunity.core.access import staff_view
from safecommunity.core.roles import Capability
from safecommunity.programs.resources.cards import language_name, resource_card
from safecommunity.programs.resources.forms import PublishForm, ResourceForm, ShareForm, VersionForm
from safecommunity.programs.resources.models import Resource
from safecommunity.programs.resources.selectors import (
    download_table,
    resource_for_staff,
    resources_for_staff,
    resources_shared_with,
    version_for_staff,
)
from safecommunity.programs.resources.services import (
    resource_create,
    resource_delete,
    resource_publish,
    resource_share,
    resource_update,
    resource_version_delete,
    resource_version_save,
)

manage = staff_view(Capability.MANAGE_PROGRAMS)


def _resource_or_404(request: HttpRequest, resource_id: int) -> Resource:
    resource = resource_for_staff(user=staff_user(request), resource_id=resource_id)
    if resource is None:
        raise Http404
    return resource


def _to_detail(resource: Resource) -> HttpResponseRedirect:
    return HttpResponseRedirect(reverse("resources:staff_detail", args=[resource.pk]))


@manage
@require_GET
def staff_list(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    language = get_language() or "en"
    shared = resources_shared_with(user=user)
    context = {
        "resources": resources_for_staff(user=user),
        "shared": [(resource, resource_card(resource, language)) for resource in shared],
    }
    return render(request, "resources/staff/list.html", context)


@manage
@require_http_methods(["GET", "POST"])
def staff_create(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    coalition = coalition_of(user=user)
    choose = coalition is None
    if choose and coalition_ids_for(user=user) is not None:
        raise Http404  # staff of no organisation who do not look after every coalition
    if request.method != "POST":
        form = ResourceForm(choose_coalition=choose)
        return render(request, "resources/staff/resource_form.html", {"form": form, "resource": None})
    form = ResourceForm(request.POST, choose_coalition=choose)
    if not form.is_valid():
        return render(request, "resources/staff/resource_form.html", {"form": form, "resource": None}, status=422)
    owner = form.cleaned_data["coalition"] if coalition is None else coalition
    resource = resource_create(actor=user, coalition=owner, fields=form.resource_fields())
    messages.success(request, _("The resource was saved. Add a version in each language it exists in."))
    return _to_detail(resource)


@manage
@require_GET
def staff_detail(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = _resource_or_404(request, resource_id)
    language = get_language() or "en"
    table = download_table(resource=resource)
    context = {
        "resource": resource,
        "card": resource_card(resource, language),
        "versions": [(version, language_name(version.language)) for version in resource.versions.all()],
        "table": table,
        "table_languages": [language_name(code) for code in table.languages],
    }
    return render(request, "resources/staff/detail.html", context)


@manage
@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = _resource_or_404(request, resource_id)
    if request.method != "POST":
        form = ResourceForm(resource=resource)
        return render(request, "resources/staff/resource_form.html", {"form": form, "resource": resource})
    form = ResourceForm(request.POST, resource=resource)
    if not form.is_valid():
        return render(request, "resources/staff/resource_form.html", {"form": form, "resource": resource}, status=422)
    resource_update(resource=resource, fields=form.resource_fields())
    messages.success(request, _("Your changes to the resource were saved."))
    return _to_detail(resource)


@manage
@require_POST
def staff_publish(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = _resource_or_404(request, resource_id)
    form = PublishForm(request.POST)
    form.is_valid()
    published = bool(form.cleaned_data.get("published"))
    if published and not resource.versions.exists():
        messages.error(request, _("Add at least one language version before you publish the resource."))
        return _to_detail(resource)
    resource_publish(resource=resource, published=published)
    if published:
        messages.success(request, _("The resource is now in the public library."))
    else:
        messages.success(request, _("The resource was taken out of the public library."))
    return _to_detail(resource)


@manage
@require_POST
def staff_share(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = _resource_or_404(request, resource_id)
    form = ShareForm(request.POST)
    form.is_valid()
    shared = bool(form.cleaned_data.get("shared"))
    resource_share(resource=resource, shared=shared)
    if shared:
        messages.success(request, _("The other coalitions of the network now list this resource too, credited to you."))
    else:
        messages.success(request, _("The resource is no longer shared with the network."))
    return _to_detail(resource)


@manage
@require_http_methods(["GET", "POST"])
def staff_delete(request: HttpRequest, resource_id: int) -> HttpResponse:
    resource = _resource_or_404(request, resource_id)
    if request.method != "POST":
        return render(request, "resources/staff/delete.html", {"resource": resource})
    resource_delete(resource=resource)
    messages.success(request, _("The resource and its files were deleted."))
    return HttpResponseRedirect(reverse("resources:staff_list"))


def _version_page(request: HttpRequest, resource: Resource, version_id: int | None) -> HttpResponse:
    version = None
    if version_id is not None:
        version = version_for_staff(user=staff_user(request), resource_id=resource.pk, version_id=version_id)
        if version is None:
            raise Http404
    context = {"resource": resource, "version": version}
    if request.method != "POST":
        form = VersionForm(resource=resource, version=version)
        return render(request, "resources/staff/version_form.html", {**context, "form": form})
    form = VersionForm(request.POST, request.FILES, resource=resource, version=version)
    if not form.is_valid():
        return render(request, "resources/staff/version_form.html", {**context, "form": form}, status=422)
    resource_version_save(resource=resource, version=version, fields=form.version_fields())
    messages.success(request, _("The language version was saved."))
    return _to_detail(resource)


@manage
@require_http_methods(["GET", "POST"])
def staff_version_new(request: HttpRequest, resource_id: int) -> HttpResponse:
    return _version_page(request, _resource_or_404(request, resource_id), None)


@manage
@require_http_methods(["GET", "POST"])
def staff_version_edit(request: HttpRequest, resource_id: int, version_id: int) -> HttpResponse:
    return _version_page(request, _resource_or_404(request, resource_id), version_id)


@manage
@require_POST
def staff_version_delete(request: HttpRequest, resource_id: int, version_id: int) -> HttpResponse:
    version = version_for_staff(user=staff_user(request), resource_id=resource_id, version_id=version_id)
    if version is None:
        raise Http404
    resource = version.resource
    resource_version_delete(version=version)
    messages.success(request, _("The language version was deleted."))
    return _to_detail(resource)
