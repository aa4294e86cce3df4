"""The announcement of the Pacific consultation (seed 000), against the
event the demo holds by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from alliance87.events.models import Event
from alliance87.reports.engine import propose
from alliance87.reports.resolve import Directory
from alliance87.reports.text import read_path

pytestmark = pytest.mark.django_db

ANNOUNCEMENT = Path(__file__).parent / "data" / "pacific_consultation.txt"


def test_the_announcement_gives_the_demos_facts_and_no_more(demo):
    text = read_path(ANNOUNCEMENT).text
    data = propose(read_path(ANNOUNCEMENT), Directory.from_db()).as_json()
    event = Event.objects.get(slug="pacific-consultation-2017")
    assert data["title"] == "Pacific Consultation on Alliance 8.7"
    assert data["kind"] == event.event_type == "regional_consultation"
    assert (data["start"], data["end"]) == (str(event.date_start), str(event.date_end))
    venue = data["venue"]
    assert (venue["city"], venue["country"]) == (event.city, event.country.iso3)  # type: ignore[union-attr]
    assert venue["host"]["slug"] in {o.slug for o in event.organisers.all()}
    assert text[venue["source"]["start"] : venue["source"]["end"]] == "Nadi, Fiji"
    assert len(data["objectives"]) == 6
    assert data["objectives"][3]["text"].startswith("Prepare for the IV Global Conference")
    # The 4th Global Conference it prepares for is another event: no series.
    assert data["series"] is None
    # "the 11 member states of the ILO" counts no participants.
    assert data["reported_counts"] == []
    for key in ("time", "online", "chair", "extraordinary"):
        assert data[key] is None, key
    for key in ("agenda", "exchanges", "decisions", "action_items", "participants", "documents"):
        assert data[key] == [], key
    assert data["countries"] == ["FJI", "ARG"]
