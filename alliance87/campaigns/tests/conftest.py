"""The campaign tests' fixtures: `media_root`, a folder of the test's own
for the images a test uploads."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def media_root(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path
