from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet, Window
from django.http import Http404

from alliance87.core import provenance
from alliance87.core.models import Theme
from alliance87.core.paging import GroupedPaginator
from alliance87.core.visibility import audience_for, visible_flag, visible_q
from alliance87.partners.models import (
    Organisation,
    OrganisationQuerySet,
    Person,
    StakeholderType,
    stakeholder_type_order,
)

PAGE_SIZE = 20


def partner_standing(user: Any) -> dict[str, Any]:
    """Tell the visibility module whether `user` belongs to a partner."""
    is_partner = Person.objects.filter(user=user, organisation__is_partner=True).exists()
    return {"is_partner": is_partner}


def partner_standings(users: Sequence[Any]) -> dict[int, dict[str, Any]]:
    """`partner_standing` for each of `users`, by their id, in one query."""
    partners = set(
        Person.objects.filter(
            user_id__in=sorted({u.pk for u in users}), organisation__is_partner=True
        ).values_list("user_id", flat=True)
    )
    return {user.pk: {"is_partner": user.pk in partners} for user in users}


def in_survivor_led_organisation(user: Any) -> bool:
    """Return whether `user`'s directory entry belongs to a survivor-led
    organisation: one whose stakeholder type is "Survivor organisation",
    which the Secretariat sets on the organisation (audited, as every
    change to it). Asked at each use: leaving it ends what it allows."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return Person.objects.filter(
        user=user, organisation__stakeholder_type=StakeholderType.SURVIVOR
    ).exists()


@dataclass
class DirectoryFilters:
    q: str = ""
    stakeholder_type: str = ""
    country: str = ""  # iso3, lower case
    theme: str = ""  # slug


# What a row of organisations shows: name and acronym in each language,
# stakeholder type, partner standing.
LISTED_FIELDS = (
    "slug",
    "name",
    "name_en",
    "name_fr",
    "name_es",
    "acronym",
    "acronym_en",
    "acronym_fr",
    "acronym_es",
    "stakeholder_type",
    "is_partner",
)


def directory(user: Any, filters: DirectoryFilters) -> Any:
    """Return the organisations of the directory `user` may see, filtered
    (the page and the API read the same rows)."""
    qs = (
        Organisation.objects.visible_to(user)
        .select_related("country")
        .only(
            *LISTED_FIELDS,
            "country__iso3",
            "country__name",
            "country__name_en",
            "country__name_fr",
            "country__name_es",
        )
    )
    if filters.q:
        qs = qs.search(filters.q)
    if filters.stakeholder_type:
        qs = qs.filter(stakeholder_type=filters.stakeholder_type)
    if filters.country:
        qs = qs.filter(country__iso3=filters.country.upper())
    if filters.theme:
        # Through a subquery, as every filter on a relation: each
        # organisation is listed once with no DISTINCT over the whole
        # directory (which sorted every row to show twenty).
        themed = Organisation.themes.through.objects.filter(theme__slug=filters.theme)
        qs = qs.filter(pk__in=themed.values("organisation_id"))
    return qs


def list_organisations(user: Any, filters: DirectoryFilters, page_number: Any = 1) -> Page:
    """Return one page of the directory as `user` may see it."""
    paginator = Paginator(directory(user, filters).order_by("sort_name", "pk"), PAGE_SIZE)
    return paginator.get_page(page_number)


def get_organisation_for_user(user: Any, slug: str) -> Organisation:
    """Return the organisation, or 404 alike when missing or hidden, with
    where its facts and its people's come from (`row.sources`, one query)."""
    try:
        organisation = (
            Organisation.objects.visible_to(user)
            .select_related("country")
            .prefetch_related(
                Prefetch("themes", queryset=Theme.objects.order_by("kind", "order")),
                Prefetch(
                    "people",
                    queryset=Person.objects.visible_to(user).order_by("name"),
                    to_attr="visible_people",
                ),
            )
            .get(slug=slug)
        )
    except Organisation.DoesNotExist:
        raise Http404("No such organisation.") from None
    provenance.attach_sources(user, [organisation, *organisation.visible_people])
    return organisation


# Organisations listed on a country's profile; the rest are a link away, in
# the directory filtered by the country (paginated).
COUNTRY_SECTION_LIMIT = 20


def country_section(user: Any, country: Any) -> dict[str, Any]:
    """Return the first organisations based in `country` that `user` may
    see, for its profile, with how many there are (the section is shown
    even when there are none)."""
    # Counted in the same query (a window over every row the filter keeps,
    # taken before the limit): one query, whatever the count.
    organisations = list(
        Organisation.objects.visible_to(user)
        .filter(country=country)
        .only(*LISTED_FIELDS)
        .annotate(based_here=Window(Count("pk")))
        .order_by("stakeholder_type", "sort_name")[:COUNTRY_SECTION_LIMIT]
    )
    total = organisations[0].based_here if organisations else 0
    return {"organisations": organisations, "total": total, "iso3": country.iso3.lower()}


@dataclass
class ByType:
    """Rows naming an organisation (endorsements, memberships), counted by
    the organisation's stakeholder type over all of them, and one page of
    them in the types' order then by name, grouped by type (issue 16)."""

    counts: dict[str, int]
    page: Page
    grouped: dict[str, list[Any]]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def types(self) -> list[tuple[str, str, int, list[Any]]]:
        """(type, label, count, rows on this page) for each type counted."""
        return [
            (value, str(label), self.counts[value], self.grouped[value])
            for value, label in StakeholderType.choices
            if self.counts.get(value)
        ]


def visible_organisation_q(user: Any, path: str = "organisation") -> Q:
    """Return the filter of rows whose organisation (at `path`) `user` may
    see: `Organisation.objects.visible_to`'s rule asked on the row's own
    join. `organisation__in=Organisation.objects.visible_to(user)` reads
    the organisations a second time (issue 16: 2,500 endorsers joined
    twice to count them)."""
    q = visible_q(
        audience_for(user),
        prefix=f"{path}__",
        group_field=OrganisationQuerySet.visibility_group_field,
    )
    return Q() if q is None else q


def visible_organisation_flag(user: Any, path: str = "organisation") -> Any:
    """Return whether `user` may see the organisation at `path` of each row,
    to annotate the rows (a pathfinder's lead): `visible_organisation_q` as
    a boolean, not the organisations read a second time."""
    return visible_flag(
        audience_for(user),
        prefix=f"{path}__",
        group_field=OrganisationQuerySet.visibility_group_field,
    )


def visible_person_flag(user: Any, path: str = "person") -> Any:
    """Return whether `user` may see the person at `path` of each row, to
    annotate the rows (a chair term, a seat term): `Person.objects.visible_to`'s
    rule asked on the row's own join, not the people read a second time
    (people have no members-only level: their queryset names no group)."""
    return visible_flag(audience_for(user), prefix=f"{path}__")


def by_stakeholder_type(
    rows: QuerySet[Any], page_number: Any, size: int, counts: dict[str, int] | None = None
) -> ByType:
    """Count `rows` (each with an `organisation`) by stakeholder type and
    return one page of them: two queries whatever their number. The
    counts number the pages, and a page reads and sorts only the rows of
    the types it shows (`GroupedPaginator`), not every row. `counts`, when
    given, are `rows` counted by type already (kept counts): one query."""
    field = "organisation__stakeholder_type"
    order = stakeholder_type_order(field)
    groups = None
    if counts is not None:
        # In the order `stakeholder_type_order` sorts them: the types' own,
        # then any other value by itself.
        place = {value: i for i, value in enumerate(StakeholderType.values)}
        groups = sorted(counts.items(), key=lambda tn: (place.get(tn[0], len(place)), tn[0]))
    paginator = GroupedPaginator(
        rows,
        rows.order_by(order, "organisation__sort_name", "pk"),
        field,
        size,
        key_order=order,
        groups=groups,
    )
    page = paginator.get_page(page_number)
    page.object_list = list(page.object_list)  # read once
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in page.object_list:
        grouped[row.organisation.stakeholder_type].append(row)
    return ByType(dict(paginator.groups), page, grouped)
