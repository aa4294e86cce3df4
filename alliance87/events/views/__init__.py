"""
Views of events, one module per use case: `events` (the list, an event's
page, calendar files, the briefing pack), `tracker` (the action-item
tracker, closing an item, the decisions register), `record` (building the
record of a meeting), `edit` (creating and editing an event itself) and
`corrections` (editing and deleting the rows of its record).
"""

from alliance87.events.views.corrections import delete_row, edit_row
from alliance87.events.views.edit import create_event, edit_event
from alliance87.events.views.events import (
    briefing,
    calendar_feed,
    event_detail,
    event_ics,
    event_list,
)
from alliance87.events.views.record import (
    publish,
    record,
    record_agenda_item,
    record_document,
    record_loose_decision,
    record_minutes,
    record_part,
)
from alliance87.events.views.tracker import close_action_item, decisions, tracker

__all__ = [
    "briefing",
    "calendar_feed",
    "close_action_item",
    "create_event",
    "decisions",
    "delete_row",
    "edit_event",
    "edit_row",
    "event_detail",
    "event_ics",
    "event_list",
    "publish",
    "record",
    "record_agenda_item",
    "record_document",
    "record_loose_decision",
    "record_minutes",
    "record_part",
    "tracker",
]
