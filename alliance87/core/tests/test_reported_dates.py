"""Reported dates display honestly in each language, refuse parts that
disagree, and sort by their first day."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from alliance87.core.dates import DatePrecision, ReportedDate

D = dt.date
DAY = ReportedDate(D(2018, 10, 25))
RANGE_IN_MONTH = ReportedDate(D(2019, 3, 20), D(2019, 3, 21), DatePrecision.RANGE)
RANGE_ACROSS_MONTHS = ReportedDate(D(2019, 3, 30), D(2019, 4, 2), DatePrecision.RANGE)
RANGE_ACROSS_YEARS = ReportedDate(D(2018, 12, 30), D(2019, 1, 2), DatePrecision.RANGE)
MONTH = ReportedDate(D(2019, 7, 1), precision=DatePrecision.MONTH)
TENTATIVE_MONTH = ReportedDate(D(2019, 7, 1), precision=DatePrecision.MONTH, tentative=True)
TENTATIVE_DAY = ReportedDate(D(2017, 10, 3), tentative=True)

DISPLAYS = {
    "en": [
        (DAY, "25 October 2018"),
        (RANGE_IN_MONTH, "20–21 March 2019"),
        (RANGE_ACROSS_MONTHS, "30 March 2019 – 2 April 2019"),
        (RANGE_ACROSS_YEARS, "30 December 2018 – 2 January 2019"),
        (MONTH, "July 2019"),
        (TENTATIVE_MONTH, "July 2019 (TBC)"),
        (TENTATIVE_DAY, "3 October 2017 (TBC)"),
    ],
    "fr": [
        (DAY, "25 octobre 2018"),
        (RANGE_IN_MONTH, "20–21 mars 2019"),
        (RANGE_ACROSS_MONTHS, "30 mars 2019 – 2 avril 2019"),
        (RANGE_ACROSS_YEARS, "30 décembre 2018 – 2 janvier 2019"),
        (MONTH, "juillet 2019"),
        (TENTATIVE_MONTH, "juillet 2019 (à confirmer)"),
        (TENTATIVE_DAY, "3 octobre 2017 (à confirmer)"),
    ],
    "es": [
        (DAY, "25 de octubre de 2018"),
        (RANGE_IN_MONTH, "20–21 de marzo de 2019"),
        (RANGE_ACROSS_MONTHS, "30 de marzo de 2019 – 2 de abril de 2019"),
        (RANGE_ACROSS_YEARS, "30 de diciembre de 2018 – 2 de enero de 2019"),
        (MONTH, "julio de 2019"),
        (TENTATIVE_MONTH, "julio de 2019 (por confirmar)"),
        (TENTATIVE_DAY, "3 de octubre de 2017 (por confirmar)"),
    ],
}


@pytest.mark.parametrize(
    ("language", "date", "text"),
    [(language, date, text) for language, cases in DISPLAYS.items() for date, text in cases],
    ids=[f"{language}-{text}" for language, cases in DISPLAYS.items() for _date, text in cases],
)
def test_date_displays_in_the_active_language(
    language: str, date: ReportedDate, text: str
) -> None:
    with translation.override(language):
        assert str(date) == text


def test_range_of_one_day_displays_as_that_day() -> None:
    one_day = ReportedDate(D(2019, 3, 20), D(2019, 3, 20), DatePrecision.RANGE)
    assert str(one_day) == "20 March 2019"


class TestValidation:
    @pytest.mark.parametrize(
        "date",
        [
            DAY,
            RANGE_IN_MONTH,
            RANGE_ACROSS_YEARS,
            MONTH,
            TENTATIVE_MONTH,
            ReportedDate(D(2019, 3, 20), D(2019, 3, 20)),
        ],
    )
    def test_consistent_dates_are_accepted(self, date: ReportedDate) -> None:
        date.validate()

    def test_range_without_end_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="needs an end date"):
            ReportedDate(D(2019, 3, 20), None, DatePrecision.RANGE).validate()

    def test_range_ending_before_it_starts_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="cannot be before the start"):
            ReportedDate(D(2019, 3, 20), D(2019, 3, 19), DatePrecision.RANGE).validate()

    def test_month_not_stored_as_its_first_day_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="first day"):
            ReportedDate(D(2019, 7, 15), precision=DatePrecision.MONTH).validate()

    def test_day_with_another_end_date_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="Only a range"):
            ReportedDate(D(2019, 3, 20), D(2019, 3, 22), DatePrecision.DAY).validate()

    def test_month_with_an_end_date_is_refused(self) -> None:
        with pytest.raises(ValidationError, match="Only a range"):
            ReportedDate(D(2019, 7, 1), D(2019, 7, 31), DatePrecision.MONTH).validate()

    def test_error_is_in_the_active_language(self) -> None:
        with translation.override("fr"), pytest.raises(ValidationError) as raised:
            ReportedDate(D(2019, 3, 20), None, DatePrecision.RANGE).validate()
        assert "end date" not in raised.value.messages[0]


class TestLastDay:
    def test_of_a_day_is_that_day(self) -> None:
        assert DAY.last_day == D(2018, 10, 25)

    def test_of_a_range_is_its_end(self) -> None:
        assert RANGE_ACROSS_MONTHS.last_day == D(2019, 4, 2)

    def test_of_a_month_is_its_last_day(self) -> None:
        assert MONTH.last_day == D(2019, 7, 31)
        february = ReportedDate(D(2020, 2, 1), precision=DatePrecision.MONTH)
        assert february.last_day == D(2020, 2, 29)


class TestOrdering:
    def test_dates_sort_by_their_first_day(self) -> None:
        dates = [RANGE_ACROSS_MONTHS, MONTH, DAY, TENTATIVE_DAY, RANGE_IN_MONTH]
        assert sorted(dates) == [TENTATIVE_DAY, DAY, RANGE_IN_MONTH, RANGE_ACROSS_MONTHS, MONTH]

    def test_a_month_sorts_before_a_later_day_of_that_month(self) -> None:
        assert ReportedDate(D(2019, 7, 5)) > MONTH

    def test_dates_with_the_same_first_day_sort_whatever_their_precision(self) -> None:
        workshop = ReportedDate(D(2019, 7, 1), D(2019, 7, 3), DatePrecision.RANGE)
        later = ReportedDate(D(2019, 7, 2))
        ordered = sorted([later, workshop, MONTH])
        assert ordered[-1] == later
        assert set(ordered[:2]) == {workshop, MONTH}

    def test_equal_dates_are_equal(self) -> None:
        assert ReportedDate(D(2019, 7, 1), precision=DatePrecision.MONTH) == MONTH
        assert MONTH != TENTATIVE_MONTH
