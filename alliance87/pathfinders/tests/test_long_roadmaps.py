"""A roadmap of many actions (issue 16: 200 actions each at the grown
size): the country profile shows the first few actions of each priority
area and links to all of them; the printable roadmap lists them a page at
a time, in the roadmap's order, every action on exactly one page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.pathfinders import services
from alliance87.pathfinders.models import Action, PriorityArea, Roadmap
from alliance87.pathfinders.selectors.detail import ACTIONS_ON_PROFILE, PRINT_PAGE_SIZE
from alliance87.testing.factories import make_pathfinder

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cache")]

MANY = PRINT_PAGE_SIZE + 7  # in the first priority area
FEW = 2  # in the second


@pytest.fixture
def no_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def roadmap() -> Roadmap:
    pathfinder = make_pathfinder("CHL")
    roadmap = services.adopt_roadmap(
        Roadmap(
            pathfinder=pathfinder, title="National roadmap", period_start=2022, period_end=2026
        ),
        date=ReportedDate(dt.date(2022, 1, 1)),
        acting_user=None,
    )
    for number, count in ((1, MANY), (2, FEW), (3, 0)):
        priority = services.save_priority_area(
            PriorityArea(roadmap=roadmap, number=number, title=f"Priority {number}"),
            acting_user=None,
        )
        # Saved out of order: the pages follow the numbers.
        for n in reversed(range(1, count + 1)):
            services.save_action(
                Action(priority=priority, number=n, title=f"Task {number}-{n}"),
                acting_user=None,
            )
    return roadmap


def _tasks(html: str) -> list[str]:
    return re.findall(r"Task \d+-\d+", html)


def test_the_country_profile_shows_the_first_actions_and_links_to_all(
    roadmap: Roadmap, client: Client
) -> None:
    html = client.get("/en/countries/chl/").content.decode()
    # The roadmap's first actions, in its order, then counts and links.
    assert _tasks(html) == [f"Task 1-{n}" for n in range(1, ACTIONS_ON_PROFILE + 1)]
    print_url = f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/print/"
    assert f'href="{print_url}">All {MANY} actions under priority 1</a>' in html
    assert f"(the first {ACTIONS_ON_PROFILE} are shown here)" in html
    assert f'href="{print_url}">All {FEW} actions under priority 2</a></p>' in html
    assert "under priority 3" not in html  # no action: nothing to link to


def test_a_short_roadmap_is_shown_whole_on_the_country_profile(client: Client) -> None:
    pathfinder = make_pathfinder("CHL")
    draft = Roadmap(pathfinder=pathfinder, title="Roadmap", period_start=2022, period_end=2026)
    short = services.adopt_roadmap(draft, date=ReportedDate(dt.date(2022, 1, 1)), acting_user=None)
    for number in (1, 2):
        priority = services.save_priority_area(
            PriorityArea(roadmap=short, number=number, title=f"Priority {number}"),
            acting_user=None,
        )
        for n in (1, 2):
            services.save_action(
                Action(priority=priority, number=n, title=f"Task {number}-{n}"),
                acting_user=None,
            )
    html = client.get("/en/countries/chl/").content.decode()
    assert _tasks(html) == ["Task 1-1", "Task 1-2", "Task 2-1", "Task 2-2"]
    assert "pf-more" not in html


def test_the_printable_roadmap_lists_every_action_once_a_page_at_a_time(
    roadmap: Roadmap, client: Client
) -> None:
    url = f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/print/"
    first = client.get(url).content.decode()
    second = client.get(url, {"page": 2}).content.decode()
    assert _tasks(first) == [f"Task 1-{n}" for n in range(1, PRINT_PAGE_SIZE + 1)]
    assert _tasks(second) == [
        *(f"Task 1-{n}" for n in range(PRINT_PAGE_SIZE + 1, MANY + 1)),
        "Task 2-1",
        "Task 2-2",
    ]
    assert f"Actions 1 to {PRINT_PAGE_SIZE} of {MANY + FEW}." in first
    assert "Page 1 of 2" in first and 'rel="next"' in first
    # A priority area is headed on the pages of its actions; one without
    # actions on the first page.
    assert "3. Priority 3" in first and "3. Priority 3" not in second
    assert "2. Priority 2" not in first and "2. Priority 2" in second
    # Bad page numbers: the first or the last page, never an error.
    assert client.get(url, {"page": "x"}).status_code == 200
    assert _tasks(client.get(url, {"page": 99}).content.decode()) == _tasks(second)
