"""Right of reply: a country's focal point submits a government reply; the
Secretariat publishes it in full beside the country's figures, dated; every
reply is kept. No one else submits or publishes."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from alliance87.countries.models import Country
from alliance87.data.models import GovernmentReply
from alliance87.data.services import submit_reply
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db

REPLY = "The Government of Nepal notes the regional estimate and its national survey."


def submit(client: Client, text: str = REPLY, iso3: str = "npl") -> Any:
    return client.post(f"/en/data/replies/{iso3}/", {"text": text})


def test_a_reply_appears_on_the_country_page_once_the_secretariat_publishes_it(
    client: Client, personas: Any, django_capture_on_commit_callbacks: Any
) -> None:
    focal = make_focal_point("NPL")
    client.force_login(focal)
    assert submit(client).status_code == 302
    reply = GovernmentReply.objects.get()
    assert reply.status == GovernmentReply.Status.SUBMITTED and reply.submitted_by == focal
    # Its author sees it awaiting publication; the public does not.
    assert "awaiting publication" in client.get("/en/countries/npl/").content.decode()
    client.logout()
    assert REPLY not in client.get("/en/countries/npl/").content.decode()
    client.force_login(personas.secretariat)
    # The cached public page follows the write once it commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/en/data/replies/publish/{reply.pk}/").status_code == 302
    client.logout()
    html = client.get("/en/countries/npl/").content.decode()
    assert REPLY in html
    assert "Government reply, published" in html


def test_every_reply_is_kept_beside_the_earlier_ones(client: Client, personas: Any) -> None:
    client.force_login(make_focal_point("NPL"))
    submit(client, "First reply.")
    submit(client, "Second reply.")
    client.force_login(personas.secretariat)
    for reply in GovernmentReply.objects.all():
        client.post(f"/en/data/replies/publish/{reply.pk}/")
    client.logout()
    html = client.get("/en/countries/npl/").content.decode()
    assert html.index("Second reply.") < html.index("First reply.")


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner", "other focal point"])
def test_no_one_else_submits_or_publishes(client: Client, personas: Any, who: str) -> None:
    reply = submit_reply(Country.objects.get(iso3="NPL"), text=REPLY, acting_user=None)
    if who == "other focal point":
        client.force_login(make_focal_point("CHL"))
    elif who != "anonymous":
        client.force_login(getattr(personas, who))
    assert client.get("/en/data/replies/npl/").status_code == 404
    assert submit(client).status_code == 404
    assert client.post(f"/en/data/replies/publish/{reply.pk}/").status_code == 404
    assert GovernmentReply.objects.count() == 1
    reply.refresh_from_db()
    assert reply.status == GovernmentReply.Status.SUBMITTED


def test_an_empty_reply_is_refused_clearly(client: Client) -> None:
    client.force_login(make_focal_point("NPL"))
    response = submit(client, "   ")
    assert response.status_code == 400
    assert not GovernmentReply.objects.exists()
