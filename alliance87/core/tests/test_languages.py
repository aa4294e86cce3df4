"""Every page exists in English, French and Spanish, under its prefix."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


class LanguageLinks(HTMLParser):
    """Collect <html lang> and the header's language switcher."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.switcher: dict[str, str] = {}
        self.alternates: dict[str, str] = {}
        self._in_switcher = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "nav" and "languages" in a.get("class", "").split():
            self._in_switcher = True
        elif tag == "a" and self._in_switcher and a.get("hreflang"):
            self.switcher[a["hreflang"]] = a["href"]
        elif tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.alternates[a["hreflang"]] = a["href"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switcher = False


def links_of(client: Client, url: str) -> LanguageLinks:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = LanguageLinks()
    parser.feed(response.content.decode())
    return parser


class TestRedirectFromRoot:
    @pytest.mark.parametrize(
        ("accept", "target"),
        [
            ("fr", "/fr/"),
            ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
            ("es", "/es/"),
            ("es-MX", "/es/"),
            ("en-GB", "/en/"),
            ("de", "/en/"),
            ("zz, xx;q=0.5", "/en/"),
        ],
    )
    def test_root_redirects_to_the_visitors_language(
        self, client: Client, accept: str, target: str
    ) -> None:
        response = client.get("/", headers={"accept-language": accept})
        assert response.status_code == 302
        assert response["Location"] == target

    def test_root_without_accept_language_redirects_to_english(self, client: Client) -> None:
        assert client.get("/")["Location"] == "/en/"

    def test_unprefixed_page_redirects_to_its_prefixed_address(self, client: Client) -> None:
        response = client.get("/countries/", headers={"accept-language": "es"})
        assert response["Location"] == "/es/countries/"


class TestPageLanguage:
    @pytest.mark.parametrize("code", ["en", "fr", "es"])
    def test_html_element_declares_the_language_of_the_prefix(
        self, client: Client, code: str
    ) -> None:
        assert links_of(client, f"/{code}/").lang == code

    def test_prefix_wins_over_accept_language(self, client: Client) -> None:
        response = client.get("/fr/", headers={"accept-language": "es"})
        assert response["Content-Language"] == "fr"


class TestLanguageLinks:
    @pytest.mark.parametrize(
        "path", ["/", "/countries/", "/countries/npl/", "/partners/", "/countries/?region=africa"]
    )
    def test_switcher_points_to_the_same_page_in_every_language(
        self, client: Client, path: str
    ) -> None:
        links = links_of(client, f"/fr{path}")
        assert links.switcher == {"en": f"/en{path}", "fr": f"/fr{path}", "es": f"/es{path}"}

    def test_alternate_links_point_to_the_same_page_in_every_language(
        self, client: Client
    ) -> None:
        links = links_of(client, "/es/countries/mex/")
        assert links.alternates == {
            "en": "/en/countries/mex/",
            "fr": "/fr/countries/mex/",
            "es": "/es/countries/mex/",
        }

    def test_switcher_marks_the_current_language(self, client: Client) -> None:
        html = client.get("/es/").content.decode()
        assert 'hreflang="es" lang="es" aria-current="true"' in html
        assert 'hreflang="fr" lang="fr" aria-current="true"' not in html


class TestCountryNames:
    def test_french_page_names_nepal_in_french(self, client: Client) -> None:
        html = client.get("/fr/countries/npl/").content.decode()
        assert "<h1>Népal</h1>" in html

    def test_spanish_page_names_mexico_in_spanish(self, client: Client) -> None:
        html = client.get("/es/countries/mex/").content.decode()
        assert "<h1>México</h1>" in html

    def test_english_page_names_mexico_in_english(self, client: Client) -> None:
        html = client.get("/en/countries/mex/").content.decode()
        assert "<h1>Mexico</h1>" in html

    def test_country_list_uses_the_pages_language(self, client: Client) -> None:
        html = client.get("/fr/countries/").content.decode()
        assert ">Népal</a>" in html
        assert ">Allemagne</a>" in html
        assert ">Germany</a>" not in html
