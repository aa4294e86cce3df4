"""
Writes to the community.

Invariants:
- a members-only space belongs to a group; a group's space names its
  group, a country's space its country, a theme's space its theme;
- only the Secretariat creates, archives and restores spaces and names
  moderators; nothing is posted or edited in an archived space;
- a thread always has its opening post, written in the same transaction;
  its `reply_count` and `last_activity` follow its replies;
- nobody posts in a closed thread; only someone who may post in the
  space posts there (core.permissions: "post"), whether from the site or
  by email;
- every @username in a post names an active account, and every
  @org:<slug> an organisation its author may see, and every @"pseudonym"
  a pseudonym shown on a post of the thread its author may read, else the
  post is refused with the names not found; each one named is recorded
  once (community/org_mentions.py, community/pseudonym_mentions.py: a
  pseudonym's, never the account behind it);
- a post's files are few, small and of accepted kinds, checked and stored
  with the post or not at all (community/attachments.py);
- an edit keeps the text it replaced, with when and by whom, and the files
  it removed;
- one "helpful" mark per person and post, never on one's own post;
- a question's accepted answer is a reply in that thread;
- every new post is announced after commit (community/tasks.py): who
  hears of it, and how, community/notify/ decides;
- a person's level for a space is one of Level's; leaving a space stops
  its mail, and so does the one-click unsubscribe of its emails;
- a new account's post is held for review, and rate-limited; a held post
  is announced when a moderator approves it, and told at once to the
  space's moderators; only published replies count in `reply_count` and
  move `last_activity` (community/moderation/);
- an email received at a reply address is recorded once (its Message-ID):
  delivered again, it posts nothing (community/inbound/);
- a post is written under its author's pseudonym only when they may use
  one (community/pseudonyms.py, whose docstring lists its invariants);
- a post brought in by an import (`Imported`: the Slack import) keeps its
  original author and date, is asked of the importer's permission, joins
  nobody to the space and is announced to nobody: an import sends no mail.

One module per use case: `spaces` (the Secretariat's), `posts` (threads,
replies, edits, files), `marks` (helpful, answers, pinned and closed
threads), `membership` (a person's spaces, levels, preferences and inbox),
`mentions`, and `emailed` (what reply by email records). The names below
are the package's public ones; import them from here.
"""

from alliance87.community.services.emailed import post_emailed_reply, record_refused_email
from alliance87.community.services.marks import accept_answer, mark_helpful, set_thread_state
from alliance87.community.services.membership import (
    join_space,
    leave_space,
    mark_read,
    save_preferences,
    set_level,
    unsubscribe,
)
from alliance87.community.services.mentions import MENTION, mentioned_users
from alliance87.community.services.posts import (
    Imported,
    attach_file,
    edit_post,
    reply,
    start_thread,
)
from alliance87.community.services.spaces import (
    RESERVED_SLUGS,
    archive_space,
    check_space,
    save_space,
    set_moderator,
)

__all__ = [
    "MENTION",
    "RESERVED_SLUGS",
    "Imported",
    "accept_answer",
    "archive_space",
    "attach_file",
    "check_space",
    "edit_post",
    "join_space",
    "leave_space",
    "mark_helpful",
    "mark_read",
    "mentioned_users",
    "post_emailed_reply",
    "record_refused_email",
    "reply",
    "save_preferences",
    "save_space",
    "set_level",
    "set_moderator",
    "set_thread_state",
    "start_thread",
    "unsubscribe",
]
