"""The header's navigation, contributed by each area in AppConfig.ready()."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class NavEntry:
    label: str | Promise
    url_name: str
    section: str
    order: int


_entries: dict[str, NavEntry] = {}


def register(label: str | Promise, url_name: str, *, section: str, order: int) -> None:
    """Add an area to the header's navigation (idempotent)."""
    _entries[url_name] = NavEntry(label, url_name, section, order)


def entries() -> list[NavEntry]:
    return sorted(_entries.values(), key=lambda e: e.order)
