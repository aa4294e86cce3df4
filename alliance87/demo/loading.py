"""
The helpers every area's demo loader writes with.

A loader finds each row by its natural key and writes it only when it
differs, so that loading twice changes nothing (`upsert`, `set_m2m`), and
counts what it created and changed in a `LoadReport`. Where the area has a
service that validates and saves the row, `upsert` writes through it
(`save=services.save_group`), so the demo obeys the same rules as the site;
where the service takes its values as arguments rather than a row, `write`
calls it (`create` for a new row, `correct` for one that differs).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from alliance87.core.dates import ReportedDate

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


def date_values(date: ReportedDate | None) -> dict[str, Any]:
    """The date fields of a row (core.dates.ReportedDateFields) for `date`,
    or none."""
    if date is None:
        return {
            "date_start": None,
            "date_end": None,
            "date_precision": "day",
            "date_tentative": False,
        }
    return {
        "date_start": date.start,
        "date_end": date.end,
        "date_precision": date.precision,
        "date_tentative": date.tentative,
    }


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


def write(
    model: Any,
    lookup: dict[str, Any],
    values: dict[str, Any],
    *,
    create: Callable[[], Any],
    correct: Callable[[Any], Any] | None = None,
) -> tuple[Any, bool, bool]:
    """Find one row by `lookup` and write it through a service; return
    (row, created, changed).

    `create()` calls the service that adds the row. When one of `values`
    (the row's fields as the data gives them) differs from the row, they
    are set on it and `correct(row)` calls the service that corrects it;
    without `correct`, the data only adds the row, and what the site has
    changed since is kept.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return create(), True, False
    if correct is None or all(getattr(obj, name) == value for name, value in values.items()):
        return obj, False, False
    for name, value in values.items():
        setattr(obj, name, value)
    return correct(obj), False, True


def related_as(obj: Any, relations: dict[str, list[Any]]) -> bool:
    """Return whether each many-to-many relation of `obj` holds just the
    rows `relations` names (a service sets them when not)."""
    return all(
        set(getattr(obj, name).values_list("pk", flat=True)) == {o.pk for o in objs}
        for name, objs in relations.items()
    )


def cite_sources(obj: Any, row: dict[str, Any], names: dict[str, str] | None = None) -> None:
    """Write the `sources` of a data file's record as citations of `obj`
    (core.provenance.cite): one per fact each source supports, the whole
    record for `"*"`; `names` maps a data file's name of a fact to the
    model's field where they differ. Citing again as it stands writes
    nothing."""
    from alliance87.core.provenance import cite
    from alliance87.demo.data import SOURCES, as_of_date

    for source in row["sources"]:
        document = SOURCES.get(source.get("document") or "", {})
        as_of = as_of_date(source["as_of"]) if source.get("as_of") else None
        for name in source["fields"]:
            cite(
                obj,
                acting_user=None,
                basis=source["basis"],
                field="" if name == "*" else (names or {}).get(name, name),
                source_title=document.get("title", ""),
                url=source.get("url") or document.get("url", ""),
                locator=source.get("locator", ""),
                note=source.get("note", ""),
                as_of=as_of.start if as_of else None,
                as_of_precision=as_of.precision if as_of else "day",
            )
