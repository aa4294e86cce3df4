"""
Background work of communications.

- `post_due`: run when a scheduled post's time comes. The post's visibility
  needs no task (`PostQuerySet.visible_to` compares with the clock), but the
  cached pages that list it were rendered before: moving the content
  version renders them afresh; and its search entry, written while it was
  still to come, let only the Secretariat find it: it is indexed again.
- `send_confirmation`, `send_test`: one message each.
- `send_issue`: send an issue's deliveries in batches over one connection.
  A batch is claimed by one conditional update (waiting to being sent,
  with this run's claim), so a second run of the task, or a retry, never
  sends what another run took; each batch is marked sent or failed after.
  A delivery left "being sent" by a stopped worker stays so: it may have
  left, and an issue is never sent twice. The issue is sent when nothing
  waits.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from django.core import mail as django_mail
from django.utils import timezone

from alliance87.core.invalidation import bump_content_version
from alliance87.core.tasks import task

logger = logging.getLogger(__name__)
BATCH = 50


@task()
def post_due(post_id: int) -> None:
    """Let cached pages and the site search show the post whose time has come."""
    from alliance87.comms.models import Post
    from alliance87.search.index import index_pks

    index_pks(Post, [post_id])
    bump_content_version()


@task()
def send_confirmation(subscriber_id: int) -> None:
    from alliance87.comms.mail import confirmation_message
    from alliance87.comms.models import Subscriber, SubscriberStatus

    row = Subscriber.objects.filter(pk=subscriber_id, status=SubscriberStatus.PENDING).first()
    if row is not None:
        confirmation_message(row).send()


@task()
def send_test(issue_id: int, to: str, language: str) -> None:
    from alliance87.comms.mail import issue_message
    from alliance87.comms.models import Issue, Subscriber

    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is not None:
        # A stand-in subscriber, never saved: its unsubscribe link is void.
        issue_message(issue, Subscriber(pk=0, email=to, language=language), test=True).send()


def _send_in_batches(deliveries: Any, related: str, message_for: Any, what: str) -> int:
    """Send each pending row of `deliveries` (newsletter or reminder
    deliveries) at most once: BATCH of them claimed by one conditional
    update (pending to sending, with a token of this run), sent over one
    connection, then marked sent, or failed with why. `message_for(row)`
    gives the row's message, or a sentence saying why none is sent.
    Return how many were sent."""
    from alliance87.comms.models import DeliveryStatus

    model = deliveries.model
    sent = 0
    while True:
        waiting = list(
            deliveries.filter(status=DeliveryStatus.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:BATCH]
        )
        if not waiting:
            break
        claim = secrets.token_hex(16)
        model.objects.filter(pk__in=waiting, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENDING, claim=claim
        )
        batch = list(model.objects.filter(claim=claim).select_related(related))
        done: list[int] = []
        failed: dict[int, str] = {}
        with django_mail.get_connection() as connection:
            for delivery in batch:
                try:
                    message = message_for(delivery)
                    if isinstance(message, str):
                        failed[delivery.pk] = message
                        continue
                    message.connection = connection
                    message.send()
                    done.append(delivery.pk)
                except Exception as error:  # the server refused this one
                    logger.warning("%s to %s: %s", what, delivery.pk, error)
                    failed[delivery.pk] = f"{error.__class__.__name__}: {error}"[:300]
        now = timezone.now()
        model.objects.filter(pk__in=done).update(status=DeliveryStatus.SENT, sent_at=now)
        for pk, reason in failed.items():
            model.objects.filter(pk=pk).update(status=DeliveryStatus.FAILED, error=reason)
        sent += len(done)
    return sent


@task()
def send_issue(issue_id: int) -> int:
    """Send the issue's waiting deliveries; return how many were sent."""
    from alliance87.comms.mail import issue_message
    from alliance87.comms.models import Delivery, Issue, IssueStatus

    issue = Issue.objects.filter(pk=issue_id, status=IssueStatus.SENDING).first()
    if issue is None:
        return 0
    sent = _send_in_batches(
        Delivery.objects.filter(issue=issue),
        "subscriber",
        lambda delivery: issue_message(issue, delivery.subscriber),
        f"Newsletter {issue.pk}",
    )
    Issue.objects.filter(pk=issue.pk, status=IssueStatus.SENDING).update(
        status=IssueStatus.SENT, sent_at=timezone.now()
    )
    return sent


@task()
def send_survey_reminder(reminder_id: int) -> int:
    """Send a survey reminder's waiting deliveries, each at most once (as
    `send_issue`); a person who answered meanwhile, or left the audience,
    is sent nothing. Return how many were sent."""
    from alliance87.comms.mail import reminder_message
    from alliance87.comms.models import Reminder, ReminderDelivery, Response, Survey

    reminder = Reminder.objects.select_related("survey").filter(pk=reminder_id).first()
    if reminder is None:
        return 0
    survey = reminder.survey

    def message_for(delivery: Any) -> Any:
        user = delivery.user
        if Response.objects.filter(survey=survey, respondent=user).exists():
            return "answered before it was sent"
        if not (
            user.is_active
            and survey.is_open
            and Survey.objects.visible_to(user).filter(pk=survey.pk).exists()
        ):
            return "no longer in the audience, or the survey closed"
        return reminder_message(survey, user)

    return _send_in_batches(
        ReminderDelivery.objects.filter(reminder=reminder),
        "user",
        message_for,
        f"Survey reminder {reminder.pk}",
    )


@task()
def send_post_decision(post_id: int) -> bool:
    """Tell a partner's post's author what the review decided (published,
    or returned with the reason), once; True if it was sent now."""
    from alliance87.comms.mail import post_decision_message
    from alliance87.comms.models import Post
    from alliance87.core.notices import send_once

    return send_once(Post.objects.filter(pk=post_id), post_decision_message)


@task()
def send_post_waiting(post_id: int) -> bool:
    """Tell the Secretariat that a partner's post waits for its review,
    once per submission; True if it was sent now."""
    from alliance87.comms.mail import post_waiting_messages
    from alliance87.comms.models import Post
    from alliance87.core.notices import send_once

    return send_once(Post.objects.filter(pk=post_id), post_waiting_messages, field="review_notice")
