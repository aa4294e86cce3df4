"""What the search index holds of news, stories and interviews: each post's
title, summary and text in each language it is written in, its kind, author
organisation (when anyone may see it), themes, countries and year.

A post is found as `PostQuerySet.visible_to` shows it: published and due,
by its visibility (members-only: the members of its group); a draft or a
post still scheduled by the Secretariat only. When a scheduled post's time
comes, `comms.tasks.post_due` indexes it again.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from alliance87.comms.models import Post, PostStatus
from alliance87.core import hooks
from alliance87.core.markdown import plain_text
from alliance87.core.text import texts_by_language
from alliance87.core.visibility import Visibility
from alliance87.countries.search import country_facet
from alliance87.partners.models import Organisation

LANGUAGES = ("en", "fr", "es")


def post_level(post: Post) -> str:
    """Who finds the post: a draft or a post still to come is the Secretariat's."""
    due = post.publish_at is not None and post.publish_at <= timezone.now()
    if post.status != PostStatus.PUBLISHED or not due:
        return Visibility.SECRETARIAT
    return post.visibility


def post_entry(post: Post) -> hooks.SearchEntry:
    bodies = texts_by_language(post, "summary")
    for code, text in texts_by_language(post, "body").items():
        text = plain_text(text)
        if text:
            bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text
    kinds = []
    for code in LANGUAGES:
        with translation.override(code):
            kinds.append(str(post.get_kind_display()))
    author = post.organisation
    if author is not None and author.visibility == Visibility.PUBLIC:
        kinds += [part for part in (author.name, author.acronym) if part]
    facets = [theme.search_facet() for theme in post.themes.all()]
    facets += [country_facet(country) for country in post.countries.all()]
    return hooks.SearchEntry(
        titles=texts_by_language(post, "title"),
        bodies=bodies,
        access=hooks.SearchAccess(post_level(post), group_id=post.group_id),
        names=" ".join(dict.fromkeys(kinds)),
        year=post.publish_at.year if post.publish_at else None,
        facets=tuple(facets),
    )


PROVIDER = hooks.SearchProvider(
    kind="post",
    label=_("News and stories"),
    model=Post,
    rows=lambda: Post.objects.select_related("organisation").prefetch_related(
        "themes", "countries"
    ),
    entry=post_entry,
    visible=lambda user: Post.objects.visible_to(user),
    url=lambda post: post.get_absolute_url(),
    depends={Organisation: "organisation"},
    order=25,
)
