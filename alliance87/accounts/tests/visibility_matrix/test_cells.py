"""The cells: persona × object × way (out, or in: a reply by email)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from alliance87.accounts.tests.visibility_matrix.kinds import CELLS, expected
from alliance87.accounts.tests.visibility_matrix.ways import Item, Way, World


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize(("item", "persona", "way"), CELLS)
def test_matrix(world: World, item: Item, persona: str, way: Way) -> None:
    user = world.user(persona, item)
    if way.send is not None and way.expect is not None:
        # A way in: what became of what the persona sent.
        got, wanted = way.send(world, user, item), way.expect(persona, item)
        assert got == wanted, f"{persona}'s {way.name} to {item.key}: {got}, not {wanted}"
        return
    if way.body is not None and way.missing is not None:
        # A write through the API: hidden, it answers as a missing row.
        status, body = world.get(user, way.url(world, item), way.method, way.body, way.multipart)
        assert status < 500, f"{persona}'s {way.name} to {item.key}: {status}"
        if expected(persona, item, way):
            assert status != 404, f"{persona} should reach {item.key} at {way.name}"
        else:
            missing = world.get(
                user, way.missing(world, item), way.method, way.body, way.multipart
            )
            assert status in (401, 404), f"{persona} must get 404 for {item.key}, got {status}"
            assert (status, _problem(body)) == (missing[0], _problem(missing[1])), (
                f"{persona}'s {way.name} to {item.key} answers otherwise than to a missing row"
            )
            assert item.marker not in body, f"{persona} must not see {item.marker} at {way.name}"
        return
    if way.moves_to is not None:
        # A former address: sent on to the present one, or as missing.
        status, location = world.moved(user, way.url(world, item))
        if expected(persona, item, way):
            sent_to = (301, way.moves_to(world, item))
            assert (status, location) == sent_to, f"{persona} should be sent on from {way.name}"
        else:
            assert status == 404, f"{persona} must get 404 for {item.key}, got {status}"
        return
    status, body = world.get(user, way.url(world, item), way.method)
    look_for = way.look_for(world, item) if way.look_for else item.marker
    if expected(persona, item, way):
        assert status == 200, f"{persona} should see {item.key} at {way.name}: got {status}"
        assert look_for in body, f"{persona} should see {look_for} at {way.name}"
    else:
        opens = way.openers is None or persona in (*way.openers, "secretariat")
        if way.own_page:
            # A hidden object answers as a missing one; an editing page
            # refused answers so too, or sends to the login page.
            allowed = (404,) if opens else (302, 404)
            assert status in allowed, f"{persona} must get 404 for {item.key}, got {status}"
        assert look_for not in body, f"{persona} must not see {look_for} at {way.name}"


def _problem(body: str) -> dict[str, Any]:
    """A problem document without its `instance` (the address asked)."""
    answer = json.loads(body)
    answer.pop("instance", None)
    return dict(answer)
