"""The vocabulary of the site-wide permission matrix: who tries each staff page, and what each may get."""

from __future__ import annotations

PERSONAS = (
    "admin",
    "coordinator",
    "caseworker_a",
    "caseworker_b",
    "analyst",
    "volunteer",
    "organiser_a",
    "organiser_bay",
    "reviewer",
    "network",
)
OK, FORBIDDEN, HIDDEN = "ok", "403", "404"


def everyone(outcome: str) -> dict[str, str]:
    return dict.fromkeys(PERSONAS, outcome)


def only(allowed: set[str], otherwise: str = FORBIDDEN, **special: str) -> dict[str, str]:
    """``allowed`` open the page, everyone else gets ``otherwise``, except the personas named in ``special``."""
    table = {persona: OK if persona in allowed else otherwise for persona in PERSONAS}
    table.update(special)
    return table
