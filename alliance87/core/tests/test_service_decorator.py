"""`@service`: atomic, a keyword-only `acting_user`, audit entries attributed to it."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from alliance87.core.models import Theme
from alliance87.core.services import ServiceDefinitionError, service

pytestmark = pytest.mark.django_db


@service
def add_theme(slug: str, *, acting_user: Any) -> Theme:
    return Theme.objects.create(slug=slug, name=slug, kind=Theme.Kind.TOPIC)


@service
def add_two_themes_then_fail(*, acting_user: Any) -> None:
    Theme.objects.create(slug="first", name="first", kind=Theme.Kind.TOPIC)
    Theme.objects.create(slug="second", name="second", kind=Theme.Kind.TOPIC)
    raise RuntimeError("half-way")


@service
def add_theme_for_system_then_own(*, acting_user: Any) -> None:
    add_theme("by-system", acting_user=None)
    Theme.objects.create(slug="by-caller", name="by-caller", kind=Theme.Kind.TOPIC)


def _actor_of(slug: str) -> Any:
    theme = Theme.objects.get(slug=slug)
    entry = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Theme), object_pk=str(theme.pk)
    )
    return entry.actor


def _user(name: str) -> Any:
    return get_user_model().objects.create_user(username=name, email=f"{name}@example.org")


def test_audit_entries_name_the_acting_user() -> None:
    alice = _user("alice")
    add_theme("from-a-command", acting_user=alice)
    assert _actor_of("from-a-command") == alice


def test_the_acting_user_wins_over_the_request_thread_actor() -> None:
    alice, mallory = _user("alice"), _user("mallory")
    with set_actor(mallory):  # what auditlog's middleware does for a request
        add_theme("for-alice", acting_user=alice)
    assert _actor_of("for-alice") == alice


def test_a_system_write_has_no_actor_even_inside_a_request() -> None:
    mallory = _user("mallory")
    with set_actor(mallory):
        add_theme("by-the-system", acting_user=None)
    assert _actor_of("by-the-system") is None


def test_a_nested_service_gives_its_caller_its_actor_back() -> None:
    alice = _user("alice")
    add_theme_for_system_then_own(acting_user=alice)
    assert _actor_of("by-system") is None
    assert _actor_of("by-caller") == alice


def test_a_service_writes_all_or_nothing() -> None:
    with pytest.raises(RuntimeError):
        add_two_themes_then_fail(acting_user=None)
    assert not Theme.objects.filter(slug__in=["first", "second"]).exists()


def test_acting_user_must_be_given() -> None:
    with pytest.raises(TypeError, match="acting_user"):
        add_theme("nobody-said")  # type: ignore[call-arg]


def test_a_service_without_a_keyword_only_acting_user_is_refused_at_import() -> None:
    with pytest.raises(ServiceDefinitionError):

        @service
        def positional(acting_user: Any) -> None:
            pass

    with pytest.raises(ServiceDefinitionError):

        @service
        def missing() -> None:
            pass
