"""The matrix's world, built once per worker, and its settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation

from alliance87.accounts.tests.visibility_matrix.ways import World
from alliance87.accounts.tests.visibility_matrix.world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup: None, django_db_blocker: Any, tmp_path_factory: Any) -> Iterator[World]:
    # Built once per worker for the whole package, inside a transaction
    # rolled back at the end; each cell runs in a savepoint within it. Its
    # uploaded files (community posts') go to a folder of its own.
    md5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("matrix-media"))
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("en"), media:
        with override_settings(PASSWORD_HASHERS=md5):
            built = build_world()
        # Each cell's teardown checks the deferred constraints (Django's
        # TestCase does); on PostgreSQL that re-checks every row written
        # and not yet checked in the transaction. Checked once here, the
        # world's rows are not checked again by each of the 9,000 cells.
        connection.check_constraints()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def no_page_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0
