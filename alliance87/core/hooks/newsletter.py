"""Hooks of the newsletter: sections an area adds to the text suggested
for a new issue (comms.selectors.suggest_issue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from django.utils.functional import Promise

from alliance87.core.hooks.base import Hook


class SuggestedLines(Protocol):
    """The items new since `since` that anyone may see, each as (text,
    path of its page), in the active language; empty leaves the section
    out. Called once per language of the issue."""

    def __call__(self, since: dt.datetime, /) -> list[tuple[str, str]]: ...


@dataclass(frozen=True)
class NewsletterSection:
    """One section of a suggested issue: its heading and its lines."""

    key: str
    title: str | Promise
    lines: SuggestedLines
    order: int = 100


NEWSLETTER_SECTIONS: Hook[NewsletterSection] = Hook(
    "newsletter_sections", key=lambda s: s.key, order=lambda s: s.order
)
