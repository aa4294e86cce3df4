"""Personal API tokens: made and revoked on the account's pages, shown
once, kept hashed, scoped, expiring, audited at every use."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.utils import timezone

from alliance87.api.models import ApiToken
from alliance87.api.services import create_token, revoke_token
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


def call(path: str, secret: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return Client().get(f"/api/v1{path}", headers=headers)


def test_a_token_is_shown_once_and_kept_hashed(personas: Personas) -> None:
    client = Client()
    client.force_login(personas.partner)
    response = client.post(
        "/en/api/tokens/", {"name": "Ministry database", "scope": "read", "days": "30"}
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    token = ApiToken.objects.get(user=personas.partner)
    body = response.content.decode()
    start = body.index("a87_")
    secret = body[start : body.index("<", start)]
    assert token.token_hash != secret and secret not in token.token_hash
    assert secret.startswith(token.prefix)
    assert secret not in client.get("/en/api/tokens/").content.decode()


def test_a_partner_reads_partners_content_with_a_token(personas: Personas) -> None:
    make_organisation("for-partners", "For partners", visibility="partners")
    _token, secret = create_token(
        personas.partner, name="t", scope="read", days=1, acting_user=personas.partner
    )
    assert call("/partners/for-partners", secret).status_code == 200
    assert call("/partners/for-partners").status_code == 404


def test_an_outsider_reads_what_the_public_reads(personas: Personas) -> None:
    make_organisation("for-partners", "For partners", visibility="partners")
    _token, secret = create_token(
        personas.outsider, name="t", scope="read", days=1, acting_user=personas.outsider
    )
    assert call("/partners/for-partners", secret).status_code == 404


@pytest.mark.parametrize("state", ["revoked", "expired", "unknown", "inactive", "malformed"])
def test_a_dead_token_is_refused_not_taken_for_anonymous(personas: Personas, state: str) -> None:
    token, secret = create_token(
        personas.partner, name="t", scope="read", days=1, acting_user=personas.partner
    )
    header = f"Bearer {secret}"
    if state == "revoked":
        revoke_token(token, acting_user=personas.partner)
    elif state == "expired":
        ApiToken.objects.filter(pk=token.pk).update(
            expires_at=timezone.now() - dt.timedelta(seconds=1)
        )
    elif state == "unknown":
        header = "Bearer a87_" + "x" * 43
    elif state == "inactive":
        personas.partner.is_active = False
        personas.partner.save()
    else:
        header = secret
    response = Client().get("/api/v1/countries", headers={"Authorization": header})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_every_use_is_audited(personas: Personas) -> None:
    token, secret = create_token(
        personas.partner, name="t", scope="read", days=1, acting_user=personas.partner
    )
    before = LogEntry.objects.filter(action=LogEntry.Action.ACCESS).count()
    first = call("/countries?limit=1", secret)
    call("/countries?limit=1", secret)  # and once more, answered 304 or not
    Client().get(
        "/api/v1/countries?limit=1",
        headers={"Authorization": f"Bearer {secret}", "If-None-Match": first["ETag"]},
    )
    uses = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, object_id=token.pk)
    assert uses.count() - before == 3
    entry = uses.first()
    assert entry is not None
    assert entry.actor == personas.partner
    assert entry.additional_data["path"] == "/api/v1/countries?limit=1"


def test_the_owner_revokes_their_token_and_nobody_else_but_the_secretariat(
    personas: Personas,
) -> None:
    token, _secret = create_token(
        personas.partner, name="t", scope="read", days=1, acting_user=personas.partner
    )
    outsider = Client()
    outsider.force_login(personas.outsider)
    assert outsider.post(f"/en/api/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None
    owner = Client()
    owner.force_login(personas.partner)
    assert owner.post(f"/en/api/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_secretariat_sees_and_revokes_every_token(personas: Personas) -> None:
    from alliance87.api.selectors import tokens_for

    token, _secret = create_token(
        personas.partner, name="partner's", scope="read", days=1, acting_user=personas.partner
    )
    assert token in tokens_for(personas.secretariat)
    assert token not in tokens_for(personas.outsider)
    revoke_token(token, acting_user=personas.secretariat)
    token.refresh_from_db()
    assert token.revoked_by == personas.secretariat


def test_the_account_page_leads_to_the_tokens(personas: Personas) -> None:
    client = Client()
    client.force_login(personas.partner)
    body = client.get("/en/account/").content.decode()
    assert 'href="/en/api/tokens/"' in body


@pytest.mark.parametrize(
    ("days", "scope", "name"),
    [(0, "read", "t"), (400, "read", "t"), (1, "admin", "t"), (1, "read", " ")],
)
def test_bad_token_requests_are_refused_clearly(
    personas: Personas, days: int, scope: str, name: str
) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_token(personas.partner, name=name, scope=scope, days=days, acting_user=None)
