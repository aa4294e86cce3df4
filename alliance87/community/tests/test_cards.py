"""Links to Hub objects in posts become cards, for what the reader may see."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.community import services
from alliance87.community.cards import hub_target
from alliance87.core.visibility import Visibility
from alliance87.testing.factories import make_group

pytestmark = pytest.mark.django_db


def test_a_link_to_a_hub_page_is_known_in_any_language_and_address_form(settings) -> None:
    settings.SITE_URL = "https://hub.example.org"
    assert hub_target("/fr/groups/migration/") == ("groups:detail", "migration")
    assert hub_target("https://hub.example.org/en/events/gcg-4/") == ("events:detail", "gcg-4")
    assert hub_target("https://elsewhere.example/en/events/gcg-4/") is None
    assert hub_target("/en/community/") is None


def test_a_card_shows_what_the_reader_may_see_and_nothing_else(scene) -> None:
    make_group("hidden-group", "Hidden group title", visibility=Visibility.SECRETARIAT)
    thread = services.start_thread(
        scene.commons,
        acting_user=scene.partner,
        title="T",
        body="See [our group](/en/groups/migration/) and [that](/en/groups/hidden-group/).",
    )
    partner = Client()
    partner.force_login(scene.partner)
    page = partner.get(thread.get_absolute_url()).content.decode()
    assert 'class="card"' in page and "Action Group on Migration" in page
    assert "Hidden group title" not in page
    secretariat = Client()
    secretariat.force_login(scene.secretariat)
    assert "Hidden group title" in secretariat.get(thread.get_absolute_url()).content.decode()
