"""
Writes to the community.

Invariants:
- a members-only space belongs to a group; a group's space names its
  group, a country's space its country, a theme's space its theme;
- only the Secretariat creates, archives and restores spaces and names
  moderators; nothing is posted or edited in an archived space;
- a thread always has its opening post, written in the same transaction;
  its `reply_count` and `last_activity` follow its replies;
- nobody posts in a closed thread; only someone who may post in the
  space posts there (core.permissions: "post"), whether from the site or
  by email;
- every @username in a post names an active account, and every
  @org:<slug> an organisation its author may see, else the post is refused
  with the names not found; each one named is recorded once
  (community/org_mentions.py);
- a post's files are few, small and of accepted kinds, checked and stored
  with the post or not at all (community/attachments.py);
- an edit keeps the text it replaced, with when and by whom, and the files
  it removed;
- one "helpful" mark per person and post, never on one's own post;
- a question's accepted answer is a reply in that thread;
- every new post is announced after commit (community/tasks.py): who
  hears of it, and how, is community/notify.py's;
- a person's level for a space is one of Level's; leaving a space stops
  its mail, and so does the one-click unsubscribe of its emails;
- a new account's post is held for review, and rate-limited; a held post
  is announced when a moderator approves it, and told at once to the
  space's moderators; only published replies count in `reply_count` and
  move `last_activity` (community/moderation.py);
- an email received at a reply address is recorded once (its Message-ID):
  delivered again, it posts nothing (community/inbound.py);
- a post is written under its author's pseudonym only when they may use
  one (community/pseudonyms.py, whose docstring lists its invariants);
- a post brought in by an import (`Imported`: the Slack import) keeps its
  original author and date, is asked of the importer's permission, joins
  nobody to the space and is announced to nobody: an import sends no mail.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
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
    Helpful,
    InboundMessage,
    InboundOutcome,
    Level,
    Mention,
    Notification,
    OrganisationMention,
    Post,
    PostRevision,
    PostState,
    Preferences,
    Reason,
    Space,
    SpaceKind,
    SpaceMember,
    SpaceRole,
    Thread,
    ThreadKind,
    forget_standing,
    standing,
)
from alliance87.community.org_mentions import mentioned_organisations, without_org_mentions
from alliance87.core.permissions import may
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import Visibility, is_secretariat

# "@name" not preceded by a word character (an email address is no mention).
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.+-]{0,149})")


@dataclass(frozen=True)
class Imported:
    """A post brought in from elsewhere (community/slack/): written
    under its original author (None: no account, shown as a former
    participant) at its original time, and announced to nobody."""

    author: Any
    created: dt.datetime


def _require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")


# The community's own pages under /community/, which a space's address
# would shadow (urls.py).
RESERVED_SLUGS = frozenset({"new", "inbox", "settings", "unsubscribe", "posts", "queue"})


def check_space(space: Space) -> None:
    """Raise ValidationError unless the space's kind, links and
    visibility agree, and its address is free."""
    errors: dict[str, str] = {}
    if space.slug in RESERVED_SLUGS:
        errors["slug"] = _("This address is a page of the community's; choose another.")
    needs = {SpaceKind.GROUP: "group", SpaceKind.COUNTRY: "country", SpaceKind.THEME: "theme"}
    field = needs.get(SpaceKind(space.kind))
    if field and getattr(space, f"{field}_id") is None:
        labels = {"group": _("group"), "country": _("country"), "theme": _("theme")}
        errors[field] = _("A space of this kind must name its %(what)s.") % {"what": labels[field]}
    if space.visibility == Visibility.MEMBERS and space.group_id is None:
        errors["visibility"] = _("A members-only space must belong to a group.")
    if errors:
        raise ValidationError(errors)


@service
def save_space(space: Space, *, acting_user: Any) -> Space:
    """Create or change a space (the Secretariat only)."""
    _require_secretariat(acting_user)
    check_space(space)
    space.full_clean(exclude=["group", "country", "theme"])
    space.save()
    return space


@service
def archive_space(space: Space, *, acting_user: Any, archived: bool = True) -> Space:
    """Archive a space (kept readable, closed to new posts) or restore it."""
    _require_secretariat(acting_user)
    space.archived_at = timezone.now() if archived else None
    space.save(update_fields=["archived_at"])
    return space


@service
def join_space(space: Space, *, acting_user: Any) -> SpaceMember:
    if not may(acting_user, "post", space):
        raise ValidationError(_("You may not join this space."), code="forbidden")
    member, _created = SpaceMember.objects.get_or_create(space=space, user=acting_user)
    forget_standing(acting_user)
    return member


@service
def leave_space(space: Space, *, acting_user: Any) -> None:
    """Leave a space; a moderator who leaves stops moderating it."""
    SpaceMember.objects.filter(space=space, user=acting_user).delete()
    forget_standing(acting_user)


@service
def set_moderator(space: Space, user: Any, *, acting_user: Any, moderator: bool = True) -> None:
    """Name `user` a moderator of `space`, or return them to member."""
    _require_secretariat(acting_user)
    if moderator and not user.is_active:
        raise ValidationError(_("This account is deactivated."), code="inactive")
    role = SpaceRole.MODERATOR if moderator else SpaceRole.MEMBER
    member, created = SpaceMember.objects.get_or_create(
        space=space, user=user, defaults={"role": role}
    )
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    forget_standing(user)


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


def mentioned_users(body: str) -> list[Any]:
    """Return the active accounts named with @username in `body`; raise
    ValidationError naming those that are not found."""
    body = without_org_mentions(body)
    names = {m.lower() for m in MENTION.findall(body)}
    # A trailing full stop ends a sentence, not a name.
    names = {n.rstrip(".") for n in names}
    if not names:
        return []
    users = list(
        get_user_model().objects.filter(is_active=True, username__in=_spellings(body, names))
    )
    found = {u.username.lower() for u in users}
    missing = sorted(names - found)
    if missing:
        raise ValidationError(
            {
                "body": _("No one on the Hub has the username %(names)s.")
                % {"names": ", ".join(f"@{n}" for n in missing)}
            },
            code="unknown_mention",
        )
    return users


def _spellings(body: str, names: set[str]) -> list[str]:
    # Usernames are matched case-insensitively without a function index:
    # ask for each name as written and in lower case.
    written = {m.rstrip(".") for m in MENTION.findall(body)}
    return sorted(written | names)


def _announce(post: Post) -> None:
    from alliance87.community.tasks import fan_out_task

    enqueue_on_commit(fan_out_task, post.pk)


def _announce_or_queue(post: Post, state: str) -> None:
    """Announce a published post; tell the moderators of a held one."""
    if state == PostState.PUBLISHED:
        _announce(post)
    elif state == PostState.HELD:
        moderation.tell_moderators(post, Reason.HELD)


def _record_mentions(post: Post, users: list[Any], organisations: list[Any]) -> None:
    if users:
        Mention.objects.bulk_create(
            [Mention(post=post, user=u) for u in users], ignore_conflicts=True
        )
    if organisations:
        OrganisationMention.objects.bulk_create(
            [OrganisationMention(post=post, organisation=o) for o in organisations],
            ignore_conflicts=True,
        )


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
    _record_mentions(post, users, organisations)
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
    _record_mentions(post, users, organisations)
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
    _record_mentions(post, users, organisations)
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


@service
def mark_helpful(post: Post, *, acting_user: Any, helpful: bool = True) -> None:
    """Mark a post helpful, or take the mark back."""
    if post.author_id == acting_user.pk:
        raise ValidationError(_("You cannot mark your own post helpful."), code="own")
    if not may(acting_user, "post", post.thread.space):
        raise ValidationError(_("You may not do this in this space."), code="forbidden")
    if helpful:
        _mark, created = Helpful.objects.get_or_create(post=post, user=acting_user)
        changed = 1 if created else 0
    else:
        changed = -Helpful.objects.filter(post=post, user=acting_user).delete()[0]
    if changed:
        Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + changed)


@service
def accept_answer(thread: Thread, post: Post | None, *, acting_user: Any) -> Thread:
    """Mark `post` as the answer to the question (None: no answer)."""
    if not may(acting_user, "accept", thread):
        raise ValidationError(_("You may not do this in this thread."), code="forbidden")
    if thread.kind != ThreadKind.QUESTION:
        raise ValidationError(_("Only a question has an accepted answer."), code="kind")
    if post is not None and (post.thread_id != thread.pk or thread.posts.first() == post):
        raise ValidationError(_("The answer must be a reply in this thread."), code="answer")
    if post is not None and post.state != PostState.PUBLISHED:
        raise ValidationError(_("Only a published reply can be the answer."), code="state")
    thread.accepted = post
    thread.save(update_fields=["accepted"])
    return thread


@service
def set_thread_state(
    thread: Thread,
    *,
    acting_user: Any,
    pinned: bool | None = None,
    closed: bool | None = None,
) -> Thread:
    """Pin or unpin, close or reopen a thread (its space's moderators)."""
    if not may(acting_user, "moderate", thread.space):
        raise ValidationError(_("Only the space's moderators may do this."), code="forbidden")
    fields = []
    if pinned is not None:
        thread.pinned = pinned
        fields.append("pinned")
    if closed is not None:
        thread.closed = closed
        fields.append("closed")
    if fields:
        thread.save(update_fields=fields)
    return thread


@service
def set_level(space: Space, *, acting_user: Any, level: str) -> SpaceMember:
    """Set how much of `space` the person hears about (joining it)."""
    if level not in Level.values:
        raise ValidationError({"level": _("Choose one of the levels offered.")}, code="level")
    member, _created = SpaceMember.objects.get_or_create(space=space, user=acting_user)
    if member.level != level:
        member.level = level
        member.save(update_fields=["level"])
    return member


@service
def unsubscribe(space: Space, *, acting_user: Any) -> None:
    """Stop every email of `space` to the person (RFC 8058 one-click)."""
    SpaceMember.objects.filter(space=space, user=acting_user).exclude(level=Level.NOTHING).update(
        level=Level.NOTHING
    )


@service
def save_preferences(preferences: Preferences, *, acting_user: Any) -> Preferences:
    if preferences.user_id != acting_user.pk:
        raise ValidationError(_("You may not do this."), code="forbidden")
    preferences.full_clean()
    preferences.save()
    return preferences


@service
def mark_read(*, acting_user: Any, notification_ids: list[int] | None = None) -> int:
    """Mark the person's notifications read (all of them when no ids)."""
    unread = Notification.objects.filter(user=acting_user, read__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read=timezone.now())


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
) -> Post:
    """Post a reply received by email, recording the message (and what its
    Authentication-Results said): the same message again raises
    IntegrityError and posts nothing."""
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
    record.post = post
    record.save(update_fields=["post"])
    return post


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
