"""The toolkit's images are put in order on the site: "Move up" and "Move
down" (POST forms, no JavaScript) on the campaign's page, for its writers
only; the order is the one the page and the API show; each move is
audited."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.models import Campaign, CampaignImage
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in
from alliance87.testing.png import png

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media_root")]

PAGE = "/en/campaigns/world-day-against-child-labour/"


def add(campaign: Campaign, alt: str) -> CampaignImage:
    return services.add_campaign_image(
        campaign,
        acting_user=None,
        upload=SimpleUploadedFile("day.png", png()),
        alt={"en": alt},
        licence="CC BY 4.0",
        credit="",
    )


def client_for(user: Any) -> Client:
    client = Client()
    sign_in(client, user)
    return client


def move(client: Client, image: CampaignImage, direction: str) -> Any:
    return client.post(f"{PAGE}images/{image.pk}/move/", {"direction": direction})


def shown(client: Client) -> list[str]:
    """The images' alt texts in the order the page shows them."""
    page = client.get(PAGE).content.decode()
    found = [(page.find(f'alt="{alt}"'), alt) for alt in ("First", "Second", "Third")]
    return [alt for at, alt in sorted(found) if at >= 0]


def test_a_writer_moves_an_image_and_the_page_and_api_follow(
    personas, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    scene = make_scene()
    first, _second, third = (add(scene.campaign, a) for a in ("First", "Second", "Third"))
    chair = client_for(scene.chair)
    assert shown(chair) == ["First", "Second", "Third"]
    with capture(execute=True):  # the cached pages are refreshed after commit
        response = move(chair, third, "up")
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}#image-{third.pk}"
    assert shown(chair) == ["First", "Third", "Second"]
    assert shown(Client()) == ["First", "Third", "Second"]  # the public page too
    with capture(execute=True):
        move(chair, first, "down")
    assert shown(chair) == ["Third", "First", "Second"]
    api = Client().get("/api/v1/campaigns/world-day-against-child-labour").json()
    assert [i["alt"] for i in api["images"]] == ["Third", "First", "Second"]
    entry = LogEntry.objects.get_for_object(third).filter(action=LogEntry.Action.UPDATE)
    assert entry.latest("pk").actor == scene.chair
    assert entry.latest("pk").changes_dict["order"] == ["2", "1"]


def test_the_page_offers_each_move_that_can_be_made(personas):
    scene = make_scene()
    first, second = add(scene.campaign, "First"), add(scene.campaign, "Second")
    page = client_for(personas.secretariat).get(PAGE).content.decode()
    move_first = f'action="{PAGE}images/{first.pk}/move/"'
    move_second = f'action="{PAGE}images/{second.pk}/move/"'
    assert page.count(move_first) == 1 and page.count(move_second) == 1
    assert "Move up<span" in page and "Move down<span" in page
    assert "/move/" not in Client().get(PAGE).content.decode()


def test_the_first_image_moved_up_stays_first_and_a_bad_direction_moves_nothing(personas):
    scene = make_scene()
    first, second = add(scene.campaign, "First"), add(scene.campaign, "Second")
    chair = client_for(scene.chair)
    assert move(chair, first, "up").status_code == 302
    assert move(chair, second, "down").status_code == 302
    refused = chair.post(f"{PAGE}images/{second.pk}/move/", {"direction": "sideways"}, follow=True)
    assert "Choose whether to move the image up or down." in refused.content.decode()
    assert shown(chair) == ["First", "Second"]


def test_images_that_share_a_place_are_numbered_before_a_move(personas):
    scene = make_scene()
    images = [add(scene.campaign, a) for a in ("First", "Second", "Third")]
    # The back office may leave two images at one place.
    for image in images:
        image.order = 0
        image.save()
    services.move_campaign_image(images[2], acting_user=None, up=True)
    orders = dict(CampaignImage.objects.values_list("alt_en", "order"))
    assert orders == {"First": 1, "Third": 2, "Second": 3}


def test_only_the_campaigns_writers_move_its_images(personas):
    scene = make_scene()
    add(scene.campaign, "First")
    second = add(scene.campaign, "Second")
    url = f"{PAGE}images/{second.pk}/move/"
    assert Client().post(url, {"direction": "up"}).status_code == 302  # sign in first
    for outsider in (personas.partner, personas.outsider):
        assert move(client_for(outsider), second, "up").status_code == 404
    assert client_for(scene.chair).get(url).status_code == 405
    missing = f"{PAGE}images/999999/move/"
    assert client_for(personas.secretariat).post(missing, {"direction": "up"}).status_code == 404
    assert shown(client_for(scene.chair)) == ["First", "Second"]
