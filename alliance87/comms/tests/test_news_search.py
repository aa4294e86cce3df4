"""News, stories and interviews in the site search: a post is found by its
title, summary and text in each language it is written in; a draft, or a
post still to come, by the Secretariat only until its time comes, when the
task that publishes it indexes it again for everyone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation

from alliance87.comms import services
from alliance87.comms.models import Post, PostStatus
from alliance87.comms.tasks import post_due
from alliance87.search.index import rebuild
from alliance87.search.query import search
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


def found(query: str, user: Any = None, language: str = "en") -> list[str]:
    with translation.override(language):
        rows = search(user or AnonymousUser(), query, language=language).rows
    return [row.url for row in rows if row.kind == "post"]


def save(slug: str, **values: Any) -> Post:
    post = Post(slug=slug, kind="story", status=PostStatus.PUBLISHED, **values)
    return services.save_post(post, acting_user=None)


def test_a_post_is_found_by_its_words_in_each_language_it_is_written_in() -> None:
    save(
        "quokka",
        title_en="Quokka harvest",
        summary_en="Inspectors met farm workers.",
        title_fr="La récolte du quokka",
        body_fr="Les **inspecteurs** ont rencontré les travailleurs des fermes.",
    )
    rebuild()
    assert found("quokka") == ["/en/news/quokka/"]
    assert found("farm workers") == ["/en/news/quokka/"]
    assert found("fermes", language="fr") == ["/fr/news/quokka/"]
    # Its kind is a word of every language.
    assert found("quokka story") == ["/en/news/quokka/"]
    assert found("récit quokka", language="fr") == ["/fr/news/quokka/"]


def test_a_draft_and_a_members_post_are_found_only_by_those_who_may_see_them(
    personas: Personas,
) -> None:
    save("wombat-partners", title_en="Wombat partners", visibility="partners")
    services.save_post(
        Post(slug="wombat-draft", kind="news", title_en="Wombat draft"), acting_user=None
    )
    rebuild()
    assert found("wombat") == []
    assert found("wombat", personas.partner) == ["/en/news/wombat-partners/"]
    assert sorted(found("wombat", personas.secretariat)) == [
        "/en/news/wombat-draft/",
        "/en/news/wombat-partners/",
    ]


def test_a_scheduled_post_is_found_by_everyone_once_its_time_comes(
    personas: Personas, django_capture_on_commit_callbacks: Any
) -> None:
    soon = timezone.now() + dt.timedelta(hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        post = save("numbat", title_en="Numbat news", publish_at=soon)
    assert found("numbat") == []
    assert found("numbat", personas.secretariat) == ["/en/news/numbat/"]
    # Its time comes: the scheduled task runs.
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - dt.timedelta(seconds=1))
    post_due.call(post.pk)
    assert found("numbat") == ["/en/news/numbat/"]
