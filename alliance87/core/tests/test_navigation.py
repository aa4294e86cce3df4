"""The header's navigation: each persona sees the entries meant for them,
among them Apply for those who may apply and the applications to review for
the Secretariat (issue 10, item 11)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

from alliance87.testing.personas import make_personas, sign_in

pytestmark = pytest.mark.django_db


class MainNav(HTMLParser):
    """Collect the link texts of the main navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.in_link = False
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "nav" and ("class", "site-nav") in attrs:
            self.depth = 1
        elif tag == "nav" and self.depth:
            self.depth += 1
        elif tag == "a" and self.depth:
            self.in_link = True
            self.links.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.depth:
            self.depth -= 1
        elif tag == "a":
            self.in_link = False

    def handle_data(self, data: str) -> None:
        if self.in_link:
            self.links[-1] += data.strip()


def nav_links(client: Client) -> list[str]:
    response = client.get("/en/countries/")
    assert response.status_code == 200
    parser = MainNav()
    parser.feed(response.content.decode())
    return parser.links


def test_a_visitor_finds_apply_and_not_the_review(client: Client) -> None:
    links = nav_links(client)
    assert "Apply" in links
    assert "Applications" not in links


@pytest.mark.parametrize("persona", ["partner", "outsider"])
def test_a_signed_in_person_finds_apply_and_not_the_review(client: Client, persona: str) -> None:
    sign_in(client, getattr(make_personas(), persona))
    links = nav_links(client)
    assert "Apply" in links
    assert "Applications" not in links


def test_the_secretariat_finds_the_applications_to_review(client: Client) -> None:
    sign_in(client, make_personas().secretariat)
    links = nav_links(client)
    assert "Applications" in links
    assert "Apply" not in links
    assert client.get("/en/applications/").status_code == 200
