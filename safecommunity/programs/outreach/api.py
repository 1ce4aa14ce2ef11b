"""A city's public branding and take-action links over JSON (the same as its public pages; no personal data)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import get_language
from ninja import Router, Schema
from ninja.errors import HttpError

from safecommunity.core.multilingual import text_and_language
from safecommunity.programs.outreach.selectors import action_links, public_coalition, take_action_intro

router = Router(tags=["Newsletter and take action"])


class ActionLinkOut(Schema):
    kind: str
    label: str
    label_language: str
    description: str
    url: str


class TakeActionOut(Schema):
    coalition: str
    name: str
    tagline: str
    accent_colour: str
    intro: str
    links: list[ActionLinkOut]


@router.get("/cities/{slug}/take-action", response=TakeActionOut, auth=None)
def take_action(request: HttpRequest, slug: str) -> TakeActionOut:
    """A coalition's branding and its take-action links, in the order it chose; texts in the language of the
    request's Accept-Language when written in it (else the site's default language)."""
    from django.utils.translation import gettext as _

    coalition = public_coalition(slug=slug)
    if coalition is None:
        raise HttpError(404, _("There is no city with this name."))
    language = get_language()
    links = []
    for link in action_links(coalition=coalition):
        label, label_language = text_and_language(link.label, language)
        description, _description_language = text_and_language(link.description, language)
        links.append(
            ActionLinkOut(
                kind=link.kind, label=label, label_language=label_language, description=description, url=link.url
            )
        )
    return TakeActionOut(
        coalition=coalition.slug,
        name=coalition.name,
        tagline=text_and_language(coalition.tagline, language)[0],
        accent_colour=coalition.accent_colour,
        intro=text_and_language(take_action_intro(coalition=coalition), language)[0],
        links=links,
    )
