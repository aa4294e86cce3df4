"""The audience of a chunk of people at once (`visibility.audiences_for`,
through `hooks.BatchedAudience`): the same audience as `audience_for`
gives each persona, in a number of queries that does not grow with the
people; and `Audience.sees`, the rule of `visible_q` for a row already
read, agrees with it for every persona and level."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance87.community.models import Space
from alliance87.core import hooks
from alliance87.core.tests.every_persona import every_persona, fresh, spaces_of_every_kind
from alliance87.core.visibility import audience_for, audiences_for
from alliance87.testing.factories import World
from alliance87.testing.personas import Personas, make_user

pytestmark = pytest.mark.django_db


def test_every_persona_has_the_audience_the_one_person_rule_gives(
    personas: Personas, world: World
) -> None:
    people = every_persona(personas, world)
    signed_in = [fresh(u) for u in people.values() if u.is_authenticated]
    many = audiences_for(signed_in)
    for name, user in people.items():
        one = audience_for(fresh(user))
        if user.is_authenticated:
            assert many[user.pk] == one, name
    # Some personas see groups, some partners' rows: the comparison is not
    # between empty audiences only.
    assert many[people["seated"].pk].group_ids == {world.gcg.pk}
    assert many[people["representative"].pk].group_ids == {world.migration.pk}
    assert many[people["chair"].pk].group_ids == {world.migration.pk}
    assert many[people["partner"].pk].is_partner
    # Kept on each user object: `visible_to(user)` asks nothing more.
    with CaptureQueriesContext(connection) as queries:
        for user in signed_in:
            audience_for(user)
    assert len(queries) == 0


def _queries_for(users: list[Any]) -> int:
    users = [fresh(u) for u in users]
    with CaptureQueriesContext(connection) as queries:
        audiences_for(users)
    return len(queries)


def test_the_queries_for_a_chunk_do_not_grow_with_its_people(
    personas: Personas, world: World
) -> None:
    people = [u for u in every_persona(personas, world).values() if u.is_authenticated]
    more = people + [make_user(f"reader-{n}") for n in range(20)]
    few = _queries_for(people[:2])
    assert few == _queries_for(people) == _queries_for(more)
    # The partners' one, and the groups' five (entries, then each kind of
    # standing: a UNION of the four read its columns crossed, now and then,
    # on SQLite, and lost a seat holder's group).
    assert few == 6


def test_a_provider_that_answers_for_one_person_only_is_asked_for_each(
    personas: Personas,
) -> None:
    asked: list[int] = []

    def one_only(user: Any) -> dict[str, Any]:
        asked.append(user.pk)
        return {"group_ids": {7}}

    with hooks.AUDIENCE_PROVIDERS.registered(one_only):
        users = [fresh(personas.partner), fresh(personas.outsider)]
        found = audiences_for(users)
    assert sorted(asked) == sorted(u.pk for u in users)
    assert found[personas.partner.pk].group_ids == {7}
    assert found[personas.partner.pk].is_partner


def test_sees_is_the_rule_of_visible_to_for_every_persona_and_level(
    personas: Personas, world: World
) -> None:
    people = every_persona(personas, world)
    spaces = spaces_of_every_kind(personas, world)
    for name, user in people.items():
        audience = audience_for(fresh(user))
        rule = set(
            Space.objects.visible_to(fresh(user))
            .filter(pk__in=[s.pk for s in spaces])
            .values_list("pk", flat=True)
        )
        row = {s.pk for s in spaces if audience.sees(s.visibility, s.group_id)}
        assert row == rule, name
