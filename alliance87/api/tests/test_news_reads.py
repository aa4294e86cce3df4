"""GET /api/v1/news: the posts /news/ lists to the caller, filtered as
there; one post with its text and its sources."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from alliance87.api.services import create_token
from alliance87.comms.models import Post
from alliance87.comms.services import PostLinks
from alliance87.countries.models import Country
from alliance87.testing.factories import make_post

pytestmark = pytest.mark.usefixtures("demo")
PARTNER = "partner@demo.alliance87.example"


def get(path: str, secret: str = "", **headers: str) -> Any:
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    return Client().get(f"/api/v1{path}", headers=headers)


def token_of(email: str) -> str:
    user = get_user_model().objects.get(email=email)
    return create_token(user, name="t", scope="read", days=1, acting_user=user)[1]


def test_the_list_is_what_the_public_sees() -> None:
    make_post("api-draft", "A draft", publish=False)
    listed = {p["id"] for p in get("/news?limit=200").json()["items"]}
    assert listed == set(Post.objects.visible_to(AnonymousUser()).values_list("slug", flat=True))
    assert listed and "api-draft" not in listed
    assert get("/news/api-draft").status_code == 404


def test_a_partners_only_post_is_read_with_a_partner_s_token() -> None:
    make_post("api-partners", "For partners", visibility="partners")
    assert get("/news/api-partners").status_code == 404
    body = get("/news/api-partners", token_of(PARTNER)).json()
    assert (body["id"], body["title"]) == ("api-partners", "For partners")


def test_the_filters_are_the_news_page_s() -> None:
    make_post(
        "api-story",
        "A story from Nepal",
        kind="story",
        links=PostLinks(countries=[Country.objects.get(iso3="NPL")]),
    )
    stories = get("/news?kind=story&country=npl&limit=200").json()["items"]
    assert "api-story" in {p["id"] for p in stories}
    assert all(p["kind"] == "story" and "npl" in p["countries"] for p in stories)
    # A value that names nothing selects nothing (the page ignores it).
    assert get("/news?country=zzz").json()["items"] == []


def test_a_post_comes_with_its_text_and_sources() -> None:
    post = Post.objects.visible_to(AnonymousUser()).filter(citations__isnull=False).first()
    assert post is not None
    body = get(f"/news/{post.slug}").json()
    assert body["body"].startswith("<")
    assert body["sources"] and {s["basis"] for s in body["sources"]} <= {
        "reported",
        "inferred",
        "illustrative",
    }


def test_a_post_reads_in_the_language_asked_for() -> None:
    make_post("api-bilingual", title_en="In English", title_fr="En français")
    assert get("/news/api-bilingual", Accept_Language="fr").json()["title"] == "En français"
    assert get("/news/api-bilingual").json()["title"] == "In English"
