"""
Reply by email: an email sent to a reply address posts in its thread as
the person the address was made for (community/reply_address.py).

`receive(raw, recipients=...)` reads one RFC 5322 message and answers with
an `Outcome`. In order, it refuses:

1. a message larger than REPLY_EMAIL_MAX_BYTES;
2. nothing, but ignores, an automatic message (Auto-Submitted other than
   "no", a bounce, a list's bulk mail): answering it could start a loop;
3. nothing, but posts nothing, a message already received (the SHA-256 of
   its Message-ID, of the whole message without one, is recorded once);
4. a message sent to no reply address (envelope recipients, Delivered-To,
   X-Original-To, To, Cc), an address whose token is malformed, forged or
   expired, or that names a person or thread the Hub no longer has;
5. a From that is not a verified address (allauth's EmailAddress) of the
   person the address was made for: the token alone travels in every
   copy of the email, the From is the second proof (a message with two
   From headers, or two addresses in one, has no sender); and a From
   that the Hub's own mail server found forged: its trusted
   Authentication-Results (community/mail_auth.py) say DMARC failed, or
   that neither DKIM nor SPF passed for the From's domain, and
   REPLY_EMAIL_AUTH_POLICY is "refuse-fail" (the default) or
   "require-pass"; with "require-pass", also a From that no trusted header
   shows passing. Without a trusted header the signed address is the
   proof, as before; the verdict is recorded on every message;
6. a person who may no longer post in the thread: deactivated, removed
   from the space's group, the space archived or the thread closed (the
   rules the site applies, core.permissions' "post");
7. a message with no text part, or with no text of its own once quotes
   and signature are trimmed (community/reply_text.py), or one the reply
   service refuses (too long, an unknown @mention).

A message sent to the digest's reply address (reply+digest@, the Reply-To
of a digest of several threads), or in reply to a digest, is refused
with a bounce that says to use a thread's own reply link.

Otherwise it posts through `services.post_emailed_reply` (the site's
`reply`: notifications, search and audit follow).

Bounces. A refusal is explained by email, in the person's language, only
to a verified address of an active Hub account, and only when the From is
that address: a forged From naming a stranger gets nothing from the Hub,
which is never a source of backscatter. The same message refused twice is
answered once (it is recorded), and one account gets at most
BOUNCES_PER_HOUR, so that forged mail cannot make the Hub flood a member.
Where no bounce goes, the refusal is left to the reader to report to the
mail server: an exit code (inbound_mail) or a 550 reply (the SMTP/LMTP
receiver, which refuses a bad address at RCPT, while the sender's server
is still connected).

One module per use case: `receiving` (the checks, in order, and the
post), `refusing` (the record and the bounce), `outcomes` (the refusals and
their explanations) and `reading` (a message's headers and text). The
names below are the package's public ones; import them from here.
"""

from alliance87.community.inbound.outcomes import (
    ADDRESS_REFUSALS,
    AUTH_REFUSALS,
    KEEPS_TEXT,
    PERMISSION_REFUSALS,
    Outcome,
    Refusal,
    explain,
    explain_in_english,
)
from alliance87.community.inbound.receiving import check_address, receive
from alliance87.community.inbound.refusing import BOUNCES_PER_HOUR

__all__ = [
    "ADDRESS_REFUSALS",
    "AUTH_REFUSALS",
    "BOUNCES_PER_HOUR",
    "KEEPS_TEXT",
    "PERMISSION_REFUSALS",
    "Outcome",
    "Refusal",
    "check_address",
    "explain",
    "explain_in_english",
    "receive",
]
