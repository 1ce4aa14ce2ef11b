"""The selection of reports a statistic is about, as typed in a URL: the dashboard, the API, open data and briefs share it."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from safecommunity.core import taxonomy
from safecommunity.core.selectors import regions_for_forms
from safecommunity.insights.engine import ONLINE, Selection


class DayOrMonthField(forms.CharField):
    """A day (2024-03-15) or a whole month (2024-03): a month means its first day as a start, its last as an end."""

    def __init__(self, *, end_of_month: bool, **kwargs: Any) -> None:
        self.end_of_month = end_of_month
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> dt.date | None:  # type: ignore[override]
        text = str(value or "").strip()
        if not text:
            return None
        try:
            if len(text) == 7:
                month = dt.date.fromisoformat(text + "-01")
                if self.end_of_month:
                    return month.replace(day=calendar.monthrange(month.year, month.month)[1])
                return month
            return dt.date.fromisoformat(text)
        except ValueError:
            raise ValidationError(
                _("Enter a date as year-month-day (2024-03-15) or a month as year-month (2024-03)."), code="invalid"
            ) from None


class SelectionForm(forms.Form):
    """``from``, ``to``, ``region`` (repeatable), ``bias_motivation`` and ``incident_type``."""

    date_from = DayOrMonthField(end_of_month=False, label=_("From"))
    date_to = DayOrMonthField(end_of_month=True, label=_("To"))
    region = forms.MultipleChoiceField(required=False, label=_("Regions"))
    bias_motivation = forms.ChoiceField(required=False, label=_("Suspected reason (bias motivation)"))
    incident_type = forms.ChoiceField(required=False, label=_("Type of incident"))

    # URL parameter names differ from field names because "from" is a Python keyword.
    PARAMETERS = {"from": "date_from", "to": "date_to"}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        if data is not None:
            data = _renamed(data, self.PARAMETERS)
        super().__init__(data, *args, **kwargs)
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.MultipleChoiceField)
        region_field.choices = region_choices()
        for name, vocabulary in (
            ("bias_motivation", taxonomy.BIAS_MOTIVATIONS),
            ("incident_type", taxonomy.INCIDENT_TYPES),
        ):
            choice_field = self.fields[name]
            assert isinstance(choice_field, forms.ChoiceField)
            choice_field.choices = [("", _("All")), *vocabulary.choices]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must be on or after its start."))
        return cleaned

    def selection(self) -> Selection:
        return selection_from(self.cleaned_data)

    def errors_by_parameter(self) -> dict[str, list[str]]:
        names = {field: parameter for parameter, field in self.PARAMETERS.items()}
        return {names.get(name, name): [str(message) for message in messages] for name, messages in self.errors.items()}


def region_choices() -> list[tuple[str, Any]]:
    """The deployment's regions, then "Online", as choices of a form."""
    return [(region.slug, region.name) for region in regions_for_forms()] + [(ONLINE, _("Online"))]


def selection_from(data: dict[str, Any]) -> Selection:
    """The selection a valid form's ``cleaned_data`` (fields date_from, date_to, region, bias_motivation,
    incident_type) describes."""
    return Selection(
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        regions=tuple(data.get("region") or ()),
        bias_motivation=data.get("bias_motivation") or "",
        incident_type=data.get("incident_type") or "",
    )


def selection_query(selection: Selection) -> list[tuple[str, str]]:
    """The URL parameters of a selection (for shareable links, exports and briefs)."""
    pairs: list[tuple[str, str]] = []
    if selection.date_from:
        pairs.append(("from", selection.date_from.isoformat()))
    if selection.date_to:
        pairs.append(("to", selection.date_to.isoformat()))
    pairs.extend(("region", slug) for slug in selection.regions)
    if selection.bias_motivation:
        pairs.append(("bias_motivation", selection.bias_motivation))
    if selection.incident_type:
        pairs.append(("incident_type", selection.incident_type))
    return pairs


def _renamed(data: Any, names: dict[str, str]) -> Any:
    if hasattr(data, "copy") and hasattr(data, "setlist"):
        renamed = data.copy()
        for old, new in names.items():
            if old in renamed:
                renamed.setlist(new, renamed.getlist(old))
                del renamed[old]
        return renamed
    return {names.get(key, key): value for key, value in dict(data).items()}
