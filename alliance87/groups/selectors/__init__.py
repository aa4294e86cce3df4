"""
Reads of the groups, one module per use case. Every list starts from
`visible_to(user)`; a chair's or seat holder's organisation and person, and
a group's parent, are named only to those who may see them.

- `standing`: which groups a user belongs to (the visibility module's
  audience);
- `lists`: the list of groups, by kind;
- `page`: one group's page, with its chairs, members, workplan, meetings
  and the GCG's seats;
- `editing`: what the editors of a group read (workplan, memberships, the
  row they change);
- `base`: naming holders and parents, a group's activities.

The names below are the package's public reads; import them from here.
"""

from alliance87.groups.selectors.editing import (
    Workplan,
    get_activity_for_user,
    get_area_for_user,
    get_membership_for_user,
    get_next_step_for_user,
    list_memberships_for_editing,
    workplan_for_editing,
)
from alliance87.groups.selectors.lists import KIND_ORDER, GroupSection, list_groups
from alliance87.groups.selectors.page import (
    GroupPage,
    Progress,
    SeatView,
    get_group_for_user,
    group_page,
    progress_of,
)
from alliance87.groups.selectors.standing import group_standing, group_standings

__all__ = [
    "KIND_ORDER",
    "GroupPage",
    "GroupSection",
    "Progress",
    "SeatView",
    "Workplan",
    "get_activity_for_user",
    "get_area_for_user",
    "get_group_for_user",
    "get_membership_for_user",
    "get_next_step_for_user",
    "group_page",
    "group_standing",
    "group_standings",
    "list_groups",
    "list_memberships_for_editing",
    "progress_of",
    "workplan_for_editing",
]
