"""Writes of the newsletter: subscriptions and issues (see the package's invariants)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.comms import mail
from alliance87.comms.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    MailEvent,
    MailEventKind,
    Subscriber,
    SubscriberStatus,
)
from alliance87.comms.tasks import send_confirmation, send_issue, send_test
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.text import set_translations

# A confirmation is sent again for a pending address at most this often.
RESEND_AFTER = dt.timedelta(minutes=10)


def _set_themes(row: Any, themes: Iterable[Any] | None) -> None:
    if themes is None:
        return
    wanted = list(themes)
    if set(row.themes.values_list("pk", flat=True)) != {t.pk for t in wanted}:
        row.themes.set(wanted)


@service
def subscribe(
    *, email: str, language: str, acting_user: Any, themes: Iterable[Any] | None = None
) -> None:
    """Ask for the newsletter at `email`: a new, pending or unsubscribed
    address is sent a link to confirm; a subscribed one is left as it is.
    Return nothing: the caller says the same to everyone."""
    address = email.strip().lower()
    row = Subscriber.objects.filter(email=address).first()
    if row is not None and row.status == SubscriberStatus.CONFIRMED:
        return
    now = timezone.now()
    if row is None:
        row = Subscriber(email=address)
    elif (
        row.status == SubscriberStatus.PENDING
        and row.confirmation_sent_at
        and now - row.confirmation_sent_at < RESEND_AFTER
    ):
        return
    row.language = language
    row.status = SubscriberStatus.PENDING
    row.confirmation_sent_at = now
    row.full_clean(validate_unique=False)
    row.save()
    _set_themes(row, themes)
    enqueue_on_commit(send_confirmation, row.pk)


@service
def confirm_subscription(token: str, *, acting_user: Any) -> Subscriber:
    """Confirm the subscription a link names, or refuse a link that is
    forged, expired or for an address since changed."""
    read = mail.read_confirm_token(token)
    row = None
    if read is not None:
        row = Subscriber.objects.filter(pk=read[0], email=read[1]).first()
    if row is None:
        raise ValidationError(
            _("This confirmation link is not valid or has expired. Subscribe again.")
        )
    if row.status != SubscriberStatus.CONFIRMED:
        row.status = SubscriberStatus.CONFIRMED
        row.confirmed_at = timezone.now()
        row.unsubscribed_at = None
        _restart_soft_bounces(row, row.confirmed_at)
        row.save()
    return row


@service
def subscribe_account(
    user: Any, *, language: str, acting_user: Any, themes: Iterable[Any] | None = None
) -> Subscriber:
    """Subscribe a signed-in partner's own address (verified when they
    signed up, so confirmed at once), or change their language and topics."""
    address = (user.email or "").strip().lower()
    if not address:
        raise ValidationError(_("Your account has no email address."))
    row = Subscriber.objects.filter(email=address).first() or Subscriber(email=address)
    row.user = user
    row.language = language
    if row.status != SubscriberStatus.CONFIRMED:
        row.status = SubscriberStatus.CONFIRMED
        row.confirmed_at = timezone.now()
        row.unsubscribed_at = None
        _restart_soft_bounces(row, row.confirmed_at)
    row.full_clean(validate_unique=False)
    row.save()
    _set_themes(row, themes)
    return row


def _drop_waiting(subscriber: Subscriber, reason: str) -> None:
    subscriber.deliveries.filter(status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED, error=reason
    )


@service
def unsubscribe(subscriber: Subscriber, *, acting_user: Any) -> Subscriber:
    """Stop sending to `subscriber`, the deliveries still waiting too."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    _drop_waiting(subscriber, "unsubscribed before it was sent")
    return subscriber


def restart_refusal(subscriber: Subscriber) -> str:
    """Why the Secretariat may not start sending to `subscriber` again, or
    "" when it may: only an address stopped by temporary bounces, and
    confirmed before, is started again by hand. An address that bounces for
    good, that marked the newsletter as spam or that unsubscribed decided
    it (or its owner did): only its owner subscribes it again."""
    if subscriber.status in (
        SubscriberStatus.BOUNCED,
        SubscriberStatus.COMPLAINED,
        SubscriberStatus.UNSUBSCRIBED,
    ):
        return _(
            "This address is stopped because it bounces for good, was marked as spam "
            "or was unsubscribed: the Secretariat cannot start it again. Only its owner "
            "can, by subscribing and confirming anew."
        )
    if subscriber.status != SubscriberStatus.SOFT_BOUNCED:
        return _("This address is not stopped by temporary bounces: there is nothing to restart.")
    if subscriber.confirmed_at is None:
        # Double opt-in: the Secretariat does not confirm an address.
        return _(
            "This address was never confirmed: it can be started again only by "
            "subscribing and confirming."
        )
    return ""


@service
def restart_subscriber(subscriber: Subscriber, *, acting_user: Any) -> Subscriber:
    """Start sending again to an address stopped by temporary bounces, its
    count of them started again from now; refused (`restart_refusal`) for
    any other address."""
    row = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    refusal = restart_refusal(row)
    if refusal:
        raise ValidationError(refusal, code="not_restartable")
    row.status = SubscriberStatus.CONFIRMED
    _restart_soft_bounces(row, timezone.now())
    row.save()
    return row


def _restart_soft_bounces(subscriber: Subscriber, since: dt.datetime) -> None:
    """Start the count of temporary bounces again from `since` (not saved)."""
    subscriber.soft_bounces = 0
    subscriber.soft_bounces_since = since


def _count_soft_bounces(subscriber: Subscriber) -> int:
    """The temporary bounces that count towards stopping: those received in
    the last NEWSLETTER_SOFT_BOUNCE_DAYS days, after the count restarted."""
    start = timezone.now() - dt.timedelta(days=settings.NEWSLETTER_SOFT_BOUNCE_DAYS)
    if subscriber.soft_bounces_since is not None:
        start = max(start, subscriber.soft_bounces_since)
    # By when the Hub received them: the provider's own times may lag.
    return subscriber.mail_events.filter(
        kind=MailEventKind.SOFT_BOUNCE, received_at__gt=start
    ).count()


@service
def record_mail_delivered(
    *, address: str, occurred_at: dt.datetime | None, acting_user: Any
) -> bool:
    """The provider delivered a message to `address`: its temporary
    bounces reported before then no longer count. Nothing is recorded
    about the delivery itself. Return whether a subscriber's count
    changed."""
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(email=(address or "").strip().lower())
        .first()
    )
    if subscriber is None:
        return False
    last_bounce = (
        subscriber.mail_events.filter(kind=MailEventKind.SOFT_BOUNCE)
        .order_by("-occurred_at")
        .values_list("occurred_at", flat=True)
        .first()
    )
    if occurred_at is not None and last_bounce is not None and occurred_at < last_bounce:
        return False  # a delivery older than the last bounce, reported late
    since = timezone.now()
    subscriber.soft_bounces_since = since
    count = _count_soft_bounces(subscriber)
    changed = count != subscriber.soft_bounces
    subscriber.soft_bounces = count
    # Saved only when the count changes: a delivery is reported for every
    # issue sent, and the audit log need not hold each.
    if changed:
        subscriber.save()
    else:
        Subscriber.objects.filter(pk=subscriber.pk).update(soft_bounces_since=since)
    return changed


# What each reported event does to a subscription that still receives
# issues (pending or confirmed): a permanent bounce or a complaint stops
# it; an unsubscription at the provider unsubscribes; a temporary bounce
# is counted, and NEWSLETTER_SOFT_BOUNCE_LIMIT of them within
# NEWSLETTER_SOFT_BOUNCE_DAYS days stop it too.
_STOPS = {
    MailEventKind.HARD_BOUNCE: SubscriberStatus.BOUNCED,
    MailEventKind.COMPLAINT: SubscriberStatus.COMPLAINED,
    MailEventKind.UNSUBSCRIBE: SubscriberStatus.UNSUBSCRIBED,
}


@service
def record_mail_event(
    *,
    provider: str,
    kind: MailEventKind,
    address: str,
    occurred_at: dt.datetime | None,
    acting_user: Any,
    event_id: str = "",
    detail: str = "",
) -> MailEvent | None:
    """Record what the mail provider reported about `address`, and stop
    sending to it after a permanent bounce, a complaint, an unsubscription
    or too many temporary bounces.
    Return None for an address that is no subscriber's, or for an event
    already recorded (a provider retries)."""
    subscriber = (
        Subscriber.objects.select_for_update()
        .filter(email=(address or "").strip().lower())
        .first()
    )
    if subscriber is None:
        return None
    event_id = (event_id or "")[:200]
    if event_id and MailEvent.objects.filter(provider=provider, event_id=event_id).exists():
        return None
    event = MailEvent(
        subscriber=subscriber,
        kind=kind,
        provider=provider[:30],
        event_id=event_id,
        occurred_at=occurred_at or timezone.now(),
        detail=(detail or "")[:300],
    )
    event.save()
    receives = subscriber.status in (SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED)
    if kind == MailEventKind.SOFT_BOUNCE:
        subscriber.soft_bounces = _count_soft_bounces(subscriber)
        if receives and subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
            subscriber.status = SubscriberStatus.SOFT_BOUNCED
            subscriber.save()
            _drop_waiting(subscriber, "stopped: soft bounces")
        else:
            subscriber.save()
    elif receives:
        subscriber.status = _STOPS[kind]
        if kind == MailEventKind.UNSUBSCRIBE:
            subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
        _drop_waiting(subscriber, f"stopped: {kind}")
    return event


@service
def save_issue(
    issue: Issue,
    *,
    acting_user: Any,
    subjects: dict[str, str] | None = None,
    bodies: dict[str, str] | None = None,
    themes: Iterable[Any] | None = None,
) -> Issue:
    """Save a draft issue's subject, text and topics in each language."""
    if issue.pk is not None and issue.status != IssueStatus.DRAFT:
        raise ValidationError(_("This issue is already sent; it can no longer change."))
    if subjects is not None:
        set_translations(issue, "subject", subjects)
    if bodies is not None:
        set_translations(issue, "body", bodies)
    if not (issue.subject_en or "").strip() or not (issue.body_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError(_("Give the issue a subject and a text in English at least."))
    if issue.pk is None and getattr(acting_user, "pk", None):
        issue.created_by = acting_user
    issue.full_clean()
    issue.save()
    _set_themes(issue, themes)
    return issue


@service
def send_test_issue(issue: Issue, *, to: str, language: str, acting_user: Any) -> None:
    """Send the issue to `to` alone, marked as a test (in the background)."""
    enqueue_on_commit(send_test, issue.pk, to, language)


def _recipients(issue: Issue) -> Any:
    rows = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
    theme_ids = list(issue.themes.values_list("pk", flat=True))
    if theme_ids:
        chose = Subscriber.objects.filter(themes__in=theme_ids).values("pk")
        chose_none = Subscriber.objects.filter(themes__isnull=True).values("pk")
        rows = rows.filter(Q(pk__in=chose) | Q(pk__in=chose_none))
    return rows


@service
def start_sending(issue: Issue, *, acting_user: Any) -> int:
    """Send the issue to its subscribers in the background; return how
    many. Refused for an issue already sent or being sent."""
    claimed = Issue.objects.filter(pk=issue.pk, status=IssueStatus.DRAFT).update(
        status=IssueStatus.SENDING, sending_started_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(_("This issue is already sent or being sent."))
    issue.refresh_from_db()
    ids = list(_recipients(issue).values_list("pk", flat=True))
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in ids], ignore_conflicts=True
    )
    enqueue_on_commit(send_issue, issue.pk)
    return len(ids)


@service
def file_illustrative_issue(
    issue: Issue,
    *,
    subjects: dict[str, str],
    bodies: dict[str, str],
    dated: dt.datetime,
    acting_user: Any,
) -> Issue:
    """For the demo only: write an issue straight into the archive,
    labelled illustrative, without sending it to anyone (no delivery is
    made). An issue that was really sent is refused."""
    if issue.pk is not None and not issue.illustrative:
        raise ValidationError(_("This issue is already sent or being sent."))
    set_translations(issue, "subject", subjects)
    set_translations(issue, "body", bodies)
    if not (issue.subject_en or "").strip() or not (issue.body_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError(_("Give the issue a subject and a text in English at least."))
    issue.status = IssueStatus.SENT
    issue.illustrative = True
    issue.sent_at = dated
    issue.full_clean()
    issue.save()
    return issue
