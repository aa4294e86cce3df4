"""
A pytest plugin: every audit entry written by a service names its acting_user.

`@service` (alliance87/core/services.py) attributes the audit entries
written inside it to the service's `acting_user`, or to no one when the
system acts (None) or an anonymous visitor does. This plugin watches every
audit entry the suite writes: one written while a service runs whose actor
is not that service's acting_user fails the test that wrote it, naming the
service and the entry. A write from a view, a command, `loaddemo` or a
callback run on commit is held to the same rule.

Entries written outside any service (the admin, the demo loaders, test
data written with raw saves) are not checked: they have no acting_user to
match. `pytest -p no:xdist --audit-outside-services` lists the lines of the
Hub's code, not its tests, that wrote such entries: the writes still to
move into services.

The root conftest.py registers the plugin for the whole suite.
"""

from __future__ import annotations

import contextlib
import traceback
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from alliance87.core.services import running_service

DISPATCH_UID = "alliance87.testing.audit_actor"


@dataclass(frozen=True)
class Mismatch:
    """An audit entry whose actor is not the acting_user of its service."""

    service: str
    entry: str
    expected: int | None  # the acting_user's pk; None: no actor
    actual: int | None
    written_at: str = ""  # the innermost line of the Hub's code that wrote it

    def __str__(self) -> str:
        where = f" (written at {self.written_at})" if self.written_at else ""
        return (
            f"{self.service} wrote {self.entry} with actor {_user(self.actual)}, "
            f"but its acting_user is {_user(self.expected)}{where}"
        )


def _user(pk: int | None) -> str:
    return "none (the system)" if pk is None else f"user #{pk}"


# Mismatches seen since the current test phase began, in the order written.
_seen: list[Mismatch] = []


# With --audit-outside-services: the lines of the Hub's own code (not its
# tests) that wrote audit entries outside any service, and how many.
_outside: Counter[str] | None = None

_HERE = Path(__file__).resolve()
_PACKAGE = _HERE.parents[1]
_ROOT = _HERE.parents[2]


def _is_test_code(path: Path) -> bool:
    return (
        "tests" in path.parts
        or path.name in {"conftest.py", "test.py"}
        or path.is_relative_to(_HERE.parent)
    )


def _written_at(*, code_only: bool = False) -> str:
    """Return the innermost line of the Hub's code on the stack."""
    skipped = {_HERE, _PACKAGE / "core" / "services.py"}
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename).resolve()
        if not path.is_relative_to(_PACKAGE) or path in skipped:
            continue
        if code_only and _is_test_code(path):
            return ""
        return f"{path.relative_to(_ROOT)}:{frame.lineno}"
    return ""


def _check_entry(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if not created:
        return
    running = running_service()
    if running is None:
        if _outside is not None and (origin := _written_at(code_only=True)):
            label = f"{instance.content_type.app_label}.{instance.content_type.model}"
            _outside[f"{origin} ({label})"] += 1
        return
    expected = getattr(running.actor, "pk", None)
    if instance.actor_id != expected:
        _seen.append(
            Mismatch(
                service=running.name,
                entry=(
                    f"a {instance.get_action_display().lower()} entry for "
                    f"{instance.content_type.app_label}.{instance.content_type.model} "
                    f"#{instance.object_pk}"
                ),
                expected=expected,
                actual=instance.actor_id,
                written_at=_written_at(),
            )
        )


def watch() -> None:
    """Check every audit entry from now on (idempotent)."""
    from auditlog.models import LogEntry
    from django.db.models.signals import post_save

    post_save.connect(_check_entry, sender=LogEntry, dispatch_uid=DISPATCH_UID)


def unwatch() -> None:
    from auditlog.models import LogEntry
    from django.db.models.signals import post_save

    post_save.disconnect(sender=LogEntry, dispatch_uid=DISPATCH_UID)


def fail_on(mismatches: list[Mismatch]) -> None:
    """Fail the running test, listing `mismatches`, if there are any."""
    if mismatches:
        lines = "\n".join(f"- {m}" for m in mismatches)
        pytest.fail(
            "An audit entry written by a service must name the service's "
            f"acting_user; {len(mismatches)} did not:\n{lines}",
            pytrace=False,
        )


@contextlib.contextmanager
def mismatches_caught() -> Iterator[list[Mismatch]]:
    """Collect the mismatches written inside, instead of failing the test.

    For the tests of this check itself.
    """
    watch()
    start = len(_seen)
    caught: list[Mismatch] = []
    try:
        yield caught
    finally:
        caught.extend(_seen[start:])
        del _seen[start:]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--audit-outside-services",
        action="store_true",
        help="List the lines of the Hub's code (not its tests) that wrote audit entries "
        "outside any service. Run without xdist (-p no:xdist) to see the list.",
    )


def pytest_configure(config: pytest.Config) -> None:
    global _outside
    if config.getoption("audit_outside_services", default=False):
        _outside = Counter()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if not _outside:
        return
    terminalreporter.section("audit entries written outside services")
    for origin, count in sorted(_outside.items()):
        terminalreporter.write_line(f"{count:6d}  {origin}")


@pytest.fixture(autouse=True, scope="session")
def _audit_entries_watched() -> Iterator[None]:
    watch()
    yield
    unwatch()


def _phase() -> Generator[None, Any, Any]:
    # A test phase (setup, call, teardown) fails if it wrote a mismatch;
    # a phase that failed already keeps its own error.
    _seen.clear()
    try:
        result = yield
    finally:
        found = list(_seen)
        _seen.clear()
    fail_on(found)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _phase())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, Any, Any]:
    return (yield from _phase())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(
    item: pytest.Item, nextitem: pytest.Item | None
) -> Generator[None, Any, Any]:
    return (yield from _phase())
