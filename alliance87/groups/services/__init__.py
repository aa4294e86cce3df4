"""
Writes to the groups, one module per use case: `group`, `terms` (chair
and seat terms, memberships), `workplan`; shared helpers in `base`.

Invariants kept here:

- one seat has one holder at a time: seat terms never share a day;
- a chair role (Chair, Vice-Chair, Lead) has one holder at a time; co-chairs
  share their role, but one organisation never holds it twice at once;
- an organisation is a current member of a group at most once;
- a term ends after it starts; a percentage done lies between 0 and 100,
  and agrees with the status (a planned activity is at 0, a done one at
  100, and one at 100 is done);
- an activity's workplan area belongs to the activity's group;
- a membership's representatives work for the member organisation;
- translated text written in any language is also stored in English, so
  every reader sees something.

Terms are half-open, [starts_on, ends_on): a handover on one day ends one
term and starts the next without overlap.
"""

from __future__ import annotations

from alliance87.groups.services.group import RESERVED_SLUGS, save_group
from alliance87.groups.services.terms import (
    add_member,
    end_term,
    hand_over_chair,
    save_chair_term,
    save_membership,
    save_seat,
    save_seat_term,
    set_chair_representative,
    set_representatives,
    start_chair_term,
    start_seat_term,
)
from alliance87.groups.services.workplan import (
    record_activity_progress,
    remove_next_step,
    save_activity,
    save_next_step,
    save_workplan_area,
)

__all__ = [
    "RESERVED_SLUGS",
    "add_member",
    "end_term",
    "hand_over_chair",
    "record_activity_progress",
    "remove_next_step",
    "save_activity",
    "save_chair_term",
    "save_group",
    "save_membership",
    "save_next_step",
    "save_seat",
    "save_seat_term",
    "save_workplan_area",
    "set_chair_representative",
    "set_representatives",
    "start_chair_term",
    "start_seat_term",
]
