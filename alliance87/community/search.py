"""What the search index holds of the community: each thread (its title,
its posts' words as readers see them), found by whoever sees its space
(members-only spaces by the members of their group). A post's language is
not recorded, so its words are indexed under each of the Hub's languages:
a thread is found whichever language the searcher reads.

Only what everyone who sees the space reads is indexed: a thread whose
opening post is held, hidden or rejected has no entry, and a held, hidden
or rejected reply adds no word (community/moderation.py). Hiding or
restoring a post saves it, which reindexes its thread."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance87.community.models import Post, PostState, Space, Thread
from alliance87.core import hooks
from alliance87.core.markdown import plain_text

# The words of a thread indexed, at most (a long thread's first posts).
BODY_MAX_CHARS = 20_000


def thread_entry(thread: Thread) -> hooks.SearchEntry | None:
    if thread.state != PostState.PUBLISHED:
        return None
    words, size = [], 0
    for post in thread.posts.all():
        if post.state != PostState.PUBLISHED:
            continue
        text = plain_text(post.body)
        words.append(text)
        size += len(text)
        if size > BODY_MAX_CHARS:
            break
    body = "\n\n".join(words)[:BODY_MAX_CHARS]
    languages = [code for code, _name in settings.LANGUAGES]
    space = thread.space
    return hooks.SearchEntry(
        titles=dict.fromkeys(languages, thread.title),
        bodies=dict.fromkeys(languages, body),
        access=hooks.SearchAccess(space.visibility, group_id=space.group_id),
        names=space.name,
        year=thread.created.year,
    )


PROVIDERS = [
    hooks.SearchProvider(
        kind="thread",
        label=_("Community threads"),
        model=Thread,
        rows=lambda: Thread.objects.select_related("space").prefetch_related("posts"),
        entry=thread_entry,
        visible=lambda user: Thread.objects.visible_to(user).select_related("space"),
        url=lambda thread: thread.get_absolute_url(),
        depends={Space: "space", Post: "posts"},
        order=70,
    ),
]
