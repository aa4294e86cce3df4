"""The Secretariat changes a campaign's address (slug); the former ones are
kept and answer with a permanent redirect to the present one, for those
who may see the campaign (a hidden campaign's former address answers 404,
as its present one does). Others may not change it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.models import Campaign, CampaignSlug
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

OLD = "world-day-against-child-labour"
NEW = "world-day-2027"


def client_for(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def address_url(slug: str = OLD, lang: str = "en") -> str:
    return f"/{lang}/campaigns/{slug}/address/"


def test_the_secretariat_changes_the_address_and_the_former_one_redirects(personas):
    scene = make_scene()
    secretariat = client_for(personas.secretariat)
    edit = secretariat.get(f"/en/campaigns/{OLD}/edit/").content.decode()
    assert f'href="{address_url()}"' in edit
    form = secretariat.get(address_url(lang="fr"))
    assert form.status_code == 200 and f'value="{OLD}"' in form.content.decode()
    response = secretariat.post(address_url(lang="fr"), {"slug": NEW})
    assert response.status_code == 302 and response["Location"] == f"/fr/campaigns/{NEW}/"
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == NEW
    # The former address, the page and its calendar, in any language.
    for path, target in (
        (f"/es/campaigns/{OLD}/", f"/es/campaigns/{NEW}/"),
        (f"/en/campaigns/{OLD}/?from=newsletter", f"/en/campaigns/{NEW}/?from=newsletter"),
        (f"/en/campaigns/{OLD}/activities.ics", f"/en/campaigns/{NEW}/activities.ics"),
    ):
        moved = Client().get(path)
        assert (moved.status_code, moved["Location"]) == (301, target)
    assert Client().get(f"/en/campaigns/{NEW}/").status_code == 200
    page = secretariat.get(address_url(NEW)).content.decode()
    assert f"<code>{OLD}</code>" in page
    # Audited in the name of the Secretariat member who changed it.
    entry = LogEntry.objects.get_for_object(scene.campaign).latest("pk")
    assert entry.actor == personas.secretariat
    assert entry.changes_dict["slug"] == [OLD, NEW]
    former = CampaignSlug.objects.get(slug=OLD)
    assert LogEntry.objects.get_for_object(former).get().actor == personas.secretariat


def test_a_hidden_campaigns_former_address_answers_404_like_its_present_one(personas):
    scene = make_scene(status="draft")
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    for who in (Client(), client_for(personas.partner), client_for(personas.outsider)):
        assert who.get(f"/en/campaigns/{NEW}/").status_code == 404
        assert who.get(f"/en/campaigns/{OLD}/").status_code == 404
        assert who.get(f"/en/campaigns/{OLD}/activities.ics").status_code == 404
    # Its reviewers and the Secretariat see the draft: they are redirected.
    for who in (client_for(scene.member), client_for(personas.secretariat)):
        assert who.get(f"/en/campaigns/{OLD}/")["Location"] == f"/en/campaigns/{NEW}/"


def test_a_members_only_campaigns_former_address_answers_404_to_others(personas):
    scene = make_scene(visibility="members")
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    assert client_for(personas.partner).get(f"/en/campaigns/{OLD}/").status_code == 404
    assert client_for(scene.member).get(f"/en/campaigns/{OLD}/").status_code == 301


def test_a_campaign_goes_back_to_a_former_address(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=personas.secretariat)
    services.change_campaign_slug(scene.campaign, slug=OLD, acting_user=personas.secretariat)
    assert Campaign.objects.get().slug == OLD
    assert list(CampaignSlug.objects.values_list("slug", flat=True)) == [NEW]
    assert Client().get(f"/en/campaigns/{OLD}/").status_code == 200
    assert Client().get(f"/en/campaigns/{NEW}/")["Location"] == f"/en/campaigns/{OLD}/"


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("", "This field is required."),
        ("world day", "Enter a valid “slug”"),
        ("new", "Another campaign has, or had, this address"),
        ("launch", "Another campaign has, or had, this address"),
        ("launch-2026", "Another campaign has, or had, this address"),
    ],
)
def test_an_address_taken_now_or_before_or_unreadable_is_refused(personas, typed, refusal):
    scene = make_scene()
    other = Campaign(
        slug="launch-2026", title_en="Launch", date=dt.date(2026, 9, 1), review_group=scene.ceag
    )
    services.save_campaign(other, acting_user=None)
    services.change_campaign_slug(other, slug="launch", acting_user=None)  # "launch-2026" former
    response = client_for(personas.secretariat).post(address_url(), {"slug": typed})
    assert response.status_code == 400
    assert refusal in response.content.decode()
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == OLD
    assert not CampaignSlug.objects.filter(campaign=scene.campaign).exists()


def test_the_service_refuses_what_the_form_would_not_send(personas):
    scene = make_scene()
    for slug, refusal in (
        ("World Day!", "letters, digits and hyphens"),
        ("x" * 121, "120 characters at most"),
    ):
        with pytest.raises(ValidationError, match=refusal):
            services.change_campaign_slug(scene.campaign, slug=slug, acting_user=None)


def test_a_new_campaign_cannot_take_a_former_address(personas):
    scene = make_scene()
    services.change_campaign_slug(scene.campaign, slug=NEW, acting_user=None)
    form = {
        "slug": OLD,
        "title_en": "Another day",
        "date": "2027-09-20",
        "review_group": str(scene.ceag.pk),
        "visibility": "public",
    }
    response = client_for(personas.secretariat).post("/en/campaigns/new/", form)
    assert response.status_code == 400
    assert "Another campaign has, or had, this address" in response.content.decode()


def test_only_the_secretariat_changes_an_address(personas):
    scene = make_scene()
    assert Client().get(address_url()).status_code == 302  # sign in first
    chair = client_for(scene.chair)  # writes the campaign, not its address
    assert (
        f'href="{address_url()}"' not in chair.get(f"/en/campaigns/{OLD}/edit/").content.decode()
    )
    for who in (chair, client_for(personas.partner), client_for(personas.outsider)):
        assert who.get(address_url()).status_code == 404
        assert who.post(address_url(), {"slug": NEW}).status_code == 404
    missing = client_for(personas.secretariat).get(address_url("no-such-campaign"))
    assert missing.status_code == 404
    assert Campaign.objects.get().slug == OLD
