"""What reply by email records (community/inbound/): a reply posted once
per message, with the files it carries within the site's limits, and a
refusal recorded once (so answered once)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community import attachments as files
from alliance87.community.models import InboundMessage, InboundOutcome, Post, Thread
from alliance87.community.services.mentions import escape_markdown
from alliance87.community.services.posts import attach_file, reply
from alliance87.core.services import service


@service
def post_emailed_reply(
    thread: Thread,
    *,
    acting_user: Any,
    body: str,
    key: str,
    message_id: str,
    authentication: str = "",
    authentication_results: str = "",
    attachments: Sequence[UploadedFile] = (),
) -> Post:
    """Post a reply received by email, recording the message (and what its
    Authentication-Results said): the same message again raises
    IntegrityError and posts nothing. Its `attachments` are the post's
    files within the site's limits, each on its own: a file the post does
    not take is named at the post's end with why, the others kept."""
    record = InboundMessage.objects.create(
        key=key,
        message_id=message_id[:300],
        received=timezone.now(),
        user=acting_user,
        thread=thread,
        outcome=InboundOutcome.POSTED,
        authentication=authentication,
        authentication_results=authentication_results[:200],
    )
    post = reply(thread, acting_user=acting_user, body=body)
    _attach(post, attachments, acting_user=acting_user)
    record.post = post
    record.save(update_fields=["post"])
    return post


def _attach(post: Post, uploads: Sequence[UploadedFile], *, acting_user: Any) -> None:
    notes, stored = [], []
    for upload in uploads:
        try:
            stored.append(attach_file(post, upload, acting_user=acting_user).file.name)
        except ValidationError as error:
            reason = files.refusal_reason(error)
            if not reason:
                # Not the file's own (the disk): the reply is refused, and
                # its rows rolled back with the files stored so far.
                files.discard(stored)
                raise
            note = _("File not kept (%(reason)s): %(name)s") % {
                "reason": reason,
                "name": escape_markdown(Path(upload.name or "").name),
            }
            notes.append(f"*{note}*")
    if notes:
        # As an import names the files it leaves out (slack/writer.py).
        post.body = post.body + "\n\n" + "  \n".join(notes)
        Post.objects.filter(pk=post.pk).update(body=post.body)


@service
def record_refused_email(
    *,
    acting_user: Any,
    key: str,
    message_id: str,
    user: Any,
    thread: Thread | None,
    reason: str,
    authentication: str = "",
    authentication_results: str = "",
) -> bool:
    """Record an email refused at a reply address; return False if it was
    already recorded (delivered again: answer it no second time)."""
    _record, created = InboundMessage.objects.get_or_create(
        key=key,
        defaults={
            "message_id": message_id[:300],
            "received": timezone.now(),
            "user": user,
            "thread": thread,
            "outcome": InboundOutcome.REFUSED,
            "reason": reason,
            "authentication": authentication,
            "authentication_results": authentication_results[:200],
        },
    )
    return created
