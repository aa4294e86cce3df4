"""What the community holds about a person, for their data export. On
erasure the account's deletion does the rest: their memberships, mail
settings and notifications go with it (CASCADE); their threads, posts and
edits stay, under "a former participant" (SET_NULL), and so do the records
of emails received at their reply addresses, no longer naming them.

A pseudonym (community/pseudonyms.py) is the person's: the export gives it
and marks each post written under it. Erasure takes it away: the posts
written under it stay, under "a former participant" like the others, and
no longer under a name the person chose."""

from __future__ import annotations

from typing import Any

from alliance87.community.models import (
    Flag,
    InboundMessage,
    Post,
    Preferences,
    Pseudonym,
    SpaceMember,
    Suspension,
    Thread,
)


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


def erase(user: Any, person: Any) -> None:
    """Take the person's pseudonym away before their account goes: what
    was written under it is no longer shown under it (a post under a
    pseudonym keeps it until then: models.Post.pseudonym is PROTECT, so
    that nothing deletes a pseudonym and leaves its posts under the
    author's name)."""
    if user is None:
        return
    Post.objects.filter(pseudonym__user=user).update(pseudonym=None, author=None)
    Thread.objects.filter(pseudonym__user=user).update(pseudonym=None, author=None)
    Pseudonym.objects.filter(user=user).delete()
