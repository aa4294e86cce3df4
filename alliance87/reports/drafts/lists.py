"""
The rows of a draft: objectives, reported counts, participants, agenda
items, questions and answers, decisions, action items and documents, each
written by its events service and noted for its citation.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance87.events import services as events
from alliance87.events.models import AgendaItem, Event
from alliance87.reports.drafts import rows
from alliance87.reports.drafts.base import DraftResult, Skipped, naming
from alliance87.reports.drafts.citing import Citations

_UNKNOWN_PARTY = gettext_lazy(
    "%(row)s not saved: the directory does not know “%(name)s”; create it or pick an "
    "organisation in the review."
)
_NO_ADDRESS = gettext_lazy(
    "Document “%(title)s” not saved: the report gives no address for it; attach it from "
    "the record page."
)
_NOT_COUNTED = gettext_lazy(
    "Reported count “%(text)s” not saved: the Hub counts participants, members, "
    "organisations or countries; add it by hand if it is one of those."
)
_NO_PARTICIPANT = gettext_lazy(
    "Participant “%(name)s” not saved: the directory knows neither the person nor the "
    "organisation."
)


def save_lists(
    data: Mapping[str, Any],
    event: Event,
    names: rows.Names,
    cites: Citations,
    result: DraftResult,
    acting_user: Any,
) -> None:
    """Write every proposed row of `data` under `event`."""
    writer = _Writer(event, names, cites, result, acting_user)
    for number, objective in enumerate(data.get("objectives") or [], start=1):
        with naming(_("Objective %(n)s") % {"n": number}):
            writer.objective(objective)
    for count in data.get("reported_counts") or []:
        writer.count(count)
    for participant in data.get("participants") or []:
        writer.participant(participant)
    for item in data.get("agenda") or []:
        with naming(_("Agenda item %(number)s") % {"number": item.get("number") or ""}):
            writer.agenda_item(item)
    for number, exchange in enumerate(data.get("exchanges") or [], start=1):
        with naming(_("Question %(n)s") % {"n": number}):
            writer.exchange(number, exchange)
    for number, decision in enumerate(data.get("decisions") or [], start=1):
        with naming(_("Decision %(n)s") % {"n": number}):
            writer.decision(decision)
    for number, action in enumerate(data.get("action_items") or [], start=1):
        with naming(_("Action item %(n)s") % {"n": number}):
            writer.action_item(action)
    for document in data.get("documents") or []:
        with naming(_("Document “%(title)s”") % {"title": document.get("title") or ""}):
            writer.document(document)


class _Writer:
    def __init__(
        self,
        event: Event,
        names: rows.Names,
        cites: Citations,
        result: DraftResult,
        acting_user: Any,
    ) -> None:
        self.event = event
        self.names = names
        self.cites = cites
        self.result = result
        self.acting_user = acting_user
        self.agenda: dict[str, AgendaItem] = {}

    def _saved(self, kind: str, row: Any, source: Any) -> None:
        self.result.saved[kind] += 1
        self.cites.note(row, source)

    def _skip(self, reason: Any, **params: Any) -> None:
        self.result.skipped.append(Skipped(reason, params))

    def _agenda_item(self, number: str | None) -> AgendaItem | None:
        if not number:
            return None
        if number not in self.agenda:
            raise ValidationError(
                _("The agenda has no item numbered “%(number)s”.") % {"number": number}
            )
        return self.agenda[number]

    def objective(self, row: Mapping[str, Any]) -> None:
        saved = events.add_objective(self.event, acting_user=self.acting_user, text=row["text"])
        self._saved("objectives", saved, row.get("source"))

    def count(self, row: Mapping[str, Any]) -> None:
        what = rows.counted(row.get("what") or "")
        if what is None:
            self._skip(_NOT_COUNTED, text=row.get("text") or row.get("what") or "")
            return
        with naming(_("Reported count “%(text)s”") % {"text": row.get("what") or ""}):
            saved = events.add_reported_count(
                self.event,
                acting_user=self.acting_user,
                value=int(row["value"]),
                counted=what,
                qualifier=rows.qualifier(row.get("qualifier")),
            )
        self._saved("reported_counts", saved, row.get("source"))

    def participant(self, row: Mapping[str, Any]) -> None:
        organisation = self.names.organisation(row.get("organisation"))
        person = self.names.person(row.get("person"), organisation)
        if organisation is None and person is None:
            name = row.get("person") or (row.get("organisation") or {}).get("name") or ""
            self._skip(_NO_PARTICIPANT, name=name)
            return
        with naming(_("Participant “%(name)s”") % {"name": str(organisation or person)}):
            saved = events.add_participant(
                self.event,
                acting_user=self.acting_user,
                organisation=organisation,
                person=person,
                role=rows.participant_role(row.get("role")),
                attendance=rows.attendance(row.get("attendance")),
            )
        self._saved("participants", saved, row.get("source"))

    def agenda_item(self, row: Mapping[str, Any]) -> None:
        presenters = [self.names.party(p) for p in row.get("presenters") or []]
        organisations = [p.organisation for p in presenters if p.organisation is not None]
        note = ", ".join(p.name for p in presenters if p.name)
        saved = events.add_agenda_item(
            self.event,
            acting_user=self.acting_user,
            number=row["number"],
            title=row["title"],
            objective=row.get("objective") or "",
            duration=row.get("duration_minutes"),
            minutes=row.get("minutes") or "",
            presenters_note=note[:300],
            presenter_organisations=list(dict.fromkeys(organisations)),
        )
        self.agenda[row["number"]] = saved
        self._saved("agenda", saved, row.get("source"))
        self.cites.note(saved, row.get("minutes_source"), "minutes")

    def exchange(self, number: int, row: Mapping[str, Any]) -> None:
        asked = self.names.party(row.get("asked_by"))
        answered = self.names.party(row.get("answered_by"))
        for party in (asked, answered):
            if party.name and not party.known:
                label = _("Question %(n)s") % {"n": number}
                self._skip(_UNKNOWN_PARTY, row=label, name=party.name)
                return
        saved = events.record_exchange(
            self.event,
            acting_user=self.acting_user,
            agenda_item=self._agenda_item(row.get("agenda_number")),
            question=row["question"],
            answer=row.get("answer") or "",
            asked_by_role=asked.role,
            asked_by_organisation=asked.organisation,
            answered_by_role=answered.role,
            answered_by_organisation=answered.organisation,
        )
        self._saved("exchanges", saved, row.get("source"))

    def decision(self, row: Mapping[str, Any]) -> None:
        printed = (row.get("number") or "").strip()
        number = int(printed) if printed.isdigit() and 0 < int(printed) < 32768 else None
        saved = events.record_decision(
            self.event,
            acting_user=self.acting_user,
            text=row["text"],
            number=number,
            identifier="" if number is not None else printed[:30],
            agenda_item=self._agenda_item(row.get("agenda_number")),
        )
        self._saved("decisions", saved, row.get("source"))

    def action_item(self, row: Mapping[str, Any]) -> None:
        owner = self.names.party(row.get("owner"))
        note: Any = ""
        if not owner.known:
            # The owner as the report writes it, or that it names none.
            note = owner.name[:200] if owner.name else rows.in_every_language(rows.NO_OWNER)
        saved = events.record_action_item(
            self.event,
            acting_user=self.acting_user,
            text=row["text"],
            agenda_item=self._agenda_item(row.get("agenda_number")),
            owner_role=owner.role,
            owner_organisation=owner.organisation,
            owner_note=note,
            due=rows.reported_date(row.get("due")),
        )
        self._saved("action_items", saved, row.get("source"))

    def document(self, row: Mapping[str, Any]) -> None:
        if not row.get("url"):
            self._skip(_NO_ADDRESS, title=row.get("title") or "")
            return
        saved = events.attach_document(
            self.event,
            acting_user=self.acting_user,
            kind=rows.document_kind(row.get("title") or ""),
            title=(row.get("title") or "")[:300],
            url=row["url"],
            agenda_item=self._agenda_item(row.get("agenda_number")),
            pages=(row.get("pages") or "")[:30],
        )
        self._saved("documents", saved, row.get("source"))
