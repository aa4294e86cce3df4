"""The Secretariat starts sending again to an address stopped by temporary
bounces, from the subscribers page (a confirmation page, then a POST);
never to one that bounces for good, complained or unsubscribed."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from alliance87.comms import mail, services
from alliance87.comms.models import Issue, MailEventKind, Subscriber, SubscriberStatus
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


def confirmed(email: str) -> Subscriber:
    services.subscribe(email=email, language="fr", acting_user=None)
    row = Subscriber.objects.get(email=email)
    return services.confirm_subscription(mail.confirm_token(row), acting_user=None)


def report(row: Subscriber, kind: MailEventKind, times: int = 1) -> Subscriber:
    for _ in range(times):
        services.record_mail_event(
            provider="postmark", kind=kind, address=row.email, occurred_at=None, acting_user=None
        )
    row.refresh_from_db()
    return row


def soft_bounced(email: str = "full@example.org") -> Subscriber:
    row = report(confirmed(email), MailEventKind.SOFT_BOUNCE, times=3)
    assert row.status == SubscriberStatus.SOFT_BOUNCED and row.soft_bounces == 3
    return row


def url(row: Subscriber) -> str:
    return f"/en/newsletter/subscribers/{row.pk}/restart/"


def test_the_secretariat_restarts_a_soft_bounced_address_after_confirming(client, personas):
    row = soft_bounced()
    sign_in(client, personas.secretariat)
    listing = client.get("/en/newsletter/subscribers/").content.decode()
    assert f'href="{url(row)}"' in listing
    asked = client.get(url(row))
    assert asked.status_code == 200
    assert "Send the newsletter to this address again?" in asked.content.decode()
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED  # opening the page changes nothing
    response = client.post(url(row), follow=True)
    assert response.redirect_chain[-1][0] == "/en/newsletter/subscribers/"
    assert "Sending to full@example.org starts again" in response.content.decode()
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 0
    change = (
        LogEntry.objects.get_for_object(row).filter(action=LogEntry.Action.UPDATE).latest("pk")
    )
    assert change.actor == personas.secretariat
    assert change.changes_dict["status"] == ["soft_bounced", "confirmed"]
    issue = Issue.objects.create(subject_en="S", body_en="B")
    assert services.start_sending(issue, acting_user=None) == 1


def test_a_restarted_address_counts_its_temporary_bounces_from_zero(personas):
    row = soft_bounced()
    services.restart_subscriber(row, acting_user=personas.secretariat)
    row = report(row, MailEventKind.SOFT_BOUNCE, times=2)
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 2
    row = report(row, MailEventKind.SOFT_BOUNCE)
    assert row.status == SubscriberStatus.SOFT_BOUNCED


@pytest.mark.parametrize(
    "kind, status",
    [
        (MailEventKind.HARD_BOUNCE, SubscriberStatus.BOUNCED),
        (MailEventKind.COMPLAINT, SubscriberStatus.COMPLAINED),
        (MailEventKind.UNSUBSCRIBE, SubscriberStatus.UNSUBSCRIBED),
    ],
)
def test_an_address_stopped_for_good_is_never_restarted(client, personas, kind, status):
    row = report(confirmed(f"{status}@example.org"), kind)
    assert row.status == status
    sign_in(client, personas.secretariat)
    listing = client.get(f"/en/newsletter/subscribers/?status={status}").content.decode()
    assert url(row) not in listing
    asked = client.get(url(row)).content.decode()
    assert "the Secretariat cannot start it again" in asked
    assert '<form method="post">' not in asked
    response = client.post(url(row))
    assert response.status_code == 400
    assert "the Secretariat cannot start it again" in response.content.decode()
    row.refresh_from_db()
    assert row.status == status
    with pytest.raises(ValidationError, match="cannot start it again"):
        services.restart_subscriber(row, acting_user=personas.secretariat)


def test_a_receiving_address_has_nothing_to_restart(client, personas):
    row = confirmed("fine@example.org")
    sign_in(client, personas.secretariat)
    response = client.post(url(row))
    assert response.status_code == 400
    assert "not stopped by temporary bounces" in response.content.decode()


def test_an_address_never_confirmed_is_not_confirmed_by_the_secretariat(client, personas):
    services.subscribe(email="new@example.org", language="en", acting_user=None)
    row = report(Subscriber.objects.get(email="new@example.org"), MailEventKind.SOFT_BOUNCE, 3)
    assert row.status == SubscriberStatus.SOFT_BOUNCED
    sign_in(client, personas.secretariat)
    response = client.post(url(row))
    assert response.status_code == 400
    assert "never confirmed" in response.content.decode()
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED


def test_others_cannot_restart_an_address(client, personas):
    row = soft_bounced()
    for persona in (personas.partner, personas.outsider):
        sign_in(client, persona)
        assert client.get(url(row)).status_code == 404
        assert client.post(url(row)).status_code == 404
    client.logout()
    assert client.post(url(row)).status_code == 302
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED


def test_a_missing_subscriber_answers_404(client, personas):
    sign_in(client, personas.secretariat)
    assert client.get("/en/newsletter/subscribers/999999/restart/").status_code == 404
