"""The fan-out and the digests ask the visibility of a chunk of people at
once (notify.may_see_many, models.standings_for, core's audiences_for):
each person of alliance87/testing/ receives exactly what the one-person
rule gives them, and the queries that ask it do not grow with the people
of a chunk."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alliance87.community import moderation, notify, services
from alliance87.community.models import Level, Notification, Space, SpaceKind
from alliance87.core.tests.every_persona import every_persona, fresh, spaces_of_every_kind
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Person
from alliance87.partners.services import save_person
from alliance87.testing.factories import World
from alliance87.testing.personas import Personas, make_user

pytestmark = pytest.mark.django_db

# The tables a person's audience and standing are read from.
STANDING_TABLES = ("partners_person", "groups_", "community_spacemember", "community_suspension")


def subscribe(people: list[Any], spaces: list[Space], level: str) -> None:
    for user in people:
        notify.preferences_of(user)
        for space in spaces:
            services.set_level(space, acting_user=user, level=level)


def test_the_fan_out_tells_each_persona_what_the_one_person_rule_allows(
    personas: Personas, world: World
) -> None:
    people = [u for u in every_persona(personas, world).values() if u.is_authenticated]
    spaces = spaces_of_every_kind(personas, world)
    author = make_user("author", staff=True)
    subscribe(people, spaces, Level.EVERYTHING)
    for space in spaces:
        thread = services.start_thread(space, acting_user=author, title="News", body="News")
        post = thread.posts.get()
        notify.fan_out(post.pk)
        told = set(Notification.objects.filter(post=post).values_list("user_id", flat=True))
        # The one-person rule, asked of each person afresh.
        allowed = {u.pk for u in people if notify.may_see(fresh(u), space)}
        assert told == allowed, space.slug
    # Not all or nothing: some personas see some spaces only.
    seen = {
        space.slug: set(Notification.objects.filter(post__thread__space=space).values_list("user"))
        for space in spaces
    }
    assert len({frozenset(s) for s in seen.values()}) > 2


def _fan_out_queries(space: Space, author: Any, readers: int) -> int:
    for n in range(readers):
        reader = make_user(f"reader-{readers}-{n}")
        services.set_level(space, acting_user=reader, level=Level.EVERYTHING)
    thread = services.start_thread(space, acting_user=author, title="News", body="News")
    with CaptureQueriesContext(connection) as queries:
        notify.fan_out(thread.posts.get().pk)
    assert Notification.objects.filter(post__thread=thread).count() == readers
    Notification.objects.filter(post__thread=thread).delete()
    return len(queries)


def test_the_fan_outs_queries_do_not_grow_with_the_people_of_a_chunk(
    personas: Personas,
) -> None:
    author = personas.secretariat
    counts = []
    for readers in (3, 12, 30):
        space = services.save_space(
            Space(
                slug=f"public-{readers}",
                name=f"Space {readers}",
                kind=SpaceKind.COMMONS,
                visibility=Visibility.PUBLIC,
            ),
            acting_user=author,
        )
        counts.append(_fan_out_queries(space, author, readers))
    assert len(set(counts)) == 1, counts


def _digests(ids: list[int], *, now: dt.datetime, batched: bool) -> tuple[list[str], dict]:
    mail.outbox.clear()
    if batched:
        outcomes = notify.send_digests(ids, now=now)
    else:
        outcomes = [notify.send_digest(user_id, now=now) for user_id in ids]
    return outcomes, {m.to[0]: m.body for m in mail.outbox}


def test_each_persona_gets_the_digest_the_one_person_rule_gives(
    personas: Personas, world: World
) -> None:
    cast = every_persona(personas, world)
    people = [u for u in cast.values() if u.is_authenticated]
    spaces = spaces_of_every_kind(personas, world)
    author = make_user("author", staff=True)
    subscribe(people, spaces, Level.DIGEST)
    posts = []
    for space in spaces:
        thread = services.start_thread(space, acting_user=author, title="News", body=space.slug)
        posts.append(thread.posts.get())
        notify.fan_out(posts[-1].pk)
    # After the notifications are written: a post hidden (its space's
    # moderator, the group member, still reads it), a space narrowed to the
    # Secretariat.
    services.set_moderator(spaces[1], cast["member"], acting_user=personas.secretariat)
    moderation.hide_post(posts[1], acting_user=personas.secretariat, reason="Test")
    spaces[0].visibility = Visibility.SECRETARIAT
    services.save_space(spaces[0], acting_user=personas.secretariat)
    ids = sorted(u.pk for u in people)
    now = timezone.now() + dt.timedelta(days=1)
    with transaction.atomic():
        batched = _digests(ids, now=now, batched=True)
        transaction.set_rollback(True)
    one_by_one = _digests(ids, now=now, batched=False)
    assert batched == one_by_one
    assert "sent" in batched[0] and len(set(batched[1].values())) > 2


def _standing_queries(ids: list[int], now: dt.datetime) -> int:
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        notify.send_digests(ids, now=now)
        transaction.set_rollback(True)
    return sum(1 for q in queries if any(table in q["sql"] for table in STANDING_TABLES))


def test_the_digests_ask_visibility_once_a_chunk(personas: Personas, world: World) -> None:
    spaces = spaces_of_every_kind(personas, world)[:3]
    author = make_user("author", staff=True)
    people = [make_user(f"digest-{n}") for n in range(24)]
    for n, user in enumerate(people):  # partners, with directory entries
        save_person(
            Person(
                slug=f"digest-{n}",
                name=f"Reader {n}",
                organisation=personas.partner_org,
                user=user,
            ),
            acting_user=personas.secretariat,
        )
    subscribe(people, spaces, Level.DIGEST)
    for space in spaces:
        thread = services.start_thread(space, acting_user=author, title="News", body="News")
        notify.fan_out(thread.posts.get().pk)
    now = timezone.now() + dt.timedelta(days=1)
    ids = sorted(u.pk for u in people)
    few, all_of_them = _standing_queries(ids[:4], now), _standing_queries(ids, now)
    assert few == all_of_them == 7  # the partners', the groups' five, the standing
