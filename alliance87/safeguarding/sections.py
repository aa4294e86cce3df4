"""What safeguarding adds to other areas' pages (hooks.PAGE_SECTIONS):
"Report a concern" on each community post and on an organisation's page
(its people are named in the form), and, on the account page, the
person's own reports and, for an officer, the officers' pages."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from alliance87.core import hooks
from alliance87.safeguarding.models import Report, is_officer


def post_context(user: Any, post: Any) -> dict[str, Any] | None:
    # Once per post of a thread's page: no query (the thread page already
    # read the post through Post.objects.visible_to(user)).
    if user is None or not user.is_authenticated:
        return None
    return {"url": reverse("safeguarding:report-post", args=[post.pk])}


def organisation_context(user: Any, organisation: Any) -> dict[str, Any] | None:
    if user is None or not user.is_authenticated:
        return None
    return {
        "url": reverse("safeguarding:report-organisation", args=[organisation.slug]),
        "has_people": bool(getattr(organisation, "visible_people", None)),
    }


def account_context(user: Any, account: Any) -> dict[str, Any] | None:
    if user is None or not user.is_authenticated:
        return None
    officer = is_officer(user)
    made = Report.objects.filed_by(user).count()
    if not officer and not made:
        return None
    return {"officer": officer, "made": made}


def register_sections() -> None:
    for page, key, template, context in (
        ("post", "safeguarding", "safeguarding/_post_link.html", post_context),
        ("organisation", "safeguarding", "safeguarding/_organisation.html", organisation_context),
        ("account", "safeguarding", "safeguarding/_account.html", account_context),
    ):
        hooks.PAGE_SECTIONS.register(
            hooks.PageSection(page, key, order=90, template=template, context=context)
        )
