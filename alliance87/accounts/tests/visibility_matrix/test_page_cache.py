"""The page cache never serves one persona's page to another."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from alliance87.accounts.tests.visibility_matrix.ways import Item, World


@pytest.mark.django_db
def test_page_cache_never_crosses_personas(world: World, settings: Any) -> None:
    """A signed-in page is never served to anonymous visitors, nor theirs to
    a signed-in persona."""
    settings.PAGE_CACHE_SECONDS = 300
    hidden = Item("statement", "partners").marker
    anonymous, partner = Client(), Client()
    partner.force_login(world.users["partner"])

    # Anonymous first: the page is cached, and the partner still gets theirs.
    assert anonymous.get("/en/statements/")["X-Page-Cache"] == "miss"
    cached = anonymous.get("/en/statements/")
    assert cached["X-Page-Cache"] == "hit" and hidden not in cached.content.decode()
    mine = partner.get("/en/statements/")
    assert mine["X-Page-Cache"] == "miss" and hidden in mine.content.decode()

    # The partner first: nothing is cached for the anonymous visitor after.
    org = Item("organisation", "partners").marker
    assert org in partner.get("/en/partners/").content.decode()
    first = anonymous.get("/en/partners/")
    assert first["X-Page-Cache"] == "miss" and org not in first.content.decode()
    again = anonymous.get("/en/partners/")
    assert again["X-Page-Cache"] == "hit" and org not in again.content.decode()
    assert org in partner.get("/en/partners/").content.decode()
