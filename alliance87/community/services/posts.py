"""Writing posts: a thread with its opening post, a reply, an edit (its
history kept) and a file attached later; each announced after commit, or
held for the moderators (community/moderation/), or brought in by an
import and announced to nobody."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community import attachments as files
from alliance87.community import moderation, pseudonyms
from alliance87.community.models import (
    POST_MAX_CHARS,
    TITLE_MAX_CHARS,
    Attachment,
    Post,
    PostRevision,
    PostState,
    Reason,
    Space,
    SpaceMember,
    Thread,
    ThreadKind,
    forget_standing,
    standing,
)
from alliance87.community.org_mentions import mentioned_organisations
from alliance87.community.pseudonym_mentions import mentioned_pseudonyms
from alliance87.community.services.mentions import mentioned_users, record_mentions
from alliance87.core.permissions import may
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit


@dataclass(frozen=True)
class Imported:
    """A post brought in from elsewhere (community/slack/): written
    under its original author (None: no account, shown as a former
    participant) at its original time, and announced to nobody."""

    author: Any
    created: dt.datetime


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ValidationError({"body": _("Write something to post.")}, code="empty")
    if len(body) > POST_MAX_CHARS:
        raise ValidationError(
            {
                "body": _("A post may be %(max)s characters long at most; this one has %(n)s.")
                % {"max": f"{POST_MAX_CHARS:,}", "n": f"{len(body):,}"}
            },
            code="too_long",
        )
    return body


def _announce(post: Post) -> None:
    from alliance87.community.tasks import fan_out_task

    enqueue_on_commit(fan_out_task, post.pk)


def _announce_or_queue(post: Post, state: str) -> None:
    """Announce a published post; tell the moderators of a held one."""
    if state == PostState.PUBLISHED:
        _announce(post)
    elif state == PostState.HELD:
        moderation.tell_moderators(post, Reason.HELD)


@service
def start_thread(
    space: Space,
    *,
    acting_user: Any,
    title: str,
    body: str,
    kind: str = ThreadKind.DISCUSSION,
    imported: Imported | None = None,
    attachments: Sequence[UploadedFile] = (),
    under_pseudonym: bool = False,
) -> Thread:
    """Open a thread with its first post, carrying `attachments`; the
    author joins the space (unless `imported`: see Imported).
    `under_pseudonym`: the thread and its first post are shown under the
    author's pseudonym."""
    if not may(acting_user, "post", space):
        raise ValidationError(_("You may not post in this space."), code="forbidden")
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Give the thread a title.")}, code="empty")
    if len(title) > TITLE_MAX_CHARS:
        raise ValidationError(
            {
                "title": _("A title may be %(max)s characters long at most.")
                % {"max": TITLE_MAX_CHARS}
            }
        )
    if kind not in ThreadKind.values:
        raise ValidationError({"kind": _("Choose a discussion or a question.")})
    body = _check_body(body)
    users = mentioned_users(body)
    organisations = mentioned_organisations(body, acting_user)
    # A new thread has no pseudonym writing in it yet: @"..." is refused
    # (an import's text is taken as written).
    named = [] if imported else mentioned_pseudonyms(body, acting_user, None)
    pseudonym = None if imported else pseudonyms.for_new_post(acting_user, None, under_pseudonym)
    with files.stored(attachments) as stored:
        state = (
            PostState.PUBLISHED if imported else moderation.state_of_new_post(space, acting_user)
        )
        author = imported.author if imported else acting_user
        now = imported.created if imported else timezone.now()
        thread = Thread.objects.create(
            space=space,
            kind=kind,
            title=title,
            author=author,
            pseudonym=pseudonym,
            created=now,
            last_activity=now,
            state=state,
        )
        post = Post.objects.create(
            thread=thread, author=author, pseudonym=pseudonym, body=body, created=now, state=state
        )
        files.keep(post, stored, added=now)
    record_mentions(post, users, organisations, named)
    if imported is None:
        SpaceMember.objects.get_or_create(space=space, user=acting_user)
        _announce_or_queue(post, state)
    return thread


@service
def reply(
    thread: Thread,
    *,
    acting_user: Any,
    body: str,
    imported: Imported | None = None,
    attachments: Sequence[UploadedFile] = (),
    under_pseudonym: bool | None = None,
) -> Post:
    """Post a reply in `thread`, carrying `attachments` (quietly when
    `imported`: see Imported). `under_pseudonym`: shown under the author's
    pseudonym (True) or name (False); None (a reply by email) signs it as
    their last post in the thread was (community/pseudonyms.py)."""
    if not may(acting_user, "post", thread.space):
        raise ValidationError(_("You may not post in this space."), code="forbidden")
    if thread.closed:
        raise ValidationError(_("This thread is closed to replies."), code="closed")
    body = _check_body(body)
    users = mentioned_users(body)
    organisations = mentioned_organisations(body, acting_user)
    named = [] if imported else mentioned_pseudonyms(body, acting_user, thread)
    pseudonym = None if imported else pseudonyms.for_new_post(acting_user, thread, under_pseudonym)
    with files.stored(attachments) as stored:
        state = (
            PostState.PUBLISHED
            if imported
            else moderation.state_of_new_post(thread.space, acting_user)
        )
        author = imported.author if imported else acting_user
        now = imported.created if imported else timezone.now()
        post = Post.objects.create(
            thread=thread, author=author, pseudonym=pseudonym, body=body, created=now, state=state
        )
        files.keep(post, stored, added=now)
    record_mentions(post, users, organisations, named)
    if state == PostState.PUBLISHED:
        Thread.objects.update_rows(
            [thread.pk], reply_count=F("reply_count") + 1, last_activity=now
        )
    if imported is None:
        # A person who replies follows the space (their standing, read
        # once per request, says whether they joined it already).
        if thread.space_id not in standing(acting_user).joined:
            SpaceMember.objects.get_or_create(space=thread.space, user=acting_user)
            forget_standing(acting_user)
        _announce_or_queue(post, state)
    return post


@service
def edit_post(
    post: Post,
    *,
    acting_user: Any,
    body: str,
    attachments: Sequence[UploadedFile] = (),
    remove: Sequence[int] = (),
) -> Post:
    """Change a post's text, add `attachments` and take off the files
    whose ids are in `remove`, keeping in its history the text and the
    files it replaces."""
    if not may(acting_user, "edit", post):
        raise ValidationError(_("You may not edit this post."), code="forbidden")
    body = _check_body(body)
    current = list(Attachment.objects.current().filter(post=post))
    removed = [a for a in current if a.pk in set(remove)]
    if body == post.body and not attachments and not removed:
        return post
    users = mentioned_users(body)
    organisations = mentioned_organisations(body, acting_user)
    named = mentioned_pseudonyms(body, acting_user, post.thread)
    with files.stored(attachments, kept=len(current) - len(removed)) as stored:
        now = timezone.now()
        revision = PostRevision.objects.create(
            post=post,
            body=post.body,
            written=post.edited or post.created,
            replaced=now,
            replaced_by=acting_user,
        )
        # The version replaced carried the files the post carried until now.
        Attachment.revisions.through.objects.bulk_create(
            [
                Attachment.revisions.through(attachment_id=a.pk, postrevision_id=revision.pk)
                for a in current
            ]
        )
        for attachment in removed:  # one by one, for the audit log
            attachment.removed = now
            attachment.save(update_fields=["removed"])
        files.keep(post, stored, added=now)
        post.body, post.edited = body, now
        post.save(update_fields=["body", "edited"])
    record_mentions(post, users, organisations, named)
    return post


@service
def attach_file(
    post: Post,
    upload: UploadedFile,
    *,
    acting_user: Any,
    added: dt.datetime | None = None,
) -> Attachment:
    """Attach one more file to `post`, as written (no revision: for an
    import that brings a post's files in after the post, at `added`, by
    default the post's own time). The limits of count, size and kind hold,
    and only whoever may edit the post (or the Secretariat) attaches."""
    if not may(acting_user, "edit", post):
        raise ValidationError(_("You may not edit this post."), code="forbidden")
    kept = Attachment.objects.current().filter(post=post).count()
    with files.stored([upload], kept=kept) as stored:
        return files.keep(post, stored, added=added or post.created)[0]
