"""
Reads of events and their record, one module per page or use case. Every
query starts from `visible_to(user)`: an event's record parts are visible
only when they and their event are, and a draft event only to the
secretariat.

- `base`: today's date, an event as a list row, the parties a row names,
  and who may close an action item;
- `filters`: the filters of the events list and of the calendar feed;
- `lists`: the events list, the country profile's section, the feed;
- `detail`: the event page, with what rolls over from earlier meetings;
- `record`: the record page, where the secretariat builds the record;
- `tracker`: the action-item tracker and the decisions register;
- `workshops`: pathfinder workshops, listed with events;
- `briefing`: the briefing pack read before a meeting.

The names below are the package's public reads; import them from here.
"""

from alliance87.events.selectors.base import (
    PARTIES,
    PartyNames,
    body_of,
    event_rows,
    is_action_item_owner,
    label_action_items,
    mark_closable,
    with_parties,
)
from alliance87.events.selectors.briefing import briefing_pack, pathfinder_status
from alliance87.events.selectors.detail import (
    event_page,
    follow_up_items,
    get_action_item_for_user,
    get_event_for_user,
    numbering_warnings,
    previous_event,
)
from alliance87.events.selectors.filters import EventFilters, filter_events
from alliance87.events.selectors.following import (
    follow_state,
    follow_up_q,
    overdue_q,
    unreported_q,
)
from alliance87.events.selectors.lists import (
    FEED_LIMIT,
    PAGE_SIZE,
    calendar_events,
    country_section,
    export_events,
    get_series_name,
    list_events,
    match_series,
    next_occurrence,
    series_choices,
    series_matching,
)
from alliance87.events.selectors.record import get_record_row_for_user, record_page, rows_under
from alliance87.events.selectors.tracker import (
    TRACKER_PAGE_SIZE,
    DecisionFilters,
    TrackerFilters,
    action_items,
    decisions,
    get_tracker_owner_name,
    list_action_items,
    list_decisions,
    match_tracker_owners,
    tracker_owners,
)
from alliance87.events.selectors.workshops import LinkedWorkshop, pathfinder_workshops

__all__ = [
    "FEED_LIMIT",
    "PAGE_SIZE",
    "PARTIES",
    "TRACKER_PAGE_SIZE",
    "DecisionFilters",
    "EventFilters",
    "LinkedWorkshop",
    "PartyNames",
    "TrackerFilters",
    "action_items",
    "body_of",
    "briefing_pack",
    "calendar_events",
    "country_section",
    "decisions",
    "event_page",
    "event_rows",
    "export_events",
    "filter_events",
    "follow_state",
    "follow_up_items",
    "follow_up_q",
    "get_action_item_for_user",
    "get_event_for_user",
    "get_record_row_for_user",
    "get_series_name",
    "get_tracker_owner_name",
    "is_action_item_owner",
    "label_action_items",
    "list_action_items",
    "list_decisions",
    "list_events",
    "mark_closable",
    "match_series",
    "match_tracker_owners",
    "next_occurrence",
    "numbering_warnings",
    "overdue_q",
    "pathfinder_status",
    "pathfinder_workshops",
    "previous_event",
    "record_page",
    "rows_under",
    "series_choices",
    "series_matching",
    "tracker_owners",
    "unreported_q",
    "with_parties",
]
