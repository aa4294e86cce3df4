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

from typing import Any, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance87.core.models import Theme
from alliance87.core.querysets import HubManager, HubQuerySet
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q

# The longest post accepted, in characters of Markdown.
POST_MAX_CHARS = 20_000
TITLE_MAX_CHARS = 200


def display_name(user: Any) -> str:
    """Return the name a person is shown under in the community."""
    if user is None:
        return str(_("A former participant"))
    return user.get_full_name() or user.get_username()


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


class ThreadQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the threads of the spaces `user` may see."""
        q = _space_visible_q(user, "space__")
        return self if q is None else self.filter(q)


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

    objects = ThreadQuerySet.as_manager()

    class Meta:
        ordering = ["-pinned", "-last_activity", "-pk"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(fields=["space", "-pinned", "-last_activity", "-id"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", args=[self.space.slug, self.pk])


class PostQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the posts of the threads `user` may see."""
        q = _space_visible_q(user, "thread__space__")
        return self if q is None else self.filter(q)


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
    body = models.TextField(_("text"), max_length=POST_MAX_CHARS)
    created = models.DateTimeField(_("posted"))
    edited = models.DateTimeField(_("edited"), null=True, blank=True)
    helpful_count = models.PositiveIntegerField(default=0)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["thread", "created", "id"])]

    def __str__(self) -> str:
        return f"{self.author} in {self.thread}"


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


class Reason(models.TextChoices):
    THREAD = "thread", _("New thread")
    REPLY = "reply", _("New reply")
    MENTION = "mention", _("You were mentioned")


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
        return qs if q is None else qs.filter(q)


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
    nothing (community/inbound.py)."""

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

    objects = HubManager()

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name = _("email received")
        verbose_name_plural = _("emails received")

    def __str__(self) -> str:
        return f"{self.message_id or self.key[:12]}: {self.outcome}"
