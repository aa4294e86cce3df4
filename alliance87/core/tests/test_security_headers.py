"""Every page carries a strict Content-Security-Policy and the other
security headers, and holds no inline code the policy would have to allow."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.http import HttpResponseBase
from django.test import Client
from pytest_django import Settings

from alliance87.countries.models import Country
from alliance87.partners.models import Person
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db

# The pages of the foundation, one of each kind.
PAGES = [
    "/en/",
    "/en/countries/",
    "/en/countries/npl/",
    "/en/partners/",
    "/en/partners/ituc/",
    "/en/no-such-page/",
]


class InlineCode(HTMLParser):
    """Collect what a nonce-based policy would block, and the nonces used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocked: list[str] = []
        self.nonces: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if "style" in a:
            self.blocked.append(f"<{tag} style=...>")
        self.blocked.extend(f"<{tag} {name}=...>" for name in a if name.startswith("on"))
        if (tag == "script" and "src" not in a) or tag == "style":
            if a.get("nonce"):
                self.nonces.add(str(a["nonce"]))
            else:
                self.blocked.append(f"<{tag}> without a nonce")


def directives(response: HttpResponseBase) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    parts = (part.strip().split(None, 1) for part in policy.split(";") if part.strip())
    return {part[0]: (part[1] if len(part) > 1 else "") for part in parts}


@pytest.fixture
def site(personas: Personas) -> None:
    Person.objects.create(
        slug="public-person",
        name="Public Person",
        organisation=personas.partner_org,
        visibility="public",
    )
    make_organisation("nepal-ngo", "Nepal NGO", country=Country.objects.get(iso3="NPL"))


@pytest.mark.usefixtures("site")
class TestHeaders:
    def test_policy_forbids_everything_not_listed(self, client: Client) -> None:
        policy = directives(client.get("/en/"))
        assert policy["default-src"] == "'none'"
        assert policy["object-src"] == "'none'"
        assert policy["base-uri"] == "'none'"

    def test_policy_forbids_framing(self, client: Client) -> None:
        assert directives(client.get("/en/"))["frame-ancestors"] == "'none'"

    def test_policy_never_allows_unsafe_code(self, client: Client) -> None:
        for url in PAGES:
            policy = client.get(url)["Content-Security-Policy"]
            assert "unsafe-inline" not in policy, url
            assert "unsafe-eval" not in policy, url

    def test_scripts_and_styles_come_from_the_site_only(self, client: Client) -> None:
        policy = directives(client.get("/en/"))
        for name in ("script-src", "style-src"):
            sources = policy[name].split()
            assert sources[0] == "'self'"
            assert all(s == "'self'" or s.startswith("'nonce-") for s in sources), policy[name]

    def test_page_may_not_be_framed(self, client: Client) -> None:
        assert client.get("/en/")["X-Frame-Options"] == "DENY"

    def test_content_type_is_not_sniffed(self, client: Client) -> None:
        assert client.get("/en/")["X-Content-Type-Options"] == "nosniff"

    def test_referrer_stays_on_the_site(self, client: Client) -> None:
        assert client.get("/en/")["Referrer-Policy"] == "strict-origin-when-cross-origin"

    def test_powerful_features_are_turned_off(self, client: Client) -> None:
        policy = client.get("/en/")["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment"):
            assert f"{feature}=()" in policy

    def test_not_found_page_carries_the_same_headers(self, client: Client) -> None:
        response = client.get("/en/no-such-page/")
        assert response.status_code == 404
        assert directives(response)["default-src"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"

    def test_cached_page_carries_the_same_headers(self, client: Client) -> None:
        client.get("/en/")
        response = client.get("/en/")
        assert response["X-Page-Cache"] == "hit"
        assert directives(response)["default-src"] == "'none'"
        assert response["X-Frame-Options"] == "DENY"
        assert "Permissions-Policy" in response

    def test_plain_http_is_redirected_to_https(self, client: Client, settings: Settings) -> None:
        settings.SECURE_SSL_REDIRECT = True
        response = client.get("/en/partners/")
        assert response.status_code == 301
        assert response["Location"] == "https://testserver/en/partners/"

    def test_https_responses_ask_for_https_from_now_on(self, client: Client) -> None:
        # HTTPS is on by default outside the demo, and HSTS with it.
        response = client.get("/en/", secure=True)
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")


@pytest.mark.usefixtures("site")
@pytest.mark.parametrize("url", PAGES)
def test_page_holds_no_inline_code_without_a_nonce(client: Client, url: str) -> None:
    # The second request is served from the page cache for a cacheable
    # page: a cached copy must not carry another request's nonce either.
    for _ in range(2):
        response = client.get(url)
        assert response.status_code in (200, 404)
        parser = InlineCode()
        parser.feed(response.content.decode())
        assert parser.blocked == [], url
        allowed = set(re.findall(r"'nonce-([^']+)'", response["Content-Security-Policy"]))
        assert parser.nonces <= allowed, url


@pytest.mark.usefixtures("site")
def test_signed_in_pages_hold_no_inline_code(client: Client, personas: Personas) -> None:
    client.force_login(personas.partner)
    for url in PAGES:
        parser = InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.blocked == [], url


def test_inline_code_detector_finds_what_the_policy_blocks() -> None:
    parser = InlineCode()
    parser.feed(
        '<p style="color:red" onclick="x()"></p><script>alert(1)</script>'
        '<style>p{}</style><script nonce="abc">ok()</script><script src="/s.js"></script>'
    )
    assert parser.blocked == [
        "<p style=...>",
        "<p onclick=...>",
        "<script> without a nonce",
        "<style> without a nonce",
    ]
    assert parser.nonces == {"abc"}
