"""Forms of the newsletter, the take-action editor and the branding editor."""

from __future__ import annotations

import re
import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Coalition
from safecommunity.core.multilingual import MultilingualField
from safecommunity.programs.outreach.models import ActionLink, NewsletterTopic, http_url

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# White text on the accent colour must stay readable (WCAG AA for normal text).
MIN_CONTRAST_WITH_WHITE = 4.5


def language_choices() -> list[tuple[str, str]]:
    """Each language named in itself, so a reader finds their own whatever the page's language."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


def contrast_with_white(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


@cache
def known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


class CoalitionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


class SignUpForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        error_messages={"required": _("Enter your e-mail address."), "invalid": _("Enter a valid e-mail address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    coalition = CoalitionChoiceField(
        queryset=Coalition.objects.none(),
        label=_("Which city's newsletter would you like?"),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Choose a city."), "invalid_choice": _("Choose one of the cities listed.")},
    )
    language = forms.ChoiceField(
        label=_("Which language would you like to read it in?"),
        error_messages={"invalid_choice": _("Choose one of the languages listed.")},
    )
    topics = forms.MultipleChoiceField(
        label=_("What would you like to hear about?"),
        help_text=_("Leave all unticked to hear about everything."),
        choices=NewsletterTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, coalitions: QuerySet[Coalition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalition_field = self.fields["coalition"]
        assert isinstance(coalition_field, forms.ModelChoiceField)
        coalition_field.queryset = coalitions
        if coalitions.count() == 1:
            coalition_field.widget = forms.HiddenInput()
            coalition_field.initial = coalitions.first()
        language_field = self.fields["language"]
        assert isinstance(language_field, forms.ChoiceField)
        language_field.choices = language_choices()


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Which language would you like to read the newsletter in?"),
        error_messages={"invalid_choice": _("Choose one of the languages listed.")},
    )
    topics = SignUpForm.base_fields["topics"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language_field = self.fields["language"]
        assert isinstance(language_field, forms.ChoiceField)
        language_field.choices = language_choices()


class IssueForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("Who gets it"),
        choices=[("", _("Everyone on the list")), *NewsletterTopic.choices],
        required=False,
        help_text=_("An issue about one topic goes to those who chose that topic and to those who chose none."),
        error_messages={"invalid_choice": _("Choose one of the topics listed.")},
    )
    subject = MultilingualField(label=_("Subject"), max_length=200)
    body = MultilingualField(
        label=_("Text of the newsletter"),
        multiline=True,
        max_length=20000,
        help_text=_("Plain text. Subscribers get the language they chose, or the coalition's default language."),
    )


class CoalitionPickForm(forms.Form):
    coalition = CoalitionChoiceField(
        queryset=Coalition.objects.none(),
        label=_("Coalition"),
        empty_label=None,
        error_messages={
            "required": _("Choose a coalition."),
            "invalid_choice": _("Choose one of the coalitions listed."),
        },
    )

    def __init__(self, *args: Any, coalitions: QuerySet[Coalition], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["coalition"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = coalitions


class TakeActionIntroForm(forms.Form):
    intro = MultilingualField(
        label=_("Introduction"),
        multiline=True,
        required=False,
        max_length=4000,
        help_text=_("A few sentences at the top of the page about how people can help."),
    )


class WebAddressField(forms.CharField):
    default_error_messages = {"required": _("Enter the web address of the link.")}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 500)
        kwargs.setdefault("validators", [http_url])
        kwargs.setdefault("widget", forms.URLInput(attrs={"inputmode": "url"}))
        super().__init__(**kwargs)


class ActionLinkForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of action is it?"),
        choices=ActionLink.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of action this is.")},
    )
    label = MultilingualField(label=_("Link text"), max_length=120)
    description = MultilingualField(label=_("Description"), multiline=True, required=False, max_length=1000)
    url = WebAddressField(label=_("Web address"), help_text=_("For example https://example.org/donate."))


class BrandingForm(forms.Form):
    tagline = MultilingualField(label=_("Tagline"), required=False, max_length=200)
    accent_colour = forms.CharField(
        label=_("Accent colour"),
        max_length=7,
        help_text=_("A # followed by six hexadecimal digits, dark enough for white text on it, e.g. #1f5f8b."),
        error_messages={"required": _("Enter an accent colour.")},
    )
    website = WebAddressField(label=_("Website"), required=False, max_length=200)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_("A time zone name such as America/Los_Angeles."),
        error_messages={"required": _("Enter a time zone.")},
    )
    default_language = forms.ChoiceField(
        label=_("Default language"),
        help_text=_("Used when a text is not written in the reader's language."),
        error_messages={"invalid_choice": _("Choose one of the languages listed.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["default_language"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = language_choices()

    def clean_accent_colour(self) -> str:
        colour = self.cleaned_data["accent_colour"].strip()
        if not HEX_COLOUR.match(colour):
            raise forms.ValidationError(_("Enter a colour as # followed by six hexadecimal digits."), code="format")
        ratio = contrast_with_white(colour)
        if ratio < MIN_CONTRAST_WITH_WHITE:
            raise forms.ValidationError(
                _(
                    "This colour is too light for white text on it (contrast %(ratio)s to 1, at least 4.5 to 1 "
                    "is needed). Choose a darker colour."
                ),
                code="contrast",
                params={"ratio": f"{ratio:.1f}"},
            )
        return colour.lower()

    def clean_time_zone(self) -> str:
        name = self.cleaned_data["time_zone"].strip()
        if name not in known_time_zones():
            raise forms.ValidationError(
                _("%(name)s is not a time zone we know. Enter a name such as America/Los_Angeles."),
                code="time_zone",
                params={"name": name},
            )
        return name
