"""An Atom feed of published policy briefs (newest first), each entry in its brief's language."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from safecommunity.insights.findings import key_findings
from safecommunity.insights.models_briefs import Brief
from safecommunity.insights.selectors_briefs import brief_title, figures_from_snapshot, published_briefs

FEED_LENGTH = 50


class PublishedBriefsFeed(Feed[Brief, Brief]):
    feed_type = Atom1Feed

    def title(self) -> str:
        return _("Policy briefs of %(coalition)s") % {"coalition": settings.COALITION_NAME}

    def subtitle(self) -> str:
        return _("Briefs on reported hate incidents, with their key findings, as they are published.")

    def link(self) -> str:
        return reverse("insights:published_briefs")

    def items(self) -> list[Brief]:
        return list(published_briefs()[:FEED_LENGTH])

    def item_title(self, item: Brief) -> str:
        with translation.override(item.language):
            return brief_title(item)

    def item_description(self, item: Brief) -> str:
        with translation.override(item.language):
            findings = key_findings(figures_from_snapshot(item.figures))
            return str(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((f.text,) for f in findings))))

    def item_link(self, item: Brief) -> str:
        return reverse("insights:published_brief", args=[item.public_id])

    def item_guid(self, item: Brief) -> str:
        return f"urn:uuid:{item.public_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Brief) -> dt.datetime | None:
        return item.published_at

    def item_updateddate(self, item: Brief) -> dt.datetime:
        return max(item.computed_at, item.published_at or item.computed_at)
