"""The signed-in staff member behind a request, typed, for views behind ``core.access.staff_view``."""

from __future__ import annotations

from django.http import HttpRequest

from safecommunity.accounts.models import User


def staff_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User), "staff_view lets only signed-in staff through"
    return user
