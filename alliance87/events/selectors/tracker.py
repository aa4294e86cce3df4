"""
The action-item tracker and the decisions register.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.utils.translation import gettext as _

from alliance87.core.paging import GroupedPaginator
from alliance87.events.models import ActionItem, Decision
from alliance87.events.selectors import base
from alliance87.events.selectors.filters import series_matching
from alliance87.events.selectors.following import overdue_q, unreported_q
from alliance87.partners.models import Organisation, OrganisationQuerySet

TRACKER_PAGE_SIZE = 50


@dataclass
class TrackerFilters:
    # open, overdue (past due and followed), unreported (past due and
    # followed by nobody: "no report since"), done, dropped, all
    state: str = "open"
    owner: str = ""  # organisation slug: that owner alone
    owner_q: str = ""  # part of a name: every owner it matches
    series: str = ""  # slug
    group_by: str = "body"  # body or owner
    series_q: str = ""  # part of a body's name: every body it matches

    def as_query(self) -> dict[str, str]:
        pairs = {
            "state": self.state,
            "owner": self.owner,
            "owner_q": self.owner_q,
            "series": self.series,
            "series_q": self.series_q,
            "group": self.group_by,
        }
        return {k: v for k, v in pairs.items() if v}


def tracker_owners(user: Any) -> OrganisationQuerySet:
    """Return the organisations the tracker may filter by for `user`: those
    `user` may see that own an action item `user` may see. The filter's
    choices are a way out like any list: the exact owner, the names that
    match the text typed and the rows they select all start here."""
    return Organisation.objects.visible_to(user).filter(
        pk__in=ActionItem.objects.visible_to(user).values("owner_organisation")
    )


def get_tracker_owner_name(user: Any, slug: str) -> str | None:
    """Return the name of the owner `slug` names, or None when `user` may
    not filter by it (missing and hidden alike)."""
    owner = tracker_owners(user).filter(slug=slug[:100]).first()
    return str(owner) if owner else None


def match_tracker_owners(user: Any, text: str, limit: int) -> list[tuple[str, str]]:
    """Return (slug, name) of the first `limit` owners whose name or
    acronym contains `text`, ignoring case and accents (the directory's
    search), in the directory's order."""
    owners = tracker_owners(user).search(text).order_by("sort_name", "pk")[:limit]
    return [(o.slug, str(o)) for o in owners]


def _filtered_action_items(user: Any, filters: TrackerFilters, now: Any) -> Any:
    """Return the action items `user` may see that `filters` select, in
    no order."""
    qs = ActionItem.objects.visible_to(user)
    if filters.state == "overdue":
        qs = qs.filter(overdue_q(now))
    elif filters.state == "unreported":
        qs = qs.filter(unreported_q(now))
    elif filters.state in ActionItem.Status.values:
        qs = qs.filter(status=filters.state)
    # PostgreSQL refuses NUL in text: the API passes what it is given.
    owner, owner_q = filters.owner.replace("\x00", ""), filters.owner_q.replace("\x00", "")
    if owner:
        qs = qs.filter(owner_organisation__in=tracker_owners(user).filter(slug=owner))
    elif owner_q:
        qs = qs.filter(owner_organisation__in=tracker_owners(user).search(owner_q))
    if filters.series:
        qs = qs.filter(event__series__slug=filters.series)
    elif filters.series_q:
        qs = qs.filter(event__series__in=series_matching(filters.series_q))
    return qs


def _ordered(qs: Any, user: Any, filters: TrackerFilters) -> Any:
    qs = base.with_parties(qs, user).select_related("event", "event__series")
    if filters.group_by == "owner":
        return qs.order_by(
            "owner_organisation__sort_name", "owner_role", "event__date_start", "order", "pk"
        )
    return qs.order_by("event__series__slug", "event__date_start", "order", "pk")


def action_items(user: Any, filters: TrackerFilters, now: Any = None) -> Any:
    """Return the action items `user` may see that `filters` select, in
    the tracker's order (the page and the API read the same rows)."""
    return _ordered(_filtered_action_items(user, filters, now or base.today()), user, filters)


def list_action_items(user: Any, filters: TrackerFilters, page_number: Any = 1) -> Page:
    """Return one page of the action-item tracker as `user` may see it.

    The items are counted by body (or owner), the first key of the
    tracker's order, and a page reads the items of the few bodies it
    shows: sorting every open item across three tables for one page of 50
    took a second at 36,000 items (issue 16)."""
    now = base.today()
    filtered = _filtered_action_items(user, filters, now)
    key = "owner_organisation__sort_name" if filters.group_by == "owner" else "event__series__slug"
    paginator = GroupedPaginator(
        filtered, _ordered(filtered, user, filters), key, TRACKER_PAGE_SIZE
    )
    page = paginator.get_page(page_number)
    items = list(page.object_list)
    base.label_action_items(items, base.PartyNames(items), now)
    base.mark_closable(user, items)
    for item in items:
        item.body_label = item.event.series.body if item.event.series else _("No series")
        item.group_label = item.owner_label if filters.group_by == "owner" else item.body_label
    page.object_list = items
    return page


@dataclass
class DecisionFilters:
    series: str = ""
    year: int | None = None
    q: str = ""
    series_q: str = ""  # part of a body's name: every body it matches

    def as_query(self) -> dict[str, str]:
        pairs = {
            "series": self.series,
            "series_q": self.series_q,
            "year": str(self.year) if self.year else "",
            "q": self.q,
        }
        return {k: v for k, v in pairs.items() if v}


def decisions(user: Any, filters: DecisionFilters) -> Any:
    """Return the decisions `user` may see that `filters` select, in the
    register's order (the page and the API read the same rows)."""
    qs = Decision.objects.visible_to(user).select_related("event", "event__series", "agenda_item")
    if filters.series:
        qs = qs.filter(event__series__slug=filters.series)
    elif filters.series_q:
        qs = qs.filter(event__series__in=series_matching(filters.series_q))
    if filters.year:
        qs = qs.filter(event__date_start__year=filters.year)
    if filters.q:
        q = Q()
        for code in ("en", "fr", "es"):
            q |= Q(**{f"text_{code}__icontains": filters.q})
        qs = qs.filter(q | Q(identifier__icontains=filters.q))
    return qs.order_by("-event__date_start", "event__slug", "order", "pk")


def list_decisions(user: Any, filters: DecisionFilters, page_number: Any = 1) -> Page:
    """Return one page of the decisions register as `user` may see it."""
    return Paginator(decisions(user, filters), TRACKER_PAGE_SIZE).get_page(page_number)
