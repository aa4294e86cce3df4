"""
Load the library's demo content (demo/data/library_resources.json and
glossary_terms.json) through its services, each resource and term cited
to the seed passage that names it (its `sources`, docs/demo-data.md).

Idempotent: every row is found by its slug and written only when it
differs; links are set only when they differ.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.demo.data import read, reported_date
from alliance87.demo.loading import (
    LoadReport,
    cite_sources,
    date_values,
    related_as,
    translated,
    upsert,
)
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.library import services
from alliance87.library.models import Resource, Term
from alliance87.partners.models import Organisation


def _pick(model: Any, field: str, keys: list[str]) -> list[Any]:
    found = {getattr(o, field): o for o in model.objects.filter(**{f"{field}__in": keys})}
    return [found[k] for k in keys if k in found]


def load(report: LoadReport) -> None:
    """Write the library's resources and glossary terms."""
    resources: dict[str, Resource] = {}
    for row in read("library_resources"):
        group = Group.objects.filter(slug=row["group"]).first() if row.get("group") else None
        values = {
            "resource_type": row["type"],
            "status": row.get("status", "published"),
            "url": row.get("url", ""),
            "group": group,
            **date_values(reported_date(row.get("date"))),
            **translated("title", row["title"]),
            **translated("summary", row.get("summary", {})),
        }
        links = services.Links(
            themes=_pick(Theme, "slug", row.get("themes", [])),
            countries=_pick(Country, "iso3", [c.upper() for c in row.get("countries", [])]),
            regions=row.get("regions", []),
            publishers=_pick(Organisation, "slug", row.get("publishers", [])),
            contributors=_pick(Organisation, "slug", row.get("contributors", [])),
            events=_pick(Event, "slug", row.get("events", [])),
        )
        resource, created, changed = upsert(
            Resource,
            {"slug": row["slug"]},
            values,
            save=partial(_save_resource, links=links),
        )
        if not created and not _linked_as(resource, links):
            services.save_resource(resource, acting_user=None, links=links)
            changed = True
        report.count("library resource", created, changed)
        resources[resource.slug] = resource
        cite_sources(resource, row)
    for order, row in enumerate(read("glossary_terms"), start=1):
        linked = [resources[s] for s in row.get("resources", []) if s in resources]
        term, created, changed = upsert(
            Term,
            {"slug": row["slug"]},
            {
                "order": order,
                **translated("term", row["term"]),
                **translated("to_find", row.get("to_find", {})),
            },
            save=partial(services.save_term, resources=linked),
        )
        if not created and not related_as(term, {"resources": linked}):
            services.save_term(term, acting_user=None, resources=linked)
            changed = True
        report.count("glossary term", created, changed)
        cite_sources(term, row)


def _save_resource(resource: Resource, *, acting_user: Any, links: services.Links) -> Resource:
    return services.save_resource(resource, acting_user=acting_user, links=links)


def _linked_as(resource: Resource, links: services.Links) -> bool:
    relations = {
        name: list(getattr(links, name))
        for name in ("themes", "countries", "publishers", "contributors", "events")
    }
    regions = set(resource.regions.values_list("region", flat=True))
    return related_as(resource, relations) and regions == set(links.regions or [])
