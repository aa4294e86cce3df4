"""Workshop dates are shown as reported, in each language, and sort sensibly."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.countries.models import Country, Region
from alliance87.pathfinders import services
from alliance87.pathfinders.forms import StageForm
from alliance87.pathfinders.models import Workshop
from alliance87.pathfinders.selectors import list_workshops
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.django_db

FIJI = ReportedDate(dt.date(2019, 7, 1), None, DatePrecision.MONTH, True)
AU = ReportedDate(dt.date(2019, 3, 20), dt.date(2019, 3, 21), DatePrecision.RANGE)


@pytest.mark.parametrize(
    ("language", "fiji", "au", "madagascar"),
    [
        ("en", "July 2019 (TBC)", "20–21 March 2019", "25 October 2018"),
        ("fr", "juillet 2019 (à confirmer)", "20–21 mars 2019", "25 octobre 2018"),
        ("es", "julio de 2019 (por confirmar)", "20–21 de marzo de 2019", "25 de octubre de 2018"),
    ],
)
def test_dates_display_their_precision_in_each_language(
    language: str, fiji: str, au: str, madagascar: str
) -> None:
    with translation.override(language):
        assert str(FIJI) == fiji
        assert str(AU) == au
        assert str(ReportedDate(dt.date(2018, 10, 25))) == madagascar


def test_workshops_sort_by_first_day_whatever_the_precision() -> None:
    au = make_organisation("african-union", "African Union", stakeholder_type="regional_body")
    fiji = Country.objects.get(iso3="FJI")
    mdg = Country.objects.get(iso3="MDG")
    rows = [
        (Workshop(host_country=fiji, region=Region.ASIA_PACIFIC), FIJI),
        (Workshop(host_organisation=au, region=Region.AFRICA, status="held"), AU),
        (
            Workshop(host_country=mdg, region=Region.AFRICA, status="held"),
            ReportedDate(dt.date(2018, 10, 25)),
        ),
    ]
    for workshop, date in rows:
        services.set_reported_date(workshop, date)
        services.save_workshop(workshop, acting_user=None)
    hosts = [w.host_name for w in list_workshops(None)]
    assert hosts == ["Madagascar", "African Union", "Fiji"]


def test_a_workshop_has_exactly_one_host() -> None:
    from django.core.exceptions import ValidationError

    au = make_organisation("african-union", "African Union", stakeholder_type="regional_body")
    workshop = Workshop(
        host_country=Country.objects.get(iso3="ETH"), host_organisation=au, region=Region.AFRICA
    )
    with pytest.raises(ValidationError, match="one host"):
        services.save_workshop(workshop, acting_user=None)


def test_the_form_stores_a_month_as_its_first_day() -> None:
    form = StageForm(
        {
            "stage": "workshop_planned",
            "date_start": "2019-07-15",
            "date_precision": "month",
            "date_tentative": "on",
        }
    )
    assert form.is_valid(), form.errors
    date = form.cleaned_data["reported_date"]
    assert date == ReportedDate(dt.date(2019, 7, 1), None, DatePrecision.MONTH, True)


def test_the_form_refuses_a_range_that_ends_before_it_starts() -> None:
    form = StageForm(
        {
            "stage": "workshop_held",
            "date_start": "2019-03-21",
            "date_end": "2019-03-20",
            "date_precision": "range",
        }
    )
    assert not form.is_valid()
    assert "date_end" in form.errors
