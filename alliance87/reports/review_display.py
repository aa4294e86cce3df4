"""
How the review page writes a proposed row: its values as label and text,
in the reader's language, with "not stated" where the report says nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from alliance87.events.models import EventType, Participant, PartyRole

MINUTES_SHOWN = 400


def not_stated() -> str:
    return _("Not stated")


def party_text(party: Mapping[str, Any] | None) -> str:
    """Return "Secretariat", "ILO" or "Walk Free (not in the directory)"."""
    if not party:
        return not_stated()
    role = party.get("role")
    if role in PartyRole.values:
        return str(PartyRole(role).label)
    organisation = party.get("organisation") or {}
    name = organisation.get("name") or party.get("name") or ""
    if organisation and not organisation.get("slug"):
        return _("%(name)s (not in the directory)") % {"name": name}
    return name or not_stated()


def _kind(value: str | None) -> str:
    if value == "committee":
        value = EventType.COMMITTEE_MEETING
    return str(EventType(value).label) if value in EventType.values else not_stated()


def _online(value: bool | None) -> str:
    if value is None:
        return not_stated()
    return _("Online") if value else _("In person")


def _yes_no(value: bool | None) -> str:
    if value is None:
        return not_stated()
    return _("Yes") if value else _("No")


def _text(value: Any, limit: int | None = None) -> str:
    if value in (None, "", []):
        return not_stated()
    text = str(value)
    return text[:limit] + "…" if limit and len(text) > limit else text


def _dates(values: Mapping[str, Any]) -> str:
    start, end = values.get("start"), values.get("end")
    if not start:
        return not_stated()
    return f"{start} – {end}" if end else str(start)


def _time(time: Mapping[str, Any] | None) -> str:
    if not time or not time.get("start"):
        return not_stated()
    parts = [time["start"], "–", time.get("end") or "", time.get("timezone") or ""]
    return " ".join(p for p in parts if p)


def _place(venue: Mapping[str, Any] | None) -> str:
    if not venue:
        return not_stated()
    return venue.get("as_written") or ", ".join(
        p for p in (venue.get("city"), venue.get("country")) if p
    )


def _organisation(ref: Mapping[str, Any] | None) -> str:
    if not ref:
        return not_stated()
    if not ref.get("slug"):
        return _("%(name)s (not in the directory)") % {"name": ref.get("name") or ""}
    return ref.get("name") or ""


def _choice(choices: Any, value: str | None) -> str:
    return str(choices(value).label) if value in choices.values else not_stated()


def shown_values(section: str, v: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Return the row's values as (label, text), for the review page."""
    if section == "meeting":
        return [
            (_("Title"), _text(v.get("title"))),
            (_("Type"), _kind(v.get("kind"))),
            (_("Date"), _dates(v)),
            (_("Time"), _time(v.get("time"))),
            (_("Online or in person"), _online(v.get("online"))),
            (_("Place"), _place(v.get("venue"))),
            (_("Extraordinary session"), _yes_no(v.get("extraordinary"))),
        ]
    if section == "objectives":
        return [(_("Objective"), _text(v.get("text")))]
    if section == "reported_counts":
        count = " ".join(str(p) for p in (v.get("qualifier"), v.get("value"), v.get("what")) if p)
        return [(_("Count"), count), (_("Sentence"), _text(v.get("text")))]
    if section == "participants":
        return [
            (_("Organisation"), _organisation(v.get("organisation"))),
            (_("Person"), _text(v.get("person"))),
            (_("Role"), _choice(Participant.Role, v.get("role"))),
            (_("Attendance"), _choice(Participant.Attendance, v.get("attendance"))),
        ]
    if section == "agenda":
        duration = v.get("duration_minutes")
        return [
            (_("Number"), _text(v.get("number"))),
            (_("Title"), _text(v.get("title"))),
            (_("Objective"), _text(v.get("objective"))),
            (
                _("Duration"),
                _("%(minutes)s min") % {"minutes": duration} if duration else not_stated(),
            ),
            (
                _("Presenters"),
                ", ".join(party_text(p) for p in v.get("presenters") or []) or not_stated(),
            ),
            (_("Minutes"), _text(v.get("minutes"), MINUTES_SHOWN)),
        ]
    if section == "exchanges":
        return [
            (_("Agenda item"), _text(v.get("agenda_number"))),
            (_("Asked by"), party_text(v.get("asked_by"))),
            (_("Question"), _text(v.get("question"))),
            (_("Answered by"), party_text(v.get("answered_by"))),
            (_("Answer"), _text(v.get("answer"))),
        ]
    if section == "decisions":
        return [
            (_("Number"), _text(v.get("number"))),
            (_("Agenda item"), _text(v.get("agenda_number"))),
            (_("Decision"), _text(v.get("text"))),
        ]
    if section == "action_items":
        return [
            (_("Action"), _text(v.get("text"))),
            (_("Owner"), party_text(v.get("owner"))),
            (_("Due"), _text(v.get("due"))),
            (_("Agenda item"), _text(v.get("agenda_number"))),
        ]
    return [
        (_("Title"), _text(v.get("title"))),
        (_("Agenda item"), _text(v.get("agenda_number"))),
        (_("Pages"), _text(v.get("pages"))),
        (_("Address"), _text(v.get("url"))),
    ]
