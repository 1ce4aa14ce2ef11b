"""The application form (built from a call's questions) and the reviewers' and organisers' forms."""

from __future__ import annotations

import zoneinfo
from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from safecommunity.core.multilingual import MultilingualField, text_in
from safecommunity.programs.opencalls.attachments import CleanFile, clean_upload
from safecommunity.programs.opencalls.models import Call, Criterion, Decision, Question, Score

ANSWER_LIMIT = 10_000
ACCEPT = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx",
    "image": "image/jpeg,image/png,image/webp",
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class CallAttachmentsField(forms.FileField):
    """Files for one call: its allowed types, its size limit and number of files, each checked and cleaned."""

    widget = MultipleFileInput

    def __init__(self, *, call: Call, **kwargs: Any) -> None:
        self.call = call
        super().__init__(**kwargs)
        self.widget.attrs["accept"] = ",".join(ACCEPT[kind] for kind in call.allowed_file_types if kind in ACCEPT)

    def clean(self, data: Any, initial: Any = None) -> list[CleanFile]:
        uploads = [upload for upload in (data or []) if isinstance(upload, UploadedFile)]
        if len(uploads) > self.call.max_files:
            raise ValidationError(
                gettext("Please attach at most %(limit)d files.") % {"limit": self.call.max_files},
                code="too_many_files",
            )
        cleaned: list[CleanFile] = []
        errors: list[ValidationError] = []
        for upload in uploads:
            try:
                cleaned.append(
                    clean_upload(
                        upload,
                        allowed=list(self.call.allowed_file_types),
                        max_bytes=self.call.max_file_mb * 1024 * 1024,
                    )
                )
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ApplicationForm(forms.Form):
    """The questions in the visitor's language (build the form after the language is active); answers in any."""

    organisation_name = forms.CharField(
        label=_("The name of your organisation or group"),
        max_length=200,
        error_messages={"required": _("Please give the name of your organisation or group.")},
    )
    contact_name = forms.CharField(
        label=_("Your name"), max_length=200, error_messages={"required": _("Please give your name.")}
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the receipt and the decision here."),
        error_messages={
            "required": _("Please give an e-mail address so that we can tell you the decision."),
            "invalid": _("Please enter an e-mail address such as name@example.org."),
        },
    )
    contact_phone = forms.CharField(label=_("Your phone number"), max_length=40, required=False)

    def __init__(self, *args: Any, call: Call, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        self.questions: list[Question] = list(call.questions.all())
        for question in self.questions:
            widget: forms.Widget = (
                forms.Textarea(attrs={"rows": 8, "dir": "auto"})
                if question.kind == Question.Kind.LONG_TEXT
                else forms.TextInput(attrs={"dir": "auto"})
            )
            self.fields[f"q_{question.pk}"] = forms.CharField(
                label=text_in(question.text),
                help_text=text_in(question.help_text),
                required=question.required,
                max_length=ANSWER_LIMIT,
                widget=widget,
                error_messages={
                    "required": _("Please answer this question."),
                    "max_length": _("Please keep your answer under %(limit_value)d characters."),
                },
            )
        if call.allowed_file_types and call.max_files:
            self.fields["attachments"] = CallAttachmentsField(
                call=call,
                label=_("Documents"),
                required=False,
                help_text=gettext("Up to %(count)d files of at most %(size)d MB each: %(types)s.")
                % {
                    "count": call.max_files,
                    "size": call.max_file_mb,
                    "types": ", ".join(str(Call.FileType(kind).label) for kind in call.allowed_file_types),
                },
            )

    @property
    def question_fields(self) -> list[forms.BoundField]:
        return [self[f"q_{question.pk}"] for question in self.questions]

    def answers(self) -> dict[str, str]:
        return {
            str(question.pk): self.cleaned_data[f"q_{question.pk}"].strip()
            for question in self.questions
            if self.cleaned_data.get(f"q_{question.pk}", "").strip()
        }

    @property
    def files_to_choose_again(self) -> list[str]:
        """The names of the files the person chose when the form comes back with a mistake: files are never
        kept between two sendings, and the page says so and names them, so nobody believes they were sent."""
        if not self.is_bound or not self.errors:
            return []
        return [upload.name or "" for upload in self.files.getlist("attachments")]


class WithdrawForm(forms.Form):
    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=40,
        error_messages={"required": _("Please enter the receipt code we sent you.")},
    )


# ---------------------------------------------------------------- reviewers


class DeclarationForm(forms.Form):
    conflict = forms.ChoiceField(
        label=_("Do you have a conflict of interest with this application?"),
        help_text=_(
            "You have a conflict if you, your family or an organisation you work for would gain or lose from "
            "this decision, or if you are close to the applicants."
        ),
        choices=[
            ("no", _("No, I have no conflict of interest.")),
            ("yes", _("Yes, I have a conflict of interest and will not score this application.")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose one answer.")},
    )

    @property
    def has_conflict(self) -> bool:
        return self.cleaned_data["conflict"] == "yes"


class ScoreForm(forms.Form):
    def __init__(self, *args: Any, criteria: list[Criterion], scores: dict[int, Score], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            existing = scores.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.IntegerField(
                label=gettext("Score for “%(criterion)s” (0 to %(max)d)")
                % {"criterion": text_in(criterion.name), "max": criterion.max_score},
                help_text=text_in(criterion.description),
                min_value=0,
                max_value=criterion.max_score,
                required=False,
                initial=existing.score if existing else None,
                error_messages={
                    "invalid": _("Please enter a whole number."),
                    "min_value": _("The score cannot be below %(limit_value)s."),
                    "max_value": _("The score cannot be above %(limit_value)s."),
                },
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=gettext("Comment on “%(criterion)s”") % {"criterion": text_in(criterion.name)},
                required=False,
                max_length=4000,
                initial=existing.comment if existing else "",
                widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
            )

    @property
    def rows(self) -> list[tuple[Criterion, forms.BoundField, forms.BoundField]]:
        return [(c, self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]

    def entries(self) -> list[tuple[Criterion, int | None, str]]:
        return [
            (c, self.cleaned_data.get(f"score_{c.pk}"), self.cleaned_data.get(f"comment_{c.pk}", "").strip())
            for c in self.criteria
        ]


# ---------------------------------------------------------------- organisers


class LocalDateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
    input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


def _time_zone_valid(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError(_("Enter a time zone such as America/Los_Angeles."), code="time_zone") from exc


class CallForm(forms.Form):
    """A call; the opening and the deadline are entered in the call's time zone and stored in UTC."""

    slug = forms.SlugField(
        label=_("Web address name"), help_text=_("Lower-case letters, digits and hyphens, e.g. safety-grants-2026.")
    )
    kind = forms.ChoiceField(label=_("Kind of call"), choices=Call.Kind.choices)
    title = MultilingualField(label=_("Title"), max_length=200)
    summary = MultilingualField(label=_("Summary"), multiline=True, required=False)
    criteria = MultilingualField(label=_("How applications are judged"), multiline=True, required=False)
    eligibility = MultilingualField(label=_("Who may apply"), multiline=True, required=False)
    amount = MultilingualField(label=_("Funding amount or prize"), required=False, max_length=200)
    time_zone = forms.CharField(label=_("Time zone"), max_length=64, validators=[_time_zone_valid])
    opens_at = LocalDateTimeField(label=_("Opens (in the call's time zone)"))
    deadline = LocalDateTimeField(label=_("Deadline (in the call's time zone)"))
    allowed_file_types = forms.MultipleChoiceField(
        label=_("Files applicants may send"),
        choices=Call.FileType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    max_file_mb = forms.IntegerField(label=_("Largest file, in MB"), min_value=1, max_value=25, initial=10)
    max_files = forms.IntegerField(label=_("Most files per application"), min_value=0, max_value=10, initial=5)

    def __init__(self, *args: Any, instance: Call | None = None, coalitions: Any = None, **kwargs: Any) -> None:
        if instance is not None and "initial" not in kwargs:
            zone = zoneinfo.ZoneInfo(instance.time_zone)
            kwargs["initial"] = {
                "slug": instance.slug,
                "kind": instance.kind,
                "title": instance.title,
                "summary": instance.summary,
                "criteria": instance.criteria,
                "eligibility": instance.eligibility,
                "amount": instance.amount,
                "time_zone": instance.time_zone,
                "opens_at": instance.opens_at.astimezone(zone).replace(tzinfo=None),
                "deadline": instance.deadline.astimezone(zone).replace(tzinfo=None),
                "allowed_file_types": instance.allowed_file_types,
                "max_file_mb": instance.max_file_mb,
                "max_files": instance.max_files,
            }
        super().__init__(*args, **kwargs)
        self.instance = instance
        if coalitions is not None:
            # A coalition administrator of no organisation says which city the call belongs to.
            self.fields["coalition"] = forms.ModelChoiceField(
                label=_("Coalition"), queryset=coalitions, empty_label=_("Choose a coalition")
            )

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        taken = Call.objects.filter(slug=slug)
        if self.instance is not None:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise ValidationError(_("Another call already uses this web address name."), code="slug_taken")
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone_name = data.get("time_zone")
        if not zone_name:
            return data
        zone = zoneinfo.ZoneInfo(zone_name)
        for name in ("opens_at", "deadline"):
            value: datetime | None = data.get(name)
            if value is not None:
                data[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        if data.get("opens_at") and data.get("deadline") and data["deadline"] <= data["opens_at"]:
            self.add_error("deadline", _("The deadline must come after the opening."))
        return data

    def values(self) -> dict[str, Any]:
        return {name: value for name, value in self.cleaned_data.items() if name != "coalition"}


class QuestionForm(forms.Form):
    text = MultilingualField(label=_("Question"), max_length=500)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=Question.Kind.choices, widget=forms.RadioSelect)
    required = forms.BooleanField(label=_("An answer is required"), required=False, initial=True)


class CriterionForm(forms.Form):
    name = MultilingualField(label=_("Criterion"), max_length=200)
    description = MultilingualField(label=_("What reviewers look for"), multiline=True, required=False)
    weight = forms.DecimalField(
        label=_("Weight"), min_value=Decimal("0.01"), max_value=Decimal("100"), decimal_places=2, initial=1
    )
    max_score = forms.IntegerField(label=_("Highest score"), min_value=1, max_value=100, initial=5)


def _reviewer_label(user: Any) -> str:
    return str(user.get_full_name() or user.username)


class AssignReviewerForm(forms.Form):
    reviewer: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Reviewer"), queryset=None, empty_label=_("Choose a person")
    )

    def __init__(self, *args: Any, reviewers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["reviewer"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = reviewers
        field.label_from_instance = _reviewer_label  # type: ignore[method-assign,assignment]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Call.Status.choices)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=Decision.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose award or decline.")},
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        help_text=_("Sent in the e-mail with the decision; write it in the applicant's language if you can."),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5, "dir": "auto"}),
    )


class ShortlistForm(forms.Form):
    shortlisted = forms.BooleanField(required=False)
