"""The people a post names with @username: found (every one an active
account, else the post is refused) and recorded once, with the
organisations it names with @org: (community/org_mentions.py) and the
pseudonyms it names with @"..." (community/pseudonym_mentions.py)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.community.models import Mention, OrganisationMention, Post, PseudonymMention
from alliance87.community.org_mentions import without_org_mentions
from alliance87.community.pseudonym_mentions import without_pseudonym_mentions

# "@name" not preceded by a word character (an email address is no mention).
MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.+-]{0,149})")
# What Markdown reads as markup.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#<>!|~])")


def escape_markdown(text: str) -> str:
    """Return `text` (a name, a label) as Markdown that shows it as typed
    and mentions nobody."""
    return neutralise_mentions(MARKDOWN_SPECIAL.sub(r"\\\1", text))


def neutralise_mentions(text: str) -> str:
    """Write every "@" the community would read as a mention as `&#64;`."""
    return MENTION.sub(lambda m: "&#64;" + m.group(1), text)


def mentioned_users(body: str) -> list[Any]:
    """Return the active accounts named with @username in `body`; raise
    ValidationError naming those that are not found."""
    body = without_pseudonym_mentions(without_org_mentions(body))
    names = {m.lower() for m in MENTION.findall(body)}
    # A trailing full stop ends a sentence, not a name.
    names = {n.rstrip(".") for n in names}
    if not names:
        return []
    users = list(
        get_user_model().objects.filter(is_active=True, username__in=_spellings(body, names))
    )
    found = {u.username.lower() for u in users}
    missing = sorted(names - found)
    if missing:
        raise ValidationError(
            {
                "body": _("No one on the Hub has the username %(names)s.")
                % {"names": ", ".join(f"@{n}" for n in missing)}
            },
            code="unknown_mention",
        )
    return users


def _spellings(body: str, names: set[str]) -> list[str]:
    # Usernames are matched case-insensitively without a function index:
    # ask for each name as written and in lower case.
    written = {m.rstrip(".") for m in MENTION.findall(body)}
    return sorted(written | names)


def record_mentions(
    post: Post, users: list[Any], organisations: list[Any], pseudonyms: Sequence[Any] = ()
) -> None:
    if users:
        Mention.objects.bulk_create(
            [Mention(post=post, user=u) for u in users], ignore_conflicts=True
        )
    if organisations:
        OrganisationMention.objects.bulk_create(
            [OrganisationMention(post=post, organisation=o) for o in organisations],
            ignore_conflicts=True,
        )
    if pseudonyms:
        PseudonymMention.objects.bulk_create(
            [PseudonymMention(post=post, pseudonym=p) for p in pseudonyms],
            ignore_conflicts=True,
        )
