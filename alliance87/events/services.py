"""
Writes to events and their record.

Invariants kept here:
- an event's `last_day` is the last day its reported date may cover, so
  "upcoming" and "past" never disagree with the date shown;
- a published event has a title and a date; a draft is seen by the
  secretariat only (the querysets enforce it; publishing is one service);
- a decision's identifier is unique across the Hub ("GCG4/D1");
- an action item is closed (done or dropped) once, by its owner or the
  secretariat, with a note saying what was done;
- an uploaded document is written whole or not at all: streamed to a
  temporary file in the same folder, flushed to disk, then renamed.

Text given through the site is written in the active language; when the
English text is still empty it is filled too, since English is the language
every other one falls back to.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
    document_upload_to,
)
from alliance87.partners.models import Organisation, Person

LANGUAGE_CODES = ("en", "fr", "es")


def set_text(obj: Any, field: str, value: str) -> None:
    """Write `value` in the active language (and in English if it is empty)."""
    language = get_language() or "en"
    code = language.split("-")[0] if language.split("-")[0] in LANGUAGE_CODES else "en"
    setattr(obj, f"{field}_{code}", value)
    if not getattr(obj, f"{field}_en", ""):
        setattr(obj, f"{field}_en", value)


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
def add_objective(event: Event, *, acting_user: Any, text: str) -> Any:
    from alliance87.events.models import Objective

    objective = Objective(event=event, order=_next_order(event.objectives.all()))
    set_text(objective, "text", text)
    objective.full_clean()
    objective.save()
    return objective


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
    """Add an item at the end of the agenda."""
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
) -> AgendaItem:
    """Rewrite an agenda item's title and minutes in the active language."""
    set_text(item, "title", title)
    set_text(item, "minutes", minutes)
    set_text(item, "presenters_note", presenters_note)
    if visibility:
        item.visibility = visibility
    item.full_clean()
    item.save()
    return item


def _check_agenda_item(event: Event, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.event_id != event.pk:
        raise ValidationError(_("That agenda item belongs to another event."))


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
    if not (asked_by_role or asked_by_organisation or asked_by_person):
        raise ValidationError(_("Say who asked the question."))
    if answer and not (answered_by_role or answered_by_organisation or answered_by_person):
        raise ValidationError(_("Say who answered the question."))
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
    if Decision.objects.filter(identifier=identifier).exists():
        raise ValidationError(
            _("A decision is already recorded as “%(identifier)s”; give another identifier.")
            % {"identifier": identifier}
        )
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
    if due is not None:
        item.date_start = due.start
        item.date_end = due.end
        item.date_precision = due.precision
        item.date_tentative = due.tentative
    set_text(item, "text", text)
    set_text(item, "owner_note", owner_note)
    item.full_clean()
    item.save()
    return item


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
