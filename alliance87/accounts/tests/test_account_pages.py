"""
The sign-in, second-factor and password pages (django-allauth's views) are
the Hub's own pages: the Hub's frame and form markup, in English, French
and Spanish, with no way to a sign-up that is closed, and with passkey
controls that appear only where a script can make them work.

Each page a person can reach under /accounts/ is opened in the three
languages, as the visitor who reaches it: anonymous, a partner signed in,
a Secretariat member half-way through signing in, and one signed in with
an authenticator app, recovery codes and a passkey.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.webauthn.internal.auth import WebAuthn
from django.test import Client
from django.urls import reverse
from django.utils import translation

from alliance87.accounts import services
from alliance87.testing.pages import problems_of
from alliance87.testing.personas import PASSWORD, make_user, totp_code, verified
from alliance87.testing.webauthn_device import SoftwarePasskey, b64url

LANGUAGES = ("en", "fr", "es")
# Words a French or Spanish page may show as in English: names, and the
# name given to the test's key.
SAME_IN_EVERY_LANGUAGE = {"Alliance 8.7", "Hub", "Laptop"}
# Words that French spells as English does.
SAME_IN = {"fr": {"Code", "Actions"}, "es": set()}
# The controls that need JavaScript and a browser that speaks WebAuthn.
PASSKEY_IDS = {
    "passkey_login",
    "mfa_webauthn_authenticate",
    "mfa_webauthn_add",
    "mfa_webauthn_reauthenticate",
}
PASSKEY_HREFS = ("/2fa/webauthn/add/", "/2fa/webauthn/reauthenticate/")


class Audit(HTMLParser):
    """What the checks below need from a page: the text of its title and
    main part (hidden parts too: a script may show them), its links, the
    form controls drawn outside the Hub's field markup, and the passkey
    controls a browser without JavaScript would show."""

    VOID = frozenset({"input", "br", "img", "meta", "link", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[str] = []
        self.controls_outside_fields: list[str] = []
        self.passkey_controls_shown: list[str] = []
        self.noscript = 0
        # (tag, hidden, inside a .field, inside a script) of each open element
        self._stack: list[tuple[str, bool, bool, bool]] = []
        self._in_main_or_title = 0

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs_list}
        parent = self._stack[-1] if self._stack else ("", False, False, False)
        hidden = "hidden" in a or parent[1]
        in_field = "field" in a.get("class", "").split() or parent[2]
        in_script = tag in ("script", "style") or parent[3]
        if tag == "noscript":
            self.noscript += 1
        if tag in ("main", "title"):
            self._in_main_or_title += 1
        # The language links lead to this same page in another language.
        href = "" if "hreflang" in a else a.get("href", "")
        if tag == "a" and href:
            self.links.append(href)
        wanted = a.get("id", "") in PASSKEY_IDS or (tag == "a" and href.endswith(PASSKEY_HREFS))
        if wanted and not hidden:
            self.passkey_controls_shown.append(a.get("id") or href)
        if (
            self._in_main_or_title
            and tag in ("input", "select", "textarea")
            and a.get("type") not in ("hidden", "submit", "button")
            and not in_field
        ):
            self.controls_outside_fields.append(a.get("name") or a.get("id") or tag)
        if tag not in self.VOID:
            self._stack.append((tag, hidden, in_field, in_script))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        while self._stack:
            if self._stack.pop()[0] == tag:
                break
        if tag in ("main", "title"):
            self._in_main_or_title -= 1

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        in_script = bool(self._stack and self._stack[-1][3])
        if self._in_main_or_title and text and not in_script:
            self.texts.append(text)


def audit(html: str) -> Audit:
    page = Audit()
    page.feed(html)
    return page


def english_words(texts: list[str], english: list[str], lang: str) -> list[str]:
    """Return the texts of a translated page that its English version shows
    word for word (a sentence the catalogues do not translate)."""
    same = set(texts) & set(english)
    return sorted(
        t
        for t in same
        if re.search(r"[A-Za-z]{3,}", t)
        and t not in SAME_IN_EVERY_LANGUAGE | SAME_IN[lang]
        and "@" not in t
    )


# -- the visitors ------------------------------------------------------------


def staff_with_every_factor() -> tuple[Any, int]:
    """A Secretariat member with an authenticator app, recovery codes and a passkey."""
    staff = verified(make_user("staff", staff=True))
    RecoveryCodes.activate(staff)
    # What the add page's script would send (checked in test_passkeys.py).
    options = {
        "publicKey": {
            "rp": {"id": "testserver"},
            "user": {"id": b64url(user_pk_to_url_str(staff).encode())},
            "challenge": b64url(b"challenge"),
            "pubKeyCredParams": [{"alg": -7, "type": "public-key"}],
            "extensions": {"credProps": True},
        }
    }
    credential = SoftwarePasskey("https://testserver").create(options, resident_key=True)
    key = WebAuthn.add(staff, "Laptop", credential)
    return staff, key.instance.pk


def signed_in(user: Any, *, second_factor: bool) -> Client:
    """Sign in through the pages, then confirm the password again, as
    allauth asks before changing an authenticator."""
    client = Client()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.content
    if second_factor:
        response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})
        assert response.status_code == 302
    response = client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})
    assert response.status_code == 302
    return client


def half_way(user: Any) -> Client:
    """Password given, second factor not yet."""
    client = Client()
    response = client.post("/en/accounts/login/", {"login": user.email, "password": PASSWORD})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    return client


def reset_link(user: Any) -> str:
    user.refresh_from_db()  # the token covers the last sign-in
    with translation.override("en"):
        return reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )


# Each page: (who, path after the language) -> the status it answers.
ANONYMOUS = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/1-bad-key/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/bad-key/",
    "/accounts/inactive/",
]
PARTNER = [
    "/accounts/logout/",
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/reauthenticate/",
    "/accounts/2fa/",
    "/accounts/2fa/totp/activate/",
    "/accounts/2fa/webauthn/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/confirm-email/",
]
STAFF = [
    "/accounts/2fa/",
    "/accounts/2fa/reauthenticate/",
    "/accounts/2fa/totp/deactivate/",
    "/accounts/2fa/recovery-codes/",
    "/accounts/2fa/recovery-codes/generate/",
    "/accounts/2fa/webauthn/",
    "/accounts/2fa/webauthn/add/",
    "/accounts/2fa/webauthn/reauthenticate/",
    "/accounts/2fa/webauthn/keys/{key}/edit/",
    "/accounts/2fa/webauthn/keys/{key}/remove/",
    "/accounts/reauthenticate/",
]


def every_page() -> list[tuple[str, Client, str]]:
    """Return (label, client, path after the language) for each page."""
    partner = verified(make_user("partner"))
    staff, key = staff_with_every_factor()
    pages: list[tuple[str, Client, str]] = [("anonymous", Client(), p) for p in ANONYMOUS]
    partner_client = signed_in(partner, second_factor=False)
    pages += [("partner", partner_client, p) for p in PARTNER]
    staff_client = signed_in(staff, second_factor=True)
    pages += [("staff", staff_client, p.format(key=key)) for p in STAFF]
    pages.append(("staff half-way", half_way(staff), "/accounts/2fa/authenticate/"))
    # A valid reset link leads to the form that sets the new password.
    reset = Client()
    response = reset.get(reset_link(partner))
    assert response.status_code == 302
    pages.append(("reset link", reset, response["Location"].removeprefix("/en")))
    # Someone without a password (an account made in the back office).
    no_password = verified(make_user("no-password"))
    no_password.set_unusable_password()
    no_password.save()
    client = Client()
    client.force_login(no_password)
    pages.append(("no password", client, "/accounts/password/set/"))
    # Someone who followed the link of an invitation: sign-up is open to them.
    _, token = services.invite(email="invited@example.org", organisation=None, acting_user=staff)
    invited = Client()
    assert invited.get(f"/en/account/invitation/{token}/").status_code == 302
    pages.append(("invited", invited, "/accounts/signup/"))
    return pages


def open_in_each_language(client: Client, path: str) -> dict[str, str]:
    pages = {}
    for lang in LANGUAGES:
        response = client.get(f"/{lang}{path}")
        assert response.status_code == 200, (lang, path, response.status_code)
        pages[lang] = response.content.decode()
    return pages


@pytest.mark.django_db
def test_every_account_page_is_a_hub_page_in_three_languages() -> None:
    problems = []
    for who, client, path in every_page():
        pages = open_in_each_language(client, path)
        english = audit(pages["en"])
        for lang, html in pages.items():
            page = audit(html)
            where = f"{who} /{lang}{path}"
            problems += [f"{where}: {p}" for p in problems_of(html, lang)]
            if 'class="site-header"' not in html or "breadcrumbs" not in html:
                problems.append(f"{where}: not in the Hub's frame with breadcrumbs")
            if page.controls_outside_fields:
                problems.append(
                    f"{where}: fields not drawn by the Hub's renderer: "
                    f"{page.controls_outside_fields}"
                )
            if lang != "en":
                untranslated = english_words(page.texts, english.texts, lang)
                if untranslated:
                    problems.append(f"{where}: in English: {untranslated}")
    assert problems == [], "\n".join(problems)


@pytest.mark.django_db
def test_no_account_page_offers_to_sign_up() -> None:
    signup = "/accounts/signup/"
    offers = [
        f"{who} /{lang}{path}"
        for who, client, path in every_page()
        for lang, html in open_in_each_language(client, path).items()
        if any(signup in href for href in audit(html).links)
    ]
    assert offers == []


def test_sign_in_page_says_how_to_get_an_account(client: Client, db: None) -> None:
    for lang in LANGUAGES:
        with translation.override(lang):
            apply_url = reverse("applications:apply")
        for path in ("/accounts/login/", "/accounts/signup/"):
            links = audit(client.get(f"/{lang}{path}").content.decode()).links
            assert apply_url in links, (lang, path)


@pytest.mark.django_db
def test_passkey_controls_are_hidden_until_a_script_shows_them() -> None:
    shown = []
    for who, client, path in every_page():
        html = client.get(f"/en{path}").content.decode()
        page = audit(html)
        if page.passkey_controls_shown or page.noscript or "requires JavaScript" in html:
            shown.append(f"{who} {path}: {page.passkey_controls_shown} noscript={page.noscript}")
    assert shown == []


def test_password_and_authenticator_sign_in_needs_no_script(client: Client, db: None) -> None:
    """The forms a person fills in without JavaScript post the same fields."""
    staff, _ = staff_with_every_factor()
    response = client.post("/fr/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response["Location"] == "/fr/accounts/2fa/authenticate/"
    html = client.get("/fr/accounts/2fa/authenticate/").content.decode()
    assert 'name="code"' in html
    response = client.post("/fr/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.get("/fr/account/").status_code == 200


def test_refused_sign_in_lists_the_problem_above_the_form(client: Client, db: None) -> None:
    user = verified(make_user("someone"))
    response = client.post(
        "/es/accounts/login/", {"login": user.email, "password": "not the password at all"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert problems_of(html, "es") == []
