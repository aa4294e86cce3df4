"""Hooks about people: their personal data (export, erasure), role kinds and
the language they chose for email."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.functional import Promise

from alliance87.core.hooks.base import Hook

# --- Personal data ----------------------------------------------------------


class Exporter(Protocol):
    """What the area holds about the person, as JSON-ready data."""

    def __call__(self, user: Any, person: Any, /) -> Any: ...


class Eraser(Protocol):
    """Strip the person's identifiers from the area's rows."""

    def __call__(self, user: Any, person: Any, /) -> None: ...


@dataclass(frozen=True)
class PersonalData:
    """What an area holds about a person: `export` says it (under `key`),
    `erase` strips it. `covers` names the area's models whose rows the
    export speaks for: the generic list of rows pointing at the person's
    account (accounts.personal_data) leaves them out, for the area to say
    what of them is the person's (safeguarding: a report made, never one
    about them)."""

    key: str
    export: Exporter
    erase: Eraser | None = None
    covers: tuple[type, ...] = ()


PERSONAL_DATA: Hook[PersonalData] = Hook("personal_data", key=lambda p: p.key)


# --- Roles ------------------------------------------------------------------


@dataclass(frozen=True)
class Holding:
    """One role held (or once held) by one user."""

    kind: str
    label: str | Promise
    scope: str = ""
    scope_url: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    current: bool = True
    ref: Any = field(default=None, compare=False)


class Holdings(Protocol):
    """Every holding of the kind for `user`, current and past."""

    def __call__(self, user: Any, /) -> list[Holding]: ...


class Assign(Protocol):
    """Give the role to `user` for `scope` (one of `scopes()`'s values, ""
    when unscoped). Called inside accounts.services.assign_role."""

    def __call__(self, user: Any, scope: str, /, *, acting_user: Any) -> None: ...


class Scopes(Protocol):
    """The choices of scope for the assignment form: [(value, label)]."""

    def __call__(self) -> list[tuple[str, str]]: ...


class End(Protocol):
    """End one holding (its `ref`). Called inside accounts.services.end_role."""

    def __call__(self, ref: Any, /, *, user: Any, acting_user: Any) -> None: ...


@dataclass(frozen=True)
class RoleKind:
    key: str
    label: str | Promise
    order: int
    holdings: Holdings
    assign: Assign | None = None
    scopes: Scopes | None = None
    end: End | None = None


ROLE_KINDS: Hook[RoleKind] = Hook("role_kinds", key=lambda k: k.key, order=lambda k: k.order)


# --- The language of email ---------------------------------------------------


class ChosenLanguage(Protocol):
    """The language code `user` chose for email in this area, or "" when
    they chose none there."""

    def __call__(self, user: Any, /) -> str: ...


@dataclass(frozen=True)
class MailLanguage:
    """Where an area keeps a language a person chose for its email (the
    community's mail settings, a newsletter subscription): the first of
    them, in `order`, is the language every area writes to them in
    (core.text.mail_language)."""

    key: str
    language: ChosenLanguage
    order: int = 100


MAIL_LANGUAGES: Hook[MailLanguage] = Hook(
    "mail_languages", key=lambda m: m.key, order=lambda m: m.order
)
