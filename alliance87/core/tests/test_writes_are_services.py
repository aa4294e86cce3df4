"""Every write function of an area's services module is a `@service`.

A public function that takes `acting_user` is a write; it must be decorated, so
that its audit entries name that user and it runs in one transaction. A
bare `@transaction.atomic` in a services module is a write that escaped.
"""

from __future__ import annotations

import inspect
from importlib import import_module
from types import ModuleType

import pytest

# The areas whose writes are services. accounts, events and pathfinders
# join the list when their services are decorated.
AREAS = ["applications", "countries", "groups", "partners", "statements"]


def _services(area: str) -> ModuleType:
    return import_module(f"alliance87.{area}.services")


@pytest.mark.parametrize("area", AREAS)
def test_every_function_taking_acting_user_is_a_service(area: str) -> None:
    module = _services(area)
    undecorated = [
        name
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if function.__module__ == module.__name__
        and not name.startswith("_")  # a helper of a service, run inside it
        and "acting_user" in inspect.signature(function).parameters
        and not getattr(function, "is_service", False)
    ]
    assert undecorated == []


@pytest.mark.parametrize("area", AREAS)
def test_no_write_is_atomic_by_hand(area: str) -> None:
    assert "@transaction.atomic" not in inspect.getsource(_services(area))
