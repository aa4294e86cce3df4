"""
Organisations named in posts: `@org:` and the organisation's slug, the last
part of its page's address (`@org:ituc` for /en/partners/ituc/).

- The prefix keeps them apart from people's `@username` (services.MENTION):
  a username holds no colon, so `@org:ituc` names no one, and "@alice:"
  followed by a space still names Alice.
- A post that names an organisation its author may not see, or one the Hub
  does not have, is refused with the names not found, as an unknown
  @username is; the same words for both, so that a refusal tells nobody
  that a hidden organisation exists.
- Each organisation named is recorded once (`OrganisationMention`); the
  people of its directory entries with an account hear of the post as a
  mention does (community/notify/), by their level for the space.
- Shown to a reader who may see the organisation, a mention is a link to
  its page under its name; to anyone else it stays the text written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from alliance87.core.markdown import render
from alliance87.partners.models import Organisation

# "@org:slug" not preceded by a word character (as services.MENTION); a slug
# ends with a letter or digit, so "@org:ituc-" or "@org:ituc." ends a sentence.
ORG_MENTION = re.compile(r"(?<![\w@.])@org:([A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)")


def slugs_in(body: str) -> list[str]:
    """Return the slugs `body` names, lower case, in order, once each."""
    return list(dict.fromkeys(m.lower() for m in ORG_MENTION.findall(body)))


def without_org_mentions(body: str) -> str:
    """Return `body` with its @org: mentions blanked (for reading people's)."""
    return ORG_MENTION.sub(" ", body)


def _rows(user: Any, slugs: Iterable[str]) -> Any:
    wanted = set(slugs)
    # Slugs are matched case-insensitively without a function index: ask
    # for each as written in lower case (slugs are stored so).
    return Organisation.objects.visible_to(user).filter(slug__in=sorted(wanted))


def mentioned_organisations(body: str, user: Any) -> list[Organisation]:
    """Return the organisations `body` names that `user` may see; raise
    ValidationError naming those not found."""
    slugs = slugs_in(body)
    if not slugs:
        return []
    found = {o.slug.lower(): o for o in _rows(user, slugs)}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise ValidationError(
            {
                "body": _(
                    "No organisation on the Hub has the address %(names)s. After @org: write "
                    "the last part of the address of the organisation's page (@org:ilo for "
                    "…/partners/ilo/)."
                )
                % {"names": ", ".join(f"@org:{s}" for s in missing)}
            },
            code="unknown_mention",
        )
    return [found[s] for s in slugs]


def links_for(user: Any, bodies: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Return, for each slug named in `bodies` that `user` may see, the
    address and name of its organisation (one query; none without a
    mention)."""
    slugs: set[str] = set()
    for body in bodies:
        slugs.update(slugs_in(body))
    if not slugs:
        return {}
    return {o.slug.lower(): (o.get_absolute_url(), o.name) for o in _rows(user, slugs)}


def render_post(body: str, links: dict[str, tuple[str, str]]) -> SafeString:
    """Return `body` rendered (core.markdown), its @org: mentions linked
    to the organisations `links` holds (links_for), the others as written."""
    if not links:
        return render(body)

    def linker(text: str) -> Sequence[tuple[str, str | None]]:
        pieces: list[tuple[str, str | None]] = []
        at = 0
        for match in ORG_MENTION.finditer(text):
            found = links.get(match.group(1).lower())
            if found is None:
                continue
            pieces.append((text[at : match.start()], None))
            pieces.append((f"@{found[1]}", found[0]))
            at = match.end()
        pieces.append((text[at:], None))
        return [p for p in pieces if p[0]]

    return render(body, linker=linker)
