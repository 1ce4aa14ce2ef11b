"""``{{ signup.hours|hours }}``: 2.5 rather than 2.50, 3 rather than 3.00, in the page's number format."""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def hours(value: Decimal | float | int | None) -> str:
    if value is None:
        return "—"
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    places = 0 if amount == amount.to_integral() else (1 if (amount * 10) == (amount * 10).to_integral() else 2)
    return number_format(amount, decimal_pos=places)
