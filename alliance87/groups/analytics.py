"""
Engagement analytics: who takes part, by stakeholder type.

Participation in groups is counted here from current memberships (one
organisation counts once per group). Participation in events belongs to the
events area, which contributes it through a provider registered on
`hooks.EVENT_PARTICIPATION` in its AppConfig.ready():

    def event_participation(user):
        # one row per (period, stakeholder type), counting organisations
        return [hooks.EventParticipation("2019", "government", 12), ...]

    hooks.EVENT_PARTICIPATION.register(event_participation)

A provider reads through `visible_to(user)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from alliance87.core import hooks, smallcells
from alliance87.core.charts import horizontal_bar_chart
from alliance87.groups.models import Group, GroupKind, Membership, current_q
from alliance87.groups.selectors import KIND_ORDER
from alliance87.partners.models import Organisation, StakeholderType


@dataclass
class Breakdown:
    """Counts by stakeholder type for one group or one period, with its
    chart; a count hidden by the small-number rule is None."""

    key: str
    title: str
    rows: list[tuple[str, str, int | None]]  # (type value, label, count)
    chart: SafeString | None
    group: Group | None = None
    total: int | None = None

    def __post_init__(self) -> None:
        if self.total is None:
            self.total = sum(count or 0 for _value, _label, count in self.rows)

    @property
    def has_hidden(self) -> bool:
        return self.total is None or any(count is None for _v, _l, count in self.rows)


@dataclass
class Engagement:
    action_groups: Breakdown
    groups: list[Breakdown]
    events: list[Breakdown]
    events_linked: bool
    # The small-number rule, stated where it applies (core.smallcells).
    rule: str = ""


def _rows(counts: dict[str, int]) -> list[tuple[str, str, int | None]]:
    # Every type keeps its row: a zero is the finding ("governments took
    # little part"), not something to hide.
    return [(value, str(label), counts.get(value, 0)) for value, label in StakeholderType.choices]


def _chart(key: str, title: str, rows: list[tuple[str, str, int | None]]) -> SafeString | None:
    if not any(count for _v, _l, count in rows):
        return None
    summary = "; ".join(f"{label}: {count}" for _v, label, count in rows if count)
    return horizontal_bar_chart(
        [(label, count) for _v, label, count in rows if count is not None],
        chart_id=f"chart-{key}",
        title=title,
        description=_("Organisations by stakeholder type. %(summary)s.") % {"summary": summary},
    )


def group_counts(user: Any) -> tuple[list[Group], dict[int, dict[str, int]]]:
    """Return the visible groups and, for each, its current member
    organisations counted by stakeholder type."""
    groups = sorted(
        Group.objects.visible_to(user),
        key=lambda g: (KIND_ORDER.index(GroupKind(g.kind)), g.order, g.slug),
    )
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Membership.objects.filter(current_q(), group__in=[g.pk for g in groups])
        .filter(organisation__in=Organisation.objects.visible_to(user))
        .values("group_id", "organisation__stakeholder_type")
        .annotate(n=Count("organisation", distinct=True))
        .order_by()
    )
    for row in rows:
        counts[row["group_id"]][row["organisation__stakeholder_type"]] = row["n"]
    return groups, counts


def engagement(user: Any) -> Engagement:
    """Return participation by stakeholder type in each group, in the
    action groups together, and in events over time when they are linked."""
    groups, counts = group_counts(user)
    in_action_groups: dict[str, int] = defaultdict(int)
    breakdowns = []
    for group in groups:
        found = counts.get(group.pk, {})
        rows = _rows(found)
        if group.kind == GroupKind.ACTION_GROUP:
            for value, count in found.items():
                in_action_groups[value] += count
        title = _("Participation in %(group)s") % {"group": group.name}
        breakdowns.append(
            Breakdown(group.slug, title, rows, _chart(group.slug, title, rows), group)
        )
    overall_rows = _rows(in_action_groups)
    overall_title = _("Participation in the action groups, all together")
    events = []
    by_period: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    providers = hooks.EVENT_PARTICIPATION.items()
    for provider in providers:
        for item in provider(user):
            by_period[item.period][item.stakeholder_type] += item.count
    for period in sorted(by_period):
        rows = _rows(by_period[period])
        title = _("Participation in events, %(period)s") % {"period": period}
        events.append(
            Breakdown(f"events-{period}", title, rows, _chart(f"events-{period}", title, rows))
        )
    data = Engagement(
        action_groups=Breakdown(
            "action-groups",
            overall_title,
            overall_rows,
            _chart("action-groups", overall_title, overall_rows),
        ),
        groups=breakdowns,
        events=events,
        events_linked=bool(providers),
    )
    if smallcells.applies_to(user):
        _hide_small_counts(data)
        data.rule = str(smallcells.RULE)
    return data


def _hide_small_counts(data: Engagement) -> None:
    """Apply the small-number rule (core.smallcells) to every count shown:
    each group's row and total, each period's, and the action groups
    together, whose counts by type are the sums of the action groups'
    (a column of the table, with its total)."""
    values: dict[tuple[str, str], int] = {}
    lines: list[smallcells.Line] = []
    types = [value for value, _label in StakeholderType.choices]
    everything = [data.action_groups, *data.groups, *data.events]
    for b in everything:
        for value, _label, count in b.rows:
            values[(b.key, value)] = count or 0
        values[(b.key, "*")] = b.total or 0
        lines.append(smallcells.Line(tuple((b.key, t) for t in types), (b.key, "*")))
    action_groups = [
        b.key for b in data.groups if b.group and b.group.kind == GroupKind.ACTION_GROUP
    ]
    for t in [*types, "*"]:
        lines.append(
            smallcells.Line(tuple((key, t) for key in action_groups), (data.action_groups.key, t))
        )
    hidden = smallcells.suppress(values, lines)
    for b in everything:
        b.rows = [
            (value, label, None if (b.key, value) in hidden else count)
            for value, label, count in b.rows
        ]
        b.total = None if (b.key, "*") in hidden else b.total
        b.chart = _chart(b.key, b.title, b.rows)


def safe_cell(value: Any) -> str:
    """Return `value` as a CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + text
    return text


def engagement_rows(data: Engagement) -> list[dict[str, Any]]:
    """Return the engagement figures one row per count: each group's, then
    each period's of events (the action groups together are their sum).
    A count the small-number rule hides is None."""
    lines: Iterable[tuple[str, Breakdown]] = [
        *(("group", b) for b in data.groups),
        *(("events", b) for b in data.events),
    ]
    rows = []
    for scope, breakdown in lines:
        group = breakdown.group
        period = "" if group else breakdown.key.removeprefix("events-")
        for value, label, count in breakdown.rows:
            rows.append(
                {
                    "scope": scope,
                    "group": group.slug if group else "",
                    "period": period,
                    "name": group.name if group else period,
                    "stakeholder_type": value,
                    "stakeholder_type_name": label,
                    "organisations": count,
                }
            )
    return rows
