from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

# No third-party origins, no inline scripts: a report page must not leak to anyone but us.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "geolocation=(), camera=(), microphone=(), interest-cohort=()"


def security_headers(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


def remember_language(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """Keep the language of the page a person chose, so the next visit to / opens in it."""
    from django.conf import settings
    from django.utils.translation import get_language_from_path

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        chosen = get_language_from_path(request.path_info)
        if chosen and request.method == "GET" and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                chosen,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
            )
        return response

    return middleware


def audit_context(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[[HttpRequest], HttpResponse]:
    """Let the audit trail record where a request came from without passing the request to every service."""
    from safecommunity.core.audit import request_context

    def middleware(request: HttpRequest) -> HttpResponse:
        # The address is read from the request only when something is recorded: most requests record nothing.
        with request_context(request):
            return get_response(request)

    return middleware
