"""The header's navigation: the entries the areas register on
`hooks.NAVIGATION` in their AppConfig.ready()."""

from __future__ import annotations

from typing import Any

from alliance87.core import hooks
from alliance87.core.hooks import NavEntry

__all__ = ["NavEntry", "entries"]


def entries(user: Any = None) -> list[NavEntry]:
    """Return the header's entries that `user` may see, in their order."""
    return [e for e in hooks.NAVIGATION.items() if e.is_visible_to(user)]
