"""
Who hears about a post, and the email they get.

When a post commits, `fan_out` (a background task) writes one
`Notification` per person who should hear of it: the members of its space
whose level is "everything" (inbox and an email at once), "digest" (inbox
and their next digest), everyone it mentions who may see it (inbox
and an email at once, unless their level for the space is "nothing"), and
the people of the organisations it names with @org: who may see it (as a
mention, but in their digest when that is their level for the space).
Nobody hears of their own post, nor of a post in a space they may no
longer see: visibility is asked again for each person, and again when the
email goes out. The fan-out and the digests' run read people a chunk at a
time (`base.CHUNK`) and ask the chunk's visibility at once
(core.visibility.audiences_for, `may_see_many`, models.standings_for): a
few queries a chunk, each person answered as the one-person rule
(`may_see`, `visible_to(user)`) answers.

An email at once is sent by `send_notification`, which claims the row
(pending -> sending) in its own committed update before talking to the
mail server, and records it sent after:

- a mail server that refuses or cannot be reached puts the row back to
  pending and queues another try later (1, 5, 30 minutes, then every 2
  hours): an outage delays mail, never loses it;
- two workers never send one email: only one claim succeeds;
- a worker that dies between the claim and the record leaves the row
  "sending"; `sweep` turns such rows, after SENDING_LEASE, into
  "uncertain" (shown to the Secretariat in the back office) and never
  sends them again: whether the server took it cannot be known, and
  never twice is the rule.

A person's quiet hours (`Preferences.quiet_from`, `quiet_until`, in their
time zone) hold their emails back: an email at once that falls within them
stays pending, marked `held_until` their end, and its task is queued again
for then; a digest due within them goes at the first run after (its window
is unchanged). The inbox is written at once whatever the hour.

Digests (`send_digest`) cover exact, contiguous windows in the person's
time zone: from the end of the last window sent to the last midnight
(daily) or the last Monday midnight (weekly). The window is claimed by a
compare-and-set on `Preferences.digest_sent_until`; a failed send gives it
back, so the next run sends the same window. Each thread of a digest
carries the person's own reply address for it (a mailto: link in the HTML
part, the bare address in the text part, which mail programs link); a
digest of one thread has that address as its Reply-To, a digest of several
the digest's address, whose mail is answered with a bounce saying to use
a thread's own link (community/inbound/).

One module per use case: `fanout` (who hears of a post), `at_once` (an
email at once), `suspensions` (the notice of a suspension), `digests`,
`recovery` (what a dead worker left), and `base` (what they share:
preferences, quiet hours, retry delays, links and headers). The names
below are the package's public ones; import them from here.
"""

from alliance87.community.notify.at_once import (
    compose,
    compose_for_moderator,
    held_until,
    send_notification,
    still_news,
)
from alliance87.community.notify.base import (
    RETRY_AFTER,
    RETRY_EVERY,
    SENDING_LEASE,
    UNSUBSCRIBE_SALT,
    absolute,
    may_see,
    may_see_many,
    preferences_of,
    quiet_end,
    read_unsubscribe_token,
    retry_delay,
    unsubscribe_token,
)
from alliance87.community.notify.digests import (
    digest_message,
    digest_recipient_chunks,
    digest_recipients,
    send_digest,
    send_digests,
    window_end,
)
from alliance87.community.notify.fanout import fan_out
from alliance87.community.notify.recovery import sweep, sweep_suspension_notices
from alliance87.community.notify.suspensions import (
    ENDED_TOLD_WITHIN,
    compose_suspension_notice,
    ended_suspension_notices,
    send_suspension_notice,
    suspension_notice_held_until,
)

__all__ = [
    "ENDED_TOLD_WITHIN",
    "RETRY_AFTER",
    "RETRY_EVERY",
    "SENDING_LEASE",
    "UNSUBSCRIBE_SALT",
    "absolute",
    "compose",
    "compose_for_moderator",
    "compose_suspension_notice",
    "digest_message",
    "digest_recipient_chunks",
    "digest_recipients",
    "ended_suspension_notices",
    "fan_out",
    "held_until",
    "may_see",
    "may_see_many",
    "preferences_of",
    "quiet_end",
    "read_unsubscribe_token",
    "retry_delay",
    "send_digest",
    "send_digests",
    "send_notification",
    "send_suspension_notice",
    "still_news",
    "suspension_notice_held_until",
    "sweep",
    "sweep_suspension_notices",
    "unsubscribe_token",
    "window_end",
]
