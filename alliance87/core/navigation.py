"""The header's navigation: the entries the areas register on
`hooks.NAVIGATION` in their AppConfig.ready()."""

from __future__ import annotations

from alliance87.core import hooks
from alliance87.core.hooks import NavEntry

__all__ = ["NavEntry", "entries"]


def entries() -> list[NavEntry]:
    """Return the header's entries, in their order."""
    return hooks.NAVIGATION.items()
