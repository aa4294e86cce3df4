"""The community's demo: the Migration Action Group's space (its members
only), the Communications and Engagement Action Group's, and the commons,
with a few sample threads written by demo accounts, each labelled
illustrative on its page, and the personas following them at different
levels. The demo chair moderates the Migration space; a sample reply
there is flagged (by the demo Secretariat, a sample flag labelled as
such) so that the chair finds it in the moderators' queue. The demo
accounts are new, so their first posts would wait for review: the loader
approves them as a moderator would. Loading twice changes nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from alliance87.community import moderation, services
from alliance87.community.models import (
    FlagReason,
    Level,
    Post,
    PostState,
    Space,
    SpaceKind,
    Thread,
    ThreadKind,
)
from alliance87.core.visibility import Visibility
from alliance87.groups.models import Group

DEMO_DOMAIN = "demo.alliance87.example"

# slug, name, kind, group slug, visibility, description
SPACES = [
    (
        "migration",
        "Action Group on Migration",
        SpaceKind.GROUP,
        "migration",
        Visibility.MEMBERS,
        "The action group's own space, seen by its members and the Secretariat.",
    ),
    (
        "communications-and-engagement",
        "Communications and Engagement Action Group",
        SpaceKind.GROUP,
        "communications-and-engagement",
        Visibility.PARTNERS,
        "Open to every partner.",
    ),
    ("commons", "Commons", SpaceKind.COMMONS, None, Visibility.PARTNERS, "For all partners."),
]

# space slug, kind, title, author, body, replies [(author, body)]
THREADS = [
    (
        "migration",
        ThreadKind.DISCUSSION,
        "Sample thread: how should the group share updates between meetings?",
        "chair",
        "This is a **sample thread** written for the demonstration.\n\n"
        "How would members like to hear about each other's work between meetings: "
        "a monthly thread here, or a digest by email? @member, what suits you?",
        [("member", "A digest by email suits me: my connection is slow and costly.")],
    ),
    (
        "commons",
        ThreadKind.QUESTION,
        "Sample question: where is the glossary of the Hub?",
        "partner",
        "A **sample question** for the demonstration: where do I find the Hub's glossary?",
        [("member", "In the library: [the glossary](/en/library/glossary/).")],
    ),
    (
        "migration",
        ThreadKind.DISCUSSION,
        "Moderation sample: contacts for the next field visit",
        "chair",
        "This is a **sample thread** written for the demonstration of moderation.\n\n"
        "Who can suggest a contact for the group's next field visit?",
        [
            (
                "member",
                "A sample reply that shares someone's private phone number, for the "
                "demonstration (not a real number): call Ana on +00 000 000 000.",
            )
        ],
    ),
]

# A sample flag: thread title, the flagged reply's author, the flagger, reason, note.
FLAGS = [
    (
        "Moderation sample: contacts for the next field visit",
        "member",
        "secretariat",
        FlagReason.PERSONAL,
        "Illustrative sample flag: this reply shares a private phone number.",
    )
]

# The personas who moderate a space: account, space.
MODERATORS = [("chair", "migration")]


# The personas hear of their spaces at different levels: account, space, level.
LEVELS = [
    ("member", "migration", Level.EVERYTHING),
    ("chair", "migration", Level.DIGEST),
    ("partner", "commons", Level.MENTIONS),
]


def _account(local: str) -> Any:
    return get_user_model().objects.filter(email=f"{local}@{DEMO_DOMAIN}").first()


def load(report: Any) -> None:
    secretariat = _account("secretariat")
    if secretariat is None:  # the accounts' demo did not run
        return
    for slug, name, kind, group_slug, visibility, description in SPACES:
        group = Group.objects.filter(slug=group_slug).first() if group_slug else None
        if group_slug and group is None:
            continue
        space = Space.objects.filter(slug=slug).first()
        created = space is None
        if created:
            space = Space(
                slug=slug,
                name=name,
                kind=kind,
                group=group,
                visibility=visibility,
                description=description,
            )
            services.save_space(space, acting_user=secretariat)
        report.count("community space", created, False)
    for local, space_slug in MODERATORS:
        space = Space.objects.filter(slug=space_slug).first()
        person = _account(local)
        if space is not None and person is not None:
            services.set_moderator(space, person, acting_user=secretariat)
    for space_slug, thread_kind, title, author, body, replies in THREADS:
        space = Space.objects.filter(slug=space_slug).first()
        writer = _account(author)
        if (
            space is None
            or writer is None
            or Thread.objects.filter(space=space, title=title).exists()
        ):
            continue
        thread = services.start_thread(
            space, acting_user=writer, title=title, body=body, kind=thread_kind
        )
        _approve_held(thread, secretariat)
        for replier, text in replies:
            services.reply(thread, acting_user=_account(replier), body=text)
            _approve_held(thread, secretariat)
        Thread.objects.filter(pk=thread.pk).update(illustrative=True)
        report.count("community thread", True, False)
        for flag_title, flagged, flagger, reason, note in FLAGS:
            post = Post.objects.filter(
                thread=thread, thread__title=flag_title, author=_account(flagged)
            ).first()
            if post is not None and _account(flagger) is not None:
                moderation.flag_post(post, acting_user=_account(flagger), reason=reason, note=note)
    for local, space_slug, level in LEVELS:
        space = Space.objects.filter(slug=space_slug).first()
        person = _account(local)
        if space is not None and person is not None:
            services.set_level(space, acting_user=person, level=level)


def _approve_held(thread: Thread, moderator: Any) -> None:
    """Approve the demo's own sample posts that wait for review (the demo
    accounts are new accounts)."""
    for post in Post.objects.filter(thread=thread, state=PostState.HELD).select_related(
        "thread__space"
    ):
        moderation.approve_post(post, acting_user=moderator)
