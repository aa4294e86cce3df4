"""A write is attributed to its acting_user, whichever way it comes in.

The suite-wide check (alliance87/testing/audit_actor.py) fails any test in
which a service writes an audit entry that does not name its acting_user;
the first tests here show it catching one. The others call one service
from each entry point (a view, a management command, `loaddemo`, a
callback run on commit) and read the audit entry it wrote.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from alliance87.accounts.demo import DEMO_DOMAIN
from alliance87.core.models import Theme
from alliance87.core.services import running_service, service
from alliance87.statements.models import Endorsement
from alliance87.statements.services import endorse_statement
from alliance87.testing.audit_actor import Mismatch, fail_on, mismatches_caught
from alliance87.testing.factories import make_statement

pytestmark = pytest.mark.django_db

ENDORSE_URL = "/en/statements/bangkok-statement/endorse/"


def _theme(slug: str) -> Theme:
    return Theme.objects.create(slug=slug, name=slug, kind=Theme.Kind.TOPIC)


@service
def add_theme_as_someone_else(slug: str, *, acting_user: Any, other: Any) -> None:
    with set_actor(other):
        _theme(slug)


@service
def add_themes_around_a_set_actor(*, acting_user: Any, other: Any) -> None:
    with set_actor(other):
        pass
    # auditlog's set_actor does not restore its caller's actor on the way
    # out: what is written next has none.
    _theme("after-set-actor")


@service
def add_theme(slug: str, *, acting_user: Any) -> Theme:
    return _theme(slug)


@service
def add_theme_then_queue_another(*, acting_user: Any, queued_for: Any) -> None:
    _theme("now")
    transaction.on_commit(lambda: add_theme("on-commit", acting_user=queued_for))


def _actors(model: type[Any], pk: Any) -> list[Any]:
    return [e.actor for e in LogEntry.objects.get_for_model(model).filter(object_pk=str(pk))]


def _endorsement_actors(organisation: Any) -> list[Any]:
    endorsement = Endorsement.objects.get(organisation=organisation)
    return _actors(Endorsement, endorsement.pk)


class TestTheCheck:
    def test_an_entry_naming_someone_else_is_a_mismatch(self, personas: Any) -> None:
        with mismatches_caught() as caught:
            add_theme_as_someone_else(
                "wrong", acting_user=personas.partner, other=personas.outsider
            )
        assert len(caught) == 1
        mismatch = caught[0]
        assert mismatch.service.endswith("add_theme_as_someone_else")
        assert (mismatch.expected, mismatch.actual) == (personas.partner.pk, personas.outsider.pk)
        assert "core.theme" in mismatch.entry
        assert mismatch.written_at.startswith("alliance87/core/tests/test_audit_actor.py:")

    def test_a_system_write_that_names_someone_is_a_mismatch(self, personas: Any) -> None:
        with mismatches_caught() as caught:
            add_theme_as_someone_else("wrong", acting_user=None, other=personas.outsider)
        assert [(m.expected, m.actual) for m in caught] == [(None, personas.outsider.pk)]

    def test_an_entry_that_lost_its_actor_is_a_mismatch(self, personas: Any) -> None:
        with mismatches_caught() as caught:
            add_themes_around_a_set_actor(acting_user=personas.partner, other=personas.outsider)
        assert [(m.expected, m.actual) for m in caught] == [(personas.partner.pk, None)]

    def test_a_mismatch_fails_the_test_with_a_sentence(self) -> None:
        mismatch = Mismatch(
            service="alliance87.x.services.do", entry="a create entry", expected=3, actual=None
        )
        with pytest.raises(
            pytest.fail.Exception, match=r"do wrote a create entry with actor none"
        ):
            fail_on([mismatch])
        fail_on([])  # nothing to report: no error

    def test_the_running_service_is_known_only_while_it_runs(self, personas: Any) -> None:
        seen: list[Any] = []

        @service
        def look(*, acting_user: Any) -> None:
            seen.append(running_service())

        assert running_service() is None
        look(acting_user=personas.partner)
        look(acting_user=personas.anonymous)
        assert running_service() is None
        assert [s.actor for s in seen] == [personas.partner, None]


class TestEachEntryPoint:
    def test_a_view_attributes_the_write_to_the_signed_in_user(
        self, client: Any, personas: Any
    ) -> None:
        make_statement()
        client.force_login(personas.partner)
        assert client.post(ENDORSE_URL, {"confirm": "on"}).status_code == 302
        assert _endorsement_actors(personas.partner_org) == [personas.partner]

    def test_a_command_attributes_the_write_to_the_user_it_acts_for(self, personas: Any) -> None:
        statement = make_statement()

        endorsements = [(personas.partner_org, personas.secretariat), (personas.other_org, None)]

        class Command(BaseCommand):
            def handle(self, *args: Any, **options: Any) -> None:
                for organisation, user in endorsements:
                    endorse_statement(statement, organisation=organisation, acting_user=user)

        call_command(Command(), stdout=io.StringIO())
        assert _endorsement_actors(personas.partner_org) == [personas.secretariat]
        assert _endorsement_actors(personas.other_org) == [None]

    def test_a_service_in_a_request_names_its_acting_user_not_the_signed_in_one(
        self, personas: Any
    ) -> None:
        statement = make_statement()
        # What auditlog's middleware does for the partner's request.
        with set_actor(personas.partner):
            endorse_statement(
                statement, organisation=personas.other_org, acting_user=personas.secretariat
            )
            endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
        assert _endorsement_actors(personas.other_org) == [personas.secretariat]
        assert _endorsement_actors(personas.partner_org) == [None]

    def test_loaddemo_writes_as_the_system_or_a_demo_account(self) -> None:
        last = LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        call_command("loaddemo", stdout=io.StringIO())
        written = LogEntry.objects.filter(pk__gt=last)
        assert written.filter(actor=None).exists()
        # A demo persona may act in the demo; no one else does.
        assert not written.exclude(actor=None).exclude(actor__email__endswith=f"@{DEMO_DOMAIN}")

    def test_a_write_queued_on_commit_names_the_user_it_was_queued_for(
        self, personas: Any, django_capture_on_commit_callbacks: Any
    ) -> None:
        with (
            set_actor(personas.outsider),
            django_capture_on_commit_callbacks(execute=True),
        ):
            add_theme_then_queue_another(
                acting_user=personas.secretariat, queued_for=personas.partner
            )
        assert _actors(Theme, Theme.objects.get(slug="now").pk) == [personas.secretariat]
        assert _actors(Theme, Theme.objects.get(slug="on-commit").pk) == [personas.partner]
