"""
Signing in, by clicking: with JavaScript off, the password and the
authenticator app's code do it all and no passkey control is shown; with
JavaScript on, the passkey controls appear, and a passkey (Chromium's
virtual authenticator, through the DevTools protocol) is added and signs in.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from alliance87.testing.browser import PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_secretariat_signs_in_with_password_and_code_without_javascript(browser: Any) -> None:
    from alliance87.accounts.demo import DEMO_PASSWORD, current_code, email_of

    page = browser.open(None, viewport=PHONE, js=False).new_page()
    page.goto("/fr/accounts/login/")
    expect(page.locator("#passkey_login")).to_be_hidden()
    body = page.locator("body").inner_text()
    assert "JavaScript" not in body
    assert "/accounts/signup/" not in page.content()
    page.locator("input[name=login]").fill(email_of("secretariat"))
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Deuxième étape : votre code")
    assert "JavaScript" not in page.locator("body").inner_text()
    page.get_by_label("Code").fill(current_code(seconds_to_use=10))
    page.get_by_role("button", name="Se connecter", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Votre compte")
    assert page.url.endswith("/fr/account/")


def test_passkey_controls_appear_when_javascript_runs(browser: Any) -> None:
    page = browser.open(None, viewport=PHONE).new_page()
    page.goto("/es/accounts/login/")
    passkey = page.get_by_role("button", name="Iniciar sesión con una llave de acceso")
    expect(passkey).to_be_visible()
    # The form that works everywhere is still there.
    expect(page.get_by_role("button", name="Iniciar sesión", exact=True)).to_be_visible()


def test_partner_adds_a_passkey_then_signs_in_with_it(browser: Any) -> None:
    from alliance87.accounts.demo import DEMO_PASSWORD

    visit = browser.open("partner", viewport=PHONE)
    page = visit.new_page()
    devtools = visit.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )

    page.goto("/en/account/")
    page.get_by_role("link", name="Two-factor authentication and passkeys").click()
    page.get_by_role("link", name="Add a passkey or security key").click()
    # allauth asks for the password again before a change of authenticator.
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Name of the key").fill("Browser test key")
    page.get_by_label("Make it a passkey").check()
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery codes")

    page.get_by_role("button", name="Sign out").click()
    page.goto("/en/accounts/login/")
    page.get_by_role("button", name="Sign in with a passkey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


def test_no_passkey_control_at_a_numeric_address(browser: Any) -> None:
    """Browsers refuse passkeys for an address such as 127.0.0.1 (a passkey
    belongs to a domain): the demo opened there shows none."""
    from urllib.parse import urlsplit

    port = urlsplit(browser.hub.url).port
    context = browser.chromium.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/en/accounts/login/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
        expect(page.locator("#passkey_login")).to_be_hidden()
    finally:
        context.close()
