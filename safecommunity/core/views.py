from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


@require_GET
def get_help(request: HttpRequest) -> HttpResponse:
    return render(request, "core/get_help.html")


def healthz(request: HttpRequest) -> HttpResponse:
    """A trivial page: load balancers probe it, and the benchmark uses it as the baseline."""
    return HttpResponse("ok", content_type="text/plain")


def rate_limited(request: HttpRequest) -> HttpResponse:
    return render(request, "core/rate_limited.html", status=429)
