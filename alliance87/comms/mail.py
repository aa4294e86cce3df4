"""
The newsletter's messages: the confirmation of a subscription, an issue
to one subscriber (text and HTML, in the subscriber's language), and the
signed links they carry.

Links are signed with the site's secret (django.core.signing, a salt per
use), so a link names its subscriber and cannot be made for another: a
confirmation link for seven days and for the address it was sent to; an
unsubscribe link for as long as the subscription lasts. Every issue carries
`List-Unsubscribe` (the one-click address and a mailto-free https link) and
`List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): a mail
client POSTs to the address and the subscriber is unsubscribed, with no
page to visit. RFC 8058 asks that the provider's DKIM signature covers
both headers: that is the outgoing mail server's configuration.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from alliance87.core.text import in_language, mail_language
from alliance87.library.markdown import render

CONFIRM_SALT = "alliance87.comms.newsletter.confirm"
UNSUBSCRIBE_SALT = "alliance87.comms.newsletter.unsubscribe"
CONFIRM_DAYS = 7


def confirm_token(subscriber: Any) -> str:
    return signing.dumps([subscriber.pk, subscriber.email], salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> tuple[int, str] | None:
    """Return (subscriber id, address) of a confirmation link still good."""
    try:
        pk, email = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_DAYS * 86400)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (pk, email) if isinstance(pk, int) and isinstance(email, str) else None


def unsubscribe_token(subscriber: Any) -> str:
    return signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return pk if isinstance(pk, int) else None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def confirmation_message(subscriber: Any) -> EmailMultiAlternatives:
    """The message asking `subscriber` to confirm, in their language."""
    with translation.override(subscriber.language):
        link = absolute(reverse("comms:confirm", args=[confirm_token(subscriber)]))
        body = render_to_string("comms/email/confirm.txt", {"link": link, "days": CONFIRM_DAYS})
        subject = translation.gettext("Confirm your subscription to the Alliance 8.7 newsletter")
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [subscriber.email])


def issue_message(issue: Any, subscriber: Any, *, test: bool = False) -> EmailMultiAlternatives:
    """The issue as `subscriber` receives it: in their language (English
    where the issue has no text in it), with its unsubscribe links."""
    language = subscriber.language
    with translation.override(language):
        unsubscribe = absolute(reverse("comms:unsubscribe", args=[unsubscribe_token(subscriber)]))
        archive = absolute(reverse("comms:archive-issue", args=[issue.pk]))
        text = issue.body_in(language)
        context = {
            "issue": issue,
            "subject": issue.subject_in(language),
            "text": text,
            "html": render(text),
            "unsubscribe": unsubscribe,
            "archive": archive,
            "language": language,
            "test": test,
        }
        subject = issue.subject_in(language)
        if test:
            subject = translation.gettext("[Test] %(subject)s") % {"subject": subject}
        message = EmailMultiAlternatives(
            subject,
            render_to_string("comms/email/issue.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [subscriber.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Content-Language": language,
            },
        )
        message.attach_alternative(
            render_to_string("comms/email/issue.html", context), "text/html"
        )
    return message


def subscription_language(user: Any) -> str:
    """The language `user` chose for the newsletter ("" without a
    subscription): one of `hooks.MAIL_LANGUAGES`."""
    from alliance87.comms.models import Subscriber

    chosen = Subscriber.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or ""


def reminder_message(survey: Any, user: Any) -> EmailMultiAlternatives:
    """A reminder to answer `survey`, in `user`'s language, with a link
    that signs them in and opens it."""
    from django.shortcuts import resolve_url
    from django.utils.http import urlencode

    language = mail_language(user)
    with translation.override(language):
        link = absolute(
            resolve_url(settings.LOGIN_URL)
            + "?"
            + urlencode({"next": reverse("comms:survey", args=[survey.slug])})
        )
        title = in_language(survey, "title")
        context = {"survey": survey, "title": title, "link": link, "closes_at": survey.closes_at}
        subject = translation.gettext("Reminder: %(title)s") % {"title": title}
        body = render_to_string("comms/email/reminder.txt", context)
    return EmailMultiAlternatives(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )


def post_decision_message(post: Any) -> EmailMessage:
    """The message telling a partner's post's author that the Secretariat
    published it or returned it (with the reason), in the language they
    chose for email, else the post's first language."""
    from alliance87.comms.models import PostStatus

    author = post.created_by
    language = mail_language(author, default=(post.languages or ["en"])[0])
    with translation.override(language):
        published = post.status == PostStatus.PUBLISHED
        title = in_language(post, "title") or post.slug
        link = absolute(post.get_absolute_url() if published else reverse("comms:my-posts"))
        context = {"title": title, "published": published, "reason": post.review_note}
        body = render_to_string("comms/email/post_decision.txt", {**context, "link": link})
        if published:
            subject = translation.gettext("Published on the Alliance 8.7 Hub: %(title)s")
        else:
            subject = translation.gettext("Returned to you for changes: %(title)s")
        subject = " ".join((subject % {"title": title}).split())
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [author.email],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
    )


def post_waiting_messages(post: Any) -> list[EmailMessage]:
    """The messages telling each member of the Secretariat (but the post's
    author) that a partner's post waits for review, each in the language
    they chose for email, with the address of the review queue; none once
    the post no longer waits."""
    from alliance87.comms.models import PostStatus
    from alliance87.core.visibility import secretariat_users

    if post.status != PostStatus.SUBMITTED:
        return []
    people = secretariat_users().exclude(pk=post.created_by_id).order_by("pk")
    messages = []
    for person in people:
        language = mail_language(person)
        with translation.override(language):
            # A post in French only has no English title to fall back on.
            title = in_language(post, "title") or next(
                (getattr(post, f"title_{code}") for code in post.languages), post.slug
            )
            organisation = post.organisation.name if post.organisation_id else ""
            link = absolute(reverse("comms:post-review"))
            body = render_to_string(
                "comms/email/post_waiting.txt",
                {"title": title, "organisation": organisation, "link": link},
            )
            subject = translation.gettext("A partner's post waits for review: %(title)s")
            subject = " ".join((subject % {"title": title}).split())
        messages.append(
            EmailMessage(
                subject,
                body,
                settings.DEFAULT_FROM_EMAIL,
                [person.email],
                headers={"Content-Language": language, "Auto-Submitted": "auto-generated"},
            )
        )
    return messages
