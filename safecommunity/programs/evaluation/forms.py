"""Forms of the network page (a period) and of projects, milestones, indicators and good practices."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Coalition, Organisation, User
from safecommunity.core.models import Region
from safecommunity.core.multilingual import MultilingualField
from safecommunity.insights.forms import SelectionForm
from safecommunity.programs.evaluation import selectors, selectors_indicators
from safecommunity.programs.evaluation.models import Project


class NetworkForm(SelectionForm):
    """The period (and, optionally, a bias motivation or type of incident) the cities are compared over.
    Regions are not chosen: each city is counted over its own regions. Fields are named like the URL
    parameters (``from``, ``to``), as on the statistics dashboard."""

    PARAMETERS: dict[str, str] = {}
    FIELD_PARAMETERS: ClassVar[dict[str, str]] = {"date_from": "from", "date_to": "to"}

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        for name in ("date_from", "date_to"):
            self.fields[name].help_text = _("For example 2026-03-15, or 2026-03 for a whole month.")
            self.fields[name].widget.attrs.update({"autocomplete": "off", "spellcheck": "false", "size": "10"})

    def add_prefix(self, field_name: str) -> str:
        return self.FIELD_PARAMETERS.get(field_name, field_name)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ProjectForm(forms.Form):
    title = MultilingualField(label=_("Title of the project"), max_length=200)
    summary = MultilingualField(label=_("What the project does"), multiline=True, required=False)
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label=_("Organisation running it"))
    regions = forms.ModelMultipleChoiceField(
        queryset=Region.objects.none(),
        label=_("The project's area"),
        help_text=_("Reports received in these regions are counted for the project."),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DateInput())
    ends_on = forms.DateField(label=_("Ends on"), widget=DateInput())
    baseline_starts_on = forms.DateField(
        label=_("Baseline period starts on"),
        required=False,
        widget=DateInput(),
        help_text=_("A period before the project to compare the reports per month with, e.g. the year before."),
    )
    baseline_ends_on = forms.DateField(label=_("Baseline period ends on"), required=False, widget=DateInput())
    status = forms.ChoiceField(choices=Project.Status.choices, label=_("Status"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        assert isinstance(organisation, forms.ModelChoiceField)
        organisation.queryset = selectors.organisations_for_projects(user=user)
        regions = self.fields["regions"]
        assert isinstance(regions, forms.ModelMultipleChoiceField)
        regions.queryset = selectors.regions_for_projects(user=user)


class MilestoneForm(forms.Form):
    prefix = "milestone"
    title = MultilingualField(label=_("Milestone"), max_length=200)
    due_on = forms.DateField(label=_("Due on"), widget=DateInput())


class MilestoneDoneForm(forms.Form):
    done_on = forms.DateField(label=_("Reached on"), required=False, widget=DateInput())


class IndicatorForm(forms.Form):
    prefix = "indicator"
    code = forms.ChoiceField(label=_("Indicator"), choices=())
    target = forms.DecimalField(
        label=_("Target"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("The value the project aims for by its end (optional)."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        assert isinstance(code, forms.ChoiceField)
        code.choices = selectors_indicators.available_indicator_choices()


class GoodPracticeForm(forms.Form):
    coalition = forms.ModelChoiceField(queryset=Coalition.objects.none(), label=_("Coalition"))
    title = MultilingualField(label=_("Title"), max_length=200)
    summary = MultilingualField(label=_("What worked and how others can do it"), multiline=True)
    project = forms.ModelChoiceField(queryset=Project.objects.none(), label=_("Project it comes from"), required=False)
    shared = forms.BooleanField(label=_("Share it with every city of the network"), required=False)

    def __init__(self, *args: Any, user: User, with_coalition: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if with_coalition:
            coalition = self.fields["coalition"]
            assert isinstance(coalition, forms.ModelChoiceField)
            coalition.queryset = selectors.coalitions_for_staff(user=user)
        else:
            del self.fields["coalition"]
        project = self.fields["project"]
        assert isinstance(project, forms.ModelChoiceField)
        project.queryset = selectors.projects_for_staff(user=user)
