"""
A signed-in person adds a passkey on the site's own pages; it is the
second factor the Secretariat needs, and a stale challenge adds nothing.
End to end, with a software authenticator (alliance87/testing/passkeys.py).
"""

from __future__ import annotations

import json

import pytest
from allauth.mfa.models import Authenticator

from alliance87.testing.passkeys import (
    MFA_INDEX,
    ORIGIN,
    SECRETARIAT_PAGE,
    Browser,
    Page,
    add_passkey,
    add_passkey_link,
    make_staff,
    sign_in_with_password,
)
from alliance87.testing.personas import make_user, verified
from alliance87.testing.webauthn_device import SoftwarePasskey


@pytest.mark.django_db
def test_secretariat_without_second_factor_adds_a_passkey_and_reaches_secretariat_pages() -> None:
    staff = verified(make_user("new-staff", staff=True, second_factor=False))
    browser = Browser()
    assert sign_in_with_password(browser, staff.email).status_code == 302
    response = browser.get(SECRETARIAT_PAGE)
    assert response.status_code == 302
    assert response["Location"] == MFA_INDEX

    passkey = SoftwarePasskey(ORIGIN)
    response = add_passkey(browser, passkey)  # fails here today: the deadlock
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.WEBAUTHN).exists()
    assert browser.get(SECRETARIAT_PAGE).status_code == 200


@pytest.mark.django_db
def test_passkey_added_on_the_site_is_the_second_factor_the_secretariat_needs() -> None:
    user = verified(make_user("future-staff", second_factor=False))
    browser = Browser()
    assert sign_in_with_password(browser, user.email).status_code == 302
    passkey = SoftwarePasskey(ORIGIN)
    response = add_passkey(browser, passkey)
    # Added; allauth then shows the recovery codes it generated.
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/recovery-codes/"

    stored = Authenticator.objects.get(user=user, type=Authenticator.Type.WEBAUTHN)
    credential_data = stored.wrap().authenticator_data.credential_data
    assert credential_data is not None
    assert credential_data.credential_id == passkey.credentials[0].credential_id
    assert stored.wrap().is_passwordless is True

    make_staff(user)
    assert browser.get(SECRETARIAT_PAGE).status_code == 200
    # It is the passkey that lets them in: recovery codes alone do not.
    stored.delete()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.RECOVERY_CODES).exists()
    response = browser.get(SECRETARIAT_PAGE)
    assert response.status_code == 302
    assert response["Location"] == MFA_INDEX


@pytest.mark.django_db
def test_passkey_answering_a_stale_challenge_is_not_added() -> None:
    user = verified(make_user("someone", second_factor=False))
    browser = Browser()
    assert sign_in_with_password(browser, user.email).status_code == 302
    passkey = SoftwarePasskey(ORIGIN)
    assert add_passkey(browser, passkey).status_code == 302  # reauthenticated, one key
    add_url = add_passkey_link(browser)
    stale_options = browser.open(add_url).json_script("js_data")["creation_options"]
    # The page is loaded again (another tab, a reload): a new challenge.
    add_page = browser.open(add_url)
    reloaded = add_page.json_script("js_data")["creation_options"]
    assert reloaded["publicKey"]["challenge"] != stale_options["publicKey"]["challenge"]
    form = add_page.form(field="credential")

    stale = SoftwarePasskey(ORIGIN).create(stale_options, resident_key=True)
    response = browser.submit(add_page, form, credential=json.dumps(stale), passwordless="on")
    assert response.status_code == 200  # the form again, with its error
    assert b"Incorrect code" in response.content
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).count() == 1

    # The page comes back with a challenge of its own; answering it adds the key.
    again = Page(add_url, response.content.decode())
    options = again.json_script("js_data")["creation_options"]
    fresh = SoftwarePasskey(ORIGIN).create(options, resident_key=True)
    response = browser.submit(
        again, again.form(field="credential"), credential=json.dumps(fresh), passwordless="on"
    )
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.WEBAUTHN).count() == 2
