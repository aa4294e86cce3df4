"""The matrix safeguarding reports and posts under a pseudonym."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene
from alliance87.accounts.tests.visibility_matrix.ways import Item
from alliance87.community import moderation
from alliance87.community import services as community
from alliance87.community.models import Notification, Space, SpaceKind
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.testing.personas import make_user


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m = item.marker
    obj: Any
    if item.kind == "pseudonym":
        obj = pseudonymous_post(scene, n, item)
    elif item.kind == "report":
        from alliance87.safeguarding import services as safeguarding

        officer = Person.objects.get(
            organisation=scene.member_org, user__is_active=True, user__is_staff=False
        ).user
        if not safeguarding.Officer.objects.filter(user=officer).exists():
            safeguarding.designate_officer(officer, acting_user=scene.secretariat)
        space = community.save_space(
            Space(slug=f"{item.key}-space", name=f"Space of {item.key}", kind=SpaceKind.COMMONS),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = safeguarding.file_report(
            reporter=scene.personas.partner,
            category="other",
            what_happened=f"What happened: {m}",
            post=thread.posts.get(),
            acting_user=scene.personas.partner,
        )
    else:
        return None
    return obj


def pseudonymous_post(scene: Scene, n: int, item: Item) -> Any:
    """Open a thread under a pseudonym in a space of the row's level (the
    member persona moderates it), as a member of a survivor-led
    organisation named with the row's marker; the partner flags the post
    and reports it to the safeguarding officer (the member persona)."""
    from alliance87.community import pseudonyms
    from alliance87.partners.services import save_organisation, save_person
    from alliance87.safeguarding import services as safeguarding

    survivors = Organisation.objects.filter(slug="mx-survivor-org").first()
    if survivors is None:
        survivors = save_organisation(
            Organisation(
                slug="mx-survivor-org",
                name="Survivor-led organisation (matrix)",
                stakeholder_type=StakeholderType.SURVIVOR,
                is_partner=True,
            ),
            acting_user=scene.secretariat,
        )
    author = make_user(f"mx-pseud-{n}")
    author.first_name, author.last_name = item.marker, "Behind"
    author.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # not a new account
    author.save(update_fields=["first_name", "last_name", "date_joined"])
    save_person(
        Person(slug=f"mx-pseud-{n}", name=item.marker, organisation=survivors, user=author),
        acting_user=scene.secretariat,
    )
    pseudonyms.choose_pseudonym(acting_user=author, name=f"Quiet Voice {n}")
    space = community.save_space(
        Space(
            slug=f"{item.key}-space",
            name=f"Space of {item.key}",
            kind=SpaceKind.GROUP,
            group=scene.host_group,
            visibility=item.level,
        ),
        acting_user=scene.secretariat,
    )
    officer = Person.objects.get(
        organisation=scene.member_org, user__is_active=True, user__is_staff=False
    ).user
    community.set_moderator(space, officer, acting_user=scene.secretariat)
    thread = community.start_thread(
        space,
        acting_user=author,
        title=f"Thread of {item.key}",
        body="Words written under a pseudonym",
        under_pseudonym=True,
    )
    post = thread.posts.select_related("thread__space", "pseudonym").get()
    Notification.objects.bulk_create(
        Notification(user=user, post=post, reason="thread", created=post.created)
        for user in get_user_model().objects.all()
    )
    # Flagged and reported by the partner where they see the post, else by
    # the Secretariat.
    seen = item.level in ("public", "partners")
    filer = scene.personas.partner if seen else scene.secretariat
    moderation.flag_post(post, acting_user=filer, reason="other", note="Matrix flag")
    if not safeguarding.Officer.objects.filter(user=officer).exists():
        safeguarding.designate_officer(officer, acting_user=scene.secretariat)
    post.mx_report = safeguarding.file_report(
        reporter=filer,
        category="other",
        what_happened="A matrix report",
        post=post,
        acting_user=filer,
    )
    return post
