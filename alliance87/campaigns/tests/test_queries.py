"""The campaign's page reads a constant number of queries, however many
messages, activities and published highlights it shows."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alliance87.campaigns import services
from alliance87.campaigns.models import Message
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/en/campaigns/world-day-against-child-labour/"


def add_rows(scene: Any, partner: Any, secretariat: Any, start: int, count: int) -> None:
    for n in range(start, start + count):
        services.save_message(
            Message(campaign=scene.campaign, kind="key", key=f"m{n}", text_en=f"Message {n}"),
            acting_user=None,
        )
        services.add_planned_activity(
            scene.campaign,
            acting_user=partner,
            date=dt.date(2027, 6, 12),
            title=f"Activity {n}",
            language="en",
        )
        submission = services.submit(
            scene.campaign,
            acting_user=partner,
            kind="highlight",
            title=f"Highlight {n}",
            text="Text",
            language="en",
        )
        services.publish_submission(submission, acting_user=secretariat)


def queries(client: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(PAGE).status_code == 200
    return len(captured)


def test_the_campaign_page_reads_as_many_queries_with_one_row_as_with_many(personas, settings):
    settings.PAGE_CACHE_SECONDS = 0
    scene = make_scene()
    add_rows(scene, personas.partner, personas.secretariat, 0, 1)
    client = Client()
    sign_in(client, personas.partner)
    few = queries(client)
    add_rows(scene, personas.partner, personas.secretariat, 1, 6)
    assert queries(client) == few
