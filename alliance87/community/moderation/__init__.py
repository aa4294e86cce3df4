"""
Moderation of the community (issue 13, item 6): flags, the moderators'
queue, hiding and restoring posts, suspensions, and the first posts of
new accounts held for review and rate-limited.

Who: a space's moderators (named by the Secretariat) and the Secretariat
(core.permissions: "moderate"). Every decision is a `@service` here, so
its rows (the post's state and reason, the flags, the suspension) are
written in one transaction and their audit entries (django-auditlog, every
model of the Hub) name the moderator.

Invariants:
- a post is published, held (awaiting review), hidden or rejected (a held
  post not approved); a thread stands where its opening post does;
- only published posts in published threads reach others: thread pages
  (a hidden post shows as a notice there, without its text, author or
  links), the space's list and counts, search, notifications, digests and
  emails. Their author reads their own posts in any state, with the
  moderator's reason; a space's moderators and the Secretariat read all;
- `Thread.reply_count` counts published replies, and `last_activity`
  moves only when a reply is published: to the reply's own time, never
  back (a reply approved or restored later takes the thread's last
  activity to when it was written, if that is later);
- a post that enters the queue (its first open flag, or held for review)
  is told to the space's moderators, in their inbox and by an email at
  once, never to the flagger nor the post's author, and never saying who
  flagged (a space with no other moderator: to the Secretariat); a
  suspension made, lifted, or ended on its date is told to the person by
  email, once;
- one open flag per person and post; a person never flags their own post,
  nor where they are suspended; hiding a post closes its open flags
  ("hidden"), dismissing them keeps it ("dismissed");
- hiding, restoring and rejecting need a reason, shown to the author on
  the post and in a notification (inbox, and an email at once);
- a suspended person reads the space and may not post, reply (by email
  too), mark helpful or flag there until it ends or is lifted; one open
  suspension per person and space; the Secretariat and the space's
  moderators are not suspended;
- a new account's post (younger than COMMUNITY_HOLD_DAYS days, fewer than
  COMMUNITY_HOLD_POSTS published posts; never the Secretariat's nor a
  moderator's in their space) is held and announced to nobody until a
  moderator approves it; such a person may post COMMUNITY_NEW_POSTS_PER_HOUR
  times per clock hour (core.ratelimit, shared by every process), and is
  told when they may post again.

One module per use case: `posts` (flags and the decisions on posts),
`suspensions`, `queues` (the moderators' reads), `new_accounts` (held and
rate-limited first posts), and `base` (who may decide, the reason, telling
people). The names below are the package's public ones; import them from
here.
"""

from alliance87.community.moderation.base import REASON_MAX_CHARS, tell_moderators
from alliance87.community.moderation.new_accounts import (
    RATE_WINDOW,
    check_rate,
    hold_days,
    hold_posts,
    is_new,
    new_posts_per_hour,
    state_of_new_post,
)
from alliance87.community.moderation.posts import (
    approve_post,
    dismiss_flags,
    flag_post,
    hide_post,
    reject_post,
    restore_post,
)
from alliance87.community.moderation.queues import (
    QUEUE_PAGE,
    QueueItem,
    SpaceCounts,
    queue,
    queue_counts,
    queue_counts_by_space,
)
from alliance87.community.moderation.suspensions import (
    active_suspensions,
    lift_suspension,
    suspend,
    suspension_of,
)

__all__ = [
    "QUEUE_PAGE",
    "RATE_WINDOW",
    "REASON_MAX_CHARS",
    "QueueItem",
    "SpaceCounts",
    "active_suspensions",
    "approve_post",
    "check_rate",
    "dismiss_flags",
    "flag_post",
    "hide_post",
    "hold_days",
    "hold_posts",
    "is_new",
    "lift_suspension",
    "new_posts_per_hour",
    "queue",
    "queue_counts",
    "queue_counts_by_space",
    "reject_post",
    "restore_post",
    "state_of_new_post",
    "suspend",
    "suspension_of",
    "tell_moderators",
]
