"""
Events themselves: saving, publishing, linking, objectives, participants.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.core.text import Translations
from alliance87.countries.models import Country
from alliance87.events.models import Event, EventRegion, EventSeries, EventStatus, Participant
from alliance87.events.services.base import next_order, set_text
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
    event.save()
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
) -> Any:
    from alliance87.events.models import Objective

    objective = Objective(
        event=event, order=next_order(event.objectives.all()), visibility=visibility
    )
    set_text(objective, "text", text)
    objective.full_clean()
    objective.save()
    return objective


@service
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
        order=next_order(event.participants.all()),
        visibility=visibility,
    )
    participant.full_clean()
    participant.save()
    return participant
