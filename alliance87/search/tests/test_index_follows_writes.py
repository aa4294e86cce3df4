"""The index follows every committed write: saves, deletes, bulk writes,
an event's publication reaching its record; a rolled-back write indexes
nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction

from alliance87.core.dates import ReportedDate
from alliance87.events import services as events
from alliance87.search.models import SearchDocument
from alliance87.search.query import search
from alliance87.statements.models import Statement
from alliance87.testing.factories import make_event, make_statement
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


def found(query: str, user: Any = None) -> int:
    return search(user or AnonymousUser(), query).total


def test_a_save_and_a_delete_are_followed(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        statement = make_statement()
    assert found("bangkok") == 1
    with django_capture_on_commit_callbacks(execute=True):
        statement.delete()
    assert found("bangkok") == 0
    assert not SearchDocument.objects.filter(kind="statement").exists()


def test_bulk_writes_are_followed(django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        make_statement()
    with django_capture_on_commit_callbacks(execute=True):
        Statement.objects.filter(slug="bangkok-statement").update(visibility="partners")
    assert found("bangkok") == 0
    with django_capture_on_commit_callbacks(execute=True):
        rows = list(Statement.objects.all())
        for row in rows:
            row.title_en = "The Osaka Statement"  # type: ignore[attr-defined]
        Statement.objects.bulk_update(rows, ["title_en"])
    assert SearchDocument.objects.get(kind="statement").title_en == "The Osaka Statement"


def test_publishing_an_event_indexes_its_record(
    personas: Personas, django_capture_on_commit_callbacks: Any
) -> None:
    secretariat = personas.secretariat
    with django_capture_on_commit_callbacks(execute=True):
        day = ReportedDate(dt.date(2022, 3, 1))
        event = make_event("quokka", acting_user=secretariat, publish=False, date=day)
        events.record_decision(event, acting_user=secretariat, identifier="Q/1", text="Quokka")
    assert found("quokka") == 0
    assert found("quokka", secretariat) == 2
    with django_capture_on_commit_callbacks(execute=True):
        events.publish_event(event, acting_user=secretariat)
    assert found("quokka") == 2


def test_a_write_rolled_back_indexes_nothing(django_capture_on_commit_callbacks: Any) -> None:
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        make_statement()
        raise RuntimeError
    assert found("bangkok") == 0


def test_every_provider_model_is_followed() -> None:
    from django.db.models.signals import post_save

    from alliance87.core import hooks

    for provider in hooks.SEARCH_PROVIDERS.items():
        for model in (provider.model, *provider.depends):
            assert post_save.has_listeners(model), (
                f"{model.__name__} is not followed: list alliance87.search after "
                f"the app that registers the '{provider.kind}' provider in INSTALLED_APPS"
            )
