"""The `countries` fixture: the reference countries, for a test that
commits (`transaction=True`). They come from a data migration, so an
earlier transactional test's flush may have emptied them; this puts them
back. Registered for the community's tests by their conftest.py."""

from __future__ import annotations

import pytest


@pytest.fixture
def countries(transactional_db: None) -> None:
    """The reference countries, which an earlier transactional test's flush
    may have emptied (they come from a data migration)."""
    from alliance87.countries.models import Country
    from alliance87.countries.services import sync_countries

    if not Country.objects.exists():
        sync_countries(Country, acting_user=None)
