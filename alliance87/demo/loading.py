"""
The helpers every area's demo loader writes with.

A loader finds each row by its natural key and writes it only when it
differs, so that loading twice changes nothing (`upsert`, `set_m2m`), and
counts what it created and changed in a `LoadReport`. Where the area has a
service that validates and saves the row, `upsert` writes through it
(`save=services.save_group`), so the demo obeys the same rules as the site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

LANGUAGE_CODES = ("en", "fr", "es")


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, created: bool, changed: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1
        elif changed:
            self.updated[kind] = self.updated.get(kind, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def translated(prefix: str, values: dict[str, str]) -> dict[str, str]:
    """Return the per-language fields of `prefix`, and the plain one."""
    out = {f"{prefix}_{code}": values.get(code, "") or "" for code in LANGUAGE_CODES}
    out[prefix] = values.get("en", "")
    return out


def upsert(
    model: Any,
    lookup: dict[str, Any],
    values: dict[str, Any],
    *,
    save: Callable[..., Any] | None = None,
) -> tuple[Any, bool, bool]:
    """Create or update one row; return (row, created, changed).

    `save` is the area's service that validates and saves such a row,
    called as `save(row, acting_user=None)`: the demo has no actor. Without
    it the row is saved as it is.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        if save is None:
            return model.objects.create(**lookup, **values), True, False
        obj = model(**lookup, **values)
        save(obj, acting_user=None)
        return obj, True, False
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        if save is None:
            obj.save()
        else:
            save(obj, acting_user=None)
    return obj, False, changed


def set_m2m(manager: Any, objs: list[Any]) -> bool:
    """Set a many-to-many relation to `objs`; return True if it changed."""
    current = set(manager.values_list("pk", flat=True))
    wanted = {o.pk for o in objs}
    if current != wanted:
        manager.set(objs)
        return True
    return False
