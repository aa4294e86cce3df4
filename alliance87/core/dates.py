"""
Dates as they are reported: a day, a range of days, a month, or any of
these marked tentative ("July 2019 (TBC)").

A model that carries such a date inherits `ReportedDateFields`; its
`reported_date` gives the value object that displays itself honestly in the
active language and sorts by its first day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DatePrecision(models.TextChoices):
    DAY = "day", gettext_lazy("Day")
    RANGE = "range", gettext_lazy("Range of days")
    MONTH = "month", gettext_lazy("Month")


@functools.total_ordering
@dataclass(frozen=True)
class ReportedDate:
    start: dt.date
    end: dt.date | None = None
    precision: str = DatePrecision.DAY
    tentative: bool = False

    def _sort_key(self) -> tuple[dt.date, dt.date, bool]:
        # By first day, then by how far the date reaches, confirmed first.
        return (self.start, self.last_day, self.tentative)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ReportedDate):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def validate(self) -> None:
        """Raise ValidationError unless the parts agree with the precision."""
        if self.precision == DatePrecision.RANGE:
            if self.end is None:
                raise ValidationError(_("A range of days needs an end date."))
            if self.end < self.start:
                raise ValidationError(_("The end date cannot be before the start date."))
        elif self.end is not None and self.end != self.start:
            raise ValidationError(_("Only a range of days has an end date."))
        if self.precision == DatePrecision.MONTH and self.start.day != 1:
            raise ValidationError(_("A month is stored as its first day."))

    @property
    def last_day(self) -> dt.date:
        """Return the last day the date may cover (for "is it past?")."""
        if self.precision == DatePrecision.RANGE and self.end:
            return self.end
        if self.precision == DatePrecision.MONTH:
            days = calendar.monthrange(self.start.year, self.start.month)[1]
            return self.start.replace(day=days)
        return self.start

    def __str__(self) -> str:
        text = self._display()
        if self.tentative:
            # Translators: a date not yet confirmed, e.g. "July 2019 (TBC)".
            text = _("%(date)s (TBC)") % {"date": text}
        return text

    def _display(self) -> str:
        start, end = self.start, self.end
        if self.precision == DatePrecision.MONTH:
            # Translators: a month and year, e.g. "July 2019".
            return _("%(month)s %(year)s") % {
                "month": _month(start.month),
                "year": start.year,
            }
        if self.precision == DatePrecision.RANGE and end and end != start:
            if (start.year, start.month) == (end.year, end.month):
                # Translators: days within one month, e.g. "20–21 March 2019".
                return _("%(first)s–%(last)s %(month)s %(year)s") % {
                    "first": start.day,
                    "last": end.day,
                    "month": _month(start.month),
                    "year": start.year,
                }
            return _("%(start)s – %(end)s") % {"start": _day(start), "end": _day(end)}
        return _day(start)


def _month(number: int) -> str:
    # Django's month names, lower-cased where the language writes them so.
    name = str(MONTHS[number])
    return name


def _day(value: dt.date) -> str:
    # Translators: a full date, e.g. "25 October 2018".
    return _("%(day)s %(month)s %(year)s") % {
        "day": value.day,
        "month": _month(value.month),
        "year": value.year,
    }


class ReportedDateFields(models.Model):
    """Abstract: the four columns of a reported date, sortable by `date_start`."""

    date_start = models.DateField(gettext_lazy("date"), null=True, blank=True, db_index=True)
    date_end = models.DateField(gettext_lazy("end date"), null=True, blank=True)
    date_precision = models.CharField(
        gettext_lazy("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    date_tentative = models.BooleanField(gettext_lazy("tentative"), default=False)

    class Meta:
        abstract = True

    @property
    def reported_date(self) -> ReportedDate | None:
        if self.date_start is None:
            return None
        return ReportedDate(
            self.date_start, self.date_end, self.date_precision, self.date_tentative
        )

    def clean_reported_date(self) -> None:
        if self.reported_date is not None:
            try:
                self.reported_date.validate()
            except ValidationError as e:
                raise ValidationError({"date_start": e.messages}) from None
