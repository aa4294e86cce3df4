"""Figures as people read them, in the active language: 49,600,000 persons,
5.4 per 1,000 people, 54%."""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from alliance87.data.models import Unit


def plain(value: Decimal | int | float) -> str:
    """Return `value` localised, with no decimals it does not need."""
    number = Decimal(value).normalize()
    places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    return number_format(number, decimal_pos=places, force_grouping=True)


def with_unit(value: Decimal | int | float, unit: str) -> str:
    """Return `value` with its unit ("54%", "5.4 per 1,000 people")."""
    shown = plain(value)
    if unit == Unit.PERCENT:
        # Translators: a percentage, e.g. "54%" (French: "54 %").
        return _("%(value)s%%") % {"value": shown}
    if unit == Unit.PER_1000:
        # Translators: a rate, e.g. "5.4 per 1,000 people".
        return _("%(value)s per 1,000 people") % {"value": shown}
    # Translators: a count of people, e.g. "49,600,000 people".
    return _("%(value)s people") % {"value": shown}
