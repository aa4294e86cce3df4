"""What nobody sees but the few it concerns: safeguarding reports, and the
account behind a pseudonym."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    SITE_SEARCH,
    Item,
    Kind,
    Way,
    fixed,
    obj_of,
    pk_url,
)

# A safeguarding report (alliance87/safeguarding): the member persona is the
# one safeguarding officer, the partner made the report, the Secretariat
# wrote the post it is about. Its level says nothing: the officer reads it,
# the reporter follows its status and finds it in their data export, and
# nobody else sees it anywhere, the Secretariat (not an officer, and the
# person reported) included.
OFFICER, REPORTER = ("member",), ("partner",)
REPORT = Kind(
    "report",
    (
        Way(
            "officer-report",
            pk_url("/en/safeguarding/reports/{pk}/"),
            own_page=True,
            openers=OFFICER,
            seen_by=OFFICER,
        ),
        Way(
            "officer-list",
            fixed("/en/safeguarding/reports/"),
            look_for=pk_url('href="/en/safeguarding/reports/{pk}/"'),
            seen_by=OFFICER,
        ),
        Way(
            "officer-log",
            fixed("/en/safeguarding/log/"),
            look_for=pk_url('href="/en/safeguarding/reports/{pk}/"'),
            seen_by=OFFICER,
        ),
        Way(
            "reporter-list",
            fixed("/en/safeguarding/my-reports/"),
            look_for=pk_url('href="/en/safeguarding/my-reports/{pk}/"'),
            seen_by=REPORTER,
        ),
        Way(
            "reporter-page",
            pk_url("/en/safeguarding/my-reports/{pk}/"),
            own_page=True,
            openers=REPORTER,
            look_for=lambda world, item: "Your report has been received",
            seen_by=REPORTER,
        ),
        Way("personal-data", fixed("/en/account/my-data.json"), seen_by=REPORTER),
        Way(
            "history",
            pk_url("/en/account/history/safeguarding.report/{pk}/"),
            own_page=True,
            openers=(),
            seen_by=(),
        ),
        Way("site-search", SITE_SEARCH.url, look_for=SITE_SEARCH.look_for, seen_by=()),
        Way("api-search", lambda world, item: f"{API}search?q={item.marker}", seen_by=()),
    ),
    levels=("secretariat",),
)


def pseudonymous(path: str) -> Callable[[Any, Item], str]:
    """The address of a page about the row's post written under a pseudonym:
    {thread} its thread's, {space} its space's slug, {post} its id,
    {pseudonym} the pseudonym's id, {report} the safeguarding report's."""
    return lambda world, item: path.format(
        thread=obj_of(world, item).thread.get_absolute_url(),
        space=obj_of(world, item).thread.space.slug,
        post=obj_of(world, item).pk,
        pseudonym=obj_of(world, item).pseudonym_id,
        report=obj_of(world, item).mx_report.pk,
    )


# A thread opened under a pseudonym (community/pseudonyms.py) in a space of
# the row's level, by a member of a survivor-led organisation whose name is
# the row's marker; the member persona moderates the space and is the
# safeguarding officer, the partner reported the post and flagged it. The
# marker is the account behind the pseudonym: no page, list, search, API
# answer or inbox shows it to anyone, the Secretariat included; only the
# Secretariat's deliberate look (a POST, audited) does. (Emails and digests:
# community/tests/test_pseudonyms.py.)
MODERATOR = ("member",)
PSEUDONYM = Kind(
    "pseudonym",
    (
        Way("thread", pseudonymous("{thread}"), seen_by=()),
        Way("space", pseudonymous("/en/community/{space}/"), seen_by=()),
        Way("history", pseudonymous("/en/community/posts/{post}/history/"), seen_by=()),
        Way("api-threads", pseudonymous(API + "community/spaces/{space}/threads"), seen_by=()),
        Way(
            "api-posts",
            lambda world, item: (
                f"{API}community/spaces/{obj_of(world, item).thread.space.slug}/threads/"
                f"{obj_of(world, item).thread_id}/posts"
            ),
            seen_by=(),
        ),
        # The searches, asked for the thread's title (the marker would be
        # echoed in the search box).
        Way("site-search", lambda world, item: f"/en/search/?q=Thread+of+{item.key}", seen_by=()),
        Way("api-search", lambda world, item: f"{API}search?q=Thread+of+{item.key}", seen_by=()),
        Way(
            "inbox",
            fixed("/en/community/inbox/"),
            openers=("outsider", "partner", "member", "focal"),
            seen_by=(),
        ),
        # The moderators' pages: the flagged post in the queue, its own
        # moderation page (with the form to suspend its author).
        Way("queue", pseudonymous("/en/community/{space}/queue/"), seen_by=()),
        Way("moderate", pseudonymous("/en/community/posts/{post}/moderate/"), seen_by=()),
        # The safeguarding officer's page of the report about the post.
        Way("officer-report", pseudonymous("/en/safeguarding/reports/{report}/"), seen_by=()),
        # The Secretariat's list of pseudonyms names no account; its look
        # behind one does, to the Secretariat alone.
        Way("pseudonyms", fixed("/en/community/pseudonyms/"), seen_by=()),
        Way(
            "reveal",
            pseudonymous("/en/community/pseudonyms/{pseudonym}/"),
            own_page=True,
            openers=(),
            seen_by=("secretariat",),
            method="post",
        ),
    ),
)
