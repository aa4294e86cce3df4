"""Marks on posts and threads: helpful, the accepted answer of a question,
a thread pinned or closed by its space's moderators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from alliance87.community.models import Helpful, Post, PostState, Thread, ThreadKind
from alliance87.core.permissions import may
from alliance87.core.services import service


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
