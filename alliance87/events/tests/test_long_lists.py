"""The tracker, the register and the events list at many rows (issue 16).

The tracker's pages are read body by body (or owner by owner): each page
holds the rows, in the order, that slicing the whole sorted list would
give. The Body filter of the three pages is a text box, not a select of
every body: the text typed filters by every body whose name matches, the
first matches are links to one body, and a link naming one body keeps
working."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events import selectors, services
from alliance87.events.models import Event, EventSeries
from alliance87.events.selectors import TrackerFilters
from alliance87.testing.factories import make_event, make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cache")]


@pytest.fixture
def no_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0


def _series(slug: str, name: str) -> EventSeries:
    return EventSeries.objects.create(slug=slug, name=name, name_en=name, body=name, body_en=name)


@pytest.fixture
def many(personas: Any) -> dict[str, Any]:
    """Items in three bodies and in none, owned by three organisations and
    by none, some hidden from the public, across meetings of several dates."""
    sec = personas.secretariat
    bodies = [
        _series("alpha", "Alpha Council"),
        _series("beta", "Beta Forum"),
        _series("gamma", "Gamma Board"),
        None,
    ]
    owners = [
        make_organisation("own-z", "Zeta Owner"),
        make_organisation("own-a", "Alpha Owner"),
        make_organisation("own-m", "Mid Owner"),
        None,
    ]
    n = 0
    for i, series in enumerate(bodies):
        for month in (3, 1, 2):
            event = make_event(
                f"meeting-{i}-{month}",
                acting_user=sec,
                series=series,
                date=ReportedDate(dt.date(2020, month, 1)),
            )
            for k in range(3):
                n += 1
                services.record_action_item(
                    event,
                    acting_user=sec,
                    text=f"Task {n}",
                    owner_organisation=owners[(n + k) % 4],
                    owner_note="" if owners[(n + k) % 4] else "Someone",
                    visibility=Visibility.SECRETARIAT if n % 5 == 0 else Visibility.PUBLIC,
                )
    return {"bodies": bodies}


@pytest.mark.parametrize("group_by", ["body", "owner"])
@pytest.mark.parametrize("who", ["anonymous", "secretariat"])
def test_tracker_pages_hold_the_rows_of_the_whole_sorted_list(
    many: Any, personas: Any, group_by: str, who: str, monkeypatch: Any
) -> None:
    monkeypatch.setattr("alliance87.events.selectors.tracker.TRACKER_PAGE_SIZE", 4)
    user = AnonymousUser() if who == "anonymous" else personas.secretariat
    filters = TrackerFilters(group_by=group_by)
    whole = Paginator(selectors.action_items(user, filters), 4)
    assert whole.num_pages > 3
    for number in whole.page_range:
        page = selectors.list_action_items(user, filters, number)
        assert page.paginator.count == whole.count
        assert [i.pk for i in page.object_list] == [i.pk for i in whole.page(number).object_list]
    # Out of range: the last page, as before.
    last = selectors.list_action_items(user, filters, 999)
    assert last.number == whole.num_pages


def _body_matches(html: str) -> list[str]:
    if 'id="series-matches"' not in html:
        return []
    listed = html.split('id="series-matches"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="\?[^"]*series=([\w-]+)"', listed)


@pytest.mark.parametrize(
    "url", ["/en/events/", "/en/events/action-items/", "/en/events/decisions/"]
)
def test_the_body_filter_is_typed_not_a_select_of_every_body(
    many: Any, client: Client, url: str
) -> None:
    html = client.get(url).content.decode()
    assert 'name="series_q"' in html
    assert '<option value="alpha"' not in html
    # Typed text lists the bodies it matches, each a link to that body alone.
    html = client.get(url, {"series_q": "a"}).content.decode()
    assert set(_body_matches(html)) == {"alpha", "beta", "gamma"}
    html = client.get(url, {"series_q": "bet"}).content.decode()
    assert _body_matches(html) == ["beta"]
    # A link names one body, and the box then shows its name.
    html = client.get(url, {"series": "beta"}).content.decode()
    assert "Beta Forum" in html and "“Beta Forum”" in html
    # No body of that name: said, not an error.
    html = client.get(url, {"series_q": "nothing like it"}).content.decode()
    assert "No name matches “nothing like it”." in html


def test_typed_body_text_filters_the_tracker_and_the_register(
    many: Any, client: Client, personas: Any
) -> None:
    event = Event.objects.filter(series__slug="beta").first()
    assert event is not None
    services.record_decision(event, acting_user=personas.secretariat, text="Beta decides")
    register = client.get("/en/events/decisions/", {"series_q": "beta"}).content.decode()
    assert "Beta decides" in register
    register = client.get("/en/events/decisions/", {"series_q": "alpha"}).content.decode()
    assert "Beta decides" not in register
    page = selectors.list_action_items(
        AnonymousUser(), TrackerFilters(series_q="beta", state="all")
    )
    assert page.object_list
    assert {i.event.series.slug for i in page.object_list} == {"beta"}
