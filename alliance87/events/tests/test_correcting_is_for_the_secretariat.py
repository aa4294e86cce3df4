"""Only those the permission module lets record a meeting (today, the
Secretariat) may correct or delete its rows; everyone else gets the 404 a
missing row gets, and nothing changes."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict

pytestmark = pytest.mark.django_db

KINDS = ["agenda", "exchange", "decision", "action", "document"]
WHO = ["anonymous", "outsider", "partner", "member"]

# Valid data for each kind: a refusal must not depend on a form error.
EDITS = {
    "agenda": {"number": "IX", "title": "Taken over", "visibility": "public"},
    "exchange": {"asked_by_role": "chair", "question": "Taken over?", "visibility": "public"},
    "decision": {"identifier": "TAKEN/D1", "text": "Taken over", "visibility": "public"},
    "action": {
        "text": "Taken over",
        "owner_role": "chair",
        "due_precision": "day",
        "visibility": "public",
    },
    "document": {
        "kind": "other",
        "title": "Taken over",
        "url": "https://example.org/x",
        "visibility": "public",
    },
}


def _user(who, personas, member):
    return member if who == "member" else getattr(personas, who)


def _snapshot(recorded):
    rows = {kind: recorded.row(kind) for kind in KINDS}
    return {kind: model_to_dict(type(row).objects.get(pk=row.pk)) for kind, row in rows.items()}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize("kind", KINDS)
def test_others_cannot_edit_or_delete(kind, who, client, personas, member, recorded):
    user = _user(who, personas, member)
    if user.is_authenticated:
        client.force_login(user)
    row = recorded.row(kind)
    before = _snapshot(recorded)
    base = f"/en/events/gcg-4/record/{kind}/{row.pk}"
    assert client.get(f"{base}/edit/").status_code == 404
    assert client.post(f"{base}/edit/", EDITS[kind]).status_code == 404
    assert client.get(f"{base}/delete/").status_code == 404
    assert client.post(f"{base}/delete/").status_code == 404
    assert _snapshot(recorded) == before


@pytest.mark.parametrize("who", WHO)
def test_others_see_no_edit_or_delete_link(who, client, personas, member, recorded):
    user = _user(who, personas, member)
    if user.is_authenticated:
        client.force_login(user)
    page = client.get("/en/events/gcg-4/").content.decode()
    assert "Welcome" in page  # the meeting itself is public
    assert "/record/" not in page


def test_the_member_really_is_a_member_of_the_body_that_meets(member, recorded):
    from alliance87.core.visibility import audience_for
    from alliance87.groups.models import Group

    assert Group.objects.get(slug="gcg").pk in audience_for(member).group_ids
