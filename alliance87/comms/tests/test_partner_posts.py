"""Partners submit news posts for review: a partner drafts a post by their
organisation with the rules of every post, submits it; the Secretariat
publishes it or returns it with a reason the author reads; until it is
published nobody else sees it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.comms import services
from alliance87.comms.models import Post, PostStatus
from alliance87.partners.models import Person
from alliance87.testing.personas import make_user, sign_in
from alliance87.testing.png import png

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def draft_form(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "story",
        "title_en": "A harvest without child labour",
        "title_fr": "Une récolte sans travail des enfants",
        "body_en": "Text. <script>alert(1)</script>",
        "body_fr": "Texte.",
        "visibility": "public",
        "action": "save",
        **extra,
    }


def submitted_post(client: Client, partner: Any) -> Post:
    sign_in(client, partner)
    response = client.post("/en/news/mine/new/", draft_form(action="submit"))
    assert response.status_code == 302
    client.logout()
    return Post.objects.get()


def others(personas: Any) -> list[Any]:
    return [personas.anonymous, personas.outsider, personas.partner]


def test_a_partner_drafts_a_post_by_their_organisation_and_only_they_see_it(client, personas):
    sign_in(client, personas.partner)
    response = client.post("/en/news/mine/new/", draft_form())
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/en/news/mine/{post.slug}/"
    assert post.status == PostStatus.DRAFT and post.organisation == personas.partner_org
    assert post.created_by == personas.partner and post.languages == ["en", "fr"]
    assert "Draft: only you and the Secretariat see it." in client.get(
        f"/en/news/mine/{post.slug}/"
    ).content.decode("utf-8")
    # Even its author does not find it on the site's own pages.
    assert client.get(f"/en/news/{post.slug}/").status_code == 404
    assert post.slug not in client.get("/en/news/").content.decode()


def test_a_submitted_post_is_seen_by_the_secretariat_and_its_author_only(client, personas):
    post = submitted_post(client, personas.partner)
    assert post.status == PostStatus.SUBMITTED and post.submitted_at is not None
    for user in others(personas):
        client.logout()
        sign_in(client, user)
        assert client.get(f"/en/news/{post.slug}/").status_code == 404
        assert post.slug not in client.get("/en/news/").content.decode()
        assert client.get("/en/news/review/").status_code in (302, 404)
    another = make_user("another-partner")
    Person.objects.create(slug="ann", name="Ann", organisation=personas.partner_org, user=another)
    client.logout()
    sign_in(client, another)
    assert client.get(f"/en/news/mine/{post.slug}/").status_code == 404
    client.logout()
    sign_in(client, personas.secretariat)
    queue = client.get("/en/news/review/").content.decode()
    assert f"/en/news/{post.slug}/" in queue
    page = client.get(f"/en/news/{post.slug}/").content.decode()
    assert "Submitted by a partner for review" in page and "Return it to its author" in page


def test_the_secretariat_returns_a_post_with_a_reason_the_author_reads(client, personas):
    post = submitted_post(client, personas.partner)
    sign_in(client, personas.secretariat)
    refused = client.post(f"/en/news/{post.slug}/publish/", {"action": "return", "reason": " "})
    assert refused.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.SUBMITTED
    client.post(
        f"/en/news/{post.slug}/publish/",
        {"action": "return", "reason": "Name the cooperative's country, please."},
    )
    post.refresh_from_db()
    assert post.status == PostStatus.DRAFT
    assert LogEntry.objects.get_for_object(post).filter(action=LogEntry.Action.UPDATE).exists()
    client.logout()
    sign_in(client, personas.partner)
    mine = client.get("/en/news/mine/").content.decode()
    assert "Returned to you" in mine and "Name the cooperative&#x27;s country, please." in mine
    # Returned, it is a draft again: its author changes it and submits again.
    client.post(f"/en/news/mine/{post.slug}/", draft_form(action="submit", title_en="From Ghana"))
    post.refresh_from_db()
    assert post.status == PostStatus.SUBMITTED and post.title_en == "From Ghana"  # type: ignore[attr-defined]
    assert post.review_note == ""


def test_a_post_returned_twice_or_by_a_second_reviewer_is_refused():
    post = Post(kind="news", title_en="Once", status=PostStatus.SUBMITTED)
    post.slug = "once"
    post.save()
    services.return_post(post, reason="No.", acting_user=_secretariat())
    with pytest.raises(Exception, match="not waiting for review"):
        services.return_post(post, reason="No again.", acting_user=_secretariat())


def _secretariat() -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_staff=True).first() or make_user(
        "reviewer", staff=True
    )


def test_the_secretariat_publishes_a_submitted_post_and_its_markdown_is_sanitised(
    client, personas
):
    post = submitted_post(client, personas.partner)
    sign_in(client, personas.secretariat)
    client.post(f"/en/news/{post.slug}/publish/", {"action": "publish"})
    post.refresh_from_db()
    assert post.is_live
    client.logout()
    html = client.get(f"/en/news/{post.slug}/").content.decode()
    article = html[html.index("<article") : html.index("</article>")]
    assert "<script" not in article and "&lt;script&gt;" in article
    assert personas.partner_org.name in article


def test_a_partner_cannot_change_a_submitted_post(client, personas):
    post = submitted_post(client, personas.partner)
    sign_in(client, personas.partner)
    client.post(f"/en/news/mine/{post.slug}/", draft_form(title_en="Changed"))
    post.refresh_from_db()
    assert post.title_en == "A harvest without child labour"  # type: ignore[attr-defined]
    assert post.status == PostStatus.SUBMITTED


def test_a_partners_lead_image_needs_alt_text_in_each_language(client, personas):
    sign_in(client, personas.partner)
    form = draft_form(image=SimpleUploadedFile("a.png", png()), image_alt_en="A field.")
    response = client.post("/en/news/mine/new/", form)
    assert response.status_code == 400
    assert "Describe the lead image (alt text) in each language of the post." in (
        response.content.decode()
    )
    assert not Post.objects.exists()


def test_only_partners_reach_the_partners_pages(client, personas):
    assert client.get("/en/news/mine/").status_code == 302
    sign_in(client, personas.outsider)
    assert client.get("/en/news/mine/").status_code == 404
    assert client.post("/en/news/mine/new/", draft_form()).status_code == 404
    assert not Post.objects.exists()


@pytest.fixture
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.mark.usefixtures("_tasks_run_at_once")
def test_the_author_is_emailed_the_decision_once_after_it_is_committed(
    client, personas, django_capture_on_commit_callbacks
):
    from django.core import mail

    from alliance87.comms.tasks import send_post_decision
    from alliance87.core.notices import NoticeState

    post = submitted_post(client, personas.partner)
    sign_in(client, personas.secretariat)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            f"/en/news/{post.slug}/publish/",
            {"action": "return", "reason": "Name the cooperative's country, please."},
        )
    assert mail.outbox == []  # nothing leaves before the decision is committed
    for callback in callbacks:
        callback()
    (returned,) = mail.outbox
    assert returned.to == [personas.partner.email]
    assert returned.subject == "Returned to you for changes: A harvest without child labour"
    assert "Name the cooperative's country, please." in returned.body
    assert "/en/news/mine/" in returned.body
    # Run again (a retry, a second worker): nothing is sent twice.
    assert send_post_decision.call(post.pk) is False
    post.refresh_from_db()
    assert post.notice == NoticeState.SENT

    client.logout()
    sign_in(client, personas.partner)
    client.post(f"/en/news/mine/{post.slug}/", draft_form(action="submit"))
    client.logout()
    sign_in(client, personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/news/{post.slug}/publish/", {"action": "publish"})
    published = mail.outbox[1]
    assert published.subject == "Published on the Alliance 8.7 Hub: A harvest without child labour"
    assert f"/en/news/{post.slug}/" in published.body and len(mail.outbox) == 2


@pytest.mark.usefixtures("_tasks_run_at_once")
def test_the_decision_email_is_in_the_language_the_author_chose(
    client, personas, django_capture_on_commit_callbacks
):
    from django.core import mail

    from alliance87.community.models import Preferences

    Preferences.objects.create(user=personas.partner, language="fr")
    post = submitted_post(client, personas.partner)
    sign_in(client, personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/news/{post.slug}/publish/", {"action": "publish"})
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "fr"
    assert "Une récolte sans travail des enfants" in message.subject
    assert f"/fr/news/{post.slug}/" in message.body


def test_publishing_the_secretariats_own_post_emails_no_one(personas, mailoutbox) -> None:
    post = Post(
        kind="news", title_en="Ours", status=PostStatus.DRAFT, created_by=personas.secretariat
    )
    post.slug = "ours"
    post.save()
    services.publish_post(post, acting_user=personas.secretariat)
    assert mailoutbox == []
