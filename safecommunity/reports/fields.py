"""Field types and choices shared by the report forms: built once, cheap to copy, with messages in the reporter's language."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.choices import normalize_choices
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from safecommunity.core import taxonomy
from safecommunity.core.memo import remembered
from safecommunity.core.selectors import regions_for_forms
from safecommunity.reports.attachments import CleanFile, clean_upload

ONLINE = "online"
REQUIRED = {"required": _("Please answer this question.")}
CHOICE = {"invalid_choice": _("Please choose one of the options shown."), **REQUIRED}
MULTI_CHOICE = {
    "invalid_choice": _("Please choose only from the options shown."),
    "invalid_list": _("Please choose only from the options shown."),
    **REQUIRED,
}
PHONE = re.compile(r"^\+?[0-9 ()./-]{7,25}$")
MONTHS = [
    ("1", _("January")), ("2", _("February")), ("3", _("March")), ("4", _("April")),
    ("5", _("May")), ("6", _("June")), ("7", _("July")), ("8", _("August")),
    ("9", _("September")), ("10", _("October")), ("11", _("November")), ("12", _("December")),
]  # fmt: skip
YEARS_BACK = 10


def max_length(limit: int) -> dict[str, Any]:
    return {"max_length": _("Please keep this under %(limit_value)d characters (it has %(show_value)d).")}


class CheapCopyMixin:
    """Fields copied for each form without a deep copy of their choices, messages and widget.

    Django deep-copies every field for each form instance; with ~100 lazily
    translated choice labels that copying was the largest cost of showing the
    form. Choices are never changed in place here (a form that needs other
    choices assigns a new list), so sharing them is safe.
    """

    def __deepcopy__(self, memo: dict[int, Any]) -> Any:
        assert isinstance(self, forms.Field)
        result = _shallow_copy(self)
        memo[id(self)] = result
        result.widget = _shallow_copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


def _shallow_copy(instance: Any) -> Any:
    """``copy.copy`` for plain objects without its ``__reduce_ex__`` round trip (a third of the time)."""
    duplicate = object.__new__(type(instance))
    duplicate.__dict__.update(instance.__dict__)
    return duplicate


class SharedChoiceField(CheapCopyMixin, forms.ChoiceField):
    pass


class SharedMultipleChoiceField(CheapCopyMixin, forms.MultipleChoiceField):
    pass


class TextField(CheapCopyMixin, forms.CharField):
    pass


class DayField(CheapCopyMixin, forms.DateField):
    pass


class KeyField(CheapCopyMixin, forms.UUIDField):
    pass


class YesField(CheapCopyMixin, forms.BooleanField):
    pass


def set_choices(field: forms.Field, choices: list[Any]) -> None:
    """Give a choice field choices already normalised (by a remembered function), skipping Django's re-normalising."""
    assert isinstance(field, forms.ChoiceField)
    field._choices = choices  # type: ignore[attr-defined]
    field.widget._choices = choices


def radio(vocabulary: taxonomy.Vocabulary, label: Any, **kwargs: Any) -> forms.ChoiceField:
    return SharedChoiceField(
        label=label,
        choices=vocabulary.choices,
        widget=forms.RadioSelect,
        required=False,
        error_messages=CHOICE,
        **kwargs,
    )


def checkboxes(vocabulary: taxonomy.Vocabulary, label: Any, **kwargs: Any) -> forms.MultipleChoiceField:
    return SharedMultipleChoiceField(
        label=label,
        choices=vocabulary.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages=MULTI_CHOICE,
        **kwargs,
    )


def text(label: Any, limit: int, *, textarea: bool = False, **kwargs: Any) -> forms.CharField:
    widget = kwargs.pop("widget", forms.Textarea(attrs={"rows": 6}) if textarea else forms.TextInput)
    return TextField(
        label=label, max_length=limit, required=False, widget=widget, error_messages=max_length(limit), **kwargs
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(CheapCopyMixin, forms.FileField):
    """Up to ATTACHMENT_MAX_FILES photos or PDFs, each checked and cleaned here."""

    widget = MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"})

    def clean(self, data: Any, initial: Any = None) -> list[CleanFile]:
        uploads = [upload for upload in (data or []) if isinstance(upload, UploadedFile)]
        if len(uploads) > settings.ATTACHMENT_MAX_FILES:
            raise ValidationError(
                _("Please attach at most %(limit)d files.") % {"limit": settings.ATTACHMENT_MAX_FILES},
                code="too_many_files",
            )
        cleaned: list[CleanFile] = []
        errors: list[ValidationError] = []
        for upload in uploads:
            try:
                cleaned.append(clean_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return cleaned


@remembered(seconds=60)
def region_choices() -> list[Any]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for pk, name, set_name in regions_for_forms().values_list("pk", "name", "region_set__name"):
        groups.setdefault(set_name, []).append((str(pk), name))
    return normalize_choices(
        [
            ("", _("Choose a place")),
            (ONLINE, _("It happened online")),
            *[(name, options) for name, options in groups.items()],
        ]
    )


def native_language_names() -> list[tuple[str, str]]:
    """Each language named in itself, so a person finds theirs whatever the page's language."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


@remembered(seconds=60)
def contact_language_choices() -> list[Any]:
    return normalize_choices([("", _("The language of this page")), *native_language_names()])


@remembered(seconds=60)
def interpreter_language_choices() -> list[Any]:
    return normalize_choices([("", _("No interpreter")), *native_language_names()])


@remembered(seconds=60)
def year_choices() -> list[Any]:
    this_year = timezone.localdate().year
    return normalize_choices(
        [("", ""), *[(str(year), str(year)) for year in range(this_year, this_year - YEARS_BACK - 1, -1)]]
    )
