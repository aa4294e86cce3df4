"""
The Secretariat signs in with a passkey alone, or with a password and the
passkey as second factor. End to end, with a software authenticator
(alliance87/testing/passkeys.py).
"""

from __future__ import annotations

import pytest

from alliance87.testing.passkeys import (
    SECRETARIAT_PAGE,
    Browser,
    assert_signed_in_as,
    assert_signed_out,
    enrol_staff,
    passkey_sign_in,
    post_assertion,
    sign_in_with_password,
)
from alliance87.testing.webauthn_device import b64url_decode


@pytest.mark.django_db
def test_secretariat_signs_in_with_the_passkey_alone() -> None:
    staff, passkey = enrol_staff("passkey-staff")
    browser = Browser()
    response, _ = passkey_sign_in(browser, passkey)
    assert response.status_code == 302
    assert_signed_in_as(browser, staff)
    # The passkey counts as the second factor: no TOTP step, no set-up page.
    assert browser.get(SECRETARIAT_PAGE).status_code == 200
    assert passkey.credentials[0].sign_count == 1


@pytest.mark.django_db
def test_password_then_passkey_as_second_factor_signs_in() -> None:
    staff, passkey = enrol_staff("passkey-staff")
    browser = Browser()
    response = sign_in_with_password(browser, staff.email)
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert_signed_out(browser)
    page = browser.open("/en/accounts/2fa/authenticate/")
    options = page.json_script("js_data")["request_options"]
    # Only this user's keys are offered, so a non-discoverable key works too.
    allowed = [b64url_decode(c["id"]) for c in options["publicKey"]["allowCredentials"]]
    assert allowed == [passkey.credentials[0].credential_id]
    response = post_assertion(browser, page, page.form(field="credential"), passkey.get(options))
    assert response.status_code == 302
    assert_signed_in_as(browser, staff)
    assert browser.get(SECRETARIAT_PAGE).status_code == 200
