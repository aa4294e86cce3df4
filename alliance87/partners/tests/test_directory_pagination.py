"""The directory is paged, 20 organisations a page, and no page number
can break it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from alliance87.partners.models import StakeholderType
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def forty_five() -> None:
    for n in range(1, 46):
        kind = StakeholderType.CIVIL_SOCIETY if n % 2 else StakeholderType.ACADEMIA
        make_organisation(f"org-{n:02}", f"Organisation {n:02}", stakeholder_type=kind)


def rows(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    return re.findall(
        r'<th scope="row"><a href="/\w\w/partners/([\w-]+)/">', response.content.decode()
    )


@pytest.mark.usefixtures("forty_five")
class TestPages:
    def test_first_page_has_twenty(self, client: Client) -> None:
        assert rows(client, "/en/partners/") == [f"org-{n:02}" for n in range(1, 21)]

    def test_third_page_has_the_last_five(self, client: Client) -> None:
        assert rows(client, "/en/partners/?page=3") == [f"org-{n:02}" for n in range(41, 46)]

    def test_page_says_where_it_is(self, client: Client) -> None:
        html = client.get("/en/partners/?page=2").content.decode()
        assert "Page 2 of 3" in html
        assert "45 organisations" in html

    def test_page_links_keep_the_filters(self, client: Client) -> None:
        html = client.get("/en/partners/?type=civil_society&page=1").content.decode()
        assert 'href="?type=civil_society&amp;page=2" rel="next"' in html
        assert "page=1&amp;page" not in html

    @pytest.mark.parametrize("page", ["abc", "", "1.5", "1e3", "%00", "-", "0", "-1", "2%20"])
    def test_invalid_page_number_still_shows_a_page(self, client: Client, page: str) -> None:
        assert len(rows(client, f"/en/partners/?page={page}")) in (20, 5)

    @pytest.mark.parametrize("page", ["abc", ""])
    def test_page_that_is_not_a_number_shows_the_first_page(
        self, client: Client, page: str
    ) -> None:
        assert rows(client, f"/en/partners/?page={page}")[0] == "org-01"

    @pytest.mark.parametrize("page", ["4", "99999999999999999999999999"])
    def test_page_past_the_end_shows_the_last_page(self, client: Client, page: str) -> None:
        assert rows(client, f"/en/partners/?page={page}")[0] == "org-41"


def test_single_page_has_no_page_links(client: Client) -> None:
    make_organisation("only-one", "The Only One")
    html = client.get("/en/partners/").content.decode()
    assert 'class="pagination"' not in html
