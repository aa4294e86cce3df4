"""Whatever the application is for, the applicant gets an email at each
step, in the language they applied in; a mail server that is down never
undoes or breaks a decision."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from alliance87.applications import services
from alliance87.applications.models import Application
from alliance87.countries.models import Country


def submit(kind: str, world: Any, **values: Any) -> Application:
    data: dict[str, Any] = {
        "kind": kind,
        "organisation_name": "Freedom Network",
        "stakeholder_type": "civil_society",
        "contact_name": "Ana Example",
        "email": "ana@example.org",
        "acting_user": None,  # an applicant who is not signed in
    }
    if kind == Application.Kind.GROUP:
        data["group"] = world.migration
    elif kind == Application.Kind.GCG_SEAT:
        data["seat"] = world.seat
    elif kind == Application.Kind.PATHFINDER:
        data.update(stakeholder_type="government", country=Country.objects.get(iso3="GHA"))
    data.update(values)
    return services.submit_application(**data)


def status_mails() -> list[Any]:
    return [m for m in mail.outbox if "invitation" not in m.subject.lower()]


KINDS = [kind.value for kind in Application.Kind]

ACCEPTED_SAYS = {
    "partner": "now listed as a partner of Alliance 8.7",
    "group": "Action Group on Migration now lists your organisation among its members",
    "gcg_seat": 'now holds the seat "Civil society, third seat"',
    "pathfinder": "Ghana is now recorded on the Alliance 8.7 Hub",
}


@pytest.mark.parametrize("kind", KINDS)
def test_received_under_review_and_accepted_are_each_emailed(
    kind, personas, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit(kind, world)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_review(application, acting_user=personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_application(application, acting_user=personas.secretariat)
    mails = status_mails()
    assert [m.subject for m in mails] == [
        "We received your application to Alliance 8.7",
        "Your application to Alliance 8.7 is under review",
        "Your application to Alliance 8.7 is accepted",
    ]
    assert ACCEPTED_SAYS[kind] in mails[2].body
    assert all(m.to == ["ana@example.org"] for m in mail.outbox)
    # And the invitation to create an account, after the acceptance.
    assert "invitation" in mail.outbox[-1].subject.lower()


@pytest.mark.parametrize("kind", KINDS)
def test_a_decline_is_emailed_with_its_reason(
    kind, personas, world, django_capture_on_commit_callbacks
):
    application = submit(kind, world)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_application(
            application,
            reason="The Action Group has reached its size for this year.",
            acting_user=personas.secretariat,
        )
    (declined,) = mail.outbox
    assert declined.subject == "Your application to Alliance 8.7"
    assert "cannot accept it at this time" in declined.body
    assert "The Action Group has reached its size for this year." in declined.body


def test_the_email_is_in_the_language_of_the_application(
    personas, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(Application.Kind.PARTNER, world, language="fr")
    assert mail.outbox[0].subject != "We received your application to Alliance 8.7"
    assert "Freedom Network" in mail.outbox[0].body


class BrokenMailServer(BaseEmailBackend):
    """Stands in for an SMTP server that refuses connections."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError("mail server down")


def test_a_mail_server_that_is_down_does_not_undo_or_break_the_decision(
    client, personas, world, settings, django_capture_on_commit_callbacks
):
    application = submit(Application.Kind.GROUP, world)
    settings.EMAIL_BACKEND = f"{__name__}.BrokenMailServer"
    client.force_login(personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/applications/{application.pk}/",
            {"decision": "decline", "reason": "Outside Target 8.7."},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.DECLINED
