"""The Secretariat and a campaign's reviewers write it on the site: the
campaign in three languages (a draft until published), its key messages
and social media texts; everyone else gets 404, anonymous visitors sign
in first. Plain forms: each refusal is named beside its field (400)."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from alliance87.campaigns.models import Campaign, CampaignStatus, Message
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/en/campaigns/world-day-against-child-labour/"


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def campaign_form(group_pk: int, **extra: Any) -> dict[str, Any]:
    return {
        "slug": "",
        "title_en": "Launch of the report",
        "title_fr": "Lancement du rapport",
        "title_es": "",
        "summary_en": "",
        "summary_fr": "",
        "summary_es": "",
        "call_en": "Share your events.",
        "call_fr": "",
        "call_es": "",
        "event": "",
        "date": "2027-09-20",
        "review_group": str(group_pk),
        "visibility": "public",
        "call_open": "on",
        **extra,
    }


def test_a_ceag_chair_starts_a_draft_campaign_and_publishes_it(personas):
    scene = make_scene()
    chair = client_for(scene.chair)
    assert chair.get("/en/campaigns/new/").status_code == 200
    response = chair.post("/en/campaigns/new/", campaign_form(scene.ceag.pk))
    assert response.status_code == 302
    campaign = Campaign.objects.get(slug="launch-of-the-report")
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.title_fr == "Lancement du rapport"  # type: ignore[attr-defined]
    url = campaign.get_absolute_url()
    assert Client().get(url).status_code == 404
    assert chair.post(url + "publish/", {"action": "publish"}).status_code == 302
    assert Client().get("/fr" + url[3:]).status_code == 200
    assert "Lancement du rapport" in Client().get("/fr" + url[3:]).content.decode()
    # Audited, with its author.
    assert LogEntry.objects.get_for_object(campaign).filter(actor=scene.chair).exists()


def test_a_campaign_needs_an_english_title_and_a_date(personas):
    scene = make_scene()
    response = client_for(personas.secretariat).post(
        "/en/campaigns/new/", campaign_form(scene.ceag.pk, title_en="", slug="x", date="")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "This field is required." in body
    response = client_for(personas.secretariat).post(
        "/en/campaigns/new/", campaign_form(scene.ceag.pk, date="", event="no-such-day")
    )
    assert response.status_code == 400
    assert "No event of the calendar has this address name." in response.content.decode()
    assert not Campaign.objects.filter(slug="launch-of-the-report").exists()


def test_others_cannot_write_campaigns(personas):
    scene = make_scene()
    for user in (personas.partner, personas.outsider):
        client = client_for(user)
        assert client.get("/en/campaigns/new/").status_code == 404
        assert client.get(PAGE + "edit/").status_code == 404
        assert client.get(PAGE + "messages/new/").status_code == 404
        assert client.post(PAGE + "publish/", {"action": "draft"}).status_code == 404
    assert Client().get(PAGE + "edit/").status_code == 302  # to sign in
    scene.campaign.refresh_from_db()
    assert scene.campaign.status == CampaignStatus.PUBLISHED


def test_a_reviewer_edits_the_campaign_and_returns_it_to_draft(personas):
    scene = make_scene()
    member = client_for(scene.member)
    form = campaign_form(
        scene.ceag.pk,
        title_en="World Day against Child Labour",
        title_es="Día mundial contra el trabajo infantil",
        event="world-day-against-child-labour",
        date="",
    )
    del form["slug"]
    assert member.post(PAGE + "edit/", form).status_code == 302
    assert "Día mundial contra el trabajo infantil" in (
        Client().get(PAGE.replace("/en/", "/es/")).content.decode()
    )
    assert member.post(PAGE + "publish/", {"action": "draft"}).status_code == 302
    assert Client().get(PAGE).status_code == 404


def test_a_reviewer_writes_key_messages_and_social_texts_in_three_languages(personas):
    scene = make_scene()
    chair = client_for(scene.chair)
    refused = chair.post(
        PAGE + "messages/new/",
        {"kind": "key", "order": "1", "text_en": "", "text_fr": "Seulement", "text_es": ""},
    )
    assert refused.status_code == 400
    response = chair.post(
        PAGE + "messages/new/",
        {
            "kind": "social",
            "order": "1",
            "text_en": "No child labour on 12 June",
            "text_fr": "Pas de travail des enfants le 12 juin",
            "text_es": "",
        },
    )
    assert response.status_code == 302
    message = Message.objects.get()
    assert "Pas de travail des enfants le 12 juin" in (
        Client().get(PAGE.replace("/en/", "/fr/")).content.decode()
    )
    edit = PAGE + f"messages/{message.pk}/"
    assert chair.get(edit).status_code == 200
    assert client_for(personas.partner).get(edit).status_code == 404
    assert chair.post(PAGE + f"messages/{message.pk}/remove/").status_code == 302
    assert not Message.objects.exists()
