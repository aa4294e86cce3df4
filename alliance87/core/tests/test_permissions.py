"""The one permission registry: the secretariat may anything, anonymous and
inactive users nothing, and every other answer comes from a registered rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.http import Http404

from alliance87.core import hooks
from alliance87.core.permissions import may, require
from alliance87.testing.personas import Personas, make_user

pytestmark = pytest.mark.django_db


class Notebook:
    """A throw-away model: only its owner may edit it."""

    def __init__(self, owner: Any) -> None:
        self.owner = owner


class PrivateNotebook(Notebook):
    pass


def owner_may_edit(user: Any, notebook: Notebook) -> bool:
    return notebook.owner == user


@pytest.fixture
def rules() -> Iterator[None]:
    """Register the notebook rule for this test only."""
    with hooks.PERMISSION_RULES.registered(hooks.PermissionRule("edit", Notebook, owner_may_edit)):
        yield


def test_secretariat_may_do_anything(personas: Personas) -> None:
    notebook = Notebook(owner=personas.partner)
    assert may(personas.secretariat, "edit", notebook)
    assert may(personas.secretariat, "an action nobody registered", notebook)


def test_anonymous_may_do_nothing(personas: Personas, rules: None) -> None:
    assert not may(personas.anonymous, "edit", Notebook(owner=personas.anonymous))


def test_none_user_may_do_nothing(rules: None) -> None:
    assert not may(None, "edit", Notebook(owner=None))


def test_inactive_user_may_not_do_what_a_rule_allows(personas: Personas, rules: None) -> None:
    notebook = Notebook(owner=personas.partner)
    personas.partner.is_active = False
    personas.partner.save()
    assert not may(personas.partner, "edit", notebook)


def test_inactive_staff_is_not_the_secretariat(personas: Personas) -> None:
    former = make_user("former-staff", staff=True)
    former.is_active = False
    former.save()
    assert not may(former, "edit", Notebook(owner=former))


def test_unregistered_action_is_refused(personas: Personas, rules: None) -> None:
    notebook = Notebook(owner=personas.partner)
    assert not may(personas.partner, "delete", notebook)


def test_action_on_an_unregistered_model_is_refused(personas: Personas, rules: None) -> None:
    assert not may(personas.partner, "edit", object())


def test_registered_rule_is_consulted(personas: Personas, rules: None) -> None:
    notebook = Notebook(owner=personas.partner)
    assert may(personas.partner, "edit", notebook)
    assert not may(personas.outsider, "edit", notebook)


def test_rule_of_a_parent_class_applies_to_subclasses(personas: Personas, rules: None) -> None:
    notebook = PrivateNotebook(owner=personas.partner)
    assert may(personas.partner, "edit", notebook)
    assert not may(personas.outsider, "edit", notebook)


def test_rule_applies_to_the_model_itself(personas: Personas) -> None:
    # "May this user add a notebook?" is asked of the class.
    rule = hooks.PermissionRule("add", Notebook, lambda user, model: user.username == "partner")
    with hooks.PERMISSION_RULES.registered(rule):
        assert may(personas.partner, "add", Notebook)
        assert not may(personas.outsider, "add", Notebook)


def test_rule_answer_is_a_bool(personas: Personas) -> None:
    rule = hooks.PermissionRule("edit", Notebook, lambda user, obj: obj.owner)  # truthy
    with hooks.PERMISSION_RULES.registered(rule):
        assert may(personas.partner, "edit", Notebook(owner="someone")) is True


def test_require_raises_404_when_refused(personas: Personas, rules: None) -> None:
    with pytest.raises(Http404):
        require(personas.outsider, "edit", Notebook(owner=personas.partner))


def test_require_lets_an_allowed_user_through(personas: Personas, rules: None) -> None:
    require(personas.partner, "edit", Notebook(owner=personas.partner))
