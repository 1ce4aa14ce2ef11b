"""The newsletter's e-mails: links back to the site (absolute, in the recipient's language) and the RFC 8058
one-click unsubscribe headers."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_supported_language_variant

from safecommunity.accounts.models import Coalition
from safecommunity.programs.outreach.models import Subscriber


def supported_language(*candidates: str) -> str:
    for candidate in candidates:
        if candidate:
            try:
                return get_supported_language_variant(candidate)
            except LookupError:
                continue
    return settings.LANGUAGE_CODE


def site_link(url_name: str, *, language: str, **kwargs: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(url_name, kwargs=kwargs)


def unsubscribe_url(subscriber: Subscriber, language: str) -> str:
    return site_link("outreach:unsubscribe", language=language, token=subscriber.unsubscribe_token)


def preferences_url(subscriber: Subscriber, language: str) -> str:
    return site_link("outreach:preferences", language=language, token=subscriber.unsubscribe_token)


def one_click_headers(subscriber: Subscriber, language: str) -> dict[str, str]:
    """RFC 8058: a mail client may POST ``List-Unsubscribe=One-Click`` to this URL, without cookies or sign-in."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber, language)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def text_for(texts: Mapping[str, str], *, language: str, coalition: Coalition) -> tuple[str, str]:
    """The text in the subscriber's language, else the coalition's default language, else any language written."""
    for code in (language, coalition.default_language, settings.LANGUAGE_CODE):
        if code and str(texts.get(code, "")).strip():
            return texts[code], code
    for code, text in texts.items():
        if str(text).strip():
            return text, code
    return "", language
