"""The groups' fixtures: the group a chair edits (alliance87/testing/group_editing.py)."""

from __future__ import annotations

import pytest

from alliance87.testing.factories import World
from alliance87.testing.group_editing import Scene, make_scene


@pytest.fixture
def scene(world: World, personas) -> Scene:
    """The migration group, chaired by IOM (its named representative has an
    account), with UNICEF as a member, one area, one activity, one step."""
    return make_scene(world)
