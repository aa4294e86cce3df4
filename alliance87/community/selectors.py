"""
Reads of the community: the spaces a person may see, one space's threads,
one thread's posts. Every read starts from `visible_to(user)`; a missing
and a hidden space or thread answer the same 404. Each page takes a
constant number of queries, whatever the number of threads or posts.

Moderation (community/moderation/): lists and counts hold published
threads and posts only, but for their authors and the space's moderators;
a hidden post shows on its thread's page as a notice, without its text,
author or links, to whoever may not read it in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils.safestring import SafeString

from alliance87.community import moderation, org_mentions
from alliance87.community.attachments import ShownFile, shown_by_post
from alliance87.community.cards import Card, cards_for
from alliance87.community.models import (
    Flag,
    Helpful,
    Post,
    PostQuerySet,
    PostRevision,
    PostState,
    Space,
    SpaceMember,
    SpaceRole,
    Thread,
    display_name,
    may_read_in_full,
    shown_author,
    standing,
)
from alliance87.core.markdown import link_targets
from alliance87.core.permissions import may

THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 30


def list_spaces(user: Any) -> dict[str, list[Space]]:
    """Return the spaces `user` may see, open ones first, with their
    thread counts: {"joined": [...], "others": [...], "archived": [...]}."""
    spaces = list(
        Space.objects.visible_to(user)
        .select_related("group", "country", "theme")
        .annotate(thread_count=Count("threads", filter=Q(threads__state=PostState.PUBLISHED)))
        .order_by("kind", "name")
    )
    joined: set[int] = set()
    if user.is_authenticated:
        joined = set(SpaceMember.objects.filter(user=user).values_list("space_id", flat=True))
    out: dict[str, list[Space]] = {"joined": [], "others": [], "archived": []}
    for space in spaces:
        if space.is_archived:
            out["archived"].append(space)
        elif space.pk in joined:
            out["joined"].append(space)
        else:
            out["others"].append(space)
    return out


def get_space_for_user(user: Any, slug: str) -> Space:
    space = (
        Space.objects.visible_to(user)
        .select_related("group", "country", "theme")
        .filter(slug=slug)
        .first()
    )
    if space is None:
        raise Http404("Not found.")
    return space


class FromNearerEnd(Paginator):
    """A paginator of an ordered queryset that reads a page of its second
    half from the other end, in reverse order, then turns it round: the
    last pages skip as few rows as the first (the order must be total)."""

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if bottom <= self.count // 2:
            return super().page(number)
        listed = cast(Any, self.object_list)  # a queryset
        rows = list(listed.reverse()[self.count - top : self.count - bottom])
        return Page(rows[::-1], number, self)


@dataclass
class SpacePage:
    space: Space
    page: Page
    member: SpaceMember | None
    moderators: list[Any]
    may_post: bool
    may_moderate: bool
    suspended: bool = False
    queue_size: tuple[int, int] = (0, 0)  # flagged posts, posts awaiting review


def space_page(user: Any, space: Space, page_number: Any) -> SpacePage:
    listed = (
        Thread.objects.visible_to(user)
        .filter(space=space)
        .order_by("-pinned", "-last_activity", "-pk")
        .values_list("pk", flat=True)
    )
    # The page's ids first, from the index of the listing alone (a deep page
    # of a space of 100,000 threads skips index entries, not rows and their
    # authors: bench/community.py), then the page's rows.
    page = FromNearerEnd(listed, THREADS_PER_PAGE).get_page(page_number)
    ids = list(page.object_list)
    rows = {
        t.pk: t for t in Thread.objects.filter(pk__in=ids).select_related("author", "pseudonym")
    }
    page.object_list = [rows[pk] for pk in ids]
    for thread in page.object_list:
        thread.space = space  # for get_absolute_url, without a query each
        thread.author_name = shown_author(thread)
    member = None
    if user.is_authenticated:
        member = SpaceMember.objects.filter(space=space, user=user).first()
    moderators = [
        display_name(m.user)
        for m in SpaceMember.objects.filter(space=space, role=SpaceRole.MODERATOR)
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    ]
    may_moderate = may(user, "moderate", space)
    return SpacePage(
        space=space,
        page=page,
        member=member,
        moderators=moderators,
        may_post=may(user, "post", space),
        may_moderate=may_moderate,
        suspended=space.pk in standing(user).suspended,
        queue_size=moderation.queue_counts(space) if may_moderate else (0, 0),
    )


def get_thread_for_user(user: Any, space: Space, pk: int) -> Thread:
    thread = (
        Thread.objects.visible_to(user)
        .filter(space=space, pk=pk)
        .select_related("author", "pseudonym")
        .first()
    )
    if thread is None:
        raise Http404("Not found.")
    thread.space = space
    return thread


@dataclass
class ShownPost:
    post: Post
    author_name: str
    html: SafeString
    cards: list[Card]
    marked_helpful: bool
    may_edit: bool
    is_opening: bool
    is_answer: bool
    # False: a hidden post the reader may not read, shown as a notice.
    in_full: bool = True
    may_flag: bool = False
    open_flags: int = 0  # for the moderators
    # The files it carries (none shown for a hidden post's notice).
    attachments: list[ShownFile] = field(default_factory=list)


@dataclass
class ThreadPage:
    thread: Thread
    page: Page
    posts: list[ShownPost]
    may_post: bool
    may_moderate: bool
    may_accept: bool
    suspended: bool = False


def thread_page(user: Any, thread: Thread, page_number: Any) -> ThreadPage:
    posts = (
        # (cast: mypy's Django plugin mixes this queryset up with comms' one
        # of the same name.)
        cast(PostQuerySet, Post.objects.all())
        .in_thread_pages(user)
        .filter(thread=thread)
        .select_related("author", "pseudonym")
        .annotate(revision_count=Count("revisions"))
        .order_by("created", "pk")
    )
    page = Paginator(posts, POSTS_PER_PAGE).get_page(page_number)
    rows: list[Post] = list(page.object_list)
    opening_pk: int | None
    if page.number == 1 and rows:
        opening_pk = rows[0].pk
    else:
        opening_pk = (
            Post.objects.filter(thread=thread)
            .order_by("created", "pk")
            .values_list("pk", flat=True)
            .first()
        )
    marked: set[int] = set()
    if user.is_authenticated and rows:
        marked = set(
            Helpful.objects.filter(user=user, post__in=rows).values_list("post_id", flat=True)
        )
    in_full = {p.pk for p in rows if may_read_in_full(user, p, thread)}
    # A hidden post's links are never read: its cards would show them.
    cards = cards_for(user, {p.pk: list(link_targets(p.body)) for p in rows if p.pk in in_full})
    attached = shown_by_post(sorted(in_full))
    org_links = org_mentions.links_for(user, (p.body for p in rows if p.pk in in_full))
    may_post = may(user, "post", thread.space)
    may_moderate = may(user, "moderate", thread.space)
    open_flags: dict[int, int] = {}
    if may_moderate and rows:
        open_flags = dict(
            Flag.objects.filter(post__in=rows, resolved__isnull=True)
            .values("post_id")
            .annotate(n=Count("pk"))
            .values_list("post_id", "n")
        )
    shown = []
    for post in rows:
        post.thread = thread
        full = post.pk in in_full
        shown.append(
            ShownPost(
                post=post,
                author_name=shown_author(post) if full else "",
                html=org_mentions.render_post(post.body, org_links) if full else SafeString(""),
                cards=cards.get(post.pk, []),
                marked_helpful=post.pk in marked,
                may_edit=full and may(user, "edit", post),
                is_opening=post.pk == opening_pk,
                is_answer=post.pk == thread.accepted_id,
                in_full=full,
                may_flag=(
                    full
                    and post.state == PostState.PUBLISHED
                    and user.is_authenticated
                    and may(user, "flag", post)
                ),
                open_flags=open_flags.get(post.pk, 0),
                attachments=attached.get(post.pk, []) if full else [],
            )
        )
    return ThreadPage(
        thread=thread,
        page=page,
        posts=shown,
        may_post=may_post and not thread.closed,
        may_moderate=may_moderate,
        may_accept=may(user, "accept", thread),
        suspended=thread.space_id in standing(user).suspended,
    )


def get_post_for_user(user: Any, pk: int) -> Post:
    post = (
        Post.objects.visible_to(user)
        .filter(pk=pk)
        .select_related("thread__space", "author", "pseudonym")
        .prefetch_related(
            Prefetch(
                "revisions",
                queryset=PostRevision.objects.select_related("replaced_by").prefetch_related(
                    "attachments"
                ),
            ),
            "attachments",
        )
        .first()
    )
    if post is None:
        raise Http404("Not found.")
    return post


def post_url(post: Post) -> str:
    """Return the address of `post` on its thread's page of posts."""
    before = Post.objects.filter(thread_id=post.thread_id, created__lt=post.created).count()
    page = before // POSTS_PER_PAGE + 1
    suffix = f"?page={page}" if page > 1 else ""
    return f"{post.thread.get_absolute_url()}{suffix}#post-{post.pk}"


@dataclass
class ShownVersion:
    """One version of a post on its history page."""

    html: SafeString
    attachments: list[ShownFile]
    revision: PostRevision | None = None  # None: the post as it is now
    editor: str = ""  # who replaced it


def post_history(user: Any, post: Post) -> list[ShownVersion]:
    """Return the versions of `post` (read by get_post_for_user), the
    current one first, each with the files it carried."""
    from alliance87.community.attachments import shown

    revisions = list(post.revisions.all())
    links = org_mentions.links_for(user, [post.body, *(r.body for r in revisions)])
    versions = [
        ShownVersion(
            org_mentions.render_post(post.body, links),
            [shown(a) for a in post.attachments.all() if a.removed is None],
        )
    ]
    for revision in revisions:
        versions.append(
            ShownVersion(
                org_mentions.render_post(revision.body, links),
                [shown(a) for a in revision.attachments.all()],
                revision,
                # The author's own edits are theirs under the name the post
                # shows (a pseudonym, perhaps); another's (the
                # Secretariat's) under their name.
                shown_author(post)
                if revision.replaced_by_id is not None
                and revision.replaced_by_id == post.author_id
                else display_name(revision.replaced_by),
            )
        )
    return versions
