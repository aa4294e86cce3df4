"""What the search index holds of groups: each group (names, summary,
mandate, themes) and each workplan activity, found with its group's name;
members-only rows are found by the group's members."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.groups.models import Activity, Group


def group_entry(group: Group) -> hooks.SearchEntry:
    return hooks.SearchEntry(
        titles=texts_by_language(group, "name"),
        bodies=texts_by_language(group, "summary", "mandate", "status_note"),
        access=hooks.SearchAccess(group.visibility, group_id=group.pk),
        names=" ".join(texts_by_language(group, "short_name").values()),
        facets=tuple(theme.search_facet() for theme in group.themes.all()),
    )


def activity_entry(activity: Activity) -> hooks.SearchEntry:
    bodies = texts_by_language(activity, "description", "next_steps")
    for code, name in texts_by_language(activity.group, "name").items():
        bodies[code] = f"{bodies[code]}\n\n{name}" if bodies.get(code) else name
    return hooks.SearchEntry(
        titles=texts_by_language(activity, "title"),
        bodies=bodies,
        # As ActivityQuerySet: its own level, or a member of its group.
        access=hooks.SearchAccess(activity.visibility, group_id=activity.group_id),
        names=" ".join(texts_by_language(activity.group, "short_name").values()),
        year=activity.date_start.year if activity.date_start else None,
    )


PROVIDERS = [
    hooks.SearchProvider(
        kind="group",
        label=_("Groups"),
        model=Group,
        rows=lambda: Group.objects.prefetch_related("themes"),
        entry=group_entry,
        visible=lambda user: Group.objects.visible_to(user),
        url=lambda group: group.get_absolute_url(),
        order=50,
    ),
    hooks.SearchProvider(
        kind="activity",
        label=_("Workplan activities"),
        model=Activity,
        rows=lambda: Activity.objects.select_related("group"),
        entry=activity_entry,
        visible=lambda user: Activity.objects.visible_to(user).select_related("group"),
        url=lambda activity: activity.group.get_absolute_url(),
        depends={Group: "group"},
        order=51,
    ),
]
