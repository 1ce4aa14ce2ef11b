"""Public pages: the newsletter (sign-up, confirmation, one-click unsubscribe, language preference), each city's
take-action page and branded city page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from safecommunity.accounts.models import Coalition
from safecommunity.core.http import no_store
from safecommunity.core.ratelimits import rate_limit
from safecommunity.programs.outreach.forms import PreferencesForm, SignUpForm
from safecommunity.programs.outreach.models import ActionLink, Subscriber
from safecommunity.programs.outreach.selectors import (
    action_links,
    coalition_partners,
    coalition_regions,
    public_coalition,
    public_coalitions,
    subscriber_for_confirm_token,
    subscriber_for_unsubscribe_token,
    take_action_intro,
)
from safecommunity.programs.outreach.services import (
    confirm_link_is_fresh,
    subscriber_change_preferences,
    subscriber_confirm,
    subscriber_sign_up,
    subscriber_unsubscribe,
)


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


@never_cache
@require_http_methods(["GET", "POST"])
@rate_limit(group="newsletter", rate_setting="NEWSLETTER_SIGN_UP_RATE")
def newsletter_sign_up(request: HttpRequest) -> HttpResponse:
    coalitions = public_coalitions()
    if request.method != "POST":
        chosen = public_coalition(slug=request.GET.get("coalition", ""))
        initial: dict[str, Any] = {"language": _language()}
        if chosen is not None:
            initial["coalition"] = chosen
        form = SignUpForm(initial=initial, coalitions=coalitions)
        return render(request, "outreach/newsletter_sign_up.html", {"form": form})
    form = SignUpForm(request.POST, coalitions=coalitions)
    if not form.is_valid():
        return render(request, "outreach/newsletter_sign_up.html", {"form": form}, status=422)
    subscriber_sign_up(
        coalition=form.cleaned_data["coalition"],
        email=form.cleaned_data["email"],
        language=form.cleaned_data["language"],
        topics=form.cleaned_data["topics"],
    )
    # The same answer whether the address was new, waiting, unsubscribed or already subscribed.
    return redirect("outreach:sign_up_done")


@require_GET
def newsletter_sign_up_done(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/newsletter_check_inbox.html")


def _link_not_valid(request: HttpRequest) -> HttpResponse:
    return no_store(render(request, "outreach/newsletter_link_invalid.html", status=404))


@never_cache
@require_http_methods(["GET", "POST"])
def newsletter_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (so that a mail scanner opening the link confirms nothing); POST confirms."""
    subscriber = subscriber_for_confirm_token(token=token)
    if subscriber is None or subscriber.status != Subscriber.Status.PENDING or not confirm_link_is_fresh(subscriber):
        return _link_not_valid(request)
    context = {"subscriber": subscriber, "coalition": subscriber.coalition}
    if request.method != "POST":
        return no_store(render(request, "outreach/newsletter_confirm.html", context))
    subscriber_confirm(subscriber=subscriber)
    return no_store(render(request, "outreach/newsletter_confirmed.html", context))


@csrf_exempt  # RFC 8058: mail clients POST here without cookies; the secret token in the URL is the proof.
@never_cache
@require_http_methods(["GET", "POST"])
def newsletter_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows one button; POST (that button or a mail client's one-click request) unsubscribes at once."""
    subscriber = subscriber_for_unsubscribe_token(token=token)
    if subscriber is None:
        return _link_not_valid(request)
    context = {"subscriber": subscriber, "coalition": subscriber.coalition}
    if request.method != "POST":
        return no_store(render(request, "outreach/newsletter_unsubscribe.html", context))
    subscriber_unsubscribe(subscriber=subscriber)
    return no_store(render(request, "outreach/newsletter_unsubscribed.html", context))


@never_cache
@require_http_methods(["GET", "POST"])
def newsletter_preferences(request: HttpRequest, token: str) -> HttpResponse:
    subscriber = subscriber_for_unsubscribe_token(token=token)
    if subscriber is None:
        return _link_not_valid(request)
    context: dict[str, Any] = {"subscriber": subscriber, "coalition": subscriber.coalition}
    if request.method != "POST":
        form = PreferencesForm(initial={"language": subscriber.language, "topics": subscriber.topics})
        saved = request.GET.get("saved") == "1"
        return no_store(
            render(request, "outreach/newsletter_preferences.html", context | {"form": form, "saved": saved})
        )
    form = PreferencesForm(request.POST)
    if not form.is_valid():
        return no_store(render(request, "outreach/newsletter_preferences.html", context | {"form": form}, status=422))
    subscriber_change_preferences(
        subscriber=subscriber, language=form.cleaned_data["language"], topics=form.cleaned_data["topics"]
    )
    return redirect(reverse("outreach:preferences", kwargs={"token": token}) + "?saved=1")


def programme_links(coalition: Coalition) -> list[dict[str, str]]:
    """The other programme pages, filtered to one city by ``?coalition=<slug>``."""
    from django.utils.translation import gettext as _

    language = _language()
    query = f"?coalition={coalition.slug}"
    return [
        {"key": "events", "label": _("Events and workshops"), "url": f"/{language}/events/{query}"},
        {"key": "learn", "label": _("Learning resources"), "url": f"/{language}/learn/{query}"},
        {"key": "volunteer", "label": _("Volunteer with us"), "url": f"/{language}/volunteer/{query}"},
        {"key": "calls", "label": _("Funding calls and contests"), "url": f"/{language}/calls/{query}"},
    ]


def _public_coalition_or_404(slug: str) -> Coalition:
    coalition = public_coalition(slug=slug)
    if coalition is None:
        raise Http404
    return coalition


@require_GET
def take_action_index(request: HttpRequest) -> HttpResponse:
    coalitions = list(public_coalitions())
    if len(coalitions) == 1:
        return redirect("outreach:take_action", slug=coalitions[0].slug)
    return render(request, "outreach/take_action_index.html", {"coalitions": coalitions})


@require_GET
def take_action(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _public_coalition_or_404(slug)
    links = action_links(coalition=coalition)
    report_path = reverse("reports:new")
    language = _language()
    context = {
        "coalition": coalition,
        "intro": take_action_intro(coalition=coalition),
        "links_by_kind": {kind: [link for link in links if link.kind == kind] for kind in ActionLink.Kind.values},
        "partners": [partner for partner in coalition_partners(coalition=coalition) if partner.website],
        "report_path": report_path,
        "report_url": settings.SITE_URL + report_path,
        "volunteer_url": f"/{language}/volunteer/?coalition={coalition.slug}",
        "newsletter_url": reverse("outreach:sign_up") + f"?coalition={coalition.slug}",
    }
    return render(request, "outreach/take_action.html", context)


@require_GET
def city_index(request: HttpRequest) -> HttpResponse:
    return render(request, "outreach/city_index.html", {"coalitions": public_coalitions()})


@require_GET
def city_page(request: HttpRequest, slug: str) -> HttpResponse:
    coalition = _public_coalition_or_404(slug)
    context = {
        "coalition": coalition,
        "regions": coalition_regions(coalition=coalition),
        "programme_links": programme_links(coalition),
        "newsletter_url": reverse("outreach:sign_up") + f"?coalition={coalition.slug}",
    }
    return render(request, "outreach/city_page.html", context)


@require_GET
def city_theme(request: HttpRequest, slug: str) -> HttpResponse:
    """The coalition's accent colour as a tiny stylesheet (the CSP allows no inline styles). The colour was validated
    as #rrggbb when it was saved; anything else falls back to the site's colour."""
    from safecommunity.programs.outreach.forms import HEX_COLOUR

    coalition = _public_coalition_or_404(slug)
    colour = coalition.accent_colour if HEX_COLOUR.match(coalition.accent_colour or "") else "#0b5d5b"
    response = HttpResponse(f".city-brand {{ --accent: {colour}; }}\n", content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    return response
