"""A pathfinder's path stages, roadmaps and workshops show their source
beside them, and an "as of" date where the state could have changed since
(a 2019 workshop still "planned")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Basis
from alliance87.core.provenance import cite
from alliance87.countries.models import Country, Region
from alliance87.pathfinders.models import Stage, Workshop
from alliance87.pathfinders.services import record_stage, save_workshop
from alliance87.testing.factories import make_pathfinder

D = dt.date
pytestmark = pytest.mark.django_db


def test_a_stage_shows_its_source_and_a_planned_workshop_its_as_of_date(
    client: Any, personas: Any
) -> None:
    pathfinder = make_pathfinder("NPL", held=None)
    stage = record_stage(
        pathfinder,
        stage=Stage.WORKSHOP_HELD,
        date=ReportedDate(D(2019, 3, 28)),
        acting_user=None,
    )
    cite(
        stage,
        acting_user=None,
        basis=Basis.REPORTED,
        source_title="Pathfinder progress report",
        url="https://example.org/npl.pdf",
        locator="p. 2",
    )
    workshop = save_workshop(
        Workshop(
            pathfinder=pathfinder,
            host_country=Country.objects.get(iso3="NPL"),
            region=Region.ASIA_PACIFIC,
            title="Validation workshop",
            status="planned",
            date_start=D(2019, 7, 1),
            date_precision="month",
        ),
        acting_user=None,
    )
    cite(
        workshop,
        acting_user=None,
        basis=Basis.REPORTED,
        source_title="GCG meeting report",
        as_of=D(2019, 4, 5),
    )
    page = client.get("/en/countries/npl/").content.decode()
    assert '<a href="https://example.org/npl.pdf">Pathfinder progress report</a>, p. 2' in page
    start = page.index("Validation workshop")
    assert "as of 5 April 2019" in page[start : start + 1500]


def test_an_actions_budget_figures_show_their_source(client: Any, personas: Any) -> None:
    from alliance87.pathfinders.models import Action
    from alliance87.testing.factories import make_roadmap

    roadmap = make_roadmap(make_pathfinder("NPL"), actions=1)
    action = Action.objects.get(priority__roadmap=roadmap)
    cite(
        action,
        acting_user=None,
        field="budget_needed",
        basis=Basis.REPORTED,
        source_title="Roadmap costing annex",
        locator="table 3",
    )
    page = client.get("/en/countries/npl/").content.decode()
    start = page.index("needed 1,000 USD")
    assert "Source: Roadmap costing annex, table 3" in page[start : start + 600]
