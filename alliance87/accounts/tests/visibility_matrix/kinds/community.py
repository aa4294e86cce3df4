"""The community: spaces, threads, moderation and replies by email."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.mail import STATUSES as REPLY_STATUSES
from alliance87.accounts.tests.visibility_matrix.mail import expect_reply, reply_by_email
from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    API_ANSWER,
    API_REPLY,
    API_SEARCH,
    API_SPACE_WRITES,
    API_THREAD_STATE,
    SITE_SEARCH,
    Kind,
    Way,
    api_attachment_url,
    api_own_post_writes,
    api_post_writes,
    api_thread_url,
    attachment_url,
    fixed,
    obj_of,
    slug_url,
)

COMMUNITY = (
    # Community spaces and their threads: a thread is seen by whoever
    # sees its space (each thread alone in a space of its level).
    Kind(
        "space",
        (
            Way("detail", slug_url("/en/community/{slug}/"), own_page=True),
            Way("list", fixed("/en/community/")),
            Way("api-list", fixed(f"{API}community/spaces?limit=200")),
            Way("api-detail", slug_url(API + "community/spaces/{slug}"), own_page=True),
            *API_SPACE_WRITES,
        ),
        has_group=True,
    ),
    Kind(
        "thread",
        (
            Way(
                "detail",
                lambda world, item: obj_of(world, item).get_absolute_url(),
                own_page=True,
            ),
            Way(
                "space",
                lambda world, item: obj_of(world, item).space.get_absolute_url(),
            ),
            Way(
                "history",
                lambda world, item: (
                    f"/en/community/posts/{obj_of(world, item).posts.get().pk}/history/"
                ),
                own_page=True,
            ),
            # The API: the space's threads, the thread, its posts (the
            # opening post's text holds the marker too).
            Way(
                "api-threads",
                lambda world, item: (
                    f"{API}community/spaces/{obj_of(world, item).space.slug}/threads"
                ),
                own_page=True,
            ),
            Way("api-thread", api_thread_url(""), own_page=True),
            Way("api-posts", api_thread_url("/posts"), own_page=True),
            # The API's writes to the thread and its opening post.
            API_THREAD_STATE,
            API_REPLY,
            API_ANSWER,
            *api_post_writes(lambda thread: thread.posts.get()),
            *api_own_post_writes(lambda thread: thread.posts.get()),
            # The file its opening post carries (its text holds the
            # marker), served with the post's visibility.
            Way("attachment", attachment_url(lambda t: t.posts.get()), own_page=True),
            Way("api-attachment", api_attachment_url(lambda t: t.posts.get()), own_page=True),
            SITE_SEARCH,
            API_SEARCH,
            # Every persona was notified of every thread: the inbox
            # (signed-in people only) shows only those they may see.
            Way(
                "inbox",
                fixed("/en/community/inbox/"),
                openers=("outsider", "partner", "member", "focal"),
            ),
        ),
        has_group=True,
    ),
    # Moderation (community/moderation/): a reply hidden by a moderator,
    # or held for review, in a published thread of a space of the row's
    # level, written by the Secretariat (who moderates every space):
    # nobody else reads its text, wherever they see the thread. (Search
    # leaves it out for everyone: community/tests/test_moderation.py.)
    Kind(
        "modpost",
        (
            Way("thread", lambda world, item: obj_of(world, item).thread.get_absolute_url()),
            Way(
                "history",
                lambda world, item: f"/en/community/posts/{obj_of(world, item).pk}/history/",
                own_page=True,
            ),
            # The inbox names the thread of each notification.
            Way(
                "inbox",
                fixed("/en/community/inbox/"),
                look_for=lambda world, item: f": Thread of {item.key} ",
                openers=("outsider", "partner", "member", "focal"),
            ),
            # The file the reply carries: its author's and moderators'.
            Way("attachment", attachment_url(lambda post: post), own_page=True),
            Way("api-attachment", api_attachment_url(lambda post: post), own_page=True),
            # Flagging and moderating it through the API.
            *api_post_writes(lambda post: post),
            # The API's posts of the thread (community.selectors'
            # thread_page): a notice without text in its place.
            Way(
                "api-posts",
                lambda world, item: (
                    f"{API}community/spaces/{obj_of(world, item).thread.space.slug}"
                    f"/threads/{obj_of(world, item).thread_id}/posts"
                ),
            ),
        ),
        statuses=("hidden", "held"),
        draft_statuses=("hidden", "held"),
        has_group=True,
    ),
    # Reply by email, a way in (mail.py): a reply to a thread's signed
    # address is posted only for whoever may post there now, held if
    # their posts are held, and refused with a bounce otherwise.
    Kind(
        "emailreply",
        (
            Way(
                "reply-by-email",
                lambda world, item: obj_of(world, item).get_absolute_url(),
                send=reply_by_email,
                expect=expect_reply,
            ),
        ),
        statuses=REPLY_STATUSES,
        has_group=True,
    ),
    # The moderators' queues (community/moderation_views.py): a reply of
    # the Secretariat's, flagged by the partner, or held for review, in a
    # space of the row's level with no moderator but the Secretariat:
    # its queue across spaces and the space's queue show it to the
    # Secretariat only, whatever the level (404 for everyone else).
    Kind(
        "queuepost",
        (
            Way(
                "queue-all",
                lambda world, item: (
                    "/en/community/queue/" + ("?show=held" if item.status == "held" else "")
                ),
                own_page=True,
                openers=("secretariat",),
                seen_by=("secretariat",),
            ),
            Way(
                "space-queue",
                lambda world, item: (
                    f"/en/community/{obj_of(world, item).thread.space.slug}/queue/"
                    + ("?show=held" if item.status == "held" else "")
                ),
                own_page=True,
                openers=("secretariat",),
                seen_by=("secretariat",),
            ),
            # The same queues through the API (api/endpoints/community_queue.py).
            Way(
                "api-queue-all",
                lambda world, item: (
                    f"{API}community/queue" + ("?show=held" if item.status == "held" else "")
                ),
                own_page=True,
                openers=("secretariat",),
                seen_by=("secretariat",),
            ),
            Way(
                "api-space-queue",
                lambda world, item: (
                    f"{API}community/spaces/{obj_of(world, item).thread.space.slug}/queue"
                    + ("?show=held" if item.status == "held" else "")
                ),
                own_page=True,
                openers=("secretariat",),
                seen_by=("secretariat",),
            ),
        ),
        statuses=("flagged", "held"),
        has_group=True,
    ),
)
