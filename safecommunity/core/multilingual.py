"""Text that organisers write in several languages: event titles, survey questions, resource descriptions…

Such text is stored as a JSON object of language code → text (``{"en": "Know your rights", "vi": "…"}``) in a
``JSONField``. ``text_in`` picks the best text for a page's language; ``MultilingualField`` is the form field that
edits every language at once (the first language required, the others optional).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _


def site_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def text_and_language(texts: Mapping[str, str] | None, language: str | None = None) -> tuple[str, str]:
    """The text in ``language`` (by default the active one), else in the site's default language, else in the
    first language it was written in; and the language of the text returned, for the ``lang`` attribute."""
    if not texts or not isinstance(texts, Mapping):
        return "", language or get_language() or settings.LANGUAGE_CODE
    wanted = (language or get_language() or settings.LANGUAGE_CODE).lower()
    for code in (wanted, wanted.split("-")[0], settings.LANGUAGE_CODE):
        if texts.get(code, "").strip():
            return texts[code], code
    for code, text in texts.items():
        if text and text.strip():
            return text, code
    return "", wanted


def text_in(texts: Mapping[str, str] | None, language: str | None = None) -> str:
    return text_and_language(texts, language)[0]


def languages_of(texts: Mapping[str, str] | None) -> list[str]:
    """The languages a text is available in, in the site's order."""
    if not texts:
        return []
    return [code for code in site_languages() if str(texts.get(code, "")).strip()]


class MultilingualWidget(forms.MultiWidget):
    template_name = "core/widgets/multilingual.html"

    def __init__(self, *, multiline: bool = False, attrs: dict[str, Any] | None = None) -> None:
        widgets = []
        for code in site_languages():
            info = get_language_info(code)
            base = {"lang": code, "dir": "rtl" if info["bidi"] else "ltr", **(attrs or {})}
            widgets.append(forms.Textarea(attrs={"rows": 4, **base}) if multiline else forms.TextInput(attrs=base))
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[str]:
        texts = value if isinstance(value, Mapping) else {}
        return [texts.get(code, "") for code in site_languages()]

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for code, subwidget in zip(site_languages(), context["widget"]["subwidgets"], strict=True):
            subwidget["language_code"] = code
            subwidget["language_name"] = get_language_info(code)["name_local"]
        context["widget"]["has_other_languages"] = any(
            subwidget.get("value") for subwidget in context["widget"]["subwidgets"][1:]
        )
        return context


class MultilingualField(forms.MultiValueField):
    """One text in every site language; ``required`` means at least one language, not all of them."""

    default_error_messages = {"required": _("Write this in at least one language.")}

    def __init__(self, *, multiline: bool = False, max_length: int | None = None, **kwargs: Any) -> None:
        fields = [forms.CharField(required=False, max_length=max_length) for _code in site_languages()]
        kwargs.setdefault("widget", MultilingualWidget(multiline=multiline))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list: list[str]) -> dict[str, str]:
        texts = {code: (text or "").strip() for code, text in zip(site_languages(), data_list or [], strict=False)}
        return {code: text for code, text in texts.items() if text}

    def validate(self, value: Any) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
