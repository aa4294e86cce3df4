from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import Event, EventSeries

D = dt.date


def make_event(
    slug: str,
    *,
    acting_user: Any,
    date: ReportedDate | None = None,
    publish: bool = True,
    **values: Any,
) -> Event:
    """Create an event through the services; published unless told not."""
    values.setdefault("event_type", "gcg_meeting")
    countries = values.pop("countries", None)
    title = values.pop("title", slug.replace("-", " ").title())
    event = Event(slug=slug, title=title, title_en=title, **values)
    if date is not None:
        event.date_start = date.start
        event.date_end = date.end
        event.date_precision = date.precision
        event.date_tentative = date.tentative
    services.save_event(event, acting_user=acting_user, countries=countries)
    if publish:
        services.publish_event(event, acting_user=acting_user)
        event.refresh_from_db()
    return event


@pytest.fixture
def gcg(db: None) -> EventSeries:
    return EventSeries.objects.create(
        slug="gcg-meetings",
        name="GCG meetings",
        name_en="GCG meetings",
        body="Global Coordinating Group",
        body_en="Global Coordinating Group",
        body_short="GCG",
        body_short_en="GCG",
    )
