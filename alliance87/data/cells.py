"""
One cell of a file of observations: numbers, written one way only, and the
edition a row names, the same on every row of it (docs/data.md).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.data.checked import Catalogue, CheckResult, EditionFacts

NUMBER = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,4})?")
# Digits grouped by a comma, point, apostrophe or (narrow) space, or a
# decimal comma: how EN, FR and ES spreadsheets write numbers.
_LOCALISED = re.compile(r"-?[0-9]{1,3}([,.'\u00a0\u202f ][0-9]{3})+([.,][0-9]+)?|-?[0-9]+,[0-9]+")
_PUBLISHED = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")


def cell(raw: dict[str, str], column: str) -> str:
    return (raw.get(column) or "").strip()


def parse_number(text: str, column: str, error: Callable[[str, str], None]) -> Decimal | None:
    if NUMBER.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            pass
    if _LOCALISED.fullmatch(text):
        digits = re.sub(r"[^0-9]", "", text)
        error(
            column,
            _(
                "“%(text)s” is written with a thousands separator or a decimal comma, which "
                "mean different things in English, French and Spanish. Write digits only, "
                "with a point before any decimals (e.g. %(example)s)."
            )
            % {"text": text, "example": digits if "," not in text[-3:] else "5.4"},
        )
    else:
        error(
            column,
            _("“%(text)s” is not a number. Write digits only, with a point before any decimals.")
            % {"text": text},
        )
    return None


def check_edition(
    number: int,
    raw: dict[str, str],
    catalogue: Catalogue,
    result: CheckResult,
    error: Callable[[str, str], None],
) -> EditionFacts | None:
    title = cell(raw, "edition")
    publisher = cell(raw, "publisher")
    published = cell(raw, "published")
    match = _PUBLISHED.fullmatch(published)
    date = None
    precision = DatePrecision.DAY
    if match:
        year, month, day = int(match[1]), int(match[2]), match[3]
        try:
            date = dt.date(year, month, int(day) if day else 1)
        except ValueError:
            date = None
        precision = DatePrecision.DAY if day else DatePrecision.MONTH
    if published and date is None:
        error(
            "published",
            _("The publication date must be a year and month (2017-09) or a day (2022-09-12)."),
        )
        return None
    if not publisher or date is None:
        return None
    facts = result.editions.get(title)
    if facts is None:
        held = catalogue.editions.get(title)
        facts = EditionFacts(title, publisher, date, precision, number, exists=held is not None)
        if held is not None and (held.publisher != publisher or held.date_start != date):
            error(
                "edition",
                _(
                    "An edition named “%(edition)s” is held already, with another publisher "
                    "or date. Give the new publication its own title."
                )
                % {"edition": title},
            )
            return None
        result.editions[title] = facts
    elif (facts.publisher, facts.published) != (publisher, date):
        error(
            "publisher",
            _(
                "Row %(row)s gives this edition another publisher or date; every row of one "
                "edition must give the same."
            )
            % {"row": facts.row},
        )
        return None
    return facts
