"""Writes of news, stories and interviews (see the package's invariants)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.comms.models import (
    Post,
    PostStatus,
)
from alliance87.comms.tasks import post_due, send_post_decision, send_post_waiting
from alliance87.core.files import JPEG, PNG, WEBP, store_upload
from alliance87.core.notices import NoticeState
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import Visibility, is_secretariat, secretariat_users
from alliance87.partners.models import Person

IMAGE_KINDS = (PNG, JPEG, WEBP)


@dataclass(frozen=True)
class PostLinks:
    """What a post is linked to; None leaves a relation as it is."""

    themes: Iterable[Any] | None = None
    countries: Iterable[Any] | None = None
    groups: Iterable[Any] | None = None
    events: Iterable[Any] | None = None


def _check(post: Post, *, has_image: bool) -> None:
    languages = post.languages
    if not languages:
        raise ValidationError({"title": _("Give the post a title in at least one language.")})
    if has_image:
        missing = [c for c in languages if not (getattr(post, f"image_alt_{c}", "") or "").strip()]
        if missing:
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the lead image (alt text) in each language of the post."
                    )
                }
            )
    if post.visibility == Visibility.MEMBERS and post.group_id is None:
        raise ValidationError(
            {"group": _("A post for group members only needs the group whose members see it.")}
        )


def _set_links(post: Post, links: PostLinks) -> None:
    for name in ("themes", "countries", "groups", "events"):
        wanted = getattr(links, name)
        if wanted is None:
            continue
        wanted = list(wanted)
        manager = getattr(post, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            manager.set(wanted)


# Paths under /news/ that are pages, not posts.
RESERVED_SLUGS = {"new", "review", "mine"}


def _free_slug(title: str) -> str:
    base = slugify(title)[:100] or "post"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Post.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@service
def save_post(
    post: Post,
    *,
    acting_user: Any,
    links: PostLinks | None = None,
    image: UploadedFile | None = None,
) -> Post:
    """Validate and save `post`, its links and a new lead image."""
    _check(post, has_image=bool(image) or bool(post.image))
    if not post.slug:
        post.slug = _free_slug(next(getattr(post, f"title_{c}") for c in post.languages))
    if post.pk is None and post.created_by_id is None and getattr(acting_user, "pk", None):
        post.created_by = acting_user
    was_due = None
    if post.pk is not None:
        was_due = Post.objects.filter(pk=post.pk).values_list("publish_at", flat=True).first()
    if post.status == PostStatus.PUBLISHED and post.publish_at is None:
        post.publish_at = timezone.now()
    post.full_clean(exclude=["image"])
    if image is not None:
        post.image.name = store_upload(image, folder="news", kinds=IMAGE_KINDS)
    post.save()
    if links is not None:
        _set_links(post, links)
    if post.is_scheduled and post.publish_at != was_due:
        enqueue_on_commit(post_due.using(run_after=post.publish_at), post.pk)
    return post


@service
def publish_post(post: Post, *, acting_user: Any, at: Any = None) -> Post:
    """Publish `post` now, or schedule it for `at` (a partner's submitted
    post too: the Secretariat's review)."""
    reviewed = post.pk is not None and _was_submitted(post)
    post.status = PostStatus.PUBLISHED
    post.publish_at = at or timezone.now()
    post.review_note = ""
    if reviewed:
        _tell_author(post)
    return save_post(post, acting_user=acting_user)


def _was_submitted(post: Post) -> bool:
    """Whether `post`, as stored, waits for the Secretariat's review."""
    return Post.objects.filter(pk=post.pk, status=PostStatus.SUBMITTED).exists()


def _tell_author(post: Post) -> None:
    """Email the author of a reviewed post what was decided, once, after
    commit (core.notices): `post` is saved by the caller."""
    author = post.created_by
    if author is None or not author.email:
        post.notice = NoticeState.NONE
        return
    post.notice = NoticeState.WAITING
    enqueue_on_commit(send_post_decision, post.pk)


# --- Partners' posts ------------------------------------------------------


def _organisation_of(user: Any) -> Any:
    """The organisation `user` works for (a partner's posts are by it)."""
    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None or person.organisation is None:
        raise ValidationError(
            _("Your account is linked to no organisation: ask the Secretariat to link it.")
        )
    return person.organisation


def _locked_own_draft(post: Post, user: Any) -> Post:
    """Lock `post` and check it is `user`'s and still a draft."""
    if post.pk is None:
        return post
    locked = Post.objects.select_for_update().get(pk=post.pk)
    if locked.created_by_id != getattr(user, "pk", None):
        raise ValidationError(_("This post is not yours."))
    if locked.status != PostStatus.DRAFT:
        raise ValidationError(
            _(
                "This post is with the Secretariat for review; it can change again "
                "only if it is returned to you."
            )
        )
    return locked


@service
def save_partner_post(
    post: Post,
    *,
    acting_user: Any,
    links: PostLinks | None = None,
    image: UploadedFile | None = None,
) -> Post:
    """Save a partner's draft post: by their organisation, a draft (only
    the Secretariat publishes), with the rules of every post."""
    _locked_own_draft(post, acting_user)
    post.organisation = _organisation_of(acting_user)
    post.created_by = acting_user
    post.status = PostStatus.DRAFT
    post.publish_at = None
    return save_post(post, acting_user=acting_user, links=links, image=image)


@service
def submit_post(post: Post, *, acting_user: Any) -> Post:
    """Send a partner's draft to the Secretariat for review."""
    locked = _locked_own_draft(post, acting_user)
    if locked.pk is None:
        raise ValidationError(_("Save the post before you submit it."))
    locked.status = PostStatus.SUBMITTED
    locked.submitted_at = timezone.now()
    locked.review_note = ""
    _check(locked, has_image=bool(locked.image))
    _tell_secretariat(locked, acting_user)
    locked.save()
    return locked


def _tell_secretariat(post: Post, author: Any) -> None:
    """Email the Secretariat that `post` waits for its review, once, after
    commit (core.notices): `post` is saved by the caller."""
    if not secretariat_users().exclude(pk=getattr(author, "pk", None)).exists():
        post.review_notice = NoticeState.NONE
        return
    post.review_notice = NoticeState.WAITING
    enqueue_on_commit(send_post_waiting, post.pk)


@service
def return_post(post: Post, *, reason: str, acting_user: Any) -> Post:
    """Return a submitted post to its author as a draft, with the reason
    they read (the Secretariat's review)."""
    if not is_secretariat(acting_user):
        raise ValidationError(_("Only the Secretariat reviews posts."))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the author the reason.")})
    locked = Post.objects.select_for_update().get(pk=post.pk)
    if locked.status != PostStatus.SUBMITTED:
        raise ValidationError(_("This post is not waiting for review."))
    locked.status = PostStatus.DRAFT
    locked.review_note = reason
    _tell_author(locked)
    locked.save()
    return locked


@service
def unpublish_post(post: Post, *, acting_user: Any) -> Post:
    """Take `post` off the site: a draft again."""
    post.status = PostStatus.DRAFT
    post.publish_at = None
    return save_post(post, acting_user=acting_user)
