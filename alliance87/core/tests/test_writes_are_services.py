"""Every write function of an area's services module is a `@service`.

A service runs in one transaction and its audit entries name its
`acting_user`, whoever calls it. A public function of a services module is
a service, or one of the few listed below that write nothing; a bare
`@transaction.atomic` there is a write that escaped.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from types import ModuleType

import pytest

# The areas whose writes are services, with the public functions of their
# services module that check, compute or send, and write nothing.
# (events and pathfinders have their own test; accounts joins here.)
NOT_WRITES: dict[str, set[str]] = {
    "api": set(),
    "applications": {"send_status_email"},  # run on commit: an email, no row
    "comms": {"refuse_unless_open", "restart_refusal"},
    "countries": {"read_country_rows", "search_names_for"},
    "data": set(),
    "groups": set(),
    "partners": {"organisation_search_names", "set_sort_names", "sort_key"},
    "statements": set(),
}


def _services(area: str) -> ModuleType:
    return import_module(f"alliance87.{area}.services")


def _in(function: Callable[..., object], module: ModuleType) -> bool:
    """Whether `function` is defined in `module`, or in one of its modules
    when it is a package (comms.services: posts, newsletter, surveys)."""
    return function.__module__ == module.__name__ or (
        hasattr(module, "__path__") and function.__module__.startswith(f"{module.__name__}.")
    )


def _public_functions(module: ModuleType) -> dict[str, Callable[..., object]]:
    return {
        name: function
        for name, function in inspect.getmembers(module, inspect.isfunction)
        if _in(function, module) and not name.startswith("_")
    }


def _source(module: ModuleType) -> str:
    """The source of `module`, and of every module of it if a package."""
    if not hasattr(module, "__path__"):
        return inspect.getsource(module)
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(Path(module.__path__[0]).glob("*.py"))
    )


@pytest.mark.parametrize("area", sorted(NOT_WRITES))
def test_every_public_function_is_a_service_or_writes_nothing(area: str) -> None:
    functions = _public_functions(_services(area))
    services = {name for name, f in functions.items() if getattr(f, "is_service", False)}
    assert set(functions) - services == NOT_WRITES[area]
    for name in NOT_WRITES[area]:
        assert "acting_user" not in inspect.signature(functions[name]).parameters, name


@pytest.mark.parametrize("area", sorted(NOT_WRITES))
def test_no_write_is_atomic_by_hand(area: str) -> None:
    assert "@transaction.atomic" not in _source(_services(area))
