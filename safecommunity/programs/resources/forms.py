from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from safecommunity.accounts.models import Coalition
from safecommunity.core.multilingual import MultilingualField
from safecommunity.programs.resources.files import check_pdf, max_bytes
from safecommunity.programs.resources.models import Audience, Kind, Resource, ResourceVersion, Topic
from safecommunity.programs.resources.selectors import LibraryFilters, coalitions_for_filters
from safecommunity.programs.resources.services import ResourceFields, VersionFields

CHOICE = {"invalid_choice": _("Please choose one of the options shown.")}
MULTI_CHOICE = {
    "invalid_choice": _("Please choose only from the options shown."),
    "invalid_list": _("Please choose only from the options shown."),
}
REQUIRED = {"required": _("Please answer this question.")}


class LibraryForm(forms.Form):
    """The library's search and filters, sent with GET so the page works (and can be bookmarked) without JavaScript."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        error_messages={"max_length": _("Please search with fewer than %(limit_value)d characters.")},
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    topic = forms.ChoiceField(
        label=_("Topic"), choices=[("", _("Any topic")), *Topic.choices], required=False, error_messages=CHOICE
    )
    audience = forms.ChoiceField(
        label=_("For whom"), choices=[("", _("Anyone")), *Audience.choices], required=False, error_messages=CHOICE
    )
    kind = forms.ChoiceField(
        label=_("Kind of resource"),
        choices=[("", _("Any kind")), *Kind.choices],
        required=False,
        error_messages=CHOICE,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Any language")), *settings.LANGUAGES],
        required=False,
        error_messages=CHOICE,
    )
    coalition = forms.ChoiceField(label=_("Coalition"), choices=(), required=False, error_messages=CHOICE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.coalitions = {coalition.slug: coalition for coalition in coalitions_for_filters()}
        self.fields["coalition"].choices = [  # type: ignore[attr-defined]
            ("", _("Every coalition")),
            *((slug, coalition.name) for slug, coalition in self.coalitions.items()),
        ]

    def filters(self) -> LibraryFilters:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return LibraryFilters(
            query=data.get("q", ""),
            topic=data.get("topic", ""),
            audience=data.get("audience", ""),
            kind=data.get("kind", ""),
            language=data.get("language", ""),
            coalition=self.coalitions.get(data.get("coalition", "")),
        )


class ResourceForm(forms.Form):
    coalition = forms.ModelChoiceField(
        label=_("Coalition"),
        queryset=Coalition.objects.order_by("name"),
        required=True,
        error_messages={"required": _("Please choose the coalition this resource belongs to."), **CHOICE},
    )
    kind = forms.ChoiceField(
        label=_("Kind of resource"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={**CHOICE, **REQUIRED},
    )
    title = MultilingualField(label=_("Title"), max_length=200)
    summary = MultilingualField(label=_("Summary"), multiline=True, max_length=2000, required=False)
    topics = forms.MultipleChoiceField(
        label=_("Topics"),
        choices=Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={**MULTI_CHOICE, "required": _("Please choose at least one topic.")},
    )
    audiences = forms.MultipleChoiceField(
        label=_("For whom"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={**MULTI_CHOICE, "required": _("Please choose at least one audience.")},
    )
    slug = forms.SlugField(
        label=_("Web address name"),
        required=False,
        max_length=70,
        help_text=_(
            "Letters, numbers and hyphens, used in the resource's web address. Leave empty to make one from the English title."
        ),
        error_messages={"invalid": _("Please use only letters, numbers, hyphens and underscores.")},
    )

    def __init__(self, *args: Any, resource: Resource | None = None, choose_coalition: bool = False, **kwargs: Any):
        if resource is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "kind": resource.kind,
                "title": resource.title,
                "summary": resource.summary,
                "topics": resource.topics,
                "audiences": resource.audiences,
                "slug": resource.slug,
            }
        super().__init__(*args, **kwargs)
        if not choose_coalition:
            del self.fields["coalition"]

    def resource_fields(self) -> ResourceFields:
        data = self.cleaned_data
        return ResourceFields(
            kind=data["kind"],
            title=data["title"],
            summary=data["summary"] or {},
            topics=data["topics"],
            audiences=data["audiences"],
            slug=data["slug"],
        )


class VersionForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of this version"), choices=settings.LANGUAGES, error_messages={**CHOICE, **REQUIRED}
    )
    pdf = forms.FileField(
        label=_("PDF file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )
    url = forms.URLField(
        label=_("Or a link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("For a video, its YouTube or Vimeo address; for a document kept on another site, its address."),
        error_messages={"invalid": _("Please enter a full web address, such as https://example.org/guide.")},
    )
    captions_available = forms.BooleanField(label=_("The video has captions"), required=False)
    caption_languages = forms.MultipleChoiceField(
        label=_("Languages of the captions"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages=MULTI_CHOICE,
    )
    transcript = MultilingualField(
        label=_("Transcript or text of the resource"), multiline=True, max_length=50_000, required=False
    )

    def __init__(
        self,
        *args: Any,
        resource: Resource,
        version: ResourceVersion | None = None,
        **kwargs: Any,
    ) -> None:
        self.resource = resource
        self.version = version
        if version is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                "language": version.language,
                "url": version.url,
                "captions_available": version.captions_available,
                "caption_languages": version.caption_languages,
                "transcript": version.transcript,
            }
        super().__init__(*args, **kwargs)
        limit = max(1, max_bytes() // (1024 * 1024))
        self.fields["pdf"].help_text = _(
            "A PDF of at most %(limit)s MB. It replaces the file or link there is now."
        ) % {"limit": limit}
        others = resource.versions.all() if version is None else resource.versions.exclude(pk=version.pk)
        taken = set(others.values_list("language", flat=True))
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            (code, name) for code, name in settings.LANGUAGES if code not in taken
        ]
        if resource.kind == Kind.VIDEO:
            del self.fields["pdf"]
            self.fields["url"].label = _("Link to the video")

    def clean_pdf(self) -> Any:
        upload = self.cleaned_data.get("pdf")
        if not upload:
            return None
        return check_pdf(upload)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        pdf, url = data.get("pdf"), data.get("url")
        if "pdf" in self.errors:
            return data
        if pdf and url and self.version is not None and url == self.version.url:
            data["url"] = url = ""  # a new PDF replaces the link the version had
        if pdf and url:
            self.add_error("url", _("Please give either a PDF file or a link, not both."))
        elif not pdf and not url and not (self.version is not None and self.version.is_file):
            if self.resource.kind == Kind.VIDEO:
                self.add_error("url", _("Please give the link to the video."))
            else:
                self.add_error("pdf", _("Please upload a PDF file or give a link."))
        if data.get("caption_languages") and not data.get("captions_available"):
            data["captions_available"] = True
        return data

    def version_fields(self) -> VersionFields:
        data = self.cleaned_data
        pdf = data.get("pdf")
        return VersionFields(
            language=data["language"],
            url=data.get("url") or "",
            captions_available=data["captions_available"],
            caption_languages=data["caption_languages"],
            transcript=data["transcript"] or {},
            pdf_content=pdf.content if pdf else None,
            pdf_page_count=pdf.page_count if pdf else 0,
        )


class PublishForm(forms.Form):
    published = forms.BooleanField(required=False)


class ShareForm(forms.Form):
    shared = forms.BooleanField(required=False)
