"""The learning library: toolkits, videos, guides and fact sheets, each in several languages, and how often each
language version was opened (for evaluation; counts of downloads, never of who)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    TOOLKIT = "toolkit", _("Toolkit")
    VIDEO = "video", _("Video")
    GUIDE = "guide", _("Guide")
    FACT_SHEET = "fact_sheet", _("Fact sheet")


# Codes never change once published; labels are translated.
class Topic(models.TextChoices):
    KNOW_YOUR_RIGHTS = "know_your_rights", _("Know your rights")
    BYSTANDER_INTERVENTION = "bystander_intervention", _("Bystander intervention")
    SELF_PROTECTION = "self_protection", _("Self-protection")
    REPORTING = "reporting", _("Reporting hate")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    TALKING_TO_CHILDREN = "talking_to_children", _("Talking to children")


class Audience(models.TextChoices):
    COMMUNITY_MEMBERS = "community_members", _("Community members")
    PARENTS = "parents", _("Parents")
    YOUTH = "youth", _("Young people")
    SENIORS = "seniors", _("Seniors")
    BUSINESSES = "businesses", _("Businesses")
    FAITH_COMMUNITIES = "faith_communities", _("Faith communities")
    EDUCATORS = "educators", _("Educators")
    PARTNER_STAFF = "partner_staff", _("Partner staff")


class Resource(models.Model):
    coalition = models.ForeignKey("accounts.Coalition", on_delete=models.PROTECT, related_name="resources")
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    # Multilingual texts: {"en": "…", "vi": "…"} (see core.multilingual).
    title = models.JSONField(default=dict)
    summary = models.JSONField(default=dict, blank=True)
    # Lists of Topic and Audience codes.
    topics = models.JSONField(default=list, blank=True)
    audiences = models.JSONField(default=list, blank=True)
    # Every title and summary, lower-cased and without accents, so that a search finds "quyen" in "Quyền" on any
    # database (kept up to date by the services that write the texts).
    search_text = models.TextField(blank=True, editable=False)
    published = models.BooleanField(default=False)
    # The other coalitions of the network list it in their library too, credited to this one.
    shared_with_network = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["coalition", "slug"], name="resource_slug_unique_in_coalition")]
        indexes = [models.Index(fields=["published", "shared_with_network"])]

    def __str__(self) -> str:
        from safecommunity.core.multilingual import text_in

        return text_in(self.title) or self.slug


class ResourceVersion(models.Model):
    """The resource in one language: an uploaded PDF or a link (a video, a page on another site)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    language = models.CharField(max_length=16, choices=settings.LANGUAGES)
    # A PDF uploaded by the organiser, under PRIVATE_STORAGE_ROOT (served only through the counting view).
    file_storage_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveIntegerField(default=0)
    page_count = models.PositiveIntegerField(default=0)
    url = models.URLField(max_length=500, blank=True)
    captions_available = models.BooleanField(default=False)
    caption_languages = models.JSONField(default=list, blank=True)
    # Multilingual: the transcript of a video, or the text of a document, shown on the resource page.
    transcript = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["resource", "language"]
        constraints = [
            models.UniqueConstraint(fields=["resource", "language"], name="resource_version_one_per_language")
        ]

    def __str__(self) -> str:
        return f"{self.resource} · {self.language}"

    @property
    def is_file(self) -> bool:
        return bool(self.file_storage_name)


class DownloadCount(models.Model):
    """How many times a version was downloaded or its link followed in one month."""

    version = models.ForeignKey(ResourceVersion, on_delete=models.CASCADE, related_name="download_counts")
    month = models.DateField(help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["month"]
        constraints = [models.UniqueConstraint(fields=["version", "month"], name="download_count_one_per_month")]

    def __str__(self) -> str:
        return f"{self.version} · {self.month:%Y-%m} · {self.count}"
