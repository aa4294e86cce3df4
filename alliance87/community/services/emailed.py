"""What reply by email records (community/inbound/): a reply posted once
per message, and a refusal recorded once (so answered once)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from alliance87.community.models import InboundMessage, InboundOutcome, Post, Thread
from alliance87.community.services.posts import reply
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
