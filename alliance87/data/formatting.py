"""Figures as people read them, in the active language: 49,600,000 persons,
5.4 per 1,000 people, 54%."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alliance87.data.models import Unit


def plain(value: Decimal | int | float) -> str:
    """Return `value` localised, with no decimals it does not need."""
    return plain_numbers()(value)


def plain_numbers() -> Callable[[Decimal | int | float], str]:
    """Return `plain` for the figures of a table: the active language's
    separators read once, not three lookups a figure (number_format's)."""
    language = get_language()
    decimal_sep = get_format("DECIMAL_SEPARATOR", language, use_l10n=True)
    grouping = get_format("NUMBER_GROUPING", language, use_l10n=True)
    thousand_sep = get_format("THOUSAND_SEPARATOR", language, use_l10n=True)

    def plain(value: Decimal | int | float) -> str:
        number = Decimal(value).normalize()
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
        return numberformat.format(
            number, decimal_sep, places, grouping, thousand_sep, force_grouping=True
        )

    return plain


def with_unit(value: Decimal | int | float, unit: str) -> str:
    """Return `value` with its unit ("54%", "5.4 per 1,000 people")."""
    return unit_pattern(unit) % {"value": plain(value)}


def unit_pattern(unit: str) -> str:
    """Return the pattern a figure in `unit` is written with, translated
    ("%(value)s%%"): looked up once for a table of figures."""
    if unit == Unit.PERCENT:
        # Translators: a percentage, e.g. "54%" (French: "54 %").
        return _("%(value)s%%")
    if unit == Unit.PER_1000:
        # Translators: a rate, e.g. "5.4 per 1,000 people".
        return _("%(value)s per 1,000 people")
    # Translators: a count of people, e.g. "49,600,000 people".
    return _("%(value)s people")
