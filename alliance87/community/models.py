"""
The practitioners' community: spaces, their members and moderators,
threads, posts with their edit history, and "helpful" marks.

A space is seen by whoever may see it by its `visibility` (and, when it is
members-only, by the members of its `group`): core.visibility decides, as
for every other row. A thread and its posts are seen by whoever sees their
space, read through `Thread.objects.visible_to(user)` and
`Post.objects.visible_to(user)`, so a person removed from a group loses
its members-only space, its threads and its posts on their next request.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Self, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance87.core.models import Theme
from alliance87.core.querysets import HubManager, HubQuerySet
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import (
    SecretariatOnlyQuerySet,
    Visibility,
    VisibleQuerySet,
    audience_for,
    audiences_for,
    visible_q,
)

# The longest post accepted, in characters of Markdown.
POST_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 200


def display_name(user: Any) -> str:
    """Return the name a person is shown under in the community."""
    if user is None:
        return str(_("A former participant"))
    return user.get_full_name() or user.get_username()


def shown_author(row: Any) -> str:
    """Return the name a post or a thread is shown under: its pseudonym
    when it was written under one (community/pseudonyms.py), else its
    author's name. Every way out that names a post's author asks this."""
    if row.pseudonym_id is not None:
        return str(row.pseudonym.name)
    return display_name(row.author)


class SpaceKind(models.TextChoices):
    GROUP = "group", _("Group")
    COUNTRY = "country", _("Pathfinder country")
    THEME = "theme", _("Theme")
    COMMONS = "commons", _("Commons")


class SpaceQuerySet(VisibleQuerySet):
    # A members-only space is seen by the members of its group.
    visibility_group_field = "group"

    def open(self) -> Self:
        return self.filter(archived_at__isnull=True)


class Space(models.Model):
    """Where a community talks: a group's, a pathfinder country's, a
    theme's, or the commons of all partners."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    kind = models.CharField(_("kind"), max_length=10, choices=SpaceKind.choices)
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PARTNERS
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = SpaceQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("space")
        verbose_name_plural = _("spaces")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_one("community:space", self.slug)

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class Level(models.TextChoices):
    """How much of a space a person hears about."""

    EVERYTHING = "everything", _("Everything, by email at once")
    MENTIONS = "mentions", _("Only when I am mentioned")
    DIGEST = "digest", _("A digest by email")
    NOTHING = "nothing", _("Nothing")


class SpaceRole(models.TextChoices):
    MEMBER = "member", _("Member")
    MODERATOR = "moderator", _("Moderator")


class SpaceMember(models.Model):
    """A person who joined a space, or moderates it."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_spaces"
    )
    role = models.CharField(
        _("role"), max_length=10, choices=SpaceRole.choices, default=SpaceRole.MEMBER
    )
    joined = models.DateTimeField(auto_now_add=True)
    level = models.CharField(
        _("what you hear about"), max_length=10, choices=Level.choices, default=Level.EVERYTHING
    )

    objects = HubManager()

    class Meta:
        verbose_name = _("space member")
        verbose_name_plural = _("space members")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="community_one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.space}"


def _space_visible_q(user: Any, prefix: str) -> Q | None:
    return visible_q(audience_for(user), prefix=prefix, group_field="group")


class ThreadKind(models.TextChoices):
    DISCUSSION = "discussion", _("Discussion")
    QUESTION = "question", _("Question")


class PostState(models.TextChoices):
    """Where a post stands with the moderators (a thread stands where its
    opening post does)."""

    PUBLISHED = "published", _("Published")
    HELD = "held", _("Awaiting review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    REJECTED = "rejected", _("Not approved")


@dataclass(frozen=True)
class Standing:
    """A person's standing in the community's spaces: those they moderate,
    those they are suspended from (now), and those they joined (moderating
    included)."""

    secretariat: bool = False
    moderates: frozenset[int] = frozenset()
    suspended: frozenset[int] = frozenset()
    joined: frozenset[int] = frozenset()


_SUSPENDED = "suspended"  # not a SpaceRole: tells a suspension's row in `standing`'s query


def _standing_rows(user_ids: list[int]) -> list[tuple[int, int, str]]:
    """One query: the memberships (with their role) and the suspensions in
    force of the people `user_ids`, as (person, space, what) rows."""
    now = timezone.now()
    memberships = (
        SpaceMember.objects.filter(user_id__in=user_ids)
        .order_by()
        .values_list("user_id", "space_id", "role")
    )
    suspensions = (
        Suspension.objects.filter(user_id__in=user_ids, lifted__isnull=True)
        .filter(Q(ends__isnull=True) | Q(ends__gt=now))
        .order_by()
        .annotate(what=Value(_SUSPENDED))
        .values_list("user_id", "space_id", "what")
    )
    return list(memberships.union(suspensions, all=True))


def _standing(secretariat: bool, rows: list[tuple[int, str]]) -> Standing:
    return Standing(
        secretariat=secretariat,
        moderates=frozenset(space for space, what in rows if what == SpaceRole.MODERATOR),
        suspended=frozenset(space for space, what in rows if what == _SUSPENDED),
        joined=frozenset(space for space, what in rows if what != _SUSPENDED),
    )


def _signed_in(user: Any) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def standing(user: Any) -> Standing:
    """Return `user`'s standing, computed once per user object (kept as an
    `_a87_` attribute, which the page cache drops before a page renders)."""
    if not _signed_in(user):
        return Standing()
    cached = getattr(user, "_a87_community_standing", None)
    if cached is not None:
        return cast(Standing, cached)
    rows = [(space, what) for _user, space, what in _standing_rows([user.pk])]
    found = _standing(audience_for(user).is_secretariat, rows)
    setattr(user, "_a87_community_standing", found)  # noqa: B010 - cached on the user object
    return found


def standings_for(users: Sequence[Any]) -> dict[int, Standing]:
    """Return the standing of each of `users` by their id, as `standing`
    gives it, and their audience (core.visibility.audiences_for), in a
    number of queries that does not grow with them; each kept on its user
    object, so that `visible_to(user)` then asks nothing more (a chunk of
    people of a digests' run)."""
    audiences = audiences_for(users)
    found = {user.pk: Standing() for user in users if not _signed_in(user)}
    todo = [u for u in users if _signed_in(u)]
    for user in todo:
        cached = getattr(user, "_a87_community_standing", None)
        if cached is not None:
            found[user.pk] = cached
    todo = [u for u in todo if u.pk not in found]
    rows: dict[int, list[tuple[int, str]]] = {user.pk: [] for user in todo}
    if todo:
        for user_id, space, what in _standing_rows(sorted(rows)):
            rows[user_id].append((space, what))
    for user in todo:
        found[user.pk] = _standing(audiences[user.pk].is_secretariat, rows[user.pk])
        setattr(user, "_a87_community_standing", found[user.pk])  # noqa: B010 - as `standing`
    return found


def forget_standing(user: Any) -> None:
    """Drop the standing cached on this user object (after a change to it)."""
    if user is not None:
        vars(user).pop("_a87_community_standing", None)


def _readable_q(user: Any, prefix: str, space_field: str) -> Q | None:
    """Return the filter of rows (threads or posts) `user` may read in full
    whatever their state: the published ones, their own, and those of the
    spaces they moderate; None for the Secretariat (everything)."""
    found = standing(user)
    if found.secretariat:
        return None
    q = Q(**{f"{prefix}state": PostState.PUBLISHED})
    if getattr(user, "is_authenticated", False):
        q |= Q(**{f"{prefix}author": user})
    if found.moderates:
        q |= Q(**{f"{prefix}{space_field}__in": sorted(found.moderates)})
    return q


def thread_readable_q(user: Any, prefix: str = "") -> Q:
    """The threads `user` sees in a space they see (states only)."""
    return _readable_q(user, prefix, "space_id") or Q()


def post_readable_q(user: Any, prefix: str = "") -> Q:
    """The posts `user` reads in full in a space they see (states only):
    theirs, a published one in a thread they see, or any in a space they
    moderate."""
    post_q = _readable_q(user, prefix, "thread__space_id")
    thread_q = _readable_q(user, f"{prefix}thread__", "space_id")
    return (post_q or Q()) & (thread_q or Q())


def may_read_in_full(user: Any, post: Any, thread: Any) -> bool:
    """The same rule as `post_readable_q`, for one post already read."""
    found = standing(user)
    if found.secretariat or thread.space_id in found.moderates:
        return True
    mine = getattr(user, "is_authenticated", False) and user.pk
    return (post.state == PostState.PUBLISHED or post.author_id == mine) and (
        thread.state == PostState.PUBLISHED or thread.author_id == mine
    )


class ThreadQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the threads of the spaces `user` may see: the published
        ones, their own whatever their state, and every thread of the
        spaces they moderate."""
        q = _space_visible_q(user, "space__")
        qs = self if q is None else self.filter(q)
        return qs.filter(thread_readable_q(user))

    def published(self) -> Self:
        return self.filter(state=PostState.PUBLISHED)


class Thread(models.Model):
    """A discussion or a question, in one space; its first post opens it."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="threads")
    kind = models.CharField(
        _("kind"), max_length=10, choices=ThreadKind.choices, default=ThreadKind.DISCUSSION
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_CHARS)
    # None once the author's account is erased: the thread stays.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="community_threads",
    )
    # Started under its author's pseudonym (the opening post's): shown
    # under it, never under the author's name (community/pseudonyms.py).
    pseudonym = models.ForeignKey(
        "Pseudonym",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="threads",
    )
    created = models.DateTimeField(_("started"))
    last_activity = models.DateTimeField(_("last activity"))
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    pinned = models.BooleanField(_("pinned"), default=False)
    closed = models.BooleanField(_("closed"), default=False)
    accepted = models.ForeignKey(
        "Post",
        verbose_name=_("accepted answer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Sample content of the demo, labelled as such on its page.
    illustrative = models.BooleanField(_("illustrative"), default=False)
    # Its opening post's state: a held, hidden or rejected opening post
    # takes its thread (title and replies) out of sight with it.
    state = models.CharField(
        _("state"), max_length=9, choices=PostState.choices, default=PostState.PUBLISHED
    )

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-last_activity", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            # A space's listing, its state and author beside: its count and
            # a deep page are read from the index alone (bench/community.py).
            models.Index(
                fields=["space", "-pinned", "-last_activity", "-id", "state", "author"],
                name="community_thread_listing",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", args=[self.space.slug, self.pk])


class PostQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the posts `user` may read: in the spaces they see, the
        published posts of the threads they see, their own whatever their
        state, and every post of the spaces they moderate."""
        q = _space_visible_q(user, "thread__space__")
        qs = self if q is None else self.filter(q)
        return qs.filter(post_readable_q(user))

    def in_thread_pages(self, user: Any) -> Self:
        """Return what a thread's pages list for `user`: the posts they may
        read, and the hidden posts of the threads they see, which the page
        shows as a notice without their text, author or links."""
        q = _space_visible_q(user, "thread__space__")
        qs = self if q is None else self.filter(q)
        if standing(user).secretariat:
            return qs
        # (An empty Q would vanish from an OR: the Secretariat's reads all, above.)
        return qs.filter(
            post_readable_q(user)
            | (Q(state=PostState.HIDDEN) & thread_readable_q(user, "thread__"))
        )

    def published(self) -> Self:
        return self.filter(state=PostState.PUBLISHED, thread__state=PostState.PUBLISHED)


class Post(models.Model):
    """One message of a thread: the opening post or a reply, in Markdown."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    # None once the author's account is erased: the post stays.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="community_posts",
    )
    # Written under its author's pseudonym: shown under it, never under
    # the author's name (community/pseudonyms.py).
    pseudonym = models.ForeignKey(
        "Pseudonym",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="posts",
    )
    body = models.TextField(_("text"), max_length=POST_MAX_CHARS)
    created = models.DateTimeField(_("posted"))
    edited = models.DateTimeField(_("edited"), null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)
    # Moderation (community/moderation/): the state, and the last
    # decision's reason, moderator and time (the audit log keeps them all).
    state = models.CharField(
        _("state"), max_length=9, choices=PostState.choices, default=PostState.PUBLISHED
    )
    moderation_reason = models.TextField(_("reason"), blank=True, max_length=1000)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(fields=["thread", "created", "id"]),
            # The moderators' queue: the few posts awaiting review.
            models.Index(fields=["thread"], condition=Q(state="held"), name="community_post_held"),
        ]

    def __str__(self) -> str:
        # Under a pseudonym, the pseudonym: the back office shows this
        # beside a post's id, and the audit log keeps it.
        signed = self.pseudonym if self.pseudonym_id is not None else self.author
        return f"{signed} in {self.thread}"

    @property
    def is_published(self) -> bool:
        return self.state == PostState.PUBLISHED


PSEUDONYM_MAX_CHARS = 40


class Pseudonym(models.Model):
    """The name a member of a survivor-led organisation may post under
    instead of their own: one per account, unique whatever its case. Only
    the Secretariat links it to the account (community/pseudonyms.py)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_pseudonym"
    )
    name = models.CharField(_("pseudonym"), max_length=PSEUDONYM_MAX_CHARS)
    created = models.DateTimeField()

    objects = HubManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("pseudonym")
        verbose_name_plural = _("pseudonyms")
        constraints = [models.UniqueConstraint(Lower("name"), name="community_one_pseudonym_name")]

    def __str__(self) -> str:
        return self.name


class PostRevision(models.Model):
    """The text of a post before one of its edits."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    written = models.DateTimeField()
    replaced = models.DateTimeField()
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = HubManager()

    class Meta:
        ordering = ["-replaced", "-pk"]

    def __str__(self) -> str:
        return f"{self.post} before {self.replaced:%Y-%m-%d %H:%M}"


class Mention(models.Model):
    """A person named in a post with @username."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="mentions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="community_one_mention")
        ]

    def __str__(self) -> str:
        return f"@{self.user} in {self.post_id}"


class PseudonymMention(models.Model):
    """A pseudonym named in a post with @"its name", in a thread where it
    writes (community/pseudonym_mentions.py). It records the pseudonym,
    never the account behind it: the fan-out alone follows the link, to
    tell its owner."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="pseudonym_mentions")
    pseudonym = models.ForeignKey(Pseudonym, on_delete=models.CASCADE, related_name="+")

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "pseudonym"], name="community_one_pseudonym_mention"
            )
        ]

    def __str__(self) -> str:
        return f"@{self.pseudonym_id} in {self.post_id}"


class OrganisationMention(models.Model):
    """An organisation named in a post with @org:<its slug>
    (community/org_mentions.py)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="organisation_mentions")
    organisation = models.ForeignKey(
        "partners.Organisation", on_delete=models.CASCADE, related_name="+"
    )

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["post", "organisation"], name="community_one_organisation_mention"
            )
        ]

    def __str__(self) -> str:
        return f"@org:{self.organisation_id} in {self.post_id}"


class AttachmentQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the files of the posts `user` may read in full: a hidden
        or held post's files are its author's and its moderators' only."""
        posts = cast(PostQuerySet, Post.objects.all()).visible_to(user)
        return self.filter(post__in=posts.values("pk"))

    def current(self) -> Self:
        """The files a post carries now (not those an edit removed)."""
        return self.filter(removed__isnull=True)


class Attachment(models.Model):
    """A file a post carries, stored and served by core.files with the
    post's visibility (community/attachments.py). An edit that removes it
    keeps it, `removed`, for the post's history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10)  # core.files.FileKind.key
    size = models.PositiveBigIntegerField(_("size in bytes"))
    added = models.DateTimeField(_("added"))
    removed = models.DateTimeField(_("removed"), null=True, blank=True)
    # The earlier versions of the post (its history) that carried it.
    revisions = models.ManyToManyField(PostRevision, related_name="attachments", blank=True)

    objects = AttachmentQuerySet.as_manager()

    class Meta:
        ordering = ["added", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The file's name as stored (made safe, its extension its kind's)."""
        return self.file.name.rsplit("/", 1)[-1]


class Helpful(models.Model):
    """One person's "helpful" mark on a post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["post", "user"], name="community_one_helpful")
        ]

    def __str__(self) -> str:
        return f"{self.user} found {self.post_id} helpful"


class Conversion(models.Model):
    """What a thread, or one of its posts, became: an action item of a
    meeting or a library resource (community/conversions.py). The thread
    shows it to whoever may see what it became, read through that row's
    own `visible_to`; deleting the action item or resource deletes this."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="conversions")
    # The one post it came from; None for the thread as a whole.
    post = models.ForeignKey(
        Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action_item = models.ForeignKey(
        "events.ActionItem", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    resource = models.ForeignKey(
        "library.Resource", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("thread conversion")
        verbose_name_plural = _("thread conversions")
        constraints = [
            models.CheckConstraint(
                condition=Q(action_item__isnull=False, resource__isnull=True)
                | Q(action_item__isnull=True, resource__isnull=False),
                name="community_conversion_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"Thread {self.thread_id} became {self.action_item_id or self.resource_id}"


# --- Notifications -----------------------------------------------------------


class DigestFrequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Preferences(models.Model):
    """A person's mail settings for the community."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_preferences"
    )
    language = models.CharField(_("language of emails"), max_length=5, default="en")
    time_zone = models.CharField(_("time zone"), max_length=60, default="UTC")
    digest = models.CharField(
        _("digest"), max_length=6, choices=DigestFrequency.choices, default=DigestFrequency.DAILY
    )
    # The end of the last digest window sent: the next one starts there, so
    # that windows are contiguous, nothing twice, nothing skipped.
    digest_sent_until = models.DateTimeField(null=True, blank=True)
    # Quiet hours, in the time zone above: no email between them; what comes
    # meanwhile is sent when they end. Both or neither; they may span
    # midnight (22:00 to 07:00).
    quiet_from = models.TimeField(_("quiet hours from"), null=True, blank=True)
    quiet_until = models.TimeField(_("quiet hours until"), null=True, blank=True)

    objects = HubManager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(quiet_from__isnull=True, quiet_until__isnull=True)
                    | (
                        models.Q(quiet_from__isnull=False, quiet_until__isnull=False)
                        & ~models.Q(quiet_from=models.F("quiet_until"))
                    )
                ),
                name="community_quiet_hours_both_or_neither",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}'s community preferences"

    def clean(self) -> None:
        if self.quiet_from is not None and self.quiet_until is None:
            raise ValidationError(
                {"quiet_until": _("Give the end of your quiet hours too, or leave both empty.")}
            )
        if self.quiet_until is not None and self.quiet_from is None:
            raise ValidationError(
                {"quiet_from": _("Give the start of your quiet hours too, or leave both empty.")}
            )
        if self.quiet_from is not None and self.quiet_from == self.quiet_until:
            raise ValidationError(
                {"quiet_until": _("Quiet hours must end at another time than they start.")}
            )


def chosen_mail_language(user: Any) -> str:
    """The language `user` chose for the community's email ("" when they
    never set it): one of `hooks.MAIL_LANGUAGES`."""
    chosen = Preferences.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or ""


class Reason(models.TextChoices):
    THREAD = "thread", _("New thread")
    REPLY = "reply", _("New reply")
    MENTION = "mention", _("You were mentioned")
    ORGANISATION = "org", _("Your organisation was mentioned")
    # Named by the pseudonym (told to the person behind it alone).
    PSEUDONYM = "pseudo", _("Your pseudonym was mentioned")
    # Moderators' decisions about the person's own post.
    HIDDEN = "hidden", _("A moderator hid your post")
    RESTORED = "restored", _("A moderator restored your post")
    APPROVED = "approved", _("A moderator approved your post")
    REJECTED = "rejected", _("A moderator did not approve your post")
    # For the space's moderators: a post entered their queue.
    FLAGGED = "flagged", _("A post was flagged for the moderators")
    HELD = "held", _("A post awaits the moderators' review")


# The reasons that tell a person of a moderator's decision on their post.
MODERATION_REASONS = frozenset({Reason.HIDDEN, Reason.RESTORED, Reason.APPROVED, Reason.REJECTED})
# The reasons that tell a space's moderators of a post in their queue.
MODERATOR_REASONS = frozenset({Reason.FLAGGED, Reason.HELD})


class MailState(models.TextChoices):
    NONE = "none", _("No email")  # inbox only, or waiting for a digest
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    # A worker stopped between claiming the email and recording it sent:
    # it may or may not have gone out, so it is not sent again.
    UNCERTAIN = "uncertain", _("Perhaps sent (a worker stopped while sending)")


class NotificationQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return `user`'s own notifications of posts they may still see."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        qs = self.filter(user=user)
        q = _space_visible_q(user, "post__thread__space__")
        qs = qs if q is None else qs.filter(q)
        return qs.filter(post_readable_q(user, "post__"))


class Notification(models.Model):
    """A post one person hears about: in their inbox, by email at once or
    in their next digest."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_notifications"
    )
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    reason = models.CharField(max_length=8, choices=Reason.choices)
    created = models.DateTimeField()
    read = models.DateTimeField(null=True, blank=True)
    digest = models.BooleanField(default=False)  # for the digest, not at once
    mail = models.CharField(max_length=10, choices=MailState.choices, default=MailState.NONE)
    attempts = models.PositiveSmallIntegerField(default=0)
    mail_error = models.CharField(max_length=300, blank=True)
    mailed = models.DateTimeField(null=True, blank=True)
    # Held back by the person's quiet hours until then (None: not held).
    held_until = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="community_one_notification")
        ]
        indexes = [
            models.Index(fields=["user", "-created"]),
            models.Index(fields=["digest", "user", "created"]),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_reason_display()} ({self.post_id})"


# --- Reply by email ---------------------------------------------------------------


class InboundOutcome(models.TextChoices):
    POSTED = "posted", _("Posted")
    REFUSED = "refused", _("Refused")


class InboundMessage(models.Model):
    """One email received at a reply address, recorded once: the same
    message delivered again (same Message-ID) posts nothing and bounces
    nothing (community/inbound/)."""

    # SHA-256 of the Message-ID (of the whole message when it has none).
    key = models.CharField(max_length=64, unique=True)
    message_id = models.CharField(max_length=300, blank=True)
    received = models.DateTimeField()
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    thread = models.ForeignKey(Thread, on_delete=models.SET_NULL, null=True, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, related_name="+")
    outcome = models.CharField(max_length=8, choices=InboundOutcome.choices)
    # Why it was refused (inbound.Refusal's code), empty when posted.
    reason = models.CharField(max_length=20, blank=True)
    # What the trusted Authentication-Results said of the From's domain
    # (community/mail_auth.py): pass, fail or none (no trusted header, or
    # one that decides nothing); empty when refused before it was read.
    authentication = models.CharField(max_length=4, blank=True)
    # The trusted results read, e.g. "dmarc=fail dkim=none spf=softfail".
    authentication_results = models.CharField(max_length=200, blank=True)

    objects = HubManager()

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name = _("email received")
        verbose_name_plural = _("emails received")

    def __str__(self) -> str:
        return f"{self.message_id or self.key[:12]}: {self.outcome}"


# --- Moderation ---------------------------------------------------------------------


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    ABUSIVE = "abusive", _("Abusive, hateful or harassing")
    PERSONAL = "personal", _("Shares someone's personal details")
    OFF_TOPIC = "off_topic", _("Off topic for this space")
    OTHER = "other", _("Something else")


class FlagOutcome(models.TextChoices):
    HIDDEN = "hidden", _("The post was hidden")
    DISMISSED = "dismissed", _("Dismissed: the post stays")


class Flag(models.Model):
    """One person's flag on a post, for the space's moderators; open until
    a moderator hides the post or dismisses it. One open flag per person
    and post."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=10, choices=FlagReason.choices)
    note = models.TextField(_("what is wrong"), blank=True, max_length=1000)
    created = models.DateTimeField()
    resolved = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    outcome = models.CharField(max_length=10, choices=FlagOutcome.choices, blank=True)

    objects = HubManager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user"],
                condition=Q(resolved__isnull=True),
                name="community_one_open_flag",
            )
        ]
        indexes = [
            models.Index(
                fields=["post"], condition=Q(resolved__isnull=True), name="community_open_flags"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} flagged {self.post_id}: {self.reason}"


class Suspension(models.Model):
    """A person suspended from a space: they read it, and may not post,
    reply or flag there until it ends or a moderator lifts it."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="suspensions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # Made from a post written under a pseudonym: the moderators' pages
    # name the pseudonym, never the account behind it.
    pseudonym = models.ForeignKey(
        Pseudonym, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), max_length=1000)
    starts = models.DateTimeField()
    ends = models.DateTimeField(_("until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    lifted = models.DateTimeField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = HubManager()

    class Meta:
        ordering = ["-starts", "-pk"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")
        constraints = [
            models.UniqueConstraint(
                fields=["space", "user"],
                condition=Q(lifted__isnull=True),
                name="community_one_open_suspension",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} suspended from {self.space}"

    def is_active(self, now: Any = None) -> bool:
        now = now or timezone.now()
        return self.lifted is None and (self.ends is None or self.ends > now)


# --- Moving in from Slack (community/slack/, docs/slack-import.md) -----------

SLACK_IMPORTS_FOLDER = "community/slack-imports"


class SlackImportQuerySet(SecretariatOnlyQuerySet):
    """Every import for the Secretariat, none for anyone else."""


class SlackImport(models.Model):
    """A Slack export uploaded by the Secretariat: checked (a dry run,
    whose report it keeps), then imported whole or not at all."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        REFUSED = "refused", _("Refused: nothing imported")
        READY = "ready", _("Checked: ready to import")
        IMPORTING = "importing", _("Being imported")
        IMPORTED = "imported", _("Imported")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKING
    )
    # The zip (never served); emptied, and the file removed, once imported.
    file = models.FileField(_("file"), upload_to=SLACK_IMPORTS_FOLDER, max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(_("size"), default=0)
    # Channel id -> space slug, and whether other public channels get an
    # open space of their own: what the last check was run with.
    space_map = models.JSONField(_("spaces"), default=dict, blank=True)
    create_spaces = models.BooleanField(_("open spaces for the other channels"), default=False)
    # The last check's report, then the import's (importer.Report.as_data).
    report = models.JSONField(_("report"), default=dict, blank=True)
    error = models.TextField(_("why it was refused"), blank=True)
    # The language of the person who uploaded it: the report's and the
    # imported notes' language, whoever runs the work.
    language = models.CharField(max_length=10, default="en")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    checked = models.DateTimeField(null=True, blank=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)

    objects = SlackImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("Slack import")
        verbose_name_plural = _("Slack imports")

    def __str__(self) -> str:
        return self.file_name

    def get_absolute_url(self) -> str:
        return reverse("community:slack-import-page", args=[self.pk])

    @property
    def working(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)


class SuspensionEvent(models.TextChoices):
    SUSPENDED = "suspended", _("Suspended")
    LIFTED = "lifted", _("Lifted")
    ENDED = "ended", _("Ended on its date")


class SuspensionNotice(models.Model):
    """The email telling a person that they are suspended from a space,
    that their suspension is lifted, or that it ended on its date: one per
    suspension and event, sent at most once, as an email at once is
    (community/notify/)."""

    suspension = models.ForeignKey(Suspension, on_delete=models.CASCADE, related_name="notices")
    event = models.CharField(max_length=9, choices=SuspensionEvent.choices)
    created = models.DateTimeField()
    mail = models.CharField(max_length=10, choices=MailState.choices, default=MailState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    mail_error = models.CharField(max_length=300, blank=True)
    mailed = models.DateTimeField(null=True, blank=True)
    # Held back by the person's quiet hours until then (None: not held).
    held_until = models.DateTimeField(null=True, blank=True)

    objects = HubManager()

    class Meta:
        verbose_name = _("suspension notice")
        verbose_name_plural = _("suspension notices")
        constraints = [
            models.UniqueConstraint(
                fields=["suspension", "event"], name="community_one_suspension_notice"
            )
        ]

    def __str__(self) -> str:
        return f"{self.suspension}: {self.event} ({self.mail})"
