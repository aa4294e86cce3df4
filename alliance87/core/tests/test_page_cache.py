"""Reading pages are cached: one copy for anonymous visitors, one per
signed-in user and session, never crossing between them, rendered afresh
after any committed change to what they show, and kept warm through
changes to what they do not show."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from alliance87.core.dates import ReportedDate
from alliance87.core.invalidation import bump_content_version, content_version, table_versions
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Organisation
from alliance87.partners.services import save_organisation
from alliance87.testing.factories import make_event, make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db

MAY_2019 = dt.date(2019, 5, 1)

PUBLIC_PAGES = [
    "/en/",
    "/en/countries/",
    "/en/countries/?region=africa",
    "/en/countries/che/",
    "/en/partners/",
    "/en/partners/?q=ituc",
    "/en/partners/ituc/",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_second_anonymous_request_is_served_from_the_cache(
    client: Client, personas: Personas, url: str
) -> None:
    first = client.get(url)
    second = client.get(url)
    assert (first.status_code, first["X-Page-Cache"]) == (200, "miss")
    assert (second.status_code, second["X-Page-Cache"]) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_is_cached_apart(client: Client, personas: Personas) -> None:
    client.get("/en/countries/")
    response = client.get("/fr/countries/")
    assert response["X-Page-Cache"] == "miss"
    assert 'lang="fr"' in response.content.decode()


def test_each_query_is_cached_apart(client: Client, personas: Personas) -> None:
    client.get("/en/countries/?region=africa")
    response = client.get("/en/countries/?region=americas")
    assert response["X-Page-Cache"] == "miss"
    assert "Mexico" in response.content.decode()


def test_signed_in_user_is_never_served_the_visitors_copy(
    client: Client, personas: Personas
) -> None:
    make_organisation("partners-only", "Partners Only Network", visibility=Visibility.PARTNERS)
    client.get("/en/partners/")
    client.get("/en/partners/")  # cached for anonymous visitors now
    client.force_login(personas.partner)
    client.get("/en/")  # the first page sets the CSRF cookie, part of the key
    first, second = client.get("/en/partners/"), client.get("/en/partners/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Partners Only Network" in second.content.decode()
    assert "private" in second["Cache-Control"]


def test_page_rendered_for_a_signed_in_user_is_not_served_to_visitors(
    client: Client, personas: Personas
) -> None:
    make_organisation("partners-only", "Partners Only Network", visibility=Visibility.PARTNERS)
    client.force_login(personas.partner)
    assert "Partners Only Network" in client.get("/en/partners/").content.decode()
    client.logout()
    response = client.get("/en/partners/")
    assert response["X-Page-Cache"] == "miss"
    assert "Partners Only Network" not in response.content.decode()


def test_a_users_page_is_never_served_to_another_user(personas: Personas) -> None:
    make_organisation("partners-only", "Partners Only Network", visibility=Visibility.PARTNERS)
    partner, outsider = Client(), Client()
    partner.force_login(personas.partner)
    outsider.force_login(personas.outsider)
    partner.get("/en/")  # the first page sets the CSRF cookie, part of the key
    partner.get("/en/partners/")
    assert partner.get("/en/partners/")["X-Page-Cache"] == "hit"
    response = outsider.get("/en/partners/")
    assert response["X-Page-Cache"] == "miss"
    assert "Partners Only Network" not in response.content.decode()


def test_signing_in_again_renders_the_page_afresh(client: Client, personas: Personas) -> None:
    client.force_login(personas.partner)
    client.get("/en/partners/")
    client.logout()
    client.force_login(personas.partner)
    assert client.get("/en/partners/")["X-Page-Cache"] == "miss"


def test_losing_staff_standing_renders_the_page_afresh(client: Client, personas: Personas) -> None:
    secret = make_organisation("secret-org", "Secretariat Only Org", visibility="secretariat")
    user = personas.secretariat
    client.force_login(user)
    assert secret.name in client.get("/en/partners/").content.decode()
    # Changed by another process; the auth user model is not a Hub model
    # and moves no content version.
    type(user).objects.filter(pk=user.pk).update(is_staff=False)
    response = client.get("/en/partners/")
    assert response["X-Page-Cache"] == "miss"
    assert secret.name not in response.content.decode()


def test_a_page_with_a_pending_message_is_not_served_from_the_cache(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.partner)
    client.get("/en/partners/")
    session = client.session
    session["_messages"] = "[]"
    session.save()
    assert "X-Page-Cache" not in client.get("/en/partners/")


def test_not_found_page_is_not_cached(client: Client, personas: Personas) -> None:
    client.get("/en/partners/no-such-organisation/")
    response = client.get("/en/partners/no-such-organisation/")
    assert response.status_code == 404
    assert "X-Page-Cache" not in response


def test_cache_can_be_turned_off(client: Client, personas: Personas, settings: Settings) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/")
    assert "X-Page-Cache" not in client.get("/en/")


class TestInvalidation:
    def test_committed_rename_shows_on_the_next_request(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/partners/ituc/")
        assert client.get("/en/partners/ituc/")["X-Page-Cache"] == "hit"
        with django_capture_on_commit_callbacks(execute=True):
            ituc: Any = Organisation.objects.get(slug="ituc")  # name_en: added at run time
            ituc.name_en = "Trade Union Confederation, renamed"
            save_organisation(ituc, acting_user=None)
        response = client.get("/en/partners/ituc/")
        assert response["X-Page-Cache"] == "miss"
        assert "Trade Union Confederation, renamed" in response.content.decode()

    def test_committed_change_shows_on_other_pages_too(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/countries/che/")
        with django_capture_on_commit_callbacks(execute=True):
            org: Any = personas.partner_org
            org.name_en = "Renamed Confederation"
            save_organisation(org, acting_user=None)
        assert "Renamed Confederation" in client.get("/en/countries/che/").content.decode()

    def test_committed_new_organisation_is_listed_on_the_next_request(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/partners/")
        with django_capture_on_commit_callbacks(execute=True):
            make_organisation("new-ngo", "Brand New NGO")
        assert "Brand New NGO" in client.get("/en/partners/").content.decode()

    def test_committed_deletion_shows_on_the_next_request(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/partners/applicant-ngo/")
        with django_capture_on_commit_callbacks(execute=True):
            Organisation.objects.filter(slug="applicant-ngo").delete()
        assert client.get("/en/partners/applicant-ngo/").status_code == 404

    def test_committed_change_of_themes_shows_on_the_next_request(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            theme = Theme.objects.create(slug="fisheries", name="Fisheries", kind="sector")
        client.get("/en/partners/ituc/")
        with django_capture_on_commit_callbacks(execute=True):
            personas.partner_org.themes.add(theme)
        assert "Fisheries" in client.get("/en/partners/ituc/").content.decode()

    def test_committed_write_to_what_a_page_does_not_read_leaves_it_cached(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/countries/")
        with django_capture_on_commit_callbacks(execute=True):
            make_event("a-meeting", acting_user=personas.secretariat, date=ReportedDate(MAY_2019))
        assert client.get("/en/countries/")["X-Page-Cache"] == "hit"
        # ...while the meetings' pages read it.
        client.get("/en/events/")
        with django_capture_on_commit_callbacks(execute=True):
            make_event(
                "another-meeting", acting_user=personas.secretariat, date=ReportedDate(MAY_2019)
            )
        response = client.get("/en/events/")
        assert response["X-Page-Cache"] == "miss"

    def test_a_write_that_cannot_say_what_it_changed_makes_every_page_cold(
        self, client: Client, personas: Personas
    ) -> None:
        client.get("/en/countries/")
        bump_content_version()  # as after raw SQL
        assert client.get("/en/countries/")["X-Page-Cache"] == "miss"

    def test_committed_queryset_update_moves_the_content_version(
        self,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        # Checked on the version rather than on a page, so that a cache
        # emptied by another test run cannot make it pass by chance.
        before = content_version()
        with django_capture_on_commit_callbacks(execute=True):
            Organisation.objects.filter(slug="ituc").update(name_en="Updated In Bulk")
        assert content_version() > before

    def test_change_invalidates_only_once_committed(
        self,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        # Invalidation runs after commit: a Redis outage must never turn a
        # committed write into an error, nor a rolled-back one into a miss.
        before = content_version()
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            make_organisation("uncommitted", "Not Yet Committed")
        assert content_version() == before
        assert callbacks
        for callback in callbacks:
            callback()
        assert content_version() > before


def test_a_cached_page_is_served_compressed_to_browsers_that_accept_it(client: Client) -> None:
    import gzip

    plain = client.get("/en/countries/").content
    response = client.get("/en/countries/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response["X-Page-Cache"] == "hit"
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain
    assert len(response.content) < len(plain) / 3
    # A client that cannot decompress gets the page as it is.
    assert client.get("/en/countries/").content == plain


@pytest.mark.django_db(transaction=True)
def test_a_write_rolled_back_moves_no_counter_even_at_the_next_commit() -> None:
    # What a write notes stays on the connection after its transaction rolls
    # back; the next transaction to commit must not move its tables too (it
    # made pages cold at random, by which test had run before on the worker).
    theme_table = Theme._meta.db_table
    before = table_versions([theme_table])
    with transaction.atomic():
        Theme.objects.create(slug="rolled-back", name_en="Rolled back")
        transaction.set_rollback(True)
    make_organisation("committed", "Committed")
    assert table_versions([theme_table]) == before
    assert table_versions([Organisation._meta.db_table])[Organisation._meta.db_table] > 0
