"""What the community holds about a person, for their data export, and
what their erasure removes. Erasure deletes the files attached to their
posts (community/attachments.py says why); the account's deletion does the
rest: their memberships, mail settings and notifications go with it
(CASCADE); their threads, posts and edits stay, under "a former
participant" (SET_NULL), and so do the records of emails received at their
reply addresses, no longer naming them.

A pseudonym (community/pseudonyms.py) is the person's: the export gives it
and marks each post written under it. Erasure takes it away: the posts
written under it stay, under "a former participant" like the others, and
no longer under a name the person chose."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.urls import reverse

from alliance87.community.attachments import erase_files_of, kind_label
from alliance87.community.models import (
    Attachment,
    Flag,
    InboundMessage,
    Post,
    Preferences,
    Pseudonym,
    SpaceMember,
    Suspension,
    Thread,
)
from alliance87.community.notify import absolute


def export(user: Any, person: Any) -> dict[str, Any]:
    if user is None:
        return {}
    prefs = (
        Preferences.objects.filter(user=user)
        .values("language", "time_zone", "digest", "quiet_from", "quiet_until")
        .first()
    )
    if prefs is not None:
        for key in ("quiet_from", "quiet_until"):
            prefs[key] = prefs[key].isoformat(timespec="minutes") if prefs[key] else None
    pseudonym = Pseudonym.objects.filter(user=user).values("name", "created").first()
    if pseudonym is not None:
        pseudonym["created"] = pseudonym["created"].isoformat()
    return {
        "pseudonym": pseudonym,
        "spaces": [
            {"space": slug, "role": role, "level": level}
            for slug, role, level in SpaceMember.objects.filter(user=user)
            .order_by("space__slug")
            .values_list("space__slug", "role", "level")
        ],
        "mail_settings": prefs,
        "posts": [
            {
                "thread": title,
                "space": space,
                "text": body,
                "posted": created.isoformat(),
                "edited": edited.isoformat() if edited else None,
                "state": state,
                "moderator_reason": reason,
                "under_pseudonym": under is not None,
            }
            for title, space, body, created, edited, state, reason, under in Post.objects.filter(
                author=user
            )
            .order_by("created", "pk")
            .values_list(
                "thread__title",
                "thread__space__slug",
                "body",
                "created",
                "edited",
                "state",
                "moderation_reason",
                "pseudonym_id",
            )
        ],
        # The files of their posts, those an edit removed included (the
        # file itself is at its address, served to them as the post is).
        "attachments": [
            {
                "post": post_id,
                "thread": title,
                "file": Path(name).name,
                "kind": kind_label(kind),
                "bytes": size,
                "added": added.isoformat(),
                "removed": removed.isoformat() if removed else None,
                "address": absolute(reverse("serve-file", args=[LABEL, pk, Path(name).name])),
            }
            for pk, post_id, title, name, kind, size, added, removed in Attachment.objects.filter(
                post__author=user
            )
            .order_by("added", "pk")
            .values_list(
                "pk", "post_id", "post__thread__title", "file", "kind", "size", "added", "removed"
            )
        ],
        # Moderation: the flags they raised, their suspensions.
        "flags": [
            {
                "post": post_id,
                "reason": reason,
                "note": note,
                "flagged": created.isoformat(),
                "outcome": outcome,
            }
            for post_id, reason, note, created, outcome in Flag.objects.filter(user=user)
            .order_by("created", "pk")
            .values_list("post_id", "reason", "note", "created", "outcome")
        ],
        "suspensions": [
            {
                "space": space,
                "reason": reason,
                "from": starts.isoformat(),
                "until": ends.isoformat() if ends else None,
                "lifted": lifted.isoformat() if lifted else None,
            }
            for space, reason, starts, ends, lifted in Suspension.objects.filter(user=user)
            .order_by("starts", "pk")
            .values_list("space__slug", "reason", "starts", "ends", "lifted")
        ],
        # Replies by email: what became of each (the text is in "posts").
        "emails_received": [
            {"received": received.isoformat(), "thread": title, "outcome": outcome, "why": reason}
            for received, title, outcome, reason in InboundMessage.objects.filter(user=user)
            .order_by("received", "pk")
            .values_list("received", "thread__title", "outcome", "reason")
        ],
    }


LABEL = "community.attachment"


def erase(user: Any, person: Any) -> None:
    """Delete the files attached to the person's posts, and take their
    pseudonym away before their account goes: what was written under it is
    no longer shown under it (a post under a pseudonym keeps it until then:
    models.Post.pseudonym is PROTECT, so that nothing deletes a pseudonym
    and leaves its posts under the author's name)."""
    if user is None:
        return
    erase_files_of(user)
    Post.objects.filter(pseudonym__user=user).update(pseudonym=None, author=None)
    Thread.objects.filter(pseudonym__user=user).update(pseudonym=None, author=None)
    Pseudonym.objects.filter(user=user).delete()
