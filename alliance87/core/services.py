"""
The one shape of a write: `@service`.

Every write of the Hub is a function in an area's `services` module (or
package), decorated with `service`. The decorator

- runs the function in one transaction (a multi-row write is all or
  nothing; side effects go through `transaction.on_commit`);
- demands a keyword-only `acting_user` (the person the write is done for,
  or None for the system: a data migration, the demo loader, a scheduled
  task), checked when the module is imported, not when it is first called;
- attributes every audit entry written inside it to `acting_user`, whether
  the call comes from a view, a command, `loaddemo` or a background task.
  A service called by another keeps the actor its caller was given only if
  it is given the same one: the innermost `acting_user` wins, and the
  caller's is restored when it returns.

`running_service()` names the innermost service running and the actor its
audit entries must carry; the test suite checks every entry against it
(alliance87/testing/audit_actor.py).
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from django.db import transaction

P = ParamSpec("P")
R = TypeVar("R")


class ServiceDefinitionError(TypeError):
    """A function decorated with `service` lacks a keyword-only `acting_user`."""


@dataclass(frozen=True)
class RunningService:
    """A service at work: its dotted name and the actor of its audit entries."""

    name: str
    actor: Any  # a signed-in user, or None for the system or an anonymous visitor


_running: ContextVar[RunningService | None] = ContextVar("running_service", default=None)


def running_service() -> RunningService | None:
    """Return the innermost service running in this context, or None."""
    return _running.get()


def _actor(user: Any) -> Any:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


@contextlib.contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Attribute the audit entries written inside to `user` (None: the system).

    The request's remote address, set by auditlog's middleware, is kept.
    """
    from auditlog.context import auditlog_value, set_extra_data

    try:
        previous: dict[str, Any] | None = auditlog_value.get()
    except LookupError:
        previous = None
    context = {
        "actor": _actor(user),
        "remote_addr": (previous or {}).get("remote_addr"),
        "remote_port": (previous or {}).get("remote_port"),
    }
    try:
        with set_extra_data(context):
            yield
    finally:
        # auditlog's own context manager does not restore the caller's
        # context; a nested service must not leave its caller unattributed.
        if previous is not None:
            auditlog_value.set(previous)


def service(func: Callable[P, R]) -> Callable[P, R]:
    """Make `func` a service: atomic, attributed to its keyword-only `acting_user`."""
    parameter = inspect.signature(func).parameters.get("acting_user")
    if parameter is None or parameter.kind is not inspect.Parameter.KEYWORD_ONLY:
        raise ServiceDefinitionError(
            f"{func.__module__}.{func.__qualname__} must take a keyword-only `acting_user`."
        )

    name = f"{func.__module__}.{func.__qualname__}"

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        acting_user = kwargs.get("acting_user", parameter.default)
        if acting_user is inspect.Parameter.empty:
            raise TypeError(
                f"{func.__qualname__}() needs acting_user= (the person the write is for, "
                "or None for the system)."
            )
        with transaction.atomic(), acting_as(acting_user):
            # Inside the transaction: what runs on commit, after the
            # service returned, is not the service's write.
            token = _running.set(RunningService(name, _actor(acting_user)))
            try:
                return func(*args, **kwargs)
            finally:
                _running.reset(token)

    wrapper.is_service = True  # type: ignore[attr-defined]
    return wrapper
