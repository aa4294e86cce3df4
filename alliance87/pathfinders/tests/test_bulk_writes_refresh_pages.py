"""A bulk write through the pathfinders' own querysets, which sends no
signal, still refreshes the cached pages once committed."""

from __future__ import annotations

import pytest
from django.db import models
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks

from alliance87.core.invalidation import content_version
from alliance87.pathfinders.models import FocalPoint, Milestone, Pathfinder, Stage
from alliance87.testing.factories import make_pathfinder
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db

PAGE = "/en/pathfinders/"


def cached_page(client: Client) -> None:
    client.get(PAGE)
    assert client.get(PAGE)["X-Page-Cache"] == "hit"


def test_a_bulk_update_of_pathfinders_refreshes_the_cached_page(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    pathfinder = make_pathfinder("GHA")
    cached_page(client)
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        Pathfinder.objects.filter(pk=pathfinder.pk).update(stage=Stage.MONITORING)
    assert content_version() > before
    assert client.get(PAGE)["X-Page-Cache"] == "miss"


def test_a_plain_queryset_update_would_leave_the_page_stale(
    client: Client, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    # The control: the page above is refreshed by the queryset, not by
    # anything else the request or the test does.
    pathfinder = make_pathfinder("GHA")
    cached_page(client)
    with django_capture_on_commit_callbacks(execute=True):
        models.QuerySet(Pathfinder).filter(pk=pathfinder.pk).update(stage=Stage.MONITORING)
    assert client.get(PAGE)["X-Page-Cache"] == "hit"


def test_bulk_writes_of_milestones_and_focal_points_move_the_content_version(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    pathfinder = make_pathfinder("GHA")
    make_focal_point("GHA")
    for queryset, values in [
        (Milestone.objects.filter(pathfinder=pathfinder), {"evidence": "Changed in bulk"}),
        (FocalPoint.objects.filter(pathfinder=pathfinder), {"role": "Changed in bulk"}),
    ]:
        before = content_version()
        with django_capture_on_commit_callbacks(execute=True):
            assert queryset.update(**values)
        assert content_version() > before, queryset.model
