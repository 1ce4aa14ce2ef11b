"""Writes for a coalition's public pages: its take-action page (intro and ordered links) and its branding."""

from __future__ import annotations

from collections.abc import Mapping

from django.db import transaction
from django.db.models import Max

from safecommunity.accounts.models import Coalition, User
from safecommunity.programs.outreach.models import ActionLink, TakeActionPage


@transaction.atomic
def take_action_intro_update(*, actor: User, coalition: Coalition, intro: Mapping[str, str]) -> TakeActionPage:
    page, _created = TakeActionPage.objects.update_or_create(coalition=coalition, defaults={"intro": dict(intro)})
    return page


@transaction.atomic
def action_link_create(
    *,
    actor: User,
    coalition: Coalition,
    kind: str,
    label: Mapping[str, str],
    description: Mapping[str, str],
    url: str,
) -> ActionLink:
    last = ActionLink.objects.filter(coalition=coalition).aggregate(last=Max("position"))["last"]
    return ActionLink.objects.create(
        coalition=coalition,
        kind=kind,
        label=dict(label),
        description=dict(description),
        url=url,
        position=0 if last is None else last + 1,
    )


@transaction.atomic
def action_link_update(
    *, actor: User, link: ActionLink, kind: str, label: Mapping[str, str], description: Mapping[str, str], url: str
) -> None:
    link.kind, link.label, link.description, link.url = kind, dict(label), dict(description), url
    link.save(update_fields=["kind", "label", "description", "url"])


@transaction.atomic
def action_link_delete(*, actor: User, link: ActionLink) -> None:
    link.delete()


@transaction.atomic
def action_link_move(*, actor: User, link: ActionLink, up: bool) -> None:
    """Swap a link with its neighbour above (or below); positions are renumbered 0…n-1 on the way."""
    links = list(
        ActionLink.objects.select_for_update().filter(coalition_id=link.coalition_id).order_by("position", "pk")
    )
    index = next(i for i, item in enumerate(links) if item.pk == link.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(links):
        links[index], links[other] = links[other], links[index]
    for position, item in enumerate(links):
        if item.position != position:
            item.position = position
            item.save(update_fields=["position"])


@transaction.atomic
def coalition_branding_update(
    *,
    actor: User,
    coalition: Coalition,
    tagline: Mapping[str, str],
    accent_colour: str,
    website: str,
    time_zone: str,
    default_language: str,
) -> None:
    coalition.tagline = dict(tagline)
    coalition.accent_colour = accent_colour.lower()
    coalition.website = website
    coalition.time_zone = time_zone
    coalition.default_language = default_language
    coalition.save(update_fields=["tagline", "accent_colour", "website", "time_zone", "default_language"])
