"""
A thread, or one of its posts, becomes an action item of a meeting or a
library resource.

Each is written by its own area's service, never by a twin here: the
action item by `events.services.record_action_item`, the resource by
`library.services.write_resource`; this module checks who may, keeps the
link both ways and refuses what would leak.

Invariants:
- the person may read the thread, and the post when one is named; both
  are published (a held, hidden or rejected post becomes nothing);
- an action item is recorded only by someone who may record the chosen
  meeting (`may(user, "record", event)`: events' own rule, today the
  Secretariat's), and a resource is made only by someone who may submit
  one to the library (`may(user, "submit", Resource)`: partners and the
  Secretariat);
- what a thread becomes is seen by no wider audience than the thread's
  space: an action item's visibility is the space's or narrower (a wider
  one is refused); a resource takes the space's visibility (a
  members-only space's: its group's members) and is never published
  here: a partner's is a submission, the Secretariat's a draft, reviewed
  and published through the library's own pages, where only the
  Secretariat may widen it;
- the action item cites the thread (or the post) as its source by its
  address alone (`core.provenance.cite`): no title is copied into the
  citation, so a thread hidden later shows nothing through it; the
  resource's address is the thread's, in the language chosen;
- the thread keeps a `Conversion` row naming what it became; one per
  thread, post and meeting (or per thread and post for a resource), so a
  form sent twice makes no twin.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from alliance87.community.models import Conversion, Post, PostState, Thread
from alliance87.core import permissions
from alliance87.core.markdown import plain_text
from alliance87.core.models import Basis
from alliance87.core.provenance import cite
from alliance87.core.services import service
from alliance87.core.visibility import Visibility, is_secretariat
from alliance87.events import services as events
from alliance87.events.models import ActionItem, Event
from alliance87.library import services as library
from alliance87.library.models import Resource

# The longest summary taken from an opening post, in characters.
SUMMARY_MAX_CHARS = 2000

# From the widest audience to the narrowest (core.visibility).
_WIDTH = {
    Visibility.PUBLIC: 3,
    Visibility.PARTNERS: 2,
    Visibility.MEMBERS: 1,
    Visibility.SECRETARIAT: 0,
}


def no_wider_than(visibility: str) -> list[str]:
    """Return the levels no wider than `visibility`, widest first."""
    return [v for v, width in _WIDTH.items() if width <= _WIDTH[Visibility(visibility)]]


def source_address(thread: Thread, post: Post | None = None) -> str:
    """Return the full address of the thread (or of one of its posts) in
    the active language."""
    path = thread.get_absolute_url() + (f"#post-{post.pk}" if post is not None else "")
    return settings.SITE_URL.rstrip("/") + path


def opening_summary(thread: Thread) -> str:
    """Return the words of the thread's opening post, as a first summary."""
    opening = Post.objects.filter(thread=thread).order_by("created", "pk").first()
    text = " ".join(plain_text(opening.body).split()) if opening is not None else ""
    return Truncator(text).chars(SUMMARY_MAX_CHARS)


def _check_source(thread: Thread, post: Post | None, user: Any) -> Thread:
    """Return the thread, locked, once `user` may read it and it (and the
    post) is published."""
    found = (
        Thread.objects.visible_to(user)
        .select_for_update(of=("self",))
        .select_related("space", "space__group")
        .filter(pk=thread.pk)
        .first()
    )
    if found is None or found.state != PostState.PUBLISHED:
        raise ValidationError(_("This thread cannot be turned into anything: it is not shown."))
    if post is not None and (post.thread_id != found.pk or post.state != PostState.PUBLISHED):
        raise ValidationError(_("That post is not a published post of this thread."))
    return found


@service
def turn_into_action_item(
    thread: Thread,
    *,
    acting_user: Any,
    event: Event,
    post: Post | None = None,
    visibility: str = Visibility.PUBLIC,
    **item: Any,
) -> ActionItem:
    """Record an action item of `event` from `thread` (or from one of its
    posts), citing it as the source, and note it on the thread.

    `item` is what `events.services.record_action_item` takes besides the
    event and its visibility (text, owner, due date, followed).
    """
    thread = _check_source(thread, post, acting_user)
    if not permissions.may(acting_user, "record", event):
        raise ValidationError({"event": _("You may not record action items for that meeting.")})
    if visibility not in no_wider_than(thread.space.visibility):
        raise ValidationError(
            {
                "visibility": _(
                    "The thread is seen by fewer people than that: choose “%(level)s” or narrower."
                )
                % {"level": Visibility(thread.space.visibility).label}
            }
        )
    if Conversion.objects.filter(thread=thread, post=post, action_item__event=event).exists():
        raise ValidationError({"event": _("This already became an action item of that meeting.")})
    action_item = events.record_action_item(
        event, acting_user=acting_user, visibility=visibility, **item
    )
    cite(
        action_item,
        acting_user=acting_user,
        basis=Basis.REPORTED,
        url=source_address(thread, post),
    )
    Conversion.objects.create(
        thread=thread, post=post, action_item=action_item, made_by=acting_user
    )
    return action_item


@service
def turn_into_resource(
    thread: Thread,
    *,
    acting_user: Any,
    title: str,
    summary: str,
    resource_type: str,
    language: str,
) -> Resource:
    """Make a library resource of `thread`: its title and summary in
    `language`, the thread's address as where it is published; a partner's
    is submitted for review, the Secretariat's is a draft. It takes the
    visibility of the thread's space and is not published here."""
    thread = _check_source(thread, None, acting_user)
    if not permissions.may(acting_user, "submit", Resource):
        raise ValidationError(_("You may not add resources to the library."))
    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Choose the language the thread is written in.")})
    if Conversion.objects.filter(thread=thread, post=None, resource__isnull=False).exists():
        raise ValidationError(_("This thread already became a library resource."))
    space = thread.space
    resource = Resource(
        resource_type=resource_type,
        visibility=space.visibility,
        group=space.group if space.visibility == Visibility.MEMBERS else None,
        url_language=language,
    )
    with translation.override(language):
        resource.url = source_address(thread)
        library.write_resource(
            resource,
            acting_user=acting_user,
            texts={"title": title.strip(), "summary": summary.strip()},
            links=library.Links(),
            submit=not is_secretariat(acting_user),
        )
    Conversion.objects.create(thread=thread, resource=resource, made_by=acting_user)
    return resource
