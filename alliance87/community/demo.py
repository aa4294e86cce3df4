"""The community's demo: the Migration Action Group's space (its members
only), the Communications and Engagement Action Group's, and the commons,
with a few sample threads written by demo accounts, each labelled
illustrative on its page, and the personas following them at different
levels. Loading twice changes nothing."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from alliance87.community import services
from alliance87.community.models import Level, Space, SpaceKind, Thread, ThreadKind
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
]


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
        for replier, text in replies:
            services.reply(thread, acting_user=_account(replier), body=text)
        Thread.objects.filter(pk=thread.pk).update(illustrative=True)
        report.count("community thread", True, False)
    for local, space_slug, level in LEVELS:
        space = Space.objects.filter(slug=space_slug).first()
        person = _account(local)
        if space is not None and person is not None:
            services.set_level(space, acting_user=person, level=level)
