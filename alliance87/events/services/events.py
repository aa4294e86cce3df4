"""
Events themselves: saving, publishing, linking, objectives, participants.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.core.text import Translations
from alliance87.countries.models import Country
from alliance87.events.models import (
    Document,
    Event,
    EventRegion,
    EventSeries,
    EventStatus,
    Objective,
    Participant,
    ReportedCount,
)
from alliance87.events.services.base import add_row, set_changed_text
from alliance87.events.services.documents import refresh_search_names
from alliance87.partners.models import Organisation, Person


@service
def save_event(
    event: Event,
    *,
    acting_user: Any,
    organisers: list[Organisation] | None = None,
    countries: list[Country] | None = None,
    regions: list[str] | None = None,
    themes: list[Any] | None = None,
    groups: list[Any] | None = None,
) -> Event:
    """Validate and save `event`; set its relations when given."""
    rd = event.reported_date
    event.last_day = rd.last_day if rd else None
    event.full_clean(exclude=["organisers", "countries", "themes", "feeds_into", "groups"])
    existed = event.pk is not None
    event.save()
    if existed:
        # Its documents are found by its title.
        refresh_search_names(Document.objects.filter(event=event))
    if organisers is not None:
        event.organisers.set(organisers)
    if countries is not None:
        event.countries.set(countries)
    if themes is not None:
        event.themes.set(themes)
    if groups is not None:
        event.groups.set(groups)
    if regions is not None:
        wanted = set(regions)
        event.regions.exclude(region__in=wanted).delete()
        have = set(event.regions.values_list("region", flat=True))
        EventRegion.objects.bulk_create(
            [EventRegion(event=event, region=r) for r in sorted(wanted - have)]
        )
    return event


@service
def save_event_series(series: EventSeries, *, acting_user: Any) -> EventSeries:
    """Validate and save a series of events (the GCG's meetings)."""
    series.full_clean()
    series.save()
    return series


@service
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


@service
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


@service
def add_objective(
    event: Event, *, acting_user: Any, text: str | Translations, visibility: str = "public"
) -> Objective:
    objective = Objective(event=event, visibility=visibility)
    return add_row(objective, event.objectives.all(), texts={"text": text})


@service
def add_reported_count(
    event: Event,
    *,
    acting_user: Any,
    value: int,
    counted: str,
    qualifier: str = ReportedCount.Qualifier.EXACTLY,
    visibility: str = "public",
) -> ReportedCount:
    """Record a count the source reports ("more than 60 participants")."""
    count = ReportedCount(
        event=event, value=value, counted=counted, qualifier=qualifier, visibility=visibility
    )
    return add_row(count, event.counts.all())


@service
def add_participant(
    event: Event,
    *,
    acting_user: Any,
    organisation: Organisation | None = None,
    person: Person | None = None,
    role: str = Participant.Role.PARTICIPANT,
    attendance: str = Participant.Attendance.NOT_REPORTED,
    visibility: str = "public",
) -> Participant:
    """Add a participating organisation, person, or person for an organisation."""
    participant = Participant(
        event=event,
        organisation=organisation,
        person=person,
        role=role,
        attendance=attendance,
        visibility=visibility,
    )
    return add_row(participant, event.participants.all())


# Writing an event and its short lists in one go -----------------------------


@dataclass(frozen=True)
class RowChange:
    """One row of a list written with its event: a new row (`pk` None), a
    correction of an existing one, or its removal (`delete`)."""

    values: dict[str, Any]
    pk: int | None = None
    delete: bool = False


# The translated text of an event written through the site.
EVENT_TEXTS = ("title", "summary", "venue", "city")

# What each short list holds, and which of its fields are translated.
_LISTS: dict[str, tuple[type[Any], str, tuple[str, ...]]] = {
    "objectives": (Objective, "objectives", ("text",)),
    "participants": (Participant, "participants", ()),
    "counts": (ReportedCount, "counts", ()),
}


def _write_rows(event: Event, kind: str, changes: list[RowChange]) -> None:
    model, related, texts = _LISTS[kind]
    rows = getattr(event, related)
    for change in changes:
        plain = {k: v for k, v in change.values.items() if k not in texts}
        if change.pk is None:
            if change.delete:
                continue
            row = model(event=event, **plain)
            add_row(row, rows.all(), texts={t: change.values.get(t, "") for t in texts})
            continue
        try:
            row = rows.get(pk=change.pk)
        except model.DoesNotExist:
            raise ValidationError(
                _("A row of this event changed meanwhile; reload the page.")
            ) from None
        if change.delete:
            row.delete()
            continue
        for name, value in plain.items():
            setattr(row, name, value)
        for name in texts:
            set_changed_text(row, name, change.values.get(name, ""))
        row.full_clean()
        row.save()


@service
def write_event(
    event: Event,
    *,
    acting_user: Any,
    fields: dict[str, Any],
    texts: dict[str, str],
    organisers: list[Organisation] | None = None,
    countries: list[Country] | None = None,
    regions: list[str] | None = None,
    themes: list[Any] | None = None,
    objectives: Sequence[RowChange] = (),
    participants: Sequence[RowChange] = (),
    counts: Sequence[RowChange] = (),
) -> Event:
    """Create or correct an event with its objectives, participants and
    reported counts, all or nothing: a row that fails its checks leaves
    the event and every other row as they were.

    `fields` are the event's plain fields; `texts` its translated ones,
    written in the active language.
    """
    if event.pk is not None:
        event = Event.objects.select_for_update().get(pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    for name, value in texts.items():
        set_changed_text(event, name, value)
    save_event(
        event,
        acting_user=acting_user,
        organisers=organisers,
        countries=countries,
        regions=regions,
        themes=themes,
    )
    _write_rows(event, "objectives", list(objectives))
    _write_rows(event, "participants", list(participants))
    _write_rows(event, "counts", list(counts))
    return event
