"""Reply by email with files: the files a reply carries are its post's
attachments, through core.files and within the site's limits (count, size,
kinds), each on its own: the reply's text posts, the files the post takes
are kept and served with its visibility, and each one refused is named at
the post's end with why, leaving nothing on disk."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import inbound, reply_address
from alliance87.community.models import Attachment, InboundMessage
from alliance87.community.tests.reply_by_email_support import (
    QUOTED,
    refused_with_bounce,
    replies,
    run_command,
)
from alliance87.community.tests.smtp import smtp  # noqa: F401 - a fixture
from alliance87.core.files import file_url
from alliance87.testing.uploads import EXE, PDF, PNG, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def reply_with_files(to: str, sender: str, files: list[tuple[str, bytes, str]]) -> bytes:
    """A reply as a mail program writes it: its text, then its files
    (multipart/mixed, each file base64-encoded)."""
    message = EmailMessage()
    message["From"] = f"Someone <{sender}>"
    message["To"] = to
    message["Subject"] = "Re: [Migration space] Meeting"
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    message.set_content(f"Here is the report.\n\n{QUOTED}")
    for name, data, content_type in files:
        maintype, subtype = content_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(message)


def test_the_files_of_an_emailed_reply_are_its_attachments_within_the_sites_limits(
    scene, thread, settings, media, monkeypatch
) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 2
    settings.COMMUNITY_ATTACHMENT_MAX_MB = 1
    big = PDF + b"%" * (1024 * 1024)
    raw = reply_with_files(
        reply_address.reply_address(scene.member, thread),
        scene.member.email,
        [
            ("report.pdf", PDF, "application/pdf"),
            ("program.exe", EXE, "application/octet-stream"),
            ("big.pdf", big, "application/pdf"),
            ("chart.png", PNG, "image/png"),
            ("extra.pdf", PDF, "application/pdf"),
        ],
    )
    assert run_command(raw, monkeypatch=monkeypatch) == 0
    [post] = replies(thread)
    kept = list(Attachment.objects.filter(post=post).order_by("pk"))
    assert [a.name for a in kept] == ["report.pdf", "chart.png"]
    assert [a.kind for a in kept] == ["pdf", "png"]
    # The text, then each file refused, named with why.
    assert post.body.startswith("Here is the report.")
    assert "Where do we meet?" not in post.body
    assert "*File not kept (not of a kind the Hub accepts): program.exe*" in post.body
    assert "*File not kept (larger than 1 MB): big.pdf*" in post.body
    assert "*File not kept (beyond the 2 files a post may carry): extra.pdf*" in post.body
    assert "report.pdf" not in post.body and "chart.png" not in post.body
    # Only the kept files are on disk, served with the post's visibility.
    assert len(stored_files(media)) == 2
    member = Client()
    member.force_login(scene.member)
    served = member.get(file_url(kept[0]))
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF  # type: ignore[attr-defined]
    outsider = Client()
    outsider.force_login(scene.outsider)
    assert outsider.get(file_url(kept[0])).status_code == 404
    page = member.get(thread.get_absolute_url()).content.decode()
    assert "report.pdf" in page and "chart.png" in page
    # Delivered again: nothing posted, nothing stored twice.
    assert inbound.receive(raw).status == "duplicate"
    assert len(stored_files(media)) == 2 and len(replies(thread)) == 1
    assert InboundMessage.objects.get().post == post


def test_a_hub_whose_posts_carry_no_files_posts_the_text_and_names_them(
    scene, thread, settings, media
) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 0
    raw = reply_with_files(
        reply_address.reply_address(scene.member, thread),
        scene.member.email,
        [("notes_v2.pdf", PDF, "application/pdf")],
    )
    assert inbound.receive(raw).status == "posted"
    [post] = replies(thread)
    assert not Attachment.objects.filter(post=post).exists()
    # Named as typed: Markdown's marks escaped.
    assert "(posts carry no files on this Hub): notes\\_v2.pdf*" in post.body
    assert stored_files(media) == []


def test_a_reply_without_files_posts_its_text_alone(scene, thread, media) -> None:
    raw = reply_with_files(
        reply_address.reply_address(scene.member, thread), scene.member.email, []
    )
    assert inbound.receive(raw).status == "posted"
    [post] = replies(thread)
    assert post.body == "Here is the report."
    assert not Attachment.objects.exists()


def test_the_pictures_an_html_reply_shows_are_not_files(scene, thread, media) -> None:
    message = EmailMessage()
    message["From"] = scene.member.email
    message["To"] = reply_address.reply_address(scene.member, thread)
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    message.set_content('<p>Agreed.</p><img src="cid:logo@example.org">', subtype="html")
    message.add_related(PNG, "image", "png", cid="<logo@example.org>", filename="logo.png")
    assert message.get_content_type() == "multipart/related"
    assert inbound.receive(bytes(message)).status == "posted"
    [post] = replies(thread)
    assert post.body.startswith("Agreed.") and "logo" not in post.body
    assert not Attachment.objects.exists() and stored_files(media) == []


def test_a_file_that_cannot_be_stored_refuses_the_reply_leaving_nothing(
    scene,
    thread,
    media,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    from alliance87.core import files as core_files

    store = core_files.store_upload
    calls = []

    def disk_full_at_the_second(*args: Any, **kwargs: Any) -> str:
        calls.append(1)
        if len(calls) == 2:
            raise ValidationError("The disk is full.", code="not_saved")
        return store(*args, **kwargs)

    monkeypatch.setattr(core_files, "store_upload", disk_full_at_the_second)
    raw = reply_with_files(
        reply_address.reply_address(scene.member, thread),
        scene.member.email,
        [("a.pdf", PDF, "application/pdf"), ("b.pdf", PDF, "application/pdf")],
    )
    refused_with_bounce(raw, smtp, scene.member.email, "The disk is full.")
    assert replies(thread) == [] and not Attachment.objects.exists()
    assert stored_files(media) == []
