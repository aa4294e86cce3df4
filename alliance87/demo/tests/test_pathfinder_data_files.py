"""The pathfinders' demo data (pathfinders, their stages and findings,
workshops, roadmaps with their priority areas and actions, lessons) moved
from Python (`pathfinders/demo_data.py`) to data files unchanged, and each
record's sources are written as citations the pages show."""

from __future__ import annotations

import pytest

from alliance87.core.models import Basis, Citation
from alliance87.demo.tests.fingerprint import fingerprint
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    Milestone,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Stage,
    Workshop,
)

pytestmark = pytest.mark.django_db

MODELS = (Pathfinder, Milestone, Finding, Workshop, Roadmap, PriorityArea, Action, Lesson)

# Taken from the demo as the Python module `pathfinders/demo_data.py`
# loaded it, just before the move (main at b9fd463), by fingerprint(*MODELS).
BEFORE = {
    "counts": {
        "pathfinders.Pathfinder": 10,
        "pathfinders.Milestone": 13,
        "pathfinders.Finding": 18,
        "pathfinders.Workshop": 11,
        "pathfinders.Roadmap": 2,
        "pathfinders.PriorityArea": 6,
        "pathfinders.Action": 4,
        "pathfinders.Lesson": 5,
    },
    "digest": "873decc1c48f42f350148f279932f82486db94a88c38dd8d651dd3c3d27cab32",
}


def test_the_loaded_pathfinders_are_what_the_python_data_loaded(demo):
    assert fingerprint(*MODELS) == BEFORE


def test_every_loaded_pathfinder_row_carries_a_citation(demo):
    for model in MODELS:
        for obj in model.objects.all():
            assert obj.citations.exists(), f"{model.__name__} {obj.pk} has no citation"


def test_a_planned_workshop_is_cited_as_of_the_report_by_its_month(demo):
    uganda = Workshop.objects.get(host_country__iso3="UGA")
    status = uganda.citations.get(field="status")
    assert status.basis == Basis.REPORTED
    assert (status.as_of.year, status.as_of.month, status.as_of_precision) == (2019, 4, "month")


def test_madagascars_roadmap_is_said_to_be_inferred_not_reported(demo):
    stage = Milestone.objects.get(pathfinder__country__iso3="MDG", stage=Stage.ROADMAP_ADOPTED)
    (citation,) = stage.citations.all()
    assert citation.basis == Basis.INFERRED
    assert "does not call them a roadmap" in citation.note


def test_loading_again_writes_no_citation(demo):
    from alliance87.demo.services import load_demo

    before = Citation.objects.count()
    assert not load_demo().changed
    assert Citation.objects.count() == before


@pytest.mark.parametrize(
    ("language", "as_of"),
    [("en", "as of April 2019"), ("fr", "situation en avril 2019"), ("es", "a fecha de abril")],
)
def test_a_workshop_still_planned_shows_the_month_it_was_reported_planned(
    client, demo, language, as_of
):
    page = client.get(f"/{language}/countries/uga/")
    assert page.status_code == 200
    assert as_of in page.content.decode()


def test_madagascars_page_shows_what_is_inferred_and_what_is_illustrative(client, demo):
    page = client.get("/en/countries/mdg/").content.decode()
    assert "Inferred from the report&#x27;s “priority initiatives were established”" in page
    assert "Illustrative (demo)" in page
    assert "Source: Report of the 4th Global Coordinating Group meeting" in page
