from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


def _code_input(*, numeric: bool) -> forms.TextInput:
    attrs = {"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false", "autofocus": "autofocus"}
    if numeric:
        attrs["inputmode"] = "numeric"
    return forms.TextInput(attrs=attrs)


class AuthenticatorSetUpForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code your authenticator app shows"),
        max_length=16,
        widget=_code_input(numeric=True),
        error_messages={"required": _("Please type the 6-digit code your authenticator app shows.")},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError(_("Please type the 6 digits your authenticator app shows, without letters."))
        return code


class TwoFactorForm(forms.Form):
    code = forms.CharField(
        label=_("The code from your authenticator app, or one of your recovery codes"),
        max_length=32,
        widget=_code_input(numeric=False),
        error_messages={"required": _("Please type the code from your authenticator app or a recovery code.")},
    )
