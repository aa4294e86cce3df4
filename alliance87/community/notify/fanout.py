"""Who hears of a post: `fan_out` writes one notification per person who
should (the package's docstring says whom)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from alliance87.community.models import (
    Level,
    MailState,
    Mention,
    Notification,
    OrganisationMention,
    Post,
    PostState,
    PseudonymMention,
    Reason,
    Space,
    SpaceMember,
)
from alliance87.community.notify.base import CHUNK, may_see_many
from alliance87.partners.models import Person


def fan_out(post_id: int) -> list[int]:
    """Write the notifications of a post; return the ids of those to
    email at once."""
    post = Post.objects.select_related("thread__space").filter(pk=post_id).first()
    if post is None:
        return []
    if post.state != PostState.PUBLISHED or post.thread.state != PostState.PUBLISHED:
        return []  # a held post is announced when approved; a hidden one never
    thread, space = post.thread, post.thread.space
    opening = not Post.objects.filter(thread=thread, created__lt=post.created).exists()
    reason = Reason.THREAD if opening else Reason.REPLY
    mentioned = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    mentioned.discard(post.author_id)
    # The people behind the pseudonyms it names (@"..."): the link is
    # followed here alone, and told to nobody but them.
    as_pseudonym = (
        set(
            PseudonymMention.objects.filter(post=post).values_list("pseudonym__user_id", flat=True)
        )
        - mentioned
        - {post.author_id}
    )
    # The people, with an account, of the organisations it names (@org:).
    of_organisations = (
        set(
            Person.objects.filter(
                organisation__in=OrganisationMention.objects.filter(post=post).values(
                    "organisation_id"
                ),
                user__isnull=False,
            ).values_list("user_id", flat=True)
        )
        - mentioned
        - as_pseudonym
        - {post.author_id}
    )
    named = mentioned | as_pseudonym | of_organisations
    users = get_user_model().objects.filter(is_active=True)
    # Those named (a few), whether they are members or not: at once, unless
    # their level for the space is "nothing"; a digest reader hears of their
    # organisation's mention in their digest.
    levels = dict(
        SpaceMember.objects.filter(space=space, user_id__in=named).values_list("user_id", "level")
    )
    _write_named(post, space, list(users.filter(pk__in=named)), levels, mentioned, as_pseudonym)
    # The members who hear of every post, at once or in a digest, read a
    # chunk at a time in the order of their ids.
    hearing = (
        SpaceMember.objects.filter(
            space=space, level__in=[Level.EVERYTHING, Level.DIGEST], user__is_active=True
        )
        .exclude(user_id=post.author_id)
        .exclude(user_id__in=named)
        .order_by("user_id")
    )
    after = 0
    while True:
        members = list(hearing.filter(user_id__gt=after).select_related("user")[:CHUNK])
        if not members:
            break
        after = members[-1].user_id
        levels = {m.user_id: m.level for m in members}
        _write(post, space, [m.user for m in members], levels, reason)
    return list(
        Notification.objects.filter(post=post, mail=MailState.PENDING).values_list("pk", flat=True)
    )


def _write_named(
    post: Post,
    space: Space,
    users: list[Any],
    levels: dict[int, str],
    mentioned: set[int],
    as_pseudonym: set[int],
) -> None:
    """Write the notifications of `post` for the people it names, by name
    or by pseudonym, or whose organisation it names, who may see its space:
    at once (a digest reader hears of their organisation in their digest),
    never at the level "nothing"."""
    rows = []
    seeing = may_see_many(users, space)
    for user in users:
        level = levels.get(user.pk, Level.MENTIONS)
        if level == Level.NOTHING:
            continue
        if user.pk in mentioned:
            row = Notification(user=user, post=post, reason=Reason.MENTION, mail=MailState.PENDING)
        elif user.pk in as_pseudonym:
            row = Notification(
                user=user, post=post, reason=Reason.PSEUDONYM, mail=MailState.PENDING
            )
        else:
            row = Notification(
                user=user,
                post=post,
                reason=Reason.ORGANISATION,
                mail=MailState.NONE if level == Level.DIGEST else MailState.PENDING,
                digest=level == Level.DIGEST,
            )
        if user.pk in seeing:
            row.created = post.created
            rows.append(row)
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)


def _write(
    post: Post, space: Space, users: list[Any], levels: dict[int, str], reason: str
) -> None:
    """Write the notifications of `post` for `users` (one chunk of the
    members who hear of every post) who may see its space, by their level."""
    rows = []
    seeing = may_see_many(users, space)
    for user in users:
        if levels[user.pk] == Level.EVERYTHING:
            row = Notification(user=user, post=post, reason=reason, mail=MailState.PENDING)
        else:  # Level.DIGEST
            row = Notification(user=user, post=post, reason=reason, digest=True)
        if user.pk in seeing:
            row.created = post.created
            rows.append(row)
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)
