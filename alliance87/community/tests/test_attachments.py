"""Files attached to posts: stored through core.files with the post or not
at all, within the limits (count, size, kinds), served with the post's
visibility (a hidden post's files to its author and moderators only), kept
in the edit history, linked (never attached) in emails, listed by the API,
exported and erased with the person's data."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.accounts.personal_data import collect
from alliance87.community import moderation, notify, services
from alliance87.community.models import (
    Attachment,
    Level,
    Notification,
    Post,
    Reason,
    Thread,
)
from alliance87.community.personal_data import erase
from alliance87.core.files import file_url
from alliance87.testing.uploads import EXE, PDF, PNG, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def pdf(name: str = "report.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, "application/pdf")


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def opening(scene: Any, *, files: list[Any], space: Any = None) -> Post:
    thread = services.start_thread(
        space or scene.commons,
        acting_user=scene.partner,
        title="Findings",
        body="See the files.",
        attachments=files,
    )
    return thread.posts.get()


# --- Posting ----------------------------------------------------------------------


def test_a_reply_posted_with_files_shows_each_with_its_name_kind_size_and_link(scene) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    client = signed_in(scene.partner)
    response = client.post(
        f"/en/community/commons/{thread.pk}/reply/",
        {"body": "Here they are.", "attachments": [pdf(), SimpleUploadedFile("chart.png", PNG)]},
    )
    assert response.status_code == 302
    post = Post.objects.get(body="Here they are.")
    files = list(post.attachments.order_by("pk"))
    assert [(a.name, a.kind, a.size) for a in files] == [
        ("report.pdf", "pdf", len(PDF)),
        ("chart.png", "png", len(PNG)),
    ]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert f'<a href="{file_url(files[0])}">report.pdf</a> <span class="hint">(PDF, ' in page
    assert f'<a href="{file_url(files[1])}">chart.png</a>' in page
    assert 'enctype="multipart/form-data"' in page
    assert "Up to 5 files of 10 MB at most each" in page


def test_a_thread_started_with_a_file_from_the_form(scene) -> None:
    response = signed_in(scene.partner).post(
        "/en/community/commons/new/",
        {"kind": "discussion", "title": "With a file", "body": "B", "attachments": [pdf()]},
    )
    assert response.status_code == 302
    post = Thread.objects.get(title="With a file").posts.get()
    assert [a.name for a in post.attachments.all()] == ["report.pdf"]


def test_too_many_files_are_refused_and_nothing_is_posted(scene, settings, media) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 2
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    response = signed_in(scene.partner).post(
        f"/en/community/commons/{thread.pk}/reply/",
        {"body": "Three files", "attachments": [pdf("a.pdf"), pdf("b.pdf"), pdf("c.pdf")]},
    )
    assert response.status_code == 400
    assert "A post may carry 2 files at most; this one would carry 3." in response.content.decode()
    assert not Post.objects.filter(body="Three files").exists()
    assert stored_files(media) == []


def test_an_oversized_file_is_refused_with_its_size_and_nothing_is_posted(
    scene, settings, media
) -> None:
    settings.COMMUNITY_ATTACHMENT_MAX_MB = 1
    big = pdf("big.pdf", PDF + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as refused:
        opening(scene, files=[pdf(), big])
    assert refused.value.message_dict["attachments"] == [
        "“big.pdf” is 1.0\xa0MB; a file attached to a post may be 1 MB at most."
    ]
    assert not Thread.objects.exists() and not Attachment.objects.exists()
    assert stored_files(media) == []


def test_a_file_of_a_kind_not_accepted_changes_nothing_and_leaves_no_file_behind(
    scene, media
) -> None:
    # The first file is stored before the second is read: it goes too.
    renamed = SimpleUploadedFile("minutes.pdf", EXE, "application/pdf")
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    response = signed_in(scene.partner).post(
        f"/en/community/commons/{thread.pk}/reply/",
        {"body": "Two files", "attachments": [pdf(), renamed]},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "“minutes.pdf”: This file&#x27;s content is not of an accepted kind." in page
    assert "Two files" in page  # the text is kept in the form
    assert not Post.objects.filter(body="Two files").exists()
    assert stored_files(media) == []


def test_only_the_kinds_the_setting_names_are_accepted(scene, settings) -> None:
    settings.COMMUNITY_ATTACHMENT_KINDS = ["pdf"]
    with pytest.raises(ValidationError) as refused:
        opening(scene, files=[SimpleUploadedFile("chart.png", PNG)])
    assert "Accepted: PDF." in refused.value.message_dict["attachments"][0]
    assert opening(scene, files=[pdf()]).attachments.count() == 1


def test_with_no_files_allowed_the_forms_offer_none_and_a_file_is_refused(scene, settings) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 0
    page = signed_in(scene.partner).get("/en/community/commons/new/").content.decode()
    assert 'type="file"' not in page
    with pytest.raises(ValidationError) as refused:
        opening(scene, files=[pdf()])
    assert refused.value.message_dict["attachments"] == ["Posts carry no files on this Hub."]


# --- Serving ------------------------------------------------------------------------


def test_the_file_is_served_to_whoever_reads_the_post_and_to_no_one_else(scene) -> None:
    post = opening(scene, files=[pdf()])  # in the commons, for partners
    url = file_url(post.attachments.get())
    response = signed_in(scene.partner).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert signed_in(scene.secretariat).get(url).status_code == 200
    # An outsider and an anonymous visitor do not see the commons.
    assert signed_in(scene.outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 404


def test_a_members_only_spaces_files_are_its_members(scene) -> None:
    thread = services.start_thread(
        scene.group_space, acting_user=scene.member, title="T", body="B", attachments=[pdf()]
    )
    url = file_url(thread.posts.get().attachments.get())
    assert signed_in(scene.member).get(url).status_code == 200
    assert signed_in(scene.partner).get(url).status_code == 404
    assert signed_in(scene.outsider).get(url).status_code == 404


def test_a_hidden_posts_files_are_served_to_its_author_and_moderators_only(scene) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    post = services.reply(thread, acting_user=scene.partner, body="Mine", attachments=[pdf()])
    url = file_url(post.attachments.get())
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Off topic")
    assert signed_in(scene.partner).get(url).status_code == 200  # its author
    assert signed_in(scene.secretariat).get(url).status_code == 200
    page = signed_in(scene.secretariat).get(thread.get_absolute_url()).content.decode()
    assert "report.pdf" in page  # moderators read the hidden post in full


def another_partner(scene: Any) -> Any:
    """A second person of the partner organisation (reads the commons)."""
    from alliance87.partners.models import Person
    from alliance87.testing.personas import make_user

    other = make_user("other-partner")
    Person.objects.create(
        slug="other-partner", name="Other", organisation=scene.personas.partner_org, user=other
    )
    return other


def test_a_hidden_posts_files_are_not_listed_on_its_notice_nor_served(scene) -> None:
    other = another_partner(scene)
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    post = services.reply(thread, acting_user=scene.partner, body="Mine", attachments=[pdf()])
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Off topic")
    client = signed_in(other)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "A moderator hid this post." in page and "report.pdf" not in page
    assert client.get(file_url(post.attachments.get())).status_code == 404


# --- Editing ------------------------------------------------------------------------


def test_an_edit_adds_and_takes_off_files_and_the_history_keeps_them(scene) -> None:
    post = opening(scene, files=[pdf("first.pdf")])
    first = post.attachments.get()
    client = signed_in(scene.partner)
    form = client.get(f"/en/community/posts/{post.pk}/edit/").content.decode()
    assert "Take off files" in form and "first.pdf" in form
    response = client.post(
        f"/en/community/posts/{post.pk}/edit/",
        {"body": post.body, "remove": [str(first.pk)], "attachments": [pdf("second.pdf")]},
    )
    assert response.status_code == 302
    assert [a.name for a in post.attachments.current()] == ["second.pdf"]
    first.refresh_from_db()
    assert first.removed is not None
    history = client.get(f"/en/community/posts/{post.pk}/history/").content.decode()
    now, before = history.split("As written on", 1)
    assert "second.pdf" in now and "first.pdf" not in now
    assert "first.pdf" in before and "second.pdf" not in before
    # Still served: the history shows it to whoever reads the post.
    assert client.get(file_url(first)).status_code == 200
    page = client.get(post.thread.get_absolute_url()).content.decode()
    assert "second.pdf" in page and "first.pdf" not in page


def test_an_edit_past_the_limit_changes_nothing(scene, settings, media) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 1
    post = opening(scene, files=[pdf("first.pdf")])
    with pytest.raises(ValidationError) as refused:
        services.edit_post(
            post, acting_user=scene.partner, body="New text", attachments=[pdf("second.pdf")]
        )
    assert "at most" in refused.value.message_dict["attachments"][0]
    post.refresh_from_db()
    assert post.body == "See the files." and not post.revisions.exists()
    assert len(stored_files(media)) == 1


def test_nobody_takes_off_another_posts_files_by_naming_them(scene) -> None:
    other = opening(scene, files=[pdf("theirs.pdf")])
    mine = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="Mine", body="B"
    ).posts.get()
    services.edit_post(
        mine, acting_user=scene.secretariat, body="B2", remove=[other.attachments.get().pk]
    )
    assert other.attachments.current().count() == 1


def test_attach_file_adds_a_file_to_a_written_post_for_an_import(scene) -> None:
    post = opening(scene, files=[])
    attached = services.attach_file(post, pdf(), acting_user=scene.secretariat)
    assert attached.post == post and attached.added == post.created
    with pytest.raises(ValidationError):
        services.attach_file(post, pdf(), acting_user=scene.outsider)
    assert post.attachments.count() == 1


def test_each_refusal_keeps_its_code_beside_its_field(scene, settings) -> None:
    # An import tells a refused file from a refused import by the code.
    post = opening(scene, files=[])

    def refusal(upload: SimpleUploadedFile) -> tuple[str | None, str]:
        with pytest.raises(ValidationError) as refused:
            services.attach_file(post, upload, acting_user=scene.secretariat)
        [error] = refused.value.error_dict["attachments"]
        return error.code, str(error.message)

    settings.COMMUNITY_ATTACHMENT_MAX_MB = 1
    big = pdf("big.pdf", PDF + b"0" * (1024 * 1024 + 1))
    assert refusal(big)[0] == "file_too_large"
    assert refusal(SimpleUploadedFile("a.pdf", EXE))[0] == "kind"
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 1
    services.attach_file(post, pdf(), acting_user=scene.secretariat)
    assert refusal(pdf("b.pdf")) == (
        "too_many_files",
        "A post may carry 1 file at most; this one would carry 2.",
    )
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 0
    assert refusal(pdf("b.pdf")) == ("attachments_off", "Posts carry no files on this Hub.")
    assert post.attachments.count() == 1


# --- Emails, the API, personal data -------------------------------------------------


def test_the_email_links_the_files_and_attaches_none(scene, settings) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    post = opening(scene, files=[pdf()])
    notify.fan_out(post.pk)
    message = notify.compose(
        Notification.objects.get(user=scene.secretariat, reason=Reason.THREAD)
    )
    assert message.attachments == []
    url = settings.SITE_URL + file_url(post.attachments.get())
    assert f"- report.pdf (PDF, {len(PDF)}\xa0bytes): {url}" in message.body


def test_the_digest_links_the_files(scene, settings) -> None:
    import datetime as dt

    from alliance87.community.models import Preferences

    post = opening(scene, files=[pdf()])
    row = Notification.objects.create(
        user=scene.secretariat, post=post, reason=Reason.THREAD, created=post.created, digest=True
    )
    prefs = Preferences.objects.create(user=scene.secretariat)
    message = notify.digest_message(
        prefs, [row], post.created - dt.timedelta(days=1), post.created + dt.timedelta(days=1)
    )
    assert f"File: report.pdf (PDF, {len(PDF)}\xa0bytes): " in message.body
    assert settings.SITE_URL + file_url(post.attachments.get()) in message.body


def test_the_api_lists_a_posts_files_to_those_who_read_it(scene) -> None:
    from alliance87.api.services import create_token

    def posts(user: Any) -> list[dict[str, Any]]:
        secret = create_token(user, name="t", scope="read", days=1, acting_user=user)[1]
        url = f"/api/v1/community/spaces/commons/threads/{thread.pk}/posts"
        return Client().get(url, headers={"Authorization": f"Bearer {secret}"}).json()["items"]

    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title="T", body="B"
    )
    post = services.reply(thread, acting_user=scene.partner, body="Mine", attachments=[pdf()])
    items = posts(scene.partner)
    assert items[0]["attachments"] == []
    assert items[1]["attachments"] == [
        {
            "name": "report.pdf",
            "kind": "PDF",
            "content_type": "application/pdf",
            "size": len(PDF),
            "url": "http://testserver" + file_url(post.attachments.get()),
            "download": (
                f"http://testserver/api/v1/community/files/{post.attachments.get().pk}/report.pdf"
            ),
        }
    ]
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Spam")
    hidden = posts(another_partner(scene))[1]
    assert hidden["hidden"] and hidden["attachments"] == []
    assert posts(scene.partner)[1]["attachments"] != []  # its author reads it in full


def test_the_export_lists_the_files_and_erasure_deletes_them(
    scene, media, settings, django_capture_on_commit_callbacks
) -> None:
    post = opening(scene, files=[pdf()])
    services.edit_post(
        post, acting_user=scene.partner, body="B", remove=[post.attachments.get().pk]
    )
    services.edit_post(post, acting_user=scene.partner, body="C", attachments=[pdf("new.pdf")])
    exported = collect(scene.partner)["community"]["attachments"]
    assert [(f["file"], f["kind"], f["removed"] is not None) for f in exported] == [
        ("report.pdf", "PDF", True),
        ("new.pdf", "PDF", False),
    ]
    first = post.attachments.order_by("pk").first()
    assert exported[0]["address"] == settings.SITE_URL + file_url(first)
    someone_else = opening(scene, files=[pdf("kept.pdf")], space=scene.commons)
    Post.objects.filter(pk=someone_else.pk).update(author=scene.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        erase(scene.partner, None)
    assert not Attachment.objects.filter(post=post).exists()
    assert [p.name for p in stored_files(media)] == ["kept.pdf"]


def test_a_post_rolled_back_around_it_leaves_its_file_to_the_daily_sweep(
    scene, media, settings
) -> None:
    """The post's service stored its file and wrote its rows; a block around
    it then failed, so the rows are gone and the file stays, named by no
    row and never served, until the workers' sweep (core/files/sweep.py)
    finds it a day old."""
    import datetime as dt
    import os

    from django.db import transaction
    from django.utils import timezone

    from alliance87.core.files.sweep import sweep

    class Undone(Exception):
        pass

    with pytest.raises(Undone), transaction.atomic():
        opening(scene, files=[pdf("withdrawn.pdf")])
        raise Undone
    assert not Attachment.objects.exists()
    (left,) = [p for p in stored_files(media) if p.name == "withdrawn.pdf"]
    assert sweep().removed == [] and left.exists()
    day_old = (timezone.now() - dt.timedelta(hours=settings.FILES_ORPHAN_HOURS + 1)).timestamp()
    os.utime(left, (day_old, day_old))
    assert sweep().removed == [left.relative_to(media).as_posix()]
    assert not left.exists()
