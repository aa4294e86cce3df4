"""
Pseudonyms named in posts: `@"` and the pseudonym as the thread shows it,
then `"` (`@"Quiet River"`; curly quotation marks too), in a thread where
that pseudonym writes.

The person behind a pseudonym hears of the post; nobody else learns who
that is (community/pseudonyms.py: only the Secretariat links the two):

- A pseudonym is found among those shown on the posts of the thread that
  the author may read, by its name whatever its case; never among all
  pseudonyms, and never by anything of the account behind it. A name not
  found there refuses the post with the names and how to write one, the
  same words whether the pseudonym exists elsewhere, belongs to an account
  that left, or was never chosen: a refusal tells only what the author
  reads on the thread.
- What is recorded is the pseudonym (`PseudonymMention`), not the account.
  The fan-out (community/notify/) follows the link, in the background after
  the post commits, and tells its owner ("Your pseudonym was mentioned") as
  a mention does, unless their level for the space is "nothing" or they may
  no longer see it. The author's answer is the same whoever is behind the
  pseudonym and whether they are told.
- The post shows the text written; no page links a pseudonym to anything.
- A pseudonym's own posts and `@username` are apart: a pseudonym may hold
  spaces but no quotation mark or @, a username no quotation mark.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.community.models import Post, Pseudonym, Thread

# '@"Name"' not preceded by a word character (as services.MENTION); the
# name holds no quotation mark, @ or line break (pseudonyms.ALLOWED).
PSEUDONYM_MENTION = re.compile(r"(?<![\w@.])@[\"“]([^\"“”@\n]{1,80})[\"”]")


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def names_in(body: str) -> list[str]:
    """Return the pseudonyms `body` names, as written (spaces tidied), in
    order, once each whatever their case."""
    found: dict[str, str] = {}
    for name in PSEUDONYM_MENTION.findall(body):
        tidy = " ".join(name.split())
        if tidy:
            found.setdefault(tidy.casefold(), tidy)
    return list(found.values())


def without_pseudonym_mentions(body: str) -> str:
    """Return `body` with its pseudonym mentions blanked (for reading
    people's @username)."""
    return PSEUDONYM_MENTION.sub(" ", body)


def shown_in_thread(user: Any, thread: Thread | None) -> list[Pseudonym]:
    """Return the pseudonyms the posts of `thread` that `user` may read are
    shown under (one query; none without a thread)."""
    if thread is None:
        return []
    posts = Post.objects.visible_to(user).filter(thread=thread, pseudonym__isnull=False)
    return list(Pseudonym.objects.filter(pk__in=posts.values("pseudonym_id")).only("pk", "name"))


def mentioned_pseudonyms(body: str, user: Any, thread: Thread | None) -> list[Pseudonym]:
    """Return the pseudonyms `body` names that write in `thread` as `user`
    reads it; raise ValidationError naming those not found there."""
    names = names_in(body)
    if not names:
        return []
    shown = {_key(p.name): p for p in shown_in_thread(user, thread)}
    missing = [n for n in names if _key(n) not in shown]
    if missing:
        raise ValidationError(
            {
                "body": _(
                    "No one writes in this thread under the pseudonym %(names)s. Name a "
                    "pseudonym shown on a post of this thread, after the @ and in quotation "
                    "marks, as the thread shows it."
                )
                % {"names": ", ".join(f'@"{n}"' for n in missing)}
            },
            code="unknown_mention",
        )
    return list({shown[_key(n)].pk: shown[_key(n)] for n in names}.values())
