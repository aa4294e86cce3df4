"""Growing the meetings for bench/scale.py: series of meetings, each with
its record (participants, agenda, exchanges, decisions, action items)."""

from __future__ import annotations

import datetime as dt
import random

from scale_bench.config import (
    ACTION_ITEMS,
    AGENDA_ITEMS,
    DECISIONS,
    EXCHANGES,
    MEETINGS_PER_SERIES,
    PARTICIPANTS,
)
from scale_bench.rows import PLACES, WORDS, _batched, _create, _name

MEETING_TYPES = (
    "action_group_meeting",
    "regional_consultation",
    "committee_meeting",
    "webinar",
    "forum",
    "other",
)


def grow_meetings(
    rng: random.Random, count: int, organisations: list[int], people: list[int]
) -> None:
    """Add `count` meetings in series of MEETING_PER_SERIES, most of them
    published and public, each with its record."""
    from django.utils import timezone

    from alliance87.core.visibility import Visibility
    from alliance87.countries.models import Country
    from alliance87.events.models import (
        ActionItem,
        AgendaItem,
        Decision,
        Event,
        EventSeries,
        Exchange,
        Participant,
    )

    countries = list(Country.objects.order_by("pk").values_list("pk", flat=True))
    series = _create(
        EventSeries,
        [
            EventSeries(
                slug=f"scale-series-{s:04d}",
                name=f"Scale series {s}",
                name_en=f"Scale series {s}",
                body=f"Scale body {s}",
                body_en=f"Scale body {s}",
            )
            for s in range((count + MEETINGS_PER_SERIES - 1) // MEETINGS_PER_SERIES)
        ],
    )
    published = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    first = dt.date(2015, 1, 1)
    events = []
    for i in range(count):
        day = first + dt.timedelta(days=rng.randrange(13 * 365))
        draft = rng.random() < 0.05
        title = f"Scale meeting {i}: {_name(rng, i)}"
        events.append(
            Event(
                slug=f"scale-meeting-{i:05d}",
                title=title,
                title_en=title,
                event_type=rng.choice(MEETING_TYPES),
                status="draft" if draft else "published",
                visibility=(
                    Visibility.PARTNERS
                    if rng.random() < 0.15
                    else Visibility.MEMBERS
                    if rng.random() < 0.05
                    else Visibility.PUBLIC
                ),
                series=series[i // MEETINGS_PER_SERIES],
                number=i % MEETINGS_PER_SERIES + 1,
                date_start=day,
                date_precision="day",
                last_day=day,
                online=rng.random() < 0.3,
                city="Geneva",
                city_en="Geneva",
                country_id=rng.choice(countries),
                published_at=None if draft else published,
            )
        )
    made = _create(Event, events)
    _create(
        Event.organisers.through,
        [
            Event.organisers.through(event_id=e.pk, organisation_id=rng.choice(organisations))
            for e in made
        ],
    )
    _create(
        Event.countries.through,
        [Event.countries.through(event_id=e.pk, country_id=e.country_id) for e in made],
    )
    now = timezone.now()
    for chunk in _batched(made, 500):
        parts: list[Participant] = []
        agenda: list[AgendaItem] = []
        for e in chunk:
            orgs = rng.sample(organisations, PARTICIPANTS)
            parts += [
                Participant(
                    event=e,
                    order=n,
                    organisation_id=org,
                    person_id=rng.choice(people) if people and rng.random() < 0.3 else None,
                    attendance="in_person",
                )
                for n, org in enumerate(orgs)
            ]
            for n in range(AGENDA_ITEMS):
                title = f"Item {n + 1} of meeting {e.pk}"
                minutes = f"The meeting discussed {rng.choice(WORDS)} and {rng.choice(WORDS)}."
                agenda.append(
                    AgendaItem(
                        event=e,
                        order=n,
                        number=str(n + 1),
                        title=title,
                        title_en=title,
                        minutes=minutes,
                        minutes_en=minutes,
                    )
                )
        _create(Participant, parts)
        agenda = _create(AgendaItem, agenda)
        items_of: dict[int, list[AgendaItem]] = {}
        for a in agenda:
            items_of.setdefault(a.event_id, []).append(a)
        exchanges: list[Exchange] = []
        decisions: list[Decision] = []
        actions: list[ActionItem] = []
        for e in chunk:
            items = items_of[e.pk]
            for n in range(EXCHANGES):
                q = f"What of {rng.choice(WORDS)} in {rng.choice(PLACES)} areas?"
                answer = f"The {rng.choice(WORDS)} answered at length ({n})."
                exchanges.append(
                    Exchange(
                        event=e,
                        order=n,
                        agenda_item=rng.choice(items),
                        asked_by_organisation_id=rng.choice(organisations),
                        answered_by_organisation_id=rng.choice(organisations),
                        question=q,
                        question_en=q,
                        answer=answer,
                        answer_en=answer,
                    )
                )
            for n in range(DECISIONS):
                text = f"The meeting agreed on {rng.choice(WORDS)} ({n + 1})."
                decisions.append(
                    Decision(
                        event=e,
                        order=n,
                        number=n + 1,
                        agenda_item=rng.choice(items),
                        text=text,
                        text_en=text,
                    )
                )
            for n in range(ACTION_ITEMS):
                status = rng.choices(("open", "done", "dropped"), (6, 3, 1))[0]
                due = e.date_start + dt.timedelta(days=rng.randrange(30, 180))
                text = f"Follow up on {rng.choice(WORDS)} with {rng.choice(WORDS)} ({n + 1})."
                actions.append(
                    ActionItem(
                        event=e,
                        order=n,
                        agenda_item=rng.choice(items),
                        text=text,
                        text_en=text,
                        owner_organisation_id=rng.choice(organisations),
                        owner_person_id=(
                            rng.choice(people) if people and rng.random() < 0.3 else None
                        ),
                        status=status,
                        date_start=due,
                        date_precision="day",
                        closed_at=now if status != "open" else None,
                    )
                )
        _create(Exchange, exchanges)
        _create(Decision, decisions)
        _create(ActionItem, actions)
