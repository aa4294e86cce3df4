"""
Every write of events and pathfinders is a `core.services.service`: atomic,
and its audit entries name the `acting_user`, whoever calls it.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry

from alliance87.events import services as event_services
from alliance87.pathfinders import services as pathfinder_services

# The package names that are not services: they check, compute or set
# attributes, and write nothing to the database.
NOT_WRITES = {
    event_services: {"agenda_number_key", "set_changed_text", "set_text"},
    pathfinder_services: {
        "action_problems",
        "check_can_become_pathfinder",
        "check_path",
        "fill_languages",
        "plan_expression_of_interest",
        "set_reported_date",
    },
}


def _functions(package: ModuleType) -> dict[str, Callable[..., Any]]:
    return {
        name: getattr(package, name)
        for name in package.__all__
        if inspect.isfunction(getattr(package, name))
    }


@pytest.mark.parametrize(
    "package", [event_services, pathfinder_services], ids=lambda p: p.__name__
)
def test_every_write_is_a_service(package):
    functions = _functions(package)
    services = {name for name, f in functions.items() if getattr(f, "is_service", False)}
    assert set(functions) - services == NOT_WRITES[package]
    for name in NOT_WRITES[package]:
        assert "acting_user" not in inspect.signature(functions[name]).parameters, name


@pytest.mark.django_db
def test_a_correction_is_attributed_to_the_acting_user_not_the_request(personas, recorded):
    with set_actor(personas.partner):  # what auditlog's middleware does for a request
        event_services.correct_row(
            recorded.decision,
            acting_user=personas.secretariat,
            identifier="GCG4/D9",
            text="Corrected.",
        )
    entry = LogEntry.objects.filter(
        object_pk=str(recorded.decision.pk), content_type__model="decision"
    ).latest("pk")
    assert entry.action == LogEntry.Action.UPDATE
    assert entry.actor == personas.secretariat
