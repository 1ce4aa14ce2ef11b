"""The form an analyst fills in to make a brief."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from safecommunity.core import taxonomy
from safecommunity.insights.engine import Selection, SelectionError
from safecommunity.insights.forms import DayOrMonthField, region_choices, selection_from
from safecommunity.insights.models_briefs import Brief


class BriefForm(forms.Form):
    title = forms.CharField(
        required=False,
        max_length=200,
        label=_("Title"),
        help_text=_("Leave empty for a title made from the regions and the period, in the brief's language."),
    )
    region = forms.MultipleChoiceField(
        label=_("Regions"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one region.")},
    )
    date_from = DayOrMonthField(
        end_of_month=False,
        required=True,
        label=_("From"),
        help_text=_("A day (2024-01-15) or a month (2024-01)."),
        error_messages={"required": _("Enter the first day or month of the period.")},
    )
    date_to = DayOrMonthField(
        end_of_month=True,
        required=True,
        label=_("To"),
        help_text=_("A day (2024-12-31) or a month (2024-12)."),
        error_messages={"required": _("Enter the last day or month of the period.")},
    )
    language = forms.ChoiceField(
        label=_("Language of the brief"), error_messages={"required": _("Choose the language of the brief.")}
    )
    audience = forms.ChoiceField(
        label=_("Who the brief is for"),
        choices=Brief.Audience.choices,
        widget=forms.RadioSelect,
        initial=Brief.Audience.PUBLIC,
        error_messages={"required": _("Choose who the brief is for.")},
    )
    bias_motivation = forms.ChoiceField(required=False, label=_("Only reports with this suspected reason"))
    incident_type = forms.ChoiceField(required=False, label=_("Only reports of this type of incident"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("region", region_choices())
        self._choices("language", [("", _("Choose a language")), *settings.LANGUAGES])
        self._choices("bias_motivation", [("", _("All")), *taxonomy.BIAS_MOTIVATIONS.choices])
        self._choices("incident_type", [("", _("All")), *taxonomy.INCIDENT_TYPES.choices])

    def _choices(self, name: str, choices: list[Any]) -> None:
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must be on or after its start."))
        elif start and end and not self.errors:
            try:
                self.selection().validate()
            except SelectionError as error:
                target = {"from": "date_from", "to": "date_to"}.get(error.field, error.field)
                self.add_error(target if target in self.fields else None, error.message)
        return cleaned

    def selection(self) -> Selection:
        return selection_from(self.cleaned_data)
