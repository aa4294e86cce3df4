"""
Load the demo data: the facts of the seed documents, written into the Hub.

Invariants: loading is idempotent (every row is found by its natural key,
its slug or ISO code, and updated only when it differs), and atomic (a
failure half-way leaves the database as it was).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.db import transaction

from alliance87.core import hooks
from alliance87.core.models import KeyFigure, Theme
from alliance87.countries.models import Country
from alliance87.countries.services import sync_countries
from alliance87.demo.data import directory
from alliance87.partners.models import Organisation, Person
from alliance87.partners.services import organisation_search_names, set_sort_names

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
    out = {f"{prefix}_{code}": values.get(code, "") or "" for code in LANGUAGE_CODES}
    out[prefix] = values.get("en", "")
    return out


def upsert(model: Any, lookup: dict[str, Any], values: dict[str, Any]) -> tuple[Any, bool, bool]:
    """Create or update one row; return (row, created, changed)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), True, False
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.save()
    return obj, False, changed


def set_m2m(manager: Any, objs: list[Any]) -> bool:
    current = set(manager.values_list("pk", flat=True))
    wanted = {o.pk for o in objs}
    if current != wanted:
        manager.set(objs)
        return True
    return False


def load_demo() -> LoadReport:
    """Write the demo data; running it twice changes nothing.

    The plain field names (`name`, `label`) that modeltranslation maps to
    the active language must mean the default language here, whatever
    language the caller has active.
    """
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        return _load_demo()


@transaction.atomic
def _load_demo() -> LoadReport:
    report = LoadReport()
    if sync_countries():
        report.updated["country"] = 1

    themes: dict[str, Theme] = {}
    for order, row in enumerate(directory.THEMES):
        theme, created, changed = upsert(
            Theme,
            {"slug": row["slug"]},
            {"kind": row["kind"], "order": order, **translated("name", row["name"])},
        )
        themes[theme.slug] = theme
        report.count("theme", created, changed)

    countries = {c.iso3: c for c in Country.objects.all()}
    organisations: dict[str, Organisation] = {}
    for row in directory.ORGANISATIONS:
        values: dict[str, Any] = {
            "stakeholder_type": row["type"],
            "country": countries[row["country"]] if row.get("country") else None,
            "website": row.get("website", ""),
            "is_partner": bool(row.get("partner")),
            "visibility": row.get("visibility", "public"),
            **translated("name", row["name"]),
            **translated("acronym", row.get("acronym") or {}),
            **translated("description", row.get("description") or {}),
        }
        probe = Organisation(**values)
        values["search_names"] = organisation_search_names(probe)
        set_sort_names(probe)
        values.update(
            {f"sort_name_{code}": getattr(probe, f"sort_name_{code}") for code in LANGUAGE_CODES}
        )
        values["sort_name"] = probe.sort_name
        org, created, changed = upsert(Organisation, {"slug": row["slug"]}, values)
        changed = set_m2m(org.themes, [themes[s] for s in row.get("themes", [])]) or changed
        organisations[org.slug] = org
        report.count("organisation", created, changed)

    for row in directory.PEOPLE:
        person, created, changed = upsert(
            Person,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "organisation": organisations.get(row.get("organisation") or ""),
                **translated("position", row.get("position") or {}),
            },
        )
        changed = (
            set_m2m(person.expertise, [themes[s] for s in row.get("expertise", [])]) or changed
        )
        report.count("person", created, changed)

    for order, row in enumerate(directory.KEY_FIGURES):
        _fig, created, changed = upsert(
            KeyFigure,
            {"slug": row["slug"]},
            {
                "value": row["value"],
                "reference_year": row["reference_year"],
                "publication_year": row["publication_year"],
                "source_url": row.get("source_url", ""),
                "order": row.get("order", order),
                **translated("label", row["label"]),
                **translated("source", row["source"]),
            },
        )
        report.count("key figure", created, changed)

    # Each area's demo data, after the directory, in the order its
    # hooks.DemoLoader gives; each module's `load(report: LoadReport)` is
    # idempotent like the rest.
    for loader in hooks.DEMO_LOADERS.items():
        import_module(loader.module).load(report)
    return report
