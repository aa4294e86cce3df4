"""A copy of a survey opens on the day the Secretariat asks (today unless
changed), at the original's time of day, and closes as many days later:
the survey stays open as long. Bad days are refused beside the field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import Survey
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

OPENS = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def original(personas) -> Survey:
    """A public draft open for 29 days and 8 hours, in 2026."""
    survey = Survey(
        title_en="Priorities",
        visibility="public",
        opens_at=OPENS,
        closes_at=OPENS + dt.timedelta(days=29, hours=8),
    )
    return services.save_survey(survey, acting_user=personas.secretariat)


def copy_url(survey: Survey, language: str = "en") -> str:
    return f"/{language}/surveys/{survey.slug}/copy/"


def copies(original: Survey) -> list[Survey]:
    return list(Survey.objects.exclude(pk=original.pk))


def test_the_copy_opens_on_the_day_asked_and_stays_open_as_long(client, personas, original):
    sign_in(client, personas.secretariat)
    opens_on = timezone.now().date() + dt.timedelta(days=40)
    # Typed as French pages read dates, day first.
    response = client.post(copy_url(original, "fr"), {"opens_on": opens_on.strftime("%d/%m/%Y")})
    (copy,) = copies(original)
    assert (
        response.status_code == 302 and response["Location"] == f"/fr/surveys/{copy.slug}/manage/"
    )
    assert copy.opens_at == dt.datetime.combine(opens_on, OPENS.time(), tzinfo=dt.UTC)
    assert copy.closes_at - copy.opens_at == original.closes_at - original.opens_at
    original.refresh_from_db()
    assert original.opens_at == OPENS


def test_the_form_offers_today_on_the_management_page_and_its_own(client, personas, original):
    sign_in(client, personas.secretariat)
    today = timezone.now().date().strftime("%d/%m/%Y")
    for url in (f"/en/surveys/{original.slug}/manage/", copy_url(original)):
        page = client.get(url).content.decode()
        assert f'action="{copy_url(original)}"' in page
        assert f'name="opens_on" value="{today}"' in page
        assert "Its closing date moves by as many days" in page
    assert copies(original) == []


def test_the_service_keeps_the_dates_when_no_day_is_given(personas, original):
    copy = services.copy_survey(original, acting_user=personas.secretariat)
    assert (copy.opens_at, copy.closes_at) == (original.opens_at, original.closes_at)


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("", "This field is required."),
        ("31/02/2027", "Enter a valid date. Type the date as DD/MM/YYYY"),
        ("next monday", "Enter a valid date."),
        ("01/01/2020", "The new opening date has passed: choose today or a later date."),
        ("31/12/9999", "This date is too far ahead"),
    ],
)
def test_a_bad_day_is_refused_beside_the_field(client, personas, original, typed, refusal):
    sign_in(client, personas.secretariat)
    response = client.post(copy_url(original), {"opens_on": typed})
    assert response.status_code == 400
    page = response.content.decode()
    assert refusal in page
    assert 'href="#id_opens_on"' in page  # the summary links to the field
    assert copies(original) == []
