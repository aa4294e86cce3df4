"""What the search index holds of the community: each thread (its title,
its posts' words as readers see them), found by whoever sees its space
(members-only spaces by the members of their group). A post's language is
not recorded, so its words are indexed under each of the Hub's languages:
a thread is found whichever language the searcher reads.

Only what everyone who sees the space reads is indexed: a thread whose
opening post is held, hidden or rejected has no entry, and a held, hidden
or rejected reply adds no word (community/moderation/). Hiding or
restoring a post saves it, which reindexes its thread."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance87.community.models import Post, PostState, Space, Thread
from alliance87.core import hooks
from alliance87.core.markdown import plain_text

# The words of a thread indexed, at most: a long thread's first posts, read
# POSTS_READ at most (a reply to a thread of 2,000 posts reads 200, not all).
BODY_MAX_CHARS = 20_000
POSTS_READ = 200


def thread_entry(thread: Thread) -> hooks.SearchEntry | None:
    if thread.state != PostState.PUBLISHED:
        return None
    words, size = [], 0
    # One query a thread, for its first posts only (a thread's posts are
    # not prefetched: Django's sliced prefetch refuses Post's queryset).
    first = thread.posts.filter(state=PostState.PUBLISHED).order_by("created", "pk")
    for body in first.values_list("body", flat=True)[:POSTS_READ]:
        text = plain_text(body)
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
        rows=lambda: Thread.objects.select_related("space"),
        entry=thread_entry,
        visible=lambda user: Thread.objects.visible_to(user).select_related("space"),
        url=lambda thread: thread.get_absolute_url(),
        depends={Space: "space", Post: "posts"},
        order=70,
        # A reply rewrites its thread's document: in a task, not in the
        # request that posts it (bench/README.md, posting a reply).
        deferred=True,
    ),
]
