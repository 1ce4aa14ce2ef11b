"""Names of the languages partner services speak, and how two language codes are compared.

Services list the languages they are given in as codes ("en", "ko", "yue",
"zh-hant"…). Two codes match when they are equal, or when they belong to the
same language family: the part before the first hyphen, with Cantonese ("yue")
and Mandarin ("cmn") counted as Chinese ("zh"). So a page in Traditional
Chinese (zh-hant) matches a service that speaks "zh", "zh-hans" or "yue" — as a
close match, ranked below an exact one. Kept deliberately simple: it says who
can probably talk with whom, not which script someone reads.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# The languages a service may say it speaks, with their names shown in the page's language.
LANGUAGE_NAMES: dict[str, Promise] = {
    "en": pgettext_lazy("spoken language", "English"),
    "es": pgettext_lazy("spoken language", "Spanish"),
    "fr": pgettext_lazy("spoken language", "French"),
    "zh": pgettext_lazy("spoken language", "Chinese"),
    "zh-hans": pgettext_lazy("spoken language", "Chinese (Simplified)"),
    "zh-hant": pgettext_lazy("spoken language", "Chinese (Traditional)"),
    "cmn": pgettext_lazy("spoken language", "Mandarin"),
    "yue": pgettext_lazy("spoken language", "Cantonese"),
    "vi": pgettext_lazy("spoken language", "Vietnamese"),
    "ko": pgettext_lazy("spoken language", "Korean"),
    "tl": pgettext_lazy("spoken language", "Tagalog"),
    "hmn": pgettext_lazy("spoken language", "Hmong"),
    "ja": pgettext_lazy("spoken language", "Japanese"),
    "ar": pgettext_lazy("spoken language", "Arabic"),
    "pa": pgettext_lazy("spoken language", "Punjabi"),
    "hi": pgettext_lazy("spoken language", "Hindi"),
    "ur": pgettext_lazy("spoken language", "Urdu"),
    "km": pgettext_lazy("spoken language", "Khmer"),
    "lo": pgettext_lazy("spoken language", "Lao"),
    "th": pgettext_lazy("spoken language", "Thai"),
    "ru": pgettext_lazy("spoken language", "Russian"),
    "fa": pgettext_lazy("spoken language", "Persian"),
    "ase": pgettext_lazy("spoken language", "American Sign Language"),
}

# Codes of one family besides those sharing the part before the hyphen.
_FAMILY_ALIASES = {"yue": "zh", "cmn": "zh"}


def normalise_language(code: str) -> str:
    return code.strip().lower().replace("_", "-")


def language_family(code: str) -> str:
    base = normalise_language(code).split("-", 1)[0]
    return _FAMILY_ALIASES.get(base, base)


def language_name(code: str) -> str:
    """The language's name in the active language; a code we have no name for is shown as it is."""
    name = LANGUAGE_NAMES.get(normalise_language(code))
    return str(name) if name is not None else code


def language_choices() -> list[tuple[str, Promise | str]]:
    return [("", _("Any language")), *LANGUAGE_NAMES.items()]


def best_language_match(wanted: str, spoken: list[str]) -> tuple[str, bool] | None:
    """The spoken language code that serves someone asking for ``wanted``, and whether it is exact.

    None when no spoken language matches (or ``wanted`` is empty)."""
    wanted = normalise_language(wanted)
    if not wanted:
        return None
    codes = [normalise_language(code) for code in spoken if isinstance(code, str)]
    if wanted in codes:
        return wanted, True
    family = language_family(wanted)
    for code in codes:
        if language_family(code) == family:
            return code, False
    return None
