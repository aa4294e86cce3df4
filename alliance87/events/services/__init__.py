"""
Writes to events and their record, one module per use case: `events`
(events, objectives, participants), `agenda`, `record` (questions and
answers, decisions, action items), `documents`, and `corrections` (one path
that corrects or removes any row of the record). Every write is a
`core.services.service`: atomic, and attributed to its `acting_user`.

Invariants kept here:
- an event's `last_day` is the last day its reported date may cover, so
  "upcoming" and "past" never disagree with the date shown;
- a published event has a title and a date; a draft is seen by the
  secretariat only (the querysets enforce it; publishing is one service);
- a meeting's decisions are numbered 1, 2, 3... within it (unique in the
  meeting); the Hub invents no site-wide identifier and keeps the source's
  printed reference ("GCG4/D1") only when there is one;
- a row of the record is added through one path (`base.add_row`): the
  next order, its text in the active language, checked whole, saved;
- an agenda item's number is unique within its event's agenda; when every
  number of the agenda reads as a number ("3", "IV", "2a", "3.1"), the
  agenda is kept in the order of its numbers, so renumbering an item moves
  it;
- a row of the record is corrected or deleted through `correct_row` and
  `remove_row`, one path for every kind of row, never half-way: each
  checks everything before it writes anything, and a deleted agenda item
  takes its questions, decisions and action items with it (the audit log
  keeps what each said);
- an event is created or corrected through the site with its objectives,
  participants and reported counts in one `write_event`, all or nothing;
- an action item is closed (done or dropped) once, by its owner or the
  secretariat, with a note saying what was done;
- an uploaded document is written whole or not at all: streamed to a
  temporary file in the same folder, flushed to disk, then renamed; a file
  no row refers to any longer is removed once the change is committed.
- a document's `search_names` hold, folded, its title and its meeting's in
  every language, its agenda item's number and its file's name, after
  every write of the document, its event or its agenda item (the Sources
  page finds documents by them).

Text given through the site is written in the active language; when the
English text is still empty it is filled too, since English is the language
every other one falls back to. A correction leaves alone the text it does
not change, so that saving a French page whose title still falls back to
English does not freeze a copy of the English title into French.

Page caches and the audit log follow every save and delete by themselves
(core.pagecache and accounts.audit listen for them), after commit.

The names below are the package's public writes; import them from here.
"""

from alliance87.events.services.agenda import add_agenda_item, agenda_number_key
from alliance87.events.services.base import LANGUAGE_CODES, set_changed_text, set_text
from alliance87.events.services.corrections import correct_row, remove_row
from alliance87.events.services.documents import attach_document
from alliance87.events.services.events import (
    EVENT_TEXTS,
    RowChange,
    add_objective,
    add_participant,
    add_reported_count,
    link_events,
    publish_event,
    save_event,
    save_event_series,
    write_event,
)
from alliance87.events.services.record import (
    close_action_item,
    record_action_item,
    record_decision,
    record_exchange,
)

__all__ = [
    "EVENT_TEXTS",
    "LANGUAGE_CODES",
    "RowChange",
    "add_agenda_item",
    "add_objective",
    "add_participant",
    "add_reported_count",
    "agenda_number_key",
    "attach_document",
    "close_action_item",
    "correct_row",
    "link_events",
    "publish_event",
    "record_action_item",
    "record_decision",
    "record_exchange",
    "remove_row",
    "save_event",
    "save_event_series",
    "set_changed_text",
    "set_text",
    "write_event",
]
