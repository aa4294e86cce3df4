"""Campaigns are found in the site search and read through the API as
their pages show them, and a new newsletter issue suggests them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.tests.scene import make_scene
from alliance87.search.index import rebuild
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

API = "/api/v1/"


def client_for(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def test_a_published_campaign_is_found(personas):
    make_scene()
    rebuild()
    found = Client().get("/en/search/?q=child+labour&type=campaign").content.decode()
    assert "/en/campaigns/world-day-against-child-labour/" in found


def test_a_draft_campaign_is_found_by_its_reviewers_only(personas):
    scene = make_scene(status="draft")
    rebuild()
    url = "/en/search/?q=world+day&type=campaign"
    address = "/en/campaigns/world-day-against-child-labour/"
    assert address not in Client().get(url).content.decode()
    assert address not in client_for(personas.partner).get(url).content.decode()
    assert address in client_for(scene.member).get(url).content.decode()
    assert address in client_for(personas.secretariat).get(url).content.decode()


def test_the_api_reads_a_campaign_with_its_published_highlights(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    submission = services.submit(
        scene.campaign,
        acting_user=personas.partner,
        kind="highlight",
        title="A district free of child labour",
        text="Teachers met.",
        language="en",
    )
    services.add_planned_activity(
        scene.campaign,
        acting_user=personas.partner,
        date=dt.date(2027, 6, 12),
        title="Pending webinar",
        language="en",
    )
    listed = Client().get(API + "campaigns").json()
    assert [c["id"] for c in listed["items"]] == ["world-day-against-child-labour"]
    detail = Client().get(API + "campaigns/world-day-against-child-labour").json()
    assert detail["highlights"] == [] and detail["activities"] == []
    services.publish_submission(submission, acting_user=scene.chair)
    detail = Client().get(API + "campaigns/world-day-against-child-labour").json()
    assert [h["title"] for h in detail["highlights"]] == ["A district free of child labour"]
    assert detail["event"] == "world-day-against-child-labour"
    assert detail["recurs_yearly"] is True


def test_the_api_hides_a_draft_campaign(personas):
    make_scene(status="draft")
    assert Client().get(API + "campaigns").json()["items"] == []
    assert Client().get(API + "campaigns/world-day-against-child-labour").status_code == 404


def test_a_new_newsletter_issue_suggests_campaigns_and_new_highlights(personas):
    from alliance87.comms.selectors import suggest_issue

    scene = make_scene()
    submission = services.submit(
        scene.campaign,
        acting_user=personas.partner,
        kind="champion",
        title="A teacher who keeps children in school",
        text="For ten years.",
        language="en",
        champion="A teacher",
        consent=True,
    )
    services.publish_submission(submission, acting_user=scene.chair)
    since = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    texts = suggest_issue(since)
    assert "World Day against Child Labour" in texts["en"]
    assert "/en/campaigns/world-day-against-child-labour/" in texts["en"]
    assert "A teacher who keeps children in school (A teacher)" in texts["en"]
    assert "/fr/campaigns/world-day-against-child-labour/#champions" in texts["fr"]


def test_a_draft_campaign_is_not_suggested(personas):
    from alliance87.comms.selectors import suggest_issue

    make_scene(status="draft")
    texts = suggest_issue(dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    assert "world-day-against-child-labour" not in texts["en"]
