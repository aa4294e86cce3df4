"""What the Slack import tests share: the channels' spaces, an import run
as the Secretariat, and the counts an import changes (test helpers, not
fixtures; `accounts` and `media` are fixtures of conftest.py)."""

from __future__ import annotations

import io
from typing import Any

from alliance87.community.models import Mention, Post, Space, Thread
from alliance87.community.slack import import_slack
from alliance87.testing.slack_export import make_zip

MAPPING = {"general": "commons", "migration": "migration"}


def run(scene: Any, archive: io.BytesIO | None = None, **options: Any) -> Any:
    options.setdefault("space_map", MAPPING)
    return import_slack(archive or make_zip(), acting_user=scene.secretariat, **options)


def counts() -> tuple[int, int, int, int]:
    return (
        Space.objects.count(),
        Thread.objects.count(),
        Post.objects.count(),
        Mention.objects.count(),
    )
