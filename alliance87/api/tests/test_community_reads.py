"""GET /api/v1/community/...: the spaces, threads and posts the
community's pages show the caller, read through its selectors."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from alliance87.api.services import create_token
from alliance87.community import services
from alliance87.community.models import Space

pytestmark = pytest.mark.usefixtures("demo")
PARTNER = "partner@demo.alliance87.example"
SECRETARIAT = "secretariat@demo.alliance87.example"


def get(path: str, secret: str = "") -> Any:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return Client().get(f"/api/v1{path}", headers=headers)


def partner() -> Any:
    return get_user_model().objects.get(email=PARTNER)


def token_of(user: Any) -> str:
    return create_token(user, name="t", scope="read", days=1, acting_user=user)[1]


def test_spaces_for_partners_are_listed_to_partners_only() -> None:
    assert "commons" not in {s["id"] for s in get("/community/spaces").json()["items"]}
    assert get("/community/spaces/commons").status_code == 404
    assert get("/community/spaces/commons/threads").status_code == 404
    listed = get("/community/spaces?limit=200", token_of(partner())).json()["items"]
    commons = next(s for s in listed if s["id"] == "commons")
    assert commons["thread_count"] >= 0 and commons["url"].endswith("/community/commons/")


def test_a_thread_s_posts_are_read_page_by_page(monkeypatch: Any) -> None:
    monkeypatch.setattr("alliance87.community.selectors.POSTS_PER_PAGE", 2)
    user = partner()
    space = Space.objects.get(slug="commons")
    thread = services.start_thread(
        space, acting_user=user, title="Sharing inspection checklists", body="Opening words"
    )
    for n in range(3):
        services.reply(thread, acting_user=user, body=f"Reply number {n}")
    secret = token_of(user)
    base = f"/community/spaces/commons/threads/{thread.pk}"
    assert get(base, secret).json()["title"] == "Sharing inspection checklists"
    threads = get("/community/spaces/commons/threads", secret).json()["items"]
    assert thread.pk in {t["id"] for t in threads}
    texts, cursor, opening = [], "", []
    for _ in range(5):
        body = get(f"{base}/posts{'?cursor=' + cursor if cursor else ''}", secret).json()
        texts += [p["text"] for p in body["items"]]
        opening += [p["opening"] for p in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert texts == ["Opening words", "Reply number 0", "Reply number 1", "Reply number 2"]
    assert opening == [True, False, False, False]
    assert get(f"{base}/posts").status_code == 404  # anonymous: a hidden space
    past = get(f"{base}/posts?cursor=9", secret).json()
    assert (past["items"], past["next_cursor"]) == ([], None)


def test_a_hidden_post_reads_as_the_notice_the_page_shows() -> None:
    from alliance87.community.moderation import hide_post

    author = partner()
    secretariat = get_user_model().objects.get(email=SECRETARIAT)
    space = Space.objects.get(slug="commons")
    thread = services.start_thread(space, acting_user=author, title="Checklists", body="Opening")
    reply = services.reply(thread, acting_user=secretariat, body="Words a moderator hid")
    hide_post(reply, acting_user=secretariat, reason="Off topic")
    path = f"/community/spaces/commons/threads/{thread.pk}/posts"
    seen_by_partner = get(path, token_of(author)).json()["items"][1]
    assert seen_by_partner["hidden"] and seen_by_partner["state"] == "hidden"
    assert (seen_by_partner["author"], seen_by_partner["text"]) == ("", "")
    assert "Off topic" not in str(seen_by_partner)
    # Its author (and the moderators) read it in full, with the reason.
    seen_by_author = get(path, token_of(secretariat)).json()["items"][1]
    assert not seen_by_author["hidden"] and seen_by_author["state"] == "hidden"
    assert seen_by_author["text"] == "Words a moderator hid"
    assert seen_by_author["moderation_reason"] == "Off topic"
