"""Planned activities are reviewed before they are shown: a partner's
activity waits (seen by its author and the reviewers only), then the CEAG
or the Secretariat publishes it on the campaign's page and calendar, or
declines it with a reason its author reads."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.models import PlannedActivity, SubmissionStatus
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/en/campaigns/world-day-against-child-labour/"
REVIEW = PAGE + "review/"


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def planned(campaign: Any, partner: Any, title: str = "Webinar on 12 June") -> PlannedActivity:
    return services.add_planned_activity(
        campaign, acting_user=partner, date=dt.date(2027, 6, 12), title=title, language="en"
    )


def test_a_new_activity_waits_for_review_seen_by_its_author_and_reviewers_only(personas):
    scene = make_scene()
    activity = planned(scene.campaign, personas.partner)
    assert activity.status == SubmissionStatus.PENDING
    assert "Webinar on 12 June" not in Client().get(PAGE).content.decode()
    assert "Webinar on 12 June" not in client_for(personas.outsider).get(PAGE).content.decode()
    assert "Webinar on 12 June" in client_for(personas.partner).get(PAGE).content.decode()
    assert "Webinar on 12 June" in client_for(scene.member).get(REVIEW).content.decode()
    assert "Webinar" not in Client().get(PAGE + "activities.ics").content.decode()


def test_a_reviewer_publishes_an_activity_on_the_page_and_calendar(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    activity = planned(scene.campaign, personas.partner)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(scene.chair).post(
            f"{REVIEW}activities/{activity.pk}/", {"action": "publish"}
        )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.status == SubmissionStatus.PUBLISHED
    assert activity.reviewed_by == scene.chair
    assert "Webinar on 12 June" in Client().get(PAGE).content.decode()
    assert "SUMMARY:Webinar on 12 June" in Client().get(PAGE + "activities.ics").content.decode()


def test_declining_an_activity_needs_a_reason_its_author_reads(personas):
    scene = make_scene()
    activity = planned(scene.campaign, personas.partner)
    chair = client_for(scene.chair)
    url = f"{REVIEW}activities/{activity.pk}/"
    refused = chair.post(url, {"action": "decline", f"a{activity.pk}-reason": ""})
    assert refused.status_code == 400
    assert PlannedActivity.objects.get().is_pending
    chair.post(url, {"action": "decline", f"a{activity.pk}-reason": "Not about child labour."})
    activity.refresh_from_db()
    assert activity.status == SubmissionStatus.DECLINED
    mine = client_for(personas.partner).get(PAGE).content.decode()
    assert "Not about child labour." in mine
    assert "Webinar on 12 June" not in Client().get(PAGE).content.decode()


def test_an_activity_is_decided_once(personas):
    scene = make_scene()
    activity = planned(scene.campaign, personas.partner)
    services.publish_activity(activity, acting_user=scene.chair)
    with pytest.raises(ValidationError, match="already been reviewed"):
        services.decline_activity(activity, acting_user=personas.secretariat, reason="No.")


def test_an_outsider_or_a_partner_cannot_decide_an_activity(personas):
    scene = make_scene()
    activity = planned(scene.campaign, personas.partner)
    url = f"{REVIEW}activities/{activity.pk}/"
    assert client_for(personas.outsider).post(url, {"action": "publish"}).status_code == 404
    assert client_for(personas.partner).post(url, {"action": "publish"}).status_code == 404
    assert PlannedActivity.objects.get().is_pending
