"""What the community holds about a person, for their data export. On
erasure the account's deletion does the rest: their memberships, mail
settings and notifications go with it (CASCADE); their threads, posts and
edits stay, under "a former participant" (SET_NULL), and so do the records
of emails received at their reply addresses, no longer naming them."""

from __future__ import annotations

from typing import Any

from alliance87.community.models import (
    Flag,
    InboundMessage,
    Post,
    Preferences,
    SpaceMember,
    Suspension,
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
    return {
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
            }
            for title, space, body, created, edited, state, reason in Post.objects.filter(
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
