"""The back office's slug field changes a campaign's address as the site's
page does (`services.change_campaign_slug`): the former address is kept
and redirects; an address another campaign has, or had, is refused beside
the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.models import Campaign, CampaignSlug
from alliance87.campaigns.tests.scene import make_scene

pytestmark = pytest.mark.django_db

OLD = "world-day-against-child-labour"
NEW = "world-day-2027"


def admin_client(user: Any) -> Client:
    user.is_superuser = True
    user.save()
    client = Client()
    client.force_login(user)
    return client


def change_page(client: Client, campaign: Campaign) -> str:
    return f"/admin/campaigns/campaign/{campaign.pk}/change/"


def posted_as_shown(response: Any, **changes: str) -> dict[str, Any]:
    """The admin's change form as it is shown (the campaign's form and its
    inlines'), with `changes`."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value is None or value is False:
                continue
            data[field.html_name] = "on" if value is True else value
    return {**data, **changes}


def test_a_slug_changed_in_the_back_office_keeps_the_former_address(personas):
    scene = make_scene()
    client = admin_client(personas.secretariat)
    url = change_page(client, scene.campaign)
    response = client.post(url, posted_as_shown(client.get(url), slug=NEW, title_en="Renamed"))
    assert response.status_code == 302, response.context["errors"]
    scene.campaign.refresh_from_db()
    assert (scene.campaign.slug, scene.campaign.title) == (NEW, "Renamed")
    assert list(scene.campaign.old_slugs.values_list("slug", flat=True)) == [OLD]
    moved = Client().get(f"/en/campaigns/{OLD}/activities.ics")
    assert (moved.status_code, moved["Location"]) == (301, f"/en/campaigns/{NEW}/activities.ics")
    # Audited in the name of the Secretariat member who changed it.
    former = CampaignSlug.objects.get(slug=OLD)
    assert LogEntry.objects.get_for_object(former).get().actor == personas.secretariat
    # The former address is listed on the page, and going back to it is
    # allowed: it is no longer a former one.
    page = client.get(url)
    assert f'value="{OLD}"' in page.content.decode()
    response = client.post(url, posted_as_shown(page, slug=OLD))
    assert response.status_code == 302
    assert list(CampaignSlug.objects.values_list("slug", flat=True)) == [NEW]
    assert Campaign.objects.get().slug == OLD


def test_an_unchanged_slug_keeps_no_former_address(personas):
    scene = make_scene()
    client = admin_client(personas.secretariat)
    url = change_page(client, scene.campaign)
    response = client.post(url, posted_as_shown(client.get(url), title_en="Renamed"))
    assert response.status_code == 302
    assert not CampaignSlug.objects.exists()
    assert Campaign.objects.get().title == "Renamed"


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("launch", "Another campaign has, or had, this address"),
        ("launch-2026", "Another campaign has, or had, this address"),
        ("new", "Another campaign has, or had, this address"),
    ],
)
def test_the_back_office_refuses_an_address_another_campaign_has_or_had(personas, typed, refusal):
    scene = make_scene()
    other = Campaign(
        slug="launch-2026", title_en="Launch", date=dt.date(2026, 9, 1), review_group=scene.ceag
    )
    services.save_campaign(other, acting_user=None)
    services.change_campaign_slug(other, slug="launch", acting_user=None)  # "launch-2026" former
    client = admin_client(personas.secretariat)
    url = change_page(client, scene.campaign)
    response = client.post(url, posted_as_shown(client.get(url), slug=typed))
    assert response.status_code == 200
    assert refusal in response.content.decode()
    scene.campaign.refresh_from_db()
    assert scene.campaign.slug == OLD
    assert not CampaignSlug.objects.filter(campaign=scene.campaign).exists()
