"""
One resource's page, the resources related to it, and what other pages
show of the library (an event's, a country's, a group's), each read from
what the user may see.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404

from alliance87.core.markdown import render
from alliance87.core.provenance import attach_sources
from alliance87.core.text import in_language
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.library import citation
from alliance87.library.models import Resource, ResourceFile, Term
from alliance87.partners.models import Organisation
from alliance87.pathfinders.models import Action

RELATED = 5
SECTION_LIMIT = 10


def get_resource_for_user(user: Any, slug: str) -> Resource:
    """Return the resource, or 404 alike when it is missing or hidden."""
    resource = (
        Resource.objects.visible_to(user).filter(slug=slug[:120]).select_related("group").first()
    )
    if resource is None:
        raise Http404("No such resource.")
    return resource


def related_resources(
    user: Any,
    resource: Resource,
    themes: list[int] | None = None,
    countries: list[int] | None = None,
) -> list[Resource]:
    """Return the resources that share most themes and countries with
    `resource` (then its type), newest first. `themes` and `countries` are
    the resource's ids, when the caller has read them already."""
    if themes is None:
        themes = list(resource.themes.values_list("pk", flat=True))
    if countries is None:
        countries = list(resource.countries.values_list("pk", flat=True))
    qs = (
        Resource.objects.visible_to(user)
        .exclude(pk=resource.pk)
        .annotate(
            shared_themes=Count("themes", filter=Q(themes__in=themes), distinct=True),
            shared_countries=Count("countries", filter=Q(countries__in=countries), distinct=True),
        )
        .annotate(score=F("shared_themes") + F("shared_countries"))
        .filter(Q(score__gt=0) | Q(resource_type=resource.resource_type))
        .order_by("-score", F("date_start").desc(nulls_last=True), "slug")
    )
    return list(qs[:RELATED])


def resource_page(user: Any, resource: Resource) -> dict[str, Any]:
    """Return what the resource's page shows."""
    publishers = list(Organisation.objects.visible_to(user).filter(published_resources=resource))
    contributors = list(
        Organisation.objects.visible_to(user).filter(contributed_resources=resource)
    )
    group = resource.group
    if group is not None and not Group.objects.visible_to(user).filter(pk=group.pk).exists():
        group = None
    title = in_language(resource, "title")
    themes = list(resource.themes.all())
    countries = sorted(resource.countries.all(), key=lambda c: c.name)
    attach_sources(user, [resource])
    return {
        "resource": resource,
        "body": render(resource.body),
        "publishers": publishers,
        "contributors": contributors,
        "themes": themes,
        "countries": countries,
        "regions": list(resource.regions.all()),
        "files": list(resource.files.all()),
        "events": list(
            Event.objects.visible_to(user)
            .filter(library_resources=resource)
            .order_by("-date_start")
        ),
        "actions": list(
            Action.objects.visible_to(user)
            .filter(library_resources=resource)
            .select_related("priority__roadmap__pathfinder__country")
        ),
        "group": group,
        "terms": list(Term.objects.visible_to(user).filter(resources=resource)),
        "related": related_resources(
            user, resource, [t.pk for t in themes], [c.pk for c in countries]
        ),
        "apa": citation.apa(resource, publishers, str(title)),
        "bibtex": citation.bibtex(resource, publishers, str(title)),
    }


def _section(user: Any, qs: QuerySet[Resource]) -> list[Resource]:
    # The rows (library/_resource_rows.html) name no file: the files are
    # not read (one query on every page with a library section).
    return list(qs.order_by(F("date_start").desc(nulls_last=True), "slug")[:SECTION_LIMIT])


def event_section(user: Any, event: Any) -> dict[str, Any] | None:
    """The library's resources of a meeting, for its page."""
    rows = _section(user, Resource.objects.visible_to(user).filter(events=event))
    return {"resources": rows} if rows else None


def country_section(user: Any, country: Any) -> dict[str, Any] | None:
    """The library's resources about a country, and those serving the
    actions of its roadmaps (each with its actions), for its profile: a
    constant number of queries, whatever the number of roadmaps."""
    rows = _section(user, Resource.objects.visible_to(user).filter(countries=country))
    actions = Action.objects.visible_to(user).filter(
        priority__roadmap__pathfinder__country=country
    )
    for_actions = list(
        Resource.objects.visible_to(user)
        .filter(pk__in=Resource.objects.filter(actions__in=actions).values("pk"))
        .order_by(F("date_start").desc(nulls_last=True), "slug")
        .prefetch_related(
            Prefetch("actions", queryset=actions.order_by("priority__number", "number"))
        )[:SECTION_LIMIT]
    )
    if not rows and not for_actions:
        return None
    return {
        "resources": rows,
        "for_actions": [{"resource": r, "actions": list(r.actions.all())} for r in for_actions],
        "country": country,
    }


def group_section(user: Any, group: Any) -> dict[str, Any] | None:
    """The library's resources of a group, for its page."""
    rows = _section(user, Resource.objects.visible_to(user).filter(group=group))
    return {"resources": rows} if rows else None


def glossary(user: Any) -> list[Term]:
    """Return the glossary terms `user` may see, each with the resources
    linked to it that the user may see and where its words come from."""
    visible = Resource.objects.visible_to(user)
    terms = list(
        Term.objects.visible_to(user)
        .select_related("source_resource")
        .prefetch_related(Prefetch("resources", queryset=visible))
        .annotate(
            source_seen=Count(
                "source_resource", filter=Q(source_resource__in=visible.values("pk"))
            )
        )
    )
    attach_sources(user, terms)
    return terms


# For a search provider: the rows a user may see, with their text --------


def with_search_text(resources: QuerySet[Resource]) -> QuerySet[Resource]:
    """Return `resources` with what the search index reads of them
    preloaded: the extracted text of each file, themes, countries and
    publishers."""
    return resources.prefetch_related(
        Prefetch(
            "files",
            queryset=ResourceFile.objects.only(
                "pk", "resource_id", "language", "text", "text_status"
            ),
        ),
        "themes",
        "countries",
        "publishers",
    )


def searchable_resources(user: Any) -> QuerySet[Resource]:
    """Return the resources `user` may see, with the text to index: the
    title, summary and body in each language (the model's fields) and the
    extracted text of each file (`files__text`)."""
    return with_search_text(Resource.objects.visible_to(user))


def searchable_terms(user: Any) -> QuerySet[Term]:
    """Return the glossary terms `user` may see (term, definition, source)."""
    return Term.objects.visible_to(user)
