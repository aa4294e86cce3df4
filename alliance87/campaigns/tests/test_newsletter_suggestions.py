"""A new newsletter issue suggests the public campaigns by their coming
day: their own date, or the next occurrence of the international day that
recurs every year; the soonest first, each with that day; then those new
since the last issue or still calling for submissions whose day has
passed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from alliance87.campaigns import services
from alliance87.campaigns.models import Campaign
from alliance87.campaigns.selectors import newsletter_campaigns
from alliance87.campaigns.tests.scene import make_scene

pytestmark = pytest.mark.django_db

DAY = "World Day against Child Labour"
DAY_URL = "/en/campaigns/world-day-against-child-labour/"


def after_every_campaign() -> dt.datetime:
    """A last issue sent after every campaign was started: none is new."""
    return timezone.now() + dt.timedelta(days=1)


def campaign(slug: str, title: str, date: dt.date, ceag, **values) -> Campaign:
    values.setdefault("status", "published")
    return services.save_campaign(
        Campaign(slug=slug, title_en=title, date=date, review_group=ceag, **values),
        acting_user=None,
    )


def test_a_yearly_day_is_suggested_by_its_next_occurrence(personas):
    # The day's calendar event is dated 12 June 2017 and recurs; its
    # campaign is closed to submissions and not new.
    make_scene(call_open=False)
    since = after_every_campaign()
    with translation.override("en"):
        before = newsletter_campaigns(since, dt.date(2027, 5, 1))
        on_the_day = newsletter_campaigns(since, dt.date(2027, 6, 12))
        after = newsletter_campaigns(since, dt.date(2027, 6, 13))
    assert before == [(f"{DAY} (12 June 2027)", DAY_URL)]
    assert on_the_day == [(f"{DAY} (12 June 2027)", DAY_URL)]
    assert after == [(f"{DAY} (12 June 2028)", DAY_URL)]
    with translation.override("fr"):
        (text, url), *_ = newsletter_campaigns(since, dt.date(2027, 5, 1))
    assert text.endswith("(12 juin 2027)") and url.startswith("/fr/campaigns/")


def test_the_soonest_day_first_then_the_open_calls_whose_day_passed(personas):
    scene = make_scene(call_open=False)
    campaign("hlpf-2027", "HLPF side event", dt.date(2027, 5, 20), scene.ceag, call_open=False)
    campaign("launch-2026", "A launch", dt.date(2026, 9, 1), scene.ceag)  # open, passed
    campaign("old-report", "An old report", dt.date(2025, 3, 1), scene.ceag, call_open=False)
    with translation.override("en"):
        lines = newsletter_campaigns(after_every_campaign(), dt.date(2027, 5, 1))
    assert [text for text, _ in lines] == [
        "HLPF side event (20 May 2027)",
        f"{DAY} (12 June 2027)",
        "A launch",
    ]


def test_a_new_campaign_whose_day_passed_is_suggested_without_a_day(personas):
    scene = make_scene(call_open=False)
    campaign("old-report", "An old report", dt.date(2025, 3, 1), scene.ceag, call_open=False)
    before_every_campaign = timezone.now() - dt.timedelta(days=1)
    with translation.override("en"):
        lines = newsletter_campaigns(before_every_campaign, dt.date(2027, 5, 1))
    assert [text for text, _ in lines] == [f"{DAY} (12 June 2027)", "An old report"]


def test_a_hidden_campaign_is_not_suggested_whatever_its_day(personas):
    scene = make_scene(visibility="partners")
    campaign("draft-day", "A draft", dt.date(2027, 5, 20), scene.ceag, status="draft")
    assert newsletter_campaigns(after_every_campaign(), dt.date(2027, 5, 1)) == []
