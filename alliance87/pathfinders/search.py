"""What the search index holds of the pathfinders: each pathfinder (its
country, summary and ministries), its roadmaps and their actions; each as
PathfinderScopedQuerySet decides, the country's focal points seeing all of
their own, drafts included."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.core.visibility import Visibility
from alliance87.countries.search import country_facet
from alliance87.pathfinders.models import Action, FocalPoint, Pathfinder, PriorityArea, Roadmap

NARROWNESS = {level: n for n, level in enumerate(Visibility.values)}


def narrowest(*levels: str) -> str:
    return max(levels, key=lambda level: NARROWNESS.get(level, len(NARROWNESS)))


def focal_standing(user: Any) -> dict[str, Any]:
    """The pathfinders `user` is a current focal point of."""
    if user is None or not user.is_authenticated or not user.is_active:
        return {"pathfinder_ids": set()}
    ids = FocalPoint.objects.current().for_user(user).values_list("pathfinder_id", flat=True)
    return {"pathfinder_ids": set(ids)}


def pathfinder_entry(pathfinder: Pathfinder) -> hooks.SearchEntry:
    country = pathfinder.country
    titles = {}
    for code, name in texts_by_language(country, "name").items():
        # Each language's title is written in that language.
        with translation.override(code):
            titles[code] = str(_("Pathfinder country: %(name)s") % {"name": name})
    return hooks.SearchEntry(
        titles=titles,
        bodies=texts_by_language(pathfinder, "summary", "ministries"),
        access=hooks.SearchAccess(pathfinder.visibility, pathfinder_id=pathfinder.pk),
        names=country.iso3,
        facets=(country_facet(country),),
    )


def roadmap_level(roadmap: Roadmap) -> str:
    level = narrowest(roadmap.pathfinder.visibility, roadmap.visibility)
    if roadmap.status != Roadmap.Status.ADOPTED:
        return Visibility.SECRETARIAT
    return level


def roadmap_entry(roadmap: Roadmap) -> hooks.SearchEntry:
    bodies = texts_by_language(roadmap, "note")
    for priority in roadmap.priorities.all():
        for code, text in texts_by_language(priority, "title", "description").items():
            bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text
    country = roadmap.pathfinder.country
    return hooks.SearchEntry(
        titles=texts_by_language(roadmap, "title"),
        bodies=bodies,
        access=hooks.SearchAccess(roadmap_level(roadmap), pathfinder_id=roadmap.pathfinder_id),
        names=" ".join(texts_by_language(country, "name").values()),
        year=roadmap.period_start,
        facets=(country_facet(country),),
    )


def action_entry(action: Action) -> hooks.SearchEntry:
    roadmap = action.priority.roadmap
    country = roadmap.pathfinder.country
    bodies = texts_by_language(action, "indicator")
    for code, text in texts_by_language(action.priority, "title").items():
        bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text
    for code, text in texts_by_language(roadmap, "title").items():
        bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text
    return hooks.SearchEntry(
        titles=texts_by_language(action, "title"),
        bodies=bodies,
        access=hooks.SearchAccess(roadmap_level(roadmap), pathfinder_id=roadmap.pathfinder_id),
        names=" ".join(texts_by_language(country, "name").values()),
        year=action.start.year if action.start else roadmap.period_start,
        facets=(country_facet(country),),
    )


def _country_url(pathfinder: Pathfinder) -> str:
    return pathfinder.get_absolute_url()


PROVIDERS = [
    hooks.SearchProvider(
        kind="pathfinder",
        label=_("Pathfinder countries"),
        model=Pathfinder,
        rows=lambda: Pathfinder.objects.select_related("country"),
        entry=pathfinder_entry,
        visible=lambda user: Pathfinder.objects.visible_to(user).select_related("country"),
        url=_country_url,
        order=40,
    ),
    hooks.SearchProvider(
        kind="roadmap",
        label=_("Roadmaps"),
        model=Roadmap,
        rows=lambda: Roadmap.objects.select_related("pathfinder__country").prefetch_related(
            "priorities"
        ),
        entry=roadmap_entry,
        visible=lambda user: Roadmap.objects.visible_to(user).select_related(
            "pathfinder__country"
        ),
        url=lambda roadmap: _country_url(roadmap.pathfinder),
        depends={Pathfinder: "pathfinder", PriorityArea: "priorities"},
        order=41,
    ),
    hooks.SearchProvider(
        kind="action",
        label=_("Roadmap actions"),
        model=Action,
        rows=lambda: Action.objects.select_related("priority__roadmap__pathfinder__country"),
        entry=action_entry,
        visible=lambda user: Action.objects.visible_to(user).select_related(
            "priority__roadmap__pathfinder__country"
        ),
        url=lambda action: _country_url(action.priority.roadmap.pathfinder),
        depends={
            Pathfinder: "priority__roadmap__pathfinder",
            Roadmap: "priority__roadmap",
            PriorityArea: "priority",
        },
        order=42,
    ),
]
