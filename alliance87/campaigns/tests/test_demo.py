"""The demo's campaign: the World Day against Child Labour, linked to its
day in the calendar and reviewed by the CEAG, with sample content that
says it is sample content and is cited as illustrative; the day's name and
date cited to the report of the 4th GCG meeting."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.campaigns.models import Campaign, Submission
from alliance87.core.models import Basis

pytestmark = pytest.mark.django_db


def test_the_demo_campaign_is_the_world_day_against_child_labour(demo):
    campaign = Campaign.objects.get(slug="world-day-against-child-labour")
    assert campaign.event is not None and campaign.event.date_start is not None
    assert (campaign.event.date_start.day, campaign.event.date_start.month) == (12, 6)
    assert campaign.review_group.slug == "communications-and-engagement"
    bases = set(campaign.citations.values_list("basis", flat=True))
    assert bases == {Basis.ILLUSTRATIVE, Basis.REPORTED}
    for message in campaign.messages.all():
        assert message.text_en.startswith("Sample content for the demo")  # type: ignore[attr-defined]
    sample = Submission.objects.get(campaign=campaign)
    assert "Sample content for the demo" in sample.text
    assert list(sample.citations.values_list("basis", flat=True)) == [Basis.ILLUSTRATIVE]


def test_the_demo_campaign_page_shows_the_sample_highlight_and_day(demo):
    page = Client().get("/en/campaigns/world-day-against-child-labour/").content.decode()
    assert "Sample highlight for the demo" in page
    assert "12 June" in page
    event = Client().get("/en/events/world-day-against-child-labour/").content.decode()
    assert "/en/campaigns/world-day-against-child-labour/" in event


def test_loading_the_demo_twice_changes_nothing(demo):
    from alliance87.campaigns import demo as campaigns_demo
    from alliance87.demo.loading import LoadReport

    report = LoadReport()
    campaigns_demo.load(report)
    assert not report.changed
