"""The matrix community spaces, threads and posts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.accounts.tests.visibility_matrix.objects.base import (
    Scene,
    make_group,
    matrix_account,
)
from alliance87.accounts.tests.visibility_matrix.ways import SPACE_MODERATOR, SPACE_SUSPENDED, Item
from alliance87.community import moderation
from alliance87.community import services as community
from alliance87.community.models import Notification, PostState, Space, SpaceKind, ThreadKind
from alliance87.community.models import Post as CommunityPost
from alliance87.community.models import Thread as CommunityThread
from alliance87.groups.models import Group, Membership
from alliance87.groups.services import end_term
from alliance87.partners.models import Person


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind in ("space", "thread"):
        space = community.save_space(
            Space(
                slug=item.key if item.kind == "space" else f"{item.key}-space",
                name=m if item.kind == "space" else f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        obj = space
        if item.kind == "space":
            # A moderator and a suspended person of its own, for the API's
            # writes that remove and lift them (ways.API_SPACE_WRITES).
            community.set_moderator(
                space, matrix_account(SPACE_MODERATOR), acting_user=scene.secretariat
            )
            moderation.suspend(
                space, matrix_account(SPACE_SUSPENDED), acting_user=scene.secretariat, reason="Mx"
            )
        if item.kind == "thread":
            obj = community.start_thread(
                space,
                acting_user=scene.secretariat,
                title=m,
                body=f"Body of {m}",
                attachments=[SimpleUploadedFile(f"{item.key}.txt", f"File of {m}".encode())],
            )
            # Everyone was told of it (as if each had joined its space at
            # the level "everything"): the inbox shows it to those who may
            # see it still.
            opening = obj.posts.get()
            Notification.objects.bulk_create(
                Notification(user=user, post=opening, reason="thread", created=opening.created)
                for user in get_user_model().objects.all()
            )
    elif item.kind == "modpost":
        space = community.save_space(
            Space(
                slug=f"{item.key}-space",
                name=f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = community.reply(
            thread,
            acting_user=scene.secretariat,
            body=f"Body of {m}",
            attachments=[SimpleUploadedFile(f"{item.key}.txt", f"File of {m}".encode())],
        )
        if item.status == "hidden":
            moderation.hide_post(obj, acting_user=scene.secretariat, reason="Matrix")
        else:  # as a new account's reply is held (the Secretariat's never is)
            CommunityPost.objects.filter(pk=obj.pk).update(state=PostState.HELD)
            CommunityThread.objects.filter(pk=thread.pk).update(reply_count=0)
            obj.refresh_from_db()
        # Everyone was told of it before it was hidden (or held by mistake).
        Notification.objects.bulk_create(
            (
                Notification(user=user, post=obj, reason="reply", created=obj.created)
                for user in get_user_model().objects.all()
            ),
            ignore_conflicts=True,
        )
    elif item.kind == "emailreply":
        obj = make_reply_thread(scene, item, m)
    elif item.kind == "queuepost":
        space = community.save_space(
            Space(
                slug=f"{item.key}-space",
                name=f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = community.reply(thread, acting_user=scene.secretariat, body=f"Body of {m}")
        if item.status == "flagged":
            moderation.flag_post(obj, acting_user=scene.personas.partner, reason="spam")
        else:  # as a new account's reply is held (the Secretariat's never is)
            CommunityPost.objects.filter(pk=obj.pk).update(state=PostState.HELD)
            CommunityThread.objects.filter(pk=thread.pk).update(reply_count=0)
            obj.refresh_from_db()
    else:
        return None
    return obj


# The group the member persona's organisation has left (`emailreply`
# rows of the status "removed").
LEFT_GROUP = "mx-left-group"


def make_reply_thread(scene: Scene, item: Item, title: str) -> Any:
    """Return an `emailreply` row's thread, alone in a space of the row's
    level, in the state its status names (visibility_matrix/mail.py)."""
    group = scene.host_group
    if item.status == "removed":
        group = Group.objects.filter(slug=LEFT_GROUP).first() or make_group(
            scene, LEFT_GROUP, "Group the member left", "public"
        )
        membership = Membership.objects.get(group=group, organisation=scene.member_org)
        if membership.ends_on is None:
            end_term(membership, ends_on=dt.date.today(), acting_user=scene.secretariat)
    space = community.save_space(
        Space(
            slug=f"{item.key}-space",
            name=f"Space of {item.key}",
            kind=SpaceKind.GROUP,
            group=group,
            visibility=item.level,
        ),
        acting_user=scene.secretariat,
    )
    kind = ThreadKind.QUESTION if item.status == "question" else ThreadKind.DISCUSSION
    thread = community.start_thread(
        space, acting_user=scene.secretariat, title=title, body=f"Body of {title}", kind=kind
    )
    if item.status == "closed":
        community.set_thread_state(thread, acting_user=scene.secretariat, closed=True)
    elif item.status == "archived":
        community.archive_space(space, acting_user=scene.secretariat)
    elif item.status == "suspended":
        member = Person.objects.get(
            organisation=scene.member_org, user__is_active=True, user__is_staff=False
        ).user
        people = [scene.personas.partner, scene.personas.outsider, member, scene.host_focal]
        for person in people:
            moderation.suspend(space, person, acting_user=scene.secretariat, reason="Matrix")
    thread.refresh_from_db()
    return thread
