"""
A passkey sign-in signed by another key, replayed, or of another person
is refused. End to end, with a software authenticator
(alliance87/testing/passkeys.py).
"""

from __future__ import annotations

import pytest
from allauth.account.utils import user_pk_to_url_str
from cryptography.hazmat.primitives.asymmetric import ec

from alliance87.testing.passkeys import (
    LOGIN,
    Browser,
    assert_passkey_refused,
    assert_signed_in_as,
    assert_signed_out,
    enrol_staff,
    passkey_sign_in,
    post_assertion,
    sign_in_with_password,
    sign_out,
)


@pytest.mark.django_db
def test_passkey_sign_in_signed_by_another_key_is_refused() -> None:
    staff, passkey = enrol_staff("passkey-staff")
    browser = Browser()
    forged_key = ec.generate_private_key(ec.SECP256R1())
    response, _ = passkey_sign_in(browser, passkey, signing_key=forged_key)
    assert_passkey_refused(browser, response)
    # The same steps with the right key do sign in.
    passkey_sign_in(browser, passkey)
    assert_signed_in_as(browser, staff)


@pytest.mark.django_db
def test_replayed_passkey_sign_in_is_refused() -> None:
    staff, passkey = enrol_staff("passkey-staff")
    browser = Browser()
    _, captured = passkey_sign_in(browser, passkey)
    assert_signed_in_as(browser, staff)
    sign_out(browser)

    # In the same browser: the sign-in page asks for a new challenge; the old
    # answer does not fit it.
    page = browser.open(LOGIN)
    form = page.form(id="mfa_login")
    browser.fetch_json(form.action)
    assert_passkey_refused(browser, post_assertion(browser, page, form, captured))

    # Someone who intercepted it, in their own browser: with a challenge of
    # their own, or with none at all.
    attacker = Browser()
    page = attacker.open(LOGIN)
    form = page.form(id="mfa_login")
    assert_passkey_refused(attacker, post_assertion(attacker, page, form, captured))
    attacker.fetch_json(form.action)
    assert_passkey_refused(attacker, post_assertion(attacker, page, form, captured))


@pytest.mark.django_db
def test_passkey_of_one_user_cannot_sign_in_another() -> None:
    alice, alices_passkey = enrol_staff("alice")
    bob, bobs_passkey = enrol_staff("bob")
    browser = Browser()
    # Alice's key, claiming to be Bob's (the user handle is the user's id,
    # in base 36, which allauth trusts to pick the account).
    bob_handle = user_pk_to_url_str(bob).encode()
    assert bobs_passkey.credentials[0].user_handle == bob_handle
    response, _ = passkey_sign_in(browser, alices_passkey, user_handle=bob_handle)
    assert_passkey_refused(browser, response)
    # Honestly used, Alice's key signs in Alice, not Bob.
    passkey_sign_in(browser, alices_passkey)
    assert_signed_in_as(browser, alice)


@pytest.mark.django_db
def test_passkey_of_one_user_is_not_another_users_second_factor() -> None:
    _, alices_passkey = enrol_staff("alice")
    bob, bobs_passkey = enrol_staff("bob")
    browser = Browser()
    # Someone who knows Bob's password but holds only Alice's passkey.
    sign_in_with_password(browser, bob.email)
    page = browser.open("/en/accounts/2fa/authenticate/")
    options = page.json_script("js_data")["request_options"]
    # The browser would only offer Bob's keys; Alice's key answers anyway.
    alices_options = {"publicKey": {**options["publicKey"], "allowCredentials": []}}
    response = post_assertion(
        browser, page, page.form(field="credential"), alices_passkey.get(alices_options)
    )
    assert response.status_code == 200  # the second-factor page again
    assert_signed_out(browser)
    # Bob's own key, on a freshly loaded page, gets him in.
    page = browser.open("/en/accounts/2fa/authenticate/")
    options = page.json_script("js_data")["request_options"]
    post_assertion(browser, page, page.form(field="credential"), bobs_passkey.get(options))
    assert_signed_in_as(browser, bob)
