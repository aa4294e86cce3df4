"""
A browser for the passkey tests: the site's own pages, driven as a browser
drives them, with a software authenticator (webauthn_device.py) in place of
the security key. Nothing of allauth or python-fido2 is mocked.

The browser speaks HTTPS, sends CSRF tokens and an Origin header on every
POST, and takes the WebAuthn options where allauth's webauthn.js takes them:
the `js_data` script on the page, or the JSON answer of the passkey sign-in
form's action.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from typing import Any

from allauth.mfa.models import Authenticator
from django.http import HttpResponse
from django.test import Client

from alliance87.testing.personas import PASSWORD, make_user, verified
from alliance87.testing.webauthn_device import SoftwarePasskey

ORIGIN = "https://testserver"
LOGIN = "/en/accounts/login/"
REAUTHENTICATE = "/en/accounts/reauthenticate/"
MFA_INDEX = "/en/accounts/2fa/"
SECRETARIAT_PAGE = "/en/applications/"
ACCOUNT_PAGE = "/en/account/"


# -- a browser ---------------------------------------------------------------


class Form:
    def __init__(self, attrs: dict[str, str | None]) -> None:
        self.id = attrs.get("id") or ""
        self.action = attrs.get("action") or ""
        self.fields: dict[str, str] = {}


class Page(HTMLParser):
    """What a browser sees of a page: its forms, links, elements and data scripts."""

    def __init__(self, url: str, html: str) -> None:
        super().__init__()
        self.url = url
        self.forms: list[Form] = []
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: dict[str, str] = {}
        self._form: Form | None = None
        self._script: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = dict(attrs_list)
        if attrs.get("id"):
            self.ids.add(attrs["id"] or "")
        if tag == "form":
            self._form = Form(attrs)
            self.forms.append(self._form)
        elif tag == "input" and self._form is not None and attrs.get("name"):
            kind = attrs.get("type") or "text"
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self._form.fields[attrs["name"] or ""] = attrs.get("value") or ""
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"] or "")
        elif tag == "script" and attrs.get("id"):
            self._script = attrs["id"]
            self.scripts[self._script or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self.scripts[self._script] += data

    def form(self, *, id: str | None = None, field: str | None = None) -> Form:
        for form in self.forms:
            if (id is None or form.id == id) and (field is None or field in form.fields):
                return form
        raise AssertionError(f"no form {id or field!r} on {self.url}")

    def link(self, containing: str) -> str:
        for href in self.links:
            if containing in href:
                return href
        raise AssertionError(f"no link to {containing!r} on {self.url}")

    def json_script(self, id: str) -> Any:
        return json.loads(self.scripts[id])


class Browser:
    """Django's test client over HTTPS, with CSRF checks on, used like a browser."""

    def __init__(self) -> None:
        self.client = Client(enforce_csrf_checks=True)

    def get(self, url: str) -> HttpResponse:
        return self.client.get(url, secure=True)  # type: ignore[return-value]

    def open(self, url: str) -> Page:
        response = self.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return Page(url, response.content.decode())

    def fetch_json(self, url: str) -> Any:
        """What webauthn.js does for passkey sign-in: GET the form's action as JSON."""
        response = self.client.get(url, secure=True, headers={"accept": "application/json"})
        assert response.status_code == 200, (url, response.status_code)
        return response.json()

    def submit(self, page: Page, form: Form, **values: str) -> HttpResponse:
        data = {**form.fields, **values}
        return self.client.post(  # type: ignore[return-value]
            form.action or page.url, data, secure=True, headers={"origin": ORIGIN}
        )

    def signed_in_user_id(self) -> int | None:
        user_id = self.client.session.get("_auth_user_id")
        return int(user_id) if user_id is not None else None


# -- what a person does on the site ------------------------------------------


def sign_in_with_password(browser: Browser, email: str) -> HttpResponse:
    page = browser.open(LOGIN)
    return browser.submit(page, page.form(field="login"), login=email, password=PASSWORD)


def add_passkey_link(browser: Browser) -> str:
    """The "Add" button: on the two-factor page, or behind "Manage" once there is a key."""
    index = browser.open(MFA_INDEX)
    if any("/webauthn/add/" in href for href in index.links):
        return index.link("/webauthn/add/")
    return browser.open(index.link("/webauthn/")).link("/webauthn/add/")


def add_passkey(browser: Browser, passkey: SoftwarePasskey) -> HttpResponse:
    """From the two-factor page, "Add" a security key, ticking "Passwordless".

    allauth asks for the password again first (adding an authenticator needs
    a reauthentication, even just after signing in).
    """
    add_url = add_passkey_link(browser)
    response = browser.get(add_url)
    assert response.status_code == 302
    assert response["Location"].startswith(REAUTHENTICATE)
    page = browser.open(response["Location"])
    response = browser.submit(page, page.form(field="password"), password=PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == add_url

    add_page = browser.open(add_url)
    options = add_page.json_script("js_data")["creation_options"]
    credential = passkey.create(options, resident_key=True)
    form = add_page.form(field="credential")
    return browser.submit(add_page, form, credential=json.dumps(credential), passwordless="on")


def sign_out(browser: Browser) -> None:
    page = browser.open("/en/accounts/logout/")
    response = browser.submit(page, page.form(field="csrfmiddlewaretoken"))
    assert response.status_code == 302
    assert browser.signed_in_user_id() is None


def passkey_sign_in(
    browser: Browser, passkey: SoftwarePasskey, **attack: Any
) -> tuple[HttpResponse, dict[str, Any]]:
    """Click "Sign in with a passkey" on the sign-in page."""
    page = browser.open(LOGIN)
    assert "passkey_login" in page.ids
    form = page.form(id="mfa_login")
    options = browser.fetch_json(form.action)["request_options"]
    assertion = passkey.get(options, **attack)
    return post_assertion(browser, page, form, assertion), assertion


def post_assertion(
    browser: Browser, page: Page, form: Form, assertion: dict[str, Any]
) -> HttpResponse:
    return browser.submit(page, form, credential=json.dumps(assertion))


def enrol_staff(username: str) -> tuple[Any, SoftwarePasskey]:
    """A Secretariat member whose only second factor is a passkey added on the site.

    The passkey is added before the account is made staff, as for an
    existing partner joining the Secretariat; a new staff member adding one
    is the first test below.
    """
    user = verified(make_user(username, second_factor=False))
    browser = Browser()
    passkey = SoftwarePasskey(ORIGIN)
    assert sign_in_with_password(browser, user.email).status_code == 302
    assert add_passkey(browser, passkey).status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).exists()
    make_staff(user)
    return user, passkey


def make_staff(user: Any) -> None:
    user.is_staff = True
    user.save(update_fields=["is_staff"])


def assert_passkey_refused(browser: Browser, response: HttpResponse) -> None:
    """allauth sends a refused passkey back to the sign-in page, with its error."""
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert b"Incorrect code." in browser.get(LOGIN).content
    assert_signed_out(browser)


def assert_signed_out(browser: Browser) -> None:
    assert browser.signed_in_user_id() is None
    response = browser.get(ACCOUNT_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def assert_signed_in_as(browser: Browser, user: Any) -> None:
    assert browser.signed_in_user_id() == user.pk
    assert browser.get(ACCOUNT_PAGE).status_code == 200
