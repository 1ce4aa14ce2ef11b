from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from safecommunity.core.models import Region
from safecommunity.core.selectors import regions_for_forms
from safecommunity.directory.languages import LANGUAGE_NAMES, language_choices, normalise_language
from safecommunity.directory.models import Service, ServiceKind

CHOICE = {"invalid_choice": _("Please choose one of the options shown.")}
MULTI_CHOICE = {
    "invalid_choice": _("Please choose only from the options shown."),
    "invalid_list": _("Please choose only from the options shown."),
}
REQUIRED = {"required": _("Please answer this question.")}


def _region_choices(*, any_label: Any) -> list[tuple[str, Any]]:
    return [("", any_label), *((region.slug, region.name) for region in regions_for_forms())]


class FindHelpForm(forms.Form):
    """The Find help filters, sent with GET so the page works (and can be bookmarked) without JavaScript."""

    kind = forms.ChoiceField(
        label=_("What kind of help?"),
        choices=[("", _("Any kind of help")), *ServiceKind.choices],
        required=False,
        error_messages=CHOICE,
    )
    language = forms.ChoiceField(label=_("Spoken language"), choices=(), required=False, error_messages=CHOICE)
    region = forms.ChoiceField(label=_("Where do you live?"), choices=(), required=False, error_messages=CHOICE)
    cost = forms.ChoiceField(
        label=_("Cost"),
        choices=[("", _("Any cost")), *Service.Cost.choices],
        required=False,
        error_messages=CHOICE,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]
        self.fields["region"].choices = _region_choices(any_label=_("Anywhere"))  # type: ignore[attr-defined]

    def selected_region(self) -> Region | None:
        slug = self.cleaned_data.get("region") or ""
        return Region.objects.filter(slug=slug).first() if slug else None


def _text(label: Any, limit: int, *, textarea: bool = False, required: bool = False, **kwargs: Any) -> forms.CharField:
    messages = {"max_length": _("Please keep this under %(limit_value)d characters (it has %(show_value)d).")}
    if required:
        messages.update(REQUIRED)
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        widget=forms.Textarea(attrs={"rows": 4}) if textarea else kwargs.pop("widget", forms.TextInput),
        error_messages=messages,
        **kwargs,
    )


# The service fields a partner proposes, in the order the form shows them.
PROPOSED_FIELDS = (
    "name",
    "kind",
    "description",
    "languages",
    "regions",
    "cost",
    "eligibility",
    "hours",
    "phone",
    "email",
    "url",
    "address",
    "accessibility",
    "capacity",
    "accepts_referrals",
    "is_published",
)


class ServiceProposalForm(forms.Form):
    """A partner's proposed new service, or their proposed version of an existing one."""

    name = _text(_("Name of the service"), 200, required=True)
    kind = forms.ChoiceField(
        label=_("Kind of service"), choices=[("", ""), *ServiceKind.choices], error_messages={**CHOICE, **REQUIRED}
    )
    description = _text(_("What the service does"), 5000, textarea=True)
    languages = forms.MultipleChoiceField(
        label=_("Languages the service is given in"),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={**MULTI_CHOICE, "required": _("Please choose at least one language.")},
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions served"),
        help_text=_("Choose none if the service is open to people from the whole area."),
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages=MULTI_CHOICE,
    )
    cost = forms.ChoiceField(label=_("Cost"), choices=Service.Cost.choices, error_messages={**CHOICE, **REQUIRED})
    eligibility = _text(_("Who may use the service"), 2000, textarea=True)
    hours = _text(_("Opening hours"), 200)
    phone = _text(_("Phone number"), 40, widget=forms.TextInput(attrs={"type": "tel"}))
    email = forms.EmailField(
        label=_("Email address"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Please enter an email address like name@example.org.")},
    )
    url = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": _("Please enter a web address like https://example.org.")},
    )
    address = _text(_("Address"), 300)
    accessibility = _text(_("Accessibility"), 2000, textarea=True, help_text=_("For example step-free access."))
    capacity = forms.ChoiceField(
        label=_("Is the service taking new people?"),
        choices=Service.Capacity.choices,
        widget=forms.RadioSelect,
        error_messages={**CHOICE, **REQUIRED},
    )
    accepts_referrals = forms.BooleanField(label=_("The service accepts referrals from the coalition."), required=False)
    is_published = forms.BooleanField(label=_("Show the service in the public directory."), required=False)
    reason = _text(
        _("Anything the reviewer should know"), 1000, textarea=True, help_text=_("For example why the hours changed.")
    )

    def __init__(self, *args: Any, service: Service | None = None, **kwargs: Any) -> None:
        if service is not None and "initial" not in kwargs:
            kwargs["initial"] = proposal_values(service)
        kwargs.setdefault(
            "initial", {"capacity": Service.Capacity.OPEN, "accepts_referrals": True, "is_published": True}
        )
        super().__init__(*args, **kwargs)
        # Codes a service already lists but we have no name for stay choosable, so nothing is lost by editing.
        known = dict(LANGUAGE_NAMES)
        extra = [code for code in (self.initial.get("languages") or []) if normalise_language(code) not in known]
        self.fields["languages"].choices = [*known.items(), *((code, code) for code in extra)]  # type: ignore[attr-defined]
        self.fields["regions"].choices = [  # type: ignore[attr-defined]
            (region.slug, region.name) for region in regions_for_forms()
        ]

    def proposed(self) -> dict[str, Any]:
        """The proposed values as stored in a ServiceChange: plain JSON, regions by slug."""
        return {name: self.cleaned_data[name] for name in PROPOSED_FIELDS}


def proposal_values(service: Service) -> dict[str, Any]:
    """A service's current values in the shape of a proposal."""
    values: dict[str, Any] = {name: getattr(service, name) for name in PROPOSED_FIELDS if name != "regions"}
    values["languages"] = list(service.languages) if isinstance(service.languages, list) else []
    values["regions"] = sorted(region.slug for region in service.regions.all())
    return values


class ReviewForm(forms.Form):
    """A coalition administrator's decision on a proposed change."""

    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve and publish the change")), ("reject", _("Do not approve the change"))],
        widget=forms.RadioSelect,
        error_messages={**CHOICE, **REQUIRED},
    )
    note = _text(
        _("Note to the partner"),
        2000,
        textarea=True,
        help_text=_("Needed when you do not approve: say what should change."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "reject" and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Please tell the partner why the change was not approved."))
        return cleaned
