"""The way in by email: a reply to a thread's signed reply address
(community/inbound/), and what should become of it.

Each `emailreply` row is a thread alone in a space of the row's level; its
status is the state the reply meets:

- discussion, question: an open thread of the host group's space;
- closed: the thread is closed; archived: its space is;
- suspended: everyone who could post there is suspended from the space;
- held: the persons' posts are held for review (they are new accounts,
  as the matrix personas are, with the hold on);
- removed: the space belongs to a group the member persona's
  organisation has left: the member stops at once.

Each persona replies, with a file, from their own address to the address
signed for them and the thread (made when the reply goes: a token carries
no right, it names a person and a thread). The anonymous visitor holds a forwarded
copy of the Secretariat's email and replies from an address of their
own; the deactivated account replies from its old address.

What should happen is written from the rules (issue 13, docs/community.md),
not from the code: a reply is posted only by whoever may post in the
thread now (sees its space; a partner, or a member of the space's group,
or the Secretariat; the space open, the thread open, not suspended), held
if their posts are held (never the Secretariat's), its file kept as the
post's; otherwise it is refused, its file stored nowhere, and a person with
an active account is told by a bounce; nobody else is.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import mail
from django.test import override_settings

from alliance87.accounts.tests.visibility_matrix.ways import Item, World, obj_of
from alliance87.community import inbound, reply_address
from alliance87.community.models import Attachment, Post
from alliance87.testing.personas import verified

DOMAIN = "reply.matrix.test"
STRANGER = "stranger@example.net"
# Who may post in a space of the host group they see (community/rules.py):
# the Secretariat, a partner, a member of the group. Not the outsider nor
# the focal point (neither a partner nor a member of the group).
POSTERS = ("secretariat", "partner", "member")
STATUSES = ("discussion", "question", "closed", "archived", "suspended", "held", "removed")


def expect_reply(persona: str, item: Item) -> str:
    """Return what should become of `persona`'s reply to `item`'s thread."""
    if persona in ("anonymous", "inactive"):
        return "refused"  # no active account to tell: the Hub writes to nobody
    sees = (
        persona == "secretariat"
        or item.level == "public"
        or (item.level, persona) in {("partners", "partner"), ("members", "member")}
    )
    posts = persona in POSTERS and not (item.status == "removed" and persona == "member")
    if not (sees and posts) or item.status in ("closed", "archived"):
        return "refused, bounced"
    if item.status == "suspended" and persona != "secretariat":
        return "refused, bounced"
    if item.status == "held" and persona != "secretariat":
        return "held"
    return "published"


def reply_by_email(world: World, user: Any, item: Item) -> str:
    """Reply by email to `item`'s thread as `user`; return what became of it."""
    thread = obj_of(world, item)
    signed_for = user if user.is_authenticated else world.users["secretariat"]
    sender = user.email if user.is_authenticated else STRANGER
    if user.is_authenticated:
        verified(user)
    body = f"Reply of {sender} to {item.key}"
    # Each reply carries a file: it is kept with the reply, or not at all.
    name = f"mx-{item.key}-{sender.split('@')[0]}.txt".lower()
    message = EmailMessage()
    message["From"] = sender
    with override_settings(
        REPLY_EMAIL_DOMAIN=DOMAIN,
        COMMUNITY_HOLD_DAYS=7 if item.status == "held" else 0,
    ):
        message["To"] = reply_address.reply_address(signed_for, thread)
        message["Subject"] = f"Re: {thread.title}"
        message["Message-ID"] = make_msgid(domain="mail.example.org")
        message.set_content(body)
        message.add_attachment(f"Notes: {item.key}".encode(), "text", "plain", filename=name)
        outcome = inbound.receive(bytes(message))
    posts = list(Post.objects.filter(thread=thread, body=body).values_list("state", flat=True))
    kept = list(
        Attachment.objects.filter(post__thread=thread, post__body=body).values_list(
            "file", flat=True
        )
    )
    on_disk = [p.name for p in Path(settings.MEDIA_ROOT).rglob(name)]
    bounced = any(sender in sent.to for sent in mail.outbox)
    if outcome.status == "posted" and len(posts) == 1 and not bounced:
        if [Path(f).name for f in kept] == on_disk == [name]:
            return str(posts[0])
    elif outcome.refused and not posts and not kept and not on_disk:
        return "refused, bounced" if bounced else "refused"
    return (
        f"{outcome.status} ({outcome.reason}), posts {posts}, bounced {bounced}, "
        f"files {kept} on disk {on_disk}"
    )
