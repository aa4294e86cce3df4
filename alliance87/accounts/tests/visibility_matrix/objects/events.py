"""The matrix events and their record."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, make_event
from alliance87.accounts.tests.visibility_matrix.ways import FOLLOWER_COUNTRY, Item
from alliance87.events import services as events
from alliance87.events.models import EventSeries, Objective
from alliance87.testing.factories import make_organisation


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "event":
        # Each event opens a series of its own; a public meeting follows.
        own_series = EventSeries.objects.create(
            slug=f"mx-series-{n}", name=f"Series {n}", name_en=f"Series {n}", body="Body"
        )
        obj = make_event(
            scene.secretariat,
            item.key,
            m,
            day=dt.date(2018, 1, 1 + n % 28),
            publish=item.status == "published",
            visibility=level,
            series=own_series,
            number=1,
        )
        make_event(
            scene.secretariat,
            f"{item.key}-next",
            f"Follows {n}",
            day=dt.date(2018, 12, 1 + n % 28),
            publish=True,
            held_in=FOLLOWER_COUNTRY,
            series=own_series,
            number=2,
        )
        obj.groups.add(scene.host_group)
        events.add_participant(obj, acting_user=scene.secretariat, organisation=scene.academy)
        # Its outcomes feed into the host meeting, whose page links it.
        events.link_events(obj, scene.host_event, acting_user=scene.secretariat)
        events.record_decision(obj, acting_user=scene.secretariat, identifier=f"MX/{n}", text=m)
        events.record_action_item(
            obj,
            acting_user=scene.secretariat,
            text=m,
            owner_organisation=scene.personas.partner_org,
        )
    elif item.kind == "objective":
        obj = events.add_objective(scene.host_event, acting_user=scene.secretariat, text=m)
        Objective.objects.filter(pk=obj.pk).update(visibility=level)
    elif item.kind == "agendaitem":
        obj = events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=str(n),
            title=m,
            visibility=level,
        )
    elif item.kind == "exchange":
        obj = events.record_exchange(
            scene.host_event,
            acting_user=scene.secretariat,
            question=m,
            visibility=level,
            asked_by_organisation=scene.personas.partner_org,
        )
    elif item.kind == "document":
        obj = events.attach_document(
            scene.host_event,
            acting_user=scene.secretariat,
            kind="report",
            title=m,
            url=f"https://example.org/{item.key}",
            visibility=level,
        )
    elif item.kind == "decision":
        obj = events.record_decision(
            scene.host_event,
            acting_user=scene.secretariat,
            identifier=item.key,
            text=m,
            visibility=level,
        )
    elif item.kind == "actionitem":
        obj = events.record_action_item(
            scene.host_event,
            acting_user=scene.secretariat,
            text=m,
            visibility=level,
            owner_organisation=scene.personas.partner_org,
        )
    elif item.kind == "participant":
        obj = events.add_participant(
            scene.host_event,
            acting_user=scene.secretariat,
            organisation=make_organisation(item.key, m, is_partner=False),
            visibility=level,
        )
    else:
        return None
    return obj
