"""
What the writes to pathfinders share: reported dates and translated text.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from alliance87.core.dates import DatePrecision, ReportedDate

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def set_reported_date(obj: Any, date: ReportedDate | None) -> None:
    """Copy `date` into the four columns of a `ReportedDateFields` row."""
    if date is None:
        obj.date_start = obj.date_end = None
        obj.date_precision = DatePrecision.DAY
        obj.date_tentative = False
        return
    date.validate()
    obj.date_start = date.start
    obj.date_end = date.end if date.precision == DatePrecision.RANGE else None
    obj.date_precision = date.precision
    obj.date_tentative = date.tentative


def fill_languages(obj: Any, fields: tuple[str, ...]) -> None:
    """Copy text written in one language into the default one when empty."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for name in fields:
        if getattr(obj, f"{name}_{default}", ""):
            continue
        for code in LANGUAGE_CODES:
            value = getattr(obj, f"{name}_{code}", "")
            if value:
                setattr(obj, f"{name}_{default}", value)
                break
