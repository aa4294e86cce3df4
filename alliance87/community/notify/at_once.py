"""An email at once: one notification's email, composed in its person's
language and sent at most once (claimed, then recorded sent; retried
after a refusal; held by quiet hours)."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance87.community import reply_address
from alliance87.community.models import (
    MODERATION_REASONS,
    MODERATOR_REASONS,
    Flag,
    MailState,
    Notification,
    Post,
    PostState,
    Preferences,
    Reason,
    SpaceMember,
    SpaceRole,
    shown_author,
)
from alliance87.community.notify.base import (
    absolute,
    file_links,
    list_headers,
    may_see,
    preferences_of,
    quiet_end,
    retry_delay,
)
from alliance87.core.permissions import may

logger = logging.getLogger(__name__)


def compose(notification: Notification) -> EmailMessage:
    """Return the email of one notification, in its person's language."""
    if notification.reason in MODERATOR_REASONS:
        return compose_for_moderator(notification)
    post = notification.post
    thread, space, user = post.thread, post.thread.space, notification.user
    language = preferences_of(user).language
    moderation = notification.reason in MODERATION_REASONS
    headers, unsubscribe = list_headers(user, space, language)
    if moderation:
        # A moderator's decision about the person's own post: no list to
        # leave, and no reply address (a reply would post in the thread).
        headers = {"Auto-Submitted": "auto-generated"}
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers["Message-ID"] = f"<community-{notification.pk}@{host}>"
    with translation.override(language):
        context = {
            "notification": notification,
            "post": post,
            "thread": thread,
            "space": space,
            "author": shown_author(post),
            "thread_url": absolute(thread.get_absolute_url()) + f"#post-{post.pk}",
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("community:preferences")),
            "reply_by_email": reply_address.enabled() and not moderation,
            "moderation": moderation,
            "attachments": file_links([post.pk]).get(post.pk, []),
        }
        subject = f"[{space.name}] {thread.title}"
        body = render_to_string("community/email/notification.txt", context)
    # A reply to this email posts in the thread as this person (inbound.py).
    reply_to = (
        [reply_address.reply_address(user, thread)]
        if reply_address.enabled() and not moderation
        else None
    )
    return EmailMessage(subject, body, None, [user.email], headers=headers, reply_to=reply_to)


def compose_for_moderator(notification: Notification) -> EmailMessage:
    """Return the email telling a moderator that a post entered their
    space's queue: where, why, and a link; not the post's text (it may be
    what was flagged: someone's personal details, abuse), nor who flagged
    it. It is mail of the space, which the moderator may leave
    (List-Unsubscribe); a reply to it posts nothing (no Reply-To)."""
    post = notification.post
    thread, space, user = post.thread, post.thread.space, notification.user
    language = preferences_of(user).language
    headers, unsubscribe = list_headers(user, space, language)
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers["Message-ID"] = f"<community-{notification.pk}-{notification.reason}@{host}>"
    flagged = notification.reason == Reason.FLAGGED
    labels = dict(Flag._meta.get_field("reason").flatchoices)
    with translation.override(language):
        reasons = []
        if flagged:
            counts: dict[str, int] = {}
            for reason in Flag.objects.filter(post=post, resolved__isnull=True).values_list(
                "reason", flat=True
            ):
                counts[reason] = counts.get(reason, 0) + 1
            reasons = [str(labels.get(r, r)) for r in sorted(counts, key=lambda r: -counts[r])]
        context = {
            "flagged": flagged,
            "thread": thread,
            "space": space,
            "author": shown_author(post),
            "reasons": reasons,
            "post_url": absolute(reverse("community:moderate-post", args=[post.pk])),
            "queue_url": absolute(reverse("community:queue", args=[space.slug]))
            + ("" if flagged else "?show=held"),
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("community:preferences")),
            # Told as the Secretariat: the space has no other moderator.
            "secretariat": not SpaceMember.objects.filter(
                space=space, user=user, role=SpaceRole.MODERATOR
            ).exists(),
        }
        subject = render_to_string("community/email/moderators_subject.txt", context).strip()
        body = render_to_string("community/email/moderators.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=headers)


def still_news(notification: Notification) -> bool:
    """Whether a moderator's notification is still worth an email: they
    still moderate the space (or are of the Secretariat), and the post is still in its queue (not
    decided meanwhile). Any other notification is."""
    if notification.reason not in MODERATOR_REASONS:
        return True
    post = notification.post
    # A moderator still, or the Secretariat (told of a space without one).
    if not may(notification.user, "moderate", post.thread.space):
        return False
    if notification.reason == Reason.HELD:
        return post.state == PostState.HELD
    return Flag.objects.filter(post=post, resolved__isnull=True).exists()


def held_until(notification_id: int) -> dt.datetime | None:
    """Return when the person's quiet hours release the email, if they hold it."""
    return (
        Notification.objects.filter(pk=notification_id)
        .values_list("held_until", flat=True)
        .first()
    )


def send_notification(notification_id: int, *, now: dt.datetime | None = None) -> str:
    """Send one notification's email, at most once; return what happened:
    "sent", "retry:<seconds>" or "quiet:<seconds>" (the caller queues the
    next try then), or why nothing was sent."""
    now = now or timezone.now()
    held = quiet_end(
        Preferences.objects.filter(user__community_notifications__pk=notification_id).first(),
        now,
    )
    if held is not None:
        if not Notification.objects.filter(pk=notification_id, mail=MailState.PENDING).update(
            held_until=held
        ):
            return "not pending"
        return f"quiet:{max(1, int((held - now).total_seconds()))}"
    claimed = Notification.objects.filter(pk=notification_id, mail=MailState.PENDING).update(
        mail=MailState.SENDING, attempts=F("attempts") + 1, mailed=timezone.now()
    )
    if not claimed:
        return "not pending"
    notification = Notification.objects.select_related(
        "user", "post__author", "post__pseudonym", "post__thread__space"
    ).get(pk=notification_id)
    if not may_see(notification.user, notification.post.thread.space) or not (
        Post.objects.visible_to(notification.user).filter(pk=notification.post_id).exists()
    ):
        # Gone from the space, or the post is hidden (or no longer held).
        Notification.objects.filter(pk=notification_id).update(mail=MailState.NONE)
        return "no longer visible"
    if not still_news(notification):
        # A moderator no longer, or the post already decided.
        Notification.objects.filter(pk=notification_id).update(mail=MailState.NONE)
        return "no longer news"
    try:
        compose(notification).send()
    except (smtplib.SMTPException, OSError) as error:
        delay = retry_delay(notification.attempts)
        Notification.objects.filter(pk=notification_id).update(
            mail=MailState.PENDING, mail_error=str(error)[:300]
        )
        logger.warning("Community mail %s not sent (%s); retrying", notification_id, error)
        return f"retry:{int(delay.total_seconds())}"
    Notification.objects.filter(pk=notification_id).update(
        mail=MailState.SENT, mailed=timezone.now(), mail_error=""
    )
    return "sent"
