"""What becomes of a message: the refusals (and which of them the address
alone decides, which give the person their text back), their
explanation in the person's language or in English, and the outcome."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _


class Refusal(StrEnum):
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    NO_ADDRESS = "no_address"
    UNKNOWN_ADDRESS = "unknown_address"
    FORGED = "forged"
    EXPIRED = "expired"
    UNKNOWN = "unknown"
    SENDER = "sender"
    INACTIVE = "inactive"
    NOT_ALLOWED = "not_allowed"
    ARCHIVED = "archived"
    CLOSED = "closed"
    NO_TEXT = "no_text"
    EMPTY = "empty"
    INVALID = "invalid"
    AUTH_FAILED = "auth_failed"
    AUTH_MISSING = "auth_missing"
    DIGEST = "digest"


# What the address alone decides: the receiver refuses these at RCPT.
ADDRESS_REFUSALS = {
    Refusal.NO_ADDRESS,
    Refusal.UNKNOWN_ADDRESS,
    Refusal.FORGED,
    Refusal.EXPIRED,
    Refusal.UNKNOWN,
    Refusal.DIGEST,
}
# The refusals whose bounce gives the person their text back.
KEEPS_TEXT = {
    Refusal.FORGED,
    Refusal.EXPIRED,
    Refusal.UNKNOWN,
    Refusal.UNKNOWN_ADDRESS,
    Refusal.NO_ADDRESS,
    Refusal.SENDER,
    Refusal.NOT_ALLOWED,
    Refusal.ARCHIVED,
    Refusal.CLOSED,
    Refusal.DIGEST,
}
# (Not a reply that failed authentication: its text may be a forger's.)
PERMISSION_REFUSALS = {
    Refusal.SENDER,
    Refusal.INACTIVE,
    Refusal.NOT_ALLOWED,
    Refusal.ARCHIVED,
    Refusal.CLOSED,
    Refusal.AUTH_FAILED,
    Refusal.AUTH_MISSING,
}
AUTH_REFUSALS = {Refusal.AUTH_FAILED, Refusal.AUTH_MISSING}


def explain(reason: Refusal) -> str:
    """Return, in the active language, why a reply was not posted."""
    texts = {
        Refusal.TOO_LARGE: _(
            "Your email is larger than the Hub accepts (%(max)s). Post your reply on the site."
        )
        % {"max": f"{settings.REPLY_EMAIL_MAX_BYTES // 1024:,} KB"},
        Refusal.UNREADABLE: _("Your email could not be read."),
        Refusal.NO_ADDRESS: _("Your email was not sent to a reply address of the Hub."),
        Refusal.UNKNOWN_ADDRESS: _(
            "This reply address is not one the Hub gives. Reply to the email you received."
        ),
        Refusal.FORGED: _(
            "This reply address was not made by the Hub, or was changed on the way. "
            "Reply to the email you received, or post on the site."
        ),
        Refusal.EXPIRED: _(
            "This reply address has expired: the Hub takes replies by email for %(days)s "
            "days after its email. Post your reply on the site."
        )
        % {"days": settings.REPLY_EMAIL_DAYS},
        Refusal.UNKNOWN: _("This reply address names a thread or a person the Hub no longer has."),
        Refusal.SENDER: _(
            "This reply address belongs to another account, or your email came from an "
            "address that is not a verified address of its account. Reply from the address "
            "the Hub wrote to."
        ),
        Refusal.INACTIVE: _("This account is deactivated."),
        Refusal.NOT_ALLOWED: _("You may no longer post in this thread."),
        Refusal.ARCHIVED: _("This space is archived: nothing new is posted in it."),
        Refusal.CLOSED: _("This thread is closed to replies."),
        Refusal.NO_TEXT: _("Your email has no text the Hub can read (no plain text or HTML)."),
        Refusal.EMPTY: _(
            "Your email had no text of your own once the quoted email and the signature "
            "were left out."
        ),
        Refusal.INVALID: _("Your reply could not be posted."),
        Refusal.AUTH_FAILED: _(
            "The mail server that received your email found that it failed the checks of "
            "your address's domain (DMARC, or both DKIM and SPF), so the Hub cannot tell that "
            "it came from you. If you sent it, post your reply on the site, and ask whoever "
            "runs your email about DKIM and DMARC. If you did not, someone wrote in your "
            "name: there is nothing for you to do."
        ),
        Refusal.AUTH_MISSING: _(
            "The Hub takes a reply by email only when the mail server that received it "
            "confirms that it comes from its sender's domain (DMARC, DKIM or SPF), and this "
            "one could not be confirmed. Post your reply on the site, or ask whoever runs "
            "your email about DKIM and DMARC."
        ),
        Refusal.DIGEST: _(
            "You replied to a digest, which covers several threads, so the Hub cannot tell "
            "which thread your reply is for. Use the “Reply by email” link under a thread in "
            "the digest, or post on the site."
        ),
    }
    return str(texts[reason])


@dataclass
class Outcome:
    """What became of one message."""

    status: str  # "posted", "duplicate", "ignored" or "refused"
    reason: Refusal | None = None
    detail: str = ""  # the refusal in English, for logs and SMTP replies
    post_id: int | None = None
    bounced: bool = False

    @property
    def refused(self) -> bool:
        return self.status == "refused"


def explain_in_english(reason: Refusal) -> str:
    """Return why, in English: for logs and mail servers' replies."""
    with translation.override("en"):
        return explain(reason)
