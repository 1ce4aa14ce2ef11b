"""Writes for policy briefs: making, regenerating, publishing and unpublishing one, and auditing exact exports.

An internal brief holds exact counts: making it, regenerating it, and showing or
downloading it each write a ``statistics.exact_export`` audit entry, like every
other export of exact counts. Only public briefs (published, suppressed figures)
may be published.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from safecommunity.core.audit import audit_record
from safecommunity.insights.engine import Selection
from safecommunity.insights.forms import selection_query
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.selectors_briefs import brief_figures_compute, brief_selection


class BriefError(ValueError):
    """A brief action that cannot be done; the message is translated and says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def brief_create(*, actor: Any, selection: Selection, language: str, audience: str, title: str = "") -> Brief:
    """A new draft brief with its figures computed now."""
    if language not in dict(settings.LANGUAGES):
        raise BriefError(_("There is no such language on this site."))
    if audience not in Brief.Audience.values:
        raise BriefError(_("Choose who the brief is for."))
    if not (selection.date_from and selection.date_to):
        raise BriefError(_("A brief needs the start and the end of its period."))
    exact = audience == Brief.Audience.INTERNAL
    now = timezone.now()
    brief = Brief.objects.create(
        title=title.strip(),
        regions=list(selection.regions),
        date_from=selection.date_from,
        date_to=selection.date_to,
        bias_motivation=selection.bias_motivation,
        incident_type=selection.incident_type,
        language=language,
        audience=audience,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        created_at=now,
        computed_at=now,
        figures=brief_figures_compute(selection, exact_counts=exact),
    )
    _audit(actor=actor, brief=brief, action="insights.brief_create")
    if exact:
        brief_exact_export_record(actor=actor, brief=brief, output="brief_create")
    return brief


@transaction.atomic
def brief_regenerate(*, actor: Any, brief: Brief) -> Brief:
    """Compute the figures again from the same inputs (the same numbers unless reports changed)."""
    brief = Brief.objects.select_for_update().get(pk=brief.pk)
    brief.figures = brief_figures_compute(brief_selection(brief), exact_counts=not brief.is_public)
    brief.computed_at = timezone.now()
    brief.save(update_fields=["figures", "computed_at"])
    _audit(actor=actor, brief=brief, action="insights.brief_regenerate")
    if not brief.is_public:
        brief_exact_export_record(actor=actor, brief=brief, output="brief_regenerate")
    return brief


@transaction.atomic
def brief_publish(*, actor: Any, brief: Brief) -> Brief:
    """Show a public brief on the site and in the feed."""
    brief = Brief.objects.select_for_update().get(pk=brief.pk)
    if not brief.is_public:
        raise BriefError(
            _("An internal brief holds exact counts and cannot be published. Make a public brief instead.")
        )
    if brief.is_published:
        return brief
    brief.status = Brief.Status.PUBLISHED
    brief.published_at = timezone.now()
    brief.save(update_fields=["status", "published_at"])
    _audit(actor=actor, brief=brief, action="insights.brief_publish")
    return brief


@transaction.atomic
def brief_unpublish(*, actor: Any, brief: Brief) -> Brief:
    """Take a brief off the site and out of the feed; it stays as a draft."""
    brief = Brief.objects.select_for_update().get(pk=brief.pk)
    if not brief.is_published:
        return brief
    brief.status = Brief.Status.DRAFT
    brief.published_at = None
    brief.save(update_fields=["status", "published_at"])
    _audit(actor=actor, brief=brief, action="insights.brief_unpublish")
    return brief


def brief_exact_export_record(*, actor: Any, brief: Brief, output: str) -> None:
    """Audit that exact counts of an internal brief left the database (made, shown or downloaded)."""
    audit_record(
        actor=actor,
        action="statistics.exact_export",
        target=brief,
        details={"output": output, "selection": selection_query(brief_selection(brief)), "language": brief.language},
    )


def _audit(*, actor: Any, brief: Brief, action: str) -> None:
    audit_record(
        actor=actor,
        action=action,
        target=brief,
        details={"audience": brief.audience, "language": brief.language, "status": brief.status},
    )
