"""Threads in the site search: found by words of their posts, by those who
see their space only."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.community import services
from alliance87.search.index import rebuild

pytestmark = pytest.mark.django_db


def test_a_thread_is_found_by_its_posts_words_by_those_who_see_its_space(scene) -> None:
    thread = services.start_thread(
        scene.group_space, acting_user=scene.member, title="Recruitment fees", body="Zanzibar"
    )
    services.reply(thread, acting_user=scene.member, body="Also **Kilimanjaro**")
    rebuild()
    member = Client()
    member.force_login(scene.member)
    assert "Recruitment fees" in member.get("/en/search/?q=kilimanjaro").content.decode()
    assert "Recruitment fees" in member.get("/fr/search/?q=zanzibar").content.decode()
    partner = Client()
    partner.force_login(scene.partner)
    assert "Recruitment fees" not in partner.get("/en/search/?q=kilimanjaro").content.decode()
