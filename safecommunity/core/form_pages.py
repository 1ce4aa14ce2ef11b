"""The shape every create/edit page shares: GET shows the form; a POST that validates is saved and answered (usually
with a redirect); a POST that does not is shown again with its errors and everything that was typed (422)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest,
    *,
    template: str,
    form_class: Callable[..., forms.BaseForm],
    save: Callable[[Any], HttpResponse],
    context: Mapping[str, Any] | None = None,
    initial: Mapping[str, Any] | None = None,
    form_kwargs: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """``save`` receives the valid form's ``cleaned_data``; ``form_kwargs`` go to the form both times (the
    programme a shift belongs to, the coalition choices…)."""
    kwargs = dict(form_kwargs or {})
    if request.method != "POST":
        form = form_class(initial=dict(initial or {}), **kwargs)
        return render(request, template, {**(context or {}), "form": form})
    form = form_class(request.POST, request.FILES or None, **kwargs)
    if not form.is_valid():
        return render(request, template, {**(context or {}), "form": form}, status=422)
    return save(form.cleaned_data)
