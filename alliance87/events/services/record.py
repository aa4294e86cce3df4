"""
Writes to events and their record.

Invariants kept here:
- an event's `last_day` is the last day its reported date may cover, so
  "upcoming" and "past" never disagree with the date shown;
- a published event has a title and a date; a draft is seen by the
  secretariat only (the querysets enforce it; publishing is one service);
- a decision's identifier is unique across the Hub ("GCG4/D1");
- an agenda item's number is unique within its event's agenda; when every
  number of the agenda reads as a number ("3", "IV", "2a", "3.1"), the
  agenda is kept in the order of its numbers, so renumbering an item moves
  it;
- a row of the record is corrected or deleted through the functions below,
  never half-way: each checks everything before it writes anything, and a
  deleted agenda item takes its questions, decisions and action items with
  it (the audit log keeps what each said);
- an action item is closed (done or dropped) once, by its owner or the
  secretariat, with a note saying what was done;
- an uploaded document is written whole or not at all: streamed to a
  temporary file in the same folder, flushed to disk, then renamed; a file
  no row refers to any longer is removed once the change is committed.

Text given through the site is written in the active language; when the
English text is still empty it is filled too, since English is the language
every other one falls back to. A correction leaves alone the text it does
not change, so that saving a French page whose title still falls back to
English does not freeze a copy of the English title into French.

Page caches and the audit log follow every save and delete by themselves
(core.pagecache and accounts.audit listen for them), after commit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.countries.models import Country
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventRegion,
    EventStatus,
    Exchange,
    Participant,
    document_upload_to,
)
from alliance87.partners.models import Organisation, Person

logger = logging.getLogger(__name__)

LANGUAGE_CODES = ("en", "fr", "es")


def set_text(obj: Any, field: str, value: str) -> None:
    """Write `value` in the active language (and in English if it is empty)."""
    language = get_language() or "en"
    code = language.split("-")[0] if language.split("-")[0] in LANGUAGE_CODES else "en"
    setattr(obj, f"{field}_{code}", value)
    if not getattr(obj, f"{field}_en", ""):
        setattr(obj, f"{field}_en", value)


def set_changed_text(obj: Any, field: str, value: str) -> None:
    """Write `value` unless it is what the active language already shows."""
    if value != (getattr(obj, field) or ""):
        set_text(obj, field, value)


def _next_order(qs: Any) -> int:
    last = qs.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def save_event(
    event: Event,
    *,
    acting_user: Any,
    organisers: list[Organisation] | None = None,
    countries: list[Country] | None = None,
    regions: list[str] | None = None,
    themes: list[Any] | None = None,
) -> Event:
    """Validate and save `event`; set its relations when given."""
    rd = event.reported_date
    event.last_day = rd.last_day if rd else None
    event.full_clean(exclude=["organisers", "countries", "themes", "feeds_into"])
    event.save()
    if organisers is not None:
        event.organisers.set(organisers)
    if countries is not None:
        event.countries.set(countries)
    if themes is not None:
        event.themes.set(themes)
    if regions is not None:
        wanted = set(regions)
        event.regions.exclude(region__in=wanted).delete()
        have = set(event.regions.values_list("region", flat=True))
        EventRegion.objects.bulk_create(
            [EventRegion(event=event, region=r) for r in sorted(wanted - have)]
        )
    return event


@transaction.atomic
def publish_event(event: Event, *, acting_user: Any) -> Event:
    """Make a draft event visible to its audience."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.status == EventStatus.PUBLISHED:
        raise ValidationError(_("This event is already published."))
    if event.date_start is None:
        raise ValidationError(_("Give the event a date before publishing it."))
    event.status = EventStatus.PUBLISHED
    event.published_at = timezone.now()
    event.save(update_fields=["status", "published_at", "updated"])
    return event


@transaction.atomic
def link_events(source: Event, target: Event, *, acting_user: Any) -> None:
    """Record that the outcomes of `source` feed into `target`."""
    if source.pk == target.pk:
        raise ValidationError(_("An event cannot feed into itself."))
    if target.feeds_into.filter(pk=source.pk).exists():
        raise ValidationError(
            _("“%(target)s” already feeds into “%(source)s”; links cannot go both ways.")
            % {"target": target.title, "source": source.title}
        )
    source.feeds_into.add(target)


@transaction.atomic
def add_objective(event: Event, *, acting_user: Any, text: str, visibility: str = "public") -> Any:
    from alliance87.events.models import Objective

    objective = Objective(
        event=event, order=_next_order(event.objectives.all()), visibility=visibility
    )
    set_text(objective, "text", text)
    objective.full_clean()
    objective.save()
    return objective


@transaction.atomic
def add_participant(
    event: Event,
    *,
    acting_user: Any,
    organisation: Organisation | None = None,
    person: Person | None = None,
    role: str = Participant.Role.PARTICIPANT,
    attendance: str = Participant.Attendance.IN_PERSON,
    visibility: str = "public",
) -> Participant:
    """Add a participating organisation, person, or person for an organisation."""
    participant = Participant(
        event=event,
        organisation=organisation,
        person=person,
        role=role,
        attendance=attendance,
        order=_next_order(event.participants.all()),
        visibility=visibility,
    )
    participant.full_clean()
    participant.save()
    return participant


@transaction.atomic
def add_agenda_item(
    event: Event,
    *,
    acting_user: Any,
    number: str,
    title: str,
    presenters_note: str = "",
    presenter_organisations: list[Organisation] | None = None,
    presenter_people: list[Person] | None = None,
    minutes: str = "",
    visibility: str = "public",
) -> AgendaItem:
    """Add an item to the agenda: in the order of its number when the
    agenda's numbers all read as numbers, at the end otherwise."""
    number = number.strip()
    if event.agenda_items.filter(number=number).exists():
        raise ValidationError(
            _("The agenda already has an item numbered “%(number)s”.") % {"number": number}
        )
    item = AgendaItem(
        event=event,
        number=number,
        order=_next_order(event.agenda_items.all()),
        visibility=visibility,
    )
    set_text(item, "title", title)
    set_text(item, "presenters_note", presenters_note)
    set_text(item, "minutes", minutes)
    item.full_clean()
    item.save()
    item.presenter_organisations.set(presenter_organisations or [])
    item.presenter_people.set(presenter_people or [])
    follow_numbering(event.pk)
    return item


@transaction.atomic
def update_agenda_item(
    item: AgendaItem,
    *,
    acting_user: Any,
    title: str,
    minutes: str,
    presenters_note: str = "",
    visibility: str | None = None,
    number: str | None = None,
) -> AgendaItem:
    """Correct an agenda item: its text in the active language and, when
    given, its visibility and its number (which may move it on the agenda).
    """
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    renumbered = False
    if number is not None:
        number = number.strip()
        renumbered = number != item.number
        if renumbered:
            _check_free_number(item, number)
            item.number = number
    set_changed_text(item, "title", title)
    set_changed_text(item, "minutes", minutes)
    set_changed_text(item, "presenters_note", presenters_note)
    if visibility:
        item.visibility = visibility
    item.full_clean()
    try:
        # A savepoint, so that a twin number saved meanwhile by someone
        # else is explained like any other clash rather than failing.
        with transaction.atomic():
            item.save()
    except IntegrityError:
        raise _number_taken(number or item.number, None) from None
    if renumbered:
        follow_numbering(item.event_id)
    return item


def _number_taken(number: str, other: AgendaItem | None) -> ValidationError:
    if other is None:
        return ValidationError(
            _("The agenda already has an item numbered “%(number)s”.") % {"number": number}
        )
    return ValidationError(
        _(
            "The agenda already has an item numbered “%(number)s” (“%(title)s”). "
            "To swap two numbers, first give one of the items a number not in use."
        )
        % {"number": number, "title": other.title},
        code="number_taken",
    )


def _check_free_number(item: AgendaItem, number: str) -> None:
    if not number:
        raise ValidationError(_("Give the agenda item a number, as printed."))
    other = (
        AgendaItem.objects.filter(event_id=item.event_id, number=number)
        .exclude(pk=item.pk)
        .first()
    )
    if other is not None:
        raise _number_taken(number, other)


# "3", "IV", "2a", "IV.b", "3.1": a number or a Roman numeral, then
# perhaps a letter or a second number.
_AGENDA_NUMBER = re.compile(
    r"^(?P<main>\d+|[ivxlcdm]+)(?:[.\s-]?(?P<sub>\d+|[a-z]))?\.?$", re.IGNORECASE
)
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def agenda_number_key(number: str) -> tuple[int, int] | None:
    """Return the place of "3", "IV", "2a" or "3.1" in a sequence, or None
    when `number` does not read as a number."""
    match = _AGENDA_NUMBER.match(number.strip())
    if match is None:
        return None
    main, sub = match["main"], match["sub"] or ""
    value = int(main) if main.isdigit() else _roman_value(main)
    if value is None and not sub and main[:-1].isupper() and main[-1].islower():
        # "IVc": a Roman numeral followed by a letter it swallowed.
        main, sub = main[:-1], main[-1]
        value = _roman_value(main)
    if value is None:
        return None
    if not sub:
        return (value, 0)
    return (value, int(sub) if sub.isdigit() else ord(sub.lower()) - ord("a") + 1)


def follow_numbering(event_id: int) -> None:
    """Put an agenda in the order of its numbers, when all read as numbers.

    An agenda with a number such as "Opening" keeps the order it has: there
    is no telling where such an item belongs.
    """
    items = list(AgendaItem.objects.filter(event_id=event_id).order_by("order", "pk"))
    keys = [agenda_number_key(item.number) for item in items]
    if any(key is None for key in keys):
        return
    ranked = sorted(range(len(items)), key=lambda i: (keys[i], i))
    for position, index in enumerate(ranked, start=1):
        item = items[index]
        if item.order != position:
            item.order = position
            # One save per moved row, not bulk_update: each move is audited.
            item.save(update_fields=["order"])


@transaction.atomic
def remove_agenda_item(item: AgendaItem, *, acting_user: Any) -> None:
    """Delete an agenda item with the questions, decisions and action items
    recorded under it (the audit log keeps what each said)."""
    item.delete()


def _check_agenda_item(event: Event, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.event_id != event.pk:
        raise ValidationError(_("That agenda item belongs to another event."))


def _check_exchange_parties(
    *, asked: tuple[Any, ...], answered: tuple[Any, ...], answer: str
) -> None:
    if not any(asked):
        raise ValidationError(_("Say who asked the question."))
    if answer and not any(answered):
        raise ValidationError(_("Say who answered the question."))


@transaction.atomic
def record_exchange(
    event: Event,
    *,
    acting_user: Any,
    question: str,
    answer: str = "",
    agenda_item: AgendaItem | None = None,
    asked_by_role: str = "",
    asked_by_organisation: Organisation | None = None,
    asked_by_person: Person | None = None,
    answered_by_role: str = "",
    answered_by_organisation: Organisation | None = None,
    answered_by_person: Person | None = None,
    visibility: str = "public",
) -> Exchange:
    """Record a question asked at the meeting, who asked it, and its answer."""
    _check_agenda_item(event, agenda_item)
    _check_exchange_parties(
        asked=(asked_by_role, asked_by_organisation, asked_by_person),
        answered=(answered_by_role, answered_by_organisation, answered_by_person),
        answer=answer,
    )
    exchange = Exchange(
        event=event,
        agenda_item=agenda_item,
        order=_next_order(event.exchanges.all()),
        asked_by_role=asked_by_role,
        asked_by_organisation=asked_by_organisation,
        asked_by_person=asked_by_person,
        answered_by_role=answered_by_role,
        answered_by_organisation=answered_by_organisation,
        answered_by_person=answered_by_person,
        visibility=visibility,
    )
    set_text(exchange, "question", question)
    set_text(exchange, "answer", answer)
    exchange.full_clean()
    exchange.save()
    return exchange


@transaction.atomic
def update_exchange(
    exchange: Exchange,
    *,
    acting_user: Any,
    question: str,
    answer: str = "",
    asked_by_role: str = "",
    asked_by_organisation: Organisation | None = None,
    asked_by_person: Person | None = None,
    answered_by_role: str = "",
    answered_by_organisation: Organisation | None = None,
    answered_by_person: Person | None = None,
    visibility: str = "public",
) -> Exchange:
    """Correct a question and answer: who asked, who answered, and what."""
    _check_exchange_parties(
        asked=(asked_by_role, asked_by_organisation, asked_by_person),
        answered=(answered_by_role, answered_by_organisation, answered_by_person),
        answer=answer,
    )
    exchange = Exchange.objects.select_for_update().get(pk=exchange.pk)
    exchange.asked_by_role = asked_by_role
    exchange.asked_by_organisation = asked_by_organisation
    exchange.asked_by_person = asked_by_person
    exchange.answered_by_role = answered_by_role
    exchange.answered_by_organisation = answered_by_organisation
    exchange.answered_by_person = answered_by_person
    exchange.visibility = visibility
    set_changed_text(exchange, "question", question)
    set_changed_text(exchange, "answer", answer)
    exchange.full_clean()
    exchange.save()
    return exchange


@transaction.atomic
def remove_exchange(exchange: Exchange, *, acting_user: Any) -> None:
    """Delete a question and answer (the audit log keeps what it said)."""
    exchange.delete()


def _identifier_taken(identifier: str) -> ValidationError:
    return ValidationError(
        _("A decision is already recorded as “%(identifier)s”; give another identifier.")
        % {"identifier": identifier}
    )


def _check_free_identifier(identifier: str, decision: Decision | None) -> None:
    others = Decision.objects.filter(identifier=identifier)
    if decision is not None:
        others = others.exclude(pk=decision.pk)
    if others.exists():
        raise _identifier_taken(identifier)


@transaction.atomic
def record_decision(
    event: Event,
    *,
    acting_user: Any,
    identifier: str,
    text: str,
    agenda_item: AgendaItem | None = None,
    visibility: str = "public",
) -> Decision:
    """Record a decision under its identifier ("GCG4/D1")."""
    _check_agenda_item(event, agenda_item)
    identifier = identifier.strip()
    _check_free_identifier(identifier, None)
    decision = Decision(
        event=event,
        agenda_item=agenda_item,
        identifier=identifier,
        order=_next_order(event.decisions.all()),
        visibility=visibility,
    )
    set_text(decision, "text", text)
    decision.full_clean()
    decision.save()
    return decision


@transaction.atomic
def update_decision(
    decision: Decision,
    *,
    acting_user: Any,
    identifier: str,
    text: str,
    visibility: str = "public",
) -> Decision:
    """Correct a decision's identifier, text or visibility."""
    identifier = identifier.strip()
    _check_free_identifier(identifier, decision)
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    decision.identifier = identifier
    decision.visibility = visibility
    set_changed_text(decision, "text", text)
    decision.full_clean(validate_unique=False)
    try:
        # A savepoint: a twin identifier saved meanwhile is explained, not
        # turned into an error page.
        with transaction.atomic():
            decision.save()
    except IntegrityError:
        raise _identifier_taken(identifier) from None
    return decision


@transaction.atomic
def remove_decision(decision: Decision, *, acting_user: Any) -> None:
    """Delete a decision (the audit log keeps what it said)."""
    decision.delete()


def _set_due(item: ActionItem, due: Any) -> None:
    if due is None:
        item.date_start = item.date_end = None
        item.date_precision = DatePrecision.DAY
        item.date_tentative = False
        return
    item.date_start = due.start
    item.date_end = due.end
    item.date_precision = due.precision
    item.date_tentative = due.tentative


@transaction.atomic
def record_action_item(
    event: Event,
    *,
    acting_user: Any,
    text: str,
    agenda_item: AgendaItem | None = None,
    owner_role: str = "",
    owner_organisation: Organisation | None = None,
    owner_person: Person | None = None,
    owner_note: str = "",
    due: Any = None,
    visibility: str = "public",
) -> ActionItem:
    """Record a next step with its owner and, if known, its due date.

    `due` is a `core.dates.ReportedDate` (a day, a month, tentative...).
    """
    _check_agenda_item(event, agenda_item)
    item = ActionItem(
        event=event,
        agenda_item=agenda_item,
        order=_next_order(event.action_items.all()),
        owner_role=owner_role,
        owner_organisation=owner_organisation,
        owner_person=owner_person,
        visibility=visibility,
    )
    _set_due(item, due)
    set_text(item, "text", text)
    set_text(item, "owner_note", owner_note)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def update_action_item(
    item: ActionItem,
    *,
    acting_user: Any,
    text: str,
    owner_role: str = "",
    owner_organisation: Organisation | None = None,
    owner_person: Person | None = None,
    owner_note: str = "",
    due: Any = None,
    visibility: str = "public",
) -> ActionItem:
    """Correct an action item's text, owner, due date or visibility.

    Its status is left alone: closing an item is `close_action_item`.
    """
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    item.owner_role = owner_role
    item.owner_organisation = owner_organisation
    item.owner_person = owner_person
    item.visibility = visibility
    _set_due(item, due)
    set_changed_text(item, "text", text)
    set_changed_text(item, "owner_note", owner_note)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def remove_action_item(item: ActionItem, *, acting_user: Any) -> None:
    """Delete an action item (the audit log keeps what it said)."""
    item.delete()


@transaction.atomic
def close_action_item(
    item: ActionItem, *, acting_user: Any, note: str, status: str = ActionItem.Status.DONE
) -> ActionItem:
    """Mark an open action item done (or dropped), saying what happened.

    The caller has checked `permissions.require(user, "close", item)`.
    """
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if status not in (ActionItem.Status.DONE, ActionItem.Status.DROPPED):
        raise ValidationError(_("An action item is closed as done or dropped."))
    if item.status != ActionItem.Status.OPEN:
        raise ValidationError(_("This action item is already closed."))
    if not note.strip():
        raise ValidationError(_("Say in a sentence what was done, or why it was dropped."))
    item.status = status
    set_text(item, "done_note", note.strip())
    item.closed_at = timezone.now()
    item.closed_by = acting_user
    item.save()
    return item


def _store_upload_atomically(upload: UploadedFile) -> str:
    """Write `upload` under MEDIA_ROOT whole or not at all; return its name.

    Django's storage writes in place and leaves a truncated file behind
    when the disk fills; a temporary file in the same folder, flushed and
    then renamed, is either complete or absent.
    """
    name = get_valid_filename(Path(upload.name or "document").name) or "document"
    relative = document_upload_to(None, name)  # type: ignore[arg-type]
    folder = Path(settings.MEDIA_ROOT) / Path(relative).parent
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    target = folder / name
    counter = 1
    while target.exists():
        target = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        # link() refuses to overwrite a file another upload just created.
        os.link(tmp, target)
    except OSError as e:
        raise ValidationError(
            _("The file could not be saved (%(reason)s); nothing was kept. Try again.")
            % {"reason": e.strerror or e.__class__.__name__}
        ) from None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    return str(target.relative_to(settings.MEDIA_ROOT))


@transaction.atomic
def attach_document(
    event: Event,
    *,
    acting_user: Any,
    kind: str,
    title: str,
    url: str = "",
    upload: UploadedFile | None = None,
    visibility: str = "public",
) -> Document:
    """Attach an agenda, report or annex, as a link or an uploaded file."""
    if bool(url) == bool(upload):
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    document = Document(
        event=event,
        kind=kind,
        url=url,
        order=_next_order(event.documents.all()),
        visibility=visibility,
    )
    set_text(document, "title", title)
    # The address-or-file rule is checked above; the file is written below.
    document.clean_fields(exclude=["file"])
    if upload is None:
        document.save()
        return document
    stored = _store_upload_atomically(upload)
    document.file.name = stored
    try:
        document.save()
    except Exception:
        # The row was not written: the file must not outlive it.
        with contextlib.suppress(OSError):
            os.unlink(Path(settings.MEDIA_ROOT) / stored)
        raise
    return document


def _remove_file_after_commit(name: str) -> None:
    """Remove a stored file once the change that freed it is committed,
    unless a row still refers to it."""
    if not name:
        return

    def remove() -> None:
        if Document.objects.filter(file=name).exists():
            return
        storage = Document._meta.get_field("file").storage
        try:
            storage.delete(name)
        except Exception:
            # The row is gone either way; a file left behind costs space only.
            logger.exception("Could not remove the document file %s", name)

    transaction.on_commit(remove)


@transaction.atomic
def update_document(
    document: Document,
    *,
    acting_user: Any,
    kind: str,
    title: str,
    url: str = "",
    upload: UploadedFile | None = None,
    visibility: str = "public",
) -> Document:
    """Correct a document's kind, title or visibility, or replace it with
    another address or file; with neither, a stored file is kept."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if url and upload:
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    if not (url or upload or document.file):
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    freed = ""
    if url or upload:
        freed = document.file.name or ""
        document.url = url
        document.file.name = ""
    document.kind = kind
    document.visibility = visibility
    set_changed_text(document, "title", title)
    document.clean_fields(exclude=["file"])
    stored = ""
    if upload is not None:
        stored = _store_upload_atomically(upload)
        document.file.name = stored
    try:
        document.save()
    except Exception:
        # The row was not written: the new file must not outlive it.
        if stored:
            with contextlib.suppress(OSError):
                os.unlink(Path(settings.MEDIA_ROOT) / stored)
        raise
    if freed and freed != stored:
        _remove_file_after_commit(freed)
    return document


@transaction.atomic
def remove_document(document: Document, *, acting_user: Any) -> None:
    """Delete a document and, once that is committed, its stored file."""
    name = document.file.name or ""
    document.delete()
    _remove_file_after_commit(name)
