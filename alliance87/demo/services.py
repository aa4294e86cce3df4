"""
Load the demo data: the facts of the seed documents, written into the Hub.

The directory (themes, organisations, people, key figures) is read from the
data files of `alliance87/demo/data/` (JSON, one record a line, each with its
sources; see that package); each area's demo loader then writes its own.

Invariants: loading is idempotent (every row is found by its natural key,
its slug or ISO code, and updated only when it differs), and atomic (a
failure half-way leaves the database as it was).
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.db import transaction

from alliance87.core import hooks
from alliance87.core.models import KeyFigure, Theme
from alliance87.core.planner import refresh_statistics
from alliance87.countries.models import Country
from alliance87.countries.services import sync_countries
from alliance87.demo.data import read
from alliance87.demo.loading import LoadReport, cite_sources, related_as, translated, upsert
from alliance87.partners.models import Organisation, Person
from alliance87.partners.services import save_organisation, save_person


def load_demo() -> LoadReport:
    """Write the demo data; running it twice changes nothing.

    The plain field names (`name`, `label`) that modeltranslation maps to
    the active language must mean the default language here, whatever
    language the caller has active.
    """
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        report = _load_demo()
    if report.changed:
        refresh_statistics()  # a bulk load: the planner's view of it is stale
    return report


@transaction.atomic
def _load_demo() -> LoadReport:
    report = LoadReport()
    if sync_countries(acting_user=None):
        report.updated["country"] = 1

    themes: dict[str, Theme] = {}
    for order, row in enumerate(read("themes")):
        theme, created, changed = upsert(
            Theme,
            {"slug": row["slug"]},
            {"kind": row["kind"], "order": order, **translated("name", row["name"])},
        )
        themes[theme.slug] = theme
        report.count("theme", created, changed)

    countries = {c.iso3: c for c in Country.objects.all()}
    organisations: dict[str, Organisation] = {}
    for row in read("organisations"):
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
        # save_organisation keeps the search and sort names current.
        org, created, changed = upsert(
            Organisation, {"slug": row["slug"]}, values, save=save_organisation
        )
        wanted = {"themes": [themes[s] for s in row.get("themes", [])]}
        if not related_as(org, wanted):
            save_organisation(org, **wanted, acting_user=None)
            changed = True
        cite_sources(org, row, {"type": "stakeholder_type", "partner": "is_partner"})
        organisations[org.slug] = org
        report.count("organisation", created, changed)

    for row in read("people"):
        person, created, changed = upsert(
            Person,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "organisation": organisations.get(row.get("organisation") or ""),
                **translated("position", row.get("position") or {}),
            },
            save=save_person,
        )
        expertise = {"expertise": [themes[s] for s in row.get("expertise", [])]}
        if not related_as(person, expertise):
            save_person(person, **expertise, acting_user=None)
            changed = True
        cite_sources(person, row)
        report.count("person", created, changed)

    for order, row in enumerate(read("key_figures")):
        figure, created, changed = upsert(
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
        # The sourced figures' row it was read from, beside its own source
        # (the edition and the address it was read at).
        cite_sources(figure, row)
        report.count("key figure", created, changed)

    # Each area's demo data, after the directory, in the order its
    # hooks.DemoLoader gives; each module's `load(report: LoadReport)` is
    # idempotent like the rest.
    for loader in hooks.DEMO_LOADERS.items():
        import_module(loader.module).load(report)
    return report
