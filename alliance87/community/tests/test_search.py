"""Threads in the site search: found by words of their posts, by those who
see their space only."""

from __future__ import annotations

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alliance87.community import services
from alliance87.search.index import rebuild
from alliance87.search.tasks import index_rows_task

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


def test_a_reply_reindexes_its_thread_once_reading_its_first_posts_only(
    scene, django_capture_on_commit_callbacks, monkeypatch
) -> None:
    from alliance87.community import search as community_search
    from alliance87.search import index

    thread = services.start_thread(
        scene.group_space, acting_user=scene.member, title="Recruitment fees", body="Zanzibar"
    )
    monkeypatch.setattr(community_search, "POSTS_READ", 2)
    services.reply(thread, acting_user=scene.member, body="Kilimanjaro")
    indexed: list[tuple[str, list[int]]] = []
    real = index.index_objects

    def counting(provider, objs, ids):
        indexed.append((provider.kind, list(ids)))
        return real(provider, objs, ids)

    monkeypatch.setattr(index, "index_objects", counting)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(thread, acting_user=scene.member, body="Serengeti")
    # Not in the request: one task queued, which the worker runs.
    assert [kind for kind, ids in indexed if kind == "thread"] == []
    queued = DBTaskResult.objects.filter(task_path__endswith="index_rows_task")
    assert queued.count() == 1
    indexed.clear()
    index_rows_task.call(*queued.get().args_kwargs["args"])
    # The post saved and the thread's counts updated: one document written.
    assert [kind for kind, ids in indexed if kind == "thread"] == ["thread"]
    member = Client()
    member.force_login(scene.member)
    assert "Recruitment fees" in member.get("/en/search/?q=kilimanjaro").content.decode()
    # Beyond the first POSTS_READ posts: not read, not found.
    assert "Recruitment fees" not in member.get("/en/search/?q=serengeti").content.decode()
