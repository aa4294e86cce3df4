"""The newsletter: double opt-in that reveals nothing about an address,
partners subscribing from their account, issues composed from what is new,
previewed, tested and sent once in the background in each subscriber's
language, with one-click unsubscribe (RFC 8058), and the archive."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from alliance87.comms import services
from alliance87.comms.mail import confirm_token
from alliance87.comms.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    Post,
    PostStatus,
    Subscriber,
    SubscriberStatus,
)
from alliance87.comms.tasks import send_issue
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def confirmed(email: str, language: str = "en") -> Subscriber:
    return Subscriber.objects.create(
        email=email, language=language, status=SubscriberStatus.CONFIRMED
    )


def link_in(body: str) -> str:
    return re.search(r"http://\S+", body).group(0)  # type: ignore[union-attr]


def test_a_visitor_subscribes_in_french_and_confirms(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/newsletter/", {"form": "public", "email": "Ana@Example.org", "language": "fr"}
        )
    assert response.status_code == 302 and response["Location"] == "/fr/newsletter/thank-you/"
    row = Subscriber.objects.get()
    assert row.email == "ana@example.org" and row.status == SubscriberStatus.PENDING
    (message,) = mail.outbox
    assert message.to == ["ana@example.org"]
    assert "Confirmez" in message.subject
    link = link_in(str(message.body))
    assert "/fr/newsletter/confirm/" in link
    path = link.split("8000", 1)[1]
    # Opening the link confirms nothing (mail scanners open every link).
    assert "Confirmer mon abonnement" in client.get(path).content.decode()
    row.refresh_from_db()
    assert row.status == SubscriberStatus.PENDING
    client.post(path)
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.confirmed_at is not None


def test_asking_again_for_a_subscribed_address_reveals_nothing(
    client, django_capture_on_commit_callbacks
):
    confirmed("known@example.org")
    answers = []
    for email in ("known@example.org", "new@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/en/newsletter/",
                {"form": "public", "email": email, "language": "fr"},
                follow=True,
            )
        answers.append(response.content.decode().replace(email, ""))
    assert answers[0] == answers[1]
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    known = Subscriber.objects.get(email="known@example.org")
    assert known.language == "en" and known.status == SubscriberStatus.CONFIRMED


def test_a_forged_or_stale_confirmation_link_is_refused_clearly(client):
    row = Subscriber.objects.create(email="a@example.org")
    token = confirm_token(row)
    response = client.post(f"/en/newsletter/confirm/{token}x/")
    assert response.status_code == 400
    assert "This confirmation link is not valid or has expired." in response.content.decode()
    # A link for an address since changed is void too.
    Subscriber.objects.filter(pk=row.pk).update(email="b@example.org")
    assert client.post(f"/en/newsletter/confirm/{token}/").status_code == 400
    row.refresh_from_db()
    assert row.status == SubscriberStatus.PENDING


def test_a_partner_subscribes_from_their_account_without_a_confirmation(client, personas):
    sign_in(client, personas.partner)
    response = client.post("/en/newsletter/", {"form": "account", "language": "es"})
    assert response.status_code == 302
    row = Subscriber.objects.get(email=personas.partner.email.lower())
    assert row.status == SubscriberStatus.CONFIRMED and row.language == "es"
    assert row.user == personas.partner and not mail.outbox
    assert "You receive the newsletter at" in client.get("/en/newsletter/").content.decode()


def test_only_the_secretariat_composes_issues(client, personas):
    assert client.get("/en/newsletter/issues/").status_code == 302
    sign_in(client, personas.partner)
    assert client.get("/en/newsletter/issues/").status_code == 404
    assert client.post("/en/newsletter/issues/").status_code == 404
    assert not Issue.objects.exists()


def test_the_secretariat_composes_tests_and_sends_an_issue_once(
    client, personas, django_capture_on_commit_callbacks
):
    services.save_post(
        Post(
            slug="p",
            kind="news",
            title_en="Fresh news",
            title_fr="Nouvelles fraîches",
            status=PostStatus.PUBLISHED,
        ),
        acting_user=None,
    )
    confirmed("en@example.org")
    confirmed("fr@example.org", "fr")
    Subscriber.objects.create(email="pending@example.org")
    Subscriber.objects.create(email="gone@example.org", status=SubscriberStatus.UNSUBSCRIBED)
    sign_in(client, personas.secretariat)
    response = client.post("/en/newsletter/issues/")
    issue: Any = Issue.objects.get()
    assert response["Location"] == f"/en/newsletter/issues/{issue.pk}/"
    # Suggested from what is new, in each language.
    assert "[Fresh news](http://" in issue.body_en
    assert "[Nouvelles fraîches](http://" in issue.body_fr
    form = {
        "action": "save",
        "subject_en": "June news",
        "subject_fr": "Nouvelles de juin",
        "subject_es": "",
        "body_en": issue.body_en + "\n\nEdited by hand.",
        "body_fr": issue.body_fr,
        "body_es": "",
    }
    assert client.post(f"/en/newsletter/issues/{issue.pk}/", form).status_code == 302
    html = client.get(f"/en/newsletter/issues/{issue.pk}/").content.decode()
    assert "Edited by hand." in html  # the preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/en/newsletter/issues/{issue.pk}/",
            {"action": "test", "to": "me@example.org", "language": "fr"},
        )
    (test,) = mail.outbox
    assert test.to == ["me@example.org"] and test.subject == "[Test] Nouvelles de juin"
    assert not Delivery.objects.exists()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/newsletter/issues/{issue.pk}/", {"action": "send"})
    issue.refresh_from_db()
    assert issue.status == IssueStatus.SENT and issue.sent_at is not None
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"en@example.org", "fr@example.org"}
    assert by_address["fr@example.org"].subject == "Nouvelles de juin"
    assert by_address["en@example.org"].subject == "June news"
    for message in mail.outbox:
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.extra_headers["List-Unsubscribe"].startswith("<http://")
    assert "4 of" not in html
    html = client.get(f"/en/newsletter/issues/{issue.pk}/").content.decode()
    assert "2 of 2 sent; 0 waiting; 0 failed." in html
    # Never twice: sending again is refused, running the task again sends nothing.
    client.post(f"/en/newsletter/issues/{issue.pk}/", {"action": "send"})
    assert send_issue.call(issue.pk) == 0
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    assert send_issue.call(issue.pk) == 0
    assert len(mail.outbox) == 2
    # The archive shows it to everyone.
    client.logout()
    assert "June news" in client.get("/en/newsletter/archive/").content.decode()
    html = client.get(f"/fr/newsletter/archive/{issue.pk}/").content.decode()
    assert "Nouvelles de juin" in html


def test_a_draft_issue_is_not_in_the_archive(client):
    issue = services.save_issue(
        Issue(), acting_user=None, subjects={"en": "Draft"}, bodies={"en": "Text"}
    )
    assert client.get(f"/en/newsletter/archive/{issue.pk}/").status_code == 404
    assert client.get("/en/newsletter/archive/%C2%B2/").status_code == 404
    assert "Draft" not in client.get("/en/newsletter/archive/").content.decode()


def test_one_click_unsubscribe_works_without_a_page_or_a_csrf_token(
    django_capture_on_commit_callbacks,
):
    row = confirmed("ana@example.org", "fr")
    issue = services.save_issue(
        Issue(), acting_user=None, subjects={"en": "Hello"}, bodies={"en": "Text"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue, acting_user=None)
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("8000", 1)[1]
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.UNSUBSCRIBED
    forged = client.post(path[:-3] + "xyz/")
    assert forged.status_code == 400
    assert "lien de désabonnement n" in forged.content.decode()


def test_an_issue_reaches_a_real_smtp_server_once_with_its_unsubscribe_headers(
    smtp, django_capture_on_commit_callbacks
):
    for n in range(3):
        confirmed(f"r{n}@example.org", ("en", "fr", "es")[n])
    confirmed("bounce@example.org")
    issue = services.save_issue(
        Issue(),
        acting_user=None,
        subjects={"en": "Hello", "es": "Hola"},
        bodies={"en": "**Text**", "es": "**Texto**"},
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.start_sending(issue, acting_user=None) == 4
    received = {rcpt[0]: message for rcpt, message in smtp.messages}
    assert set(received) == {"r0@example.org", "r1@example.org", "r2@example.org"}
    spanish = received["r2@example.org"]
    assert spanish["Subject"] == "Hola" and spanish["Content-Language"] == "es"
    assert spanish["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = "".join(spanish["List-Unsubscribe"].split())
    assert re.fullmatch(r"<http://\S+/es/newsletter/unsubscribe/\S+/>", header)
    html = next(p for p in spanish.walk() if p.get_content_type() == "text/html")
    assert "<strong>Texto</strong>" in html.get_payload(decode=True).decode()
    # The French subscriber gets the English text: the issue has none in French.
    assert received["r1@example.org"]["Subject"] == "Hello"
    states = dict(Delivery.objects.values_list("subscriber__email", "status"))
    assert states["bounce@example.org"] == DeliveryStatus.FAILED
    assert {states[f"r{n}@example.org"] for n in range(3)} == {DeliveryStatus.SENT}
    Issue.objects.filter(pk=issue.pk).update(status=IssueStatus.SENDING)
    send_issue.call(issue.pk)
    assert len(smtp.messages) == 3


def test_a_subscription_is_in_the_persons_data_and_goes_with_their_erasure(personas):
    from alliance87.comms import personal

    services.subscribe_account(personas.partner, language="fr", acting_user=personas.partner)
    exported = personal.export(personas.partner, None)
    assert exported["newsletter"][0]["email"] == personas.partner.email.lower()
    assert exported["newsletter"][0]["language"] == "fr"
    personal.erase(personas.partner, None)
    assert not Subscriber.objects.exists()
