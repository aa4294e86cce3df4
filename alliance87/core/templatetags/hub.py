"""Template filters shared by every area."""

from __future__ import annotations

from django import template
from django.utils.formats import number_format
from django.utils.translation import ngettext

register = template.Library()


@register.filter
def compact_number(value: int | float | None) -> str:
    """Return 152000000 as "152 million", 40300000 as "40.3 million",
    localised ("40,3 millions", "40,3 millones")."""
    if value is None:
        return ""
    if abs(value) < 1_000_000:
        return number_format(value, force_grouping=True)
    millions = round(value / 1_000_000, 1)
    decimals = 0 if millions == int(millions) else 1
    shown = number_format(millions, decimal_pos=decimals, force_grouping=True)
    count = int(millions) if decimals == 0 else 2
    return ngettext("%(number)s million", "%(number)s million", count) % {"number": shown}
