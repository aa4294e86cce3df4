"""The toolkit and the calendar: key messages and social media texts in
three languages (French and Spanish fall back to English, marked), images
with their alt text and licence (served with the campaign's visibility),
and partners' planned activities on the page and as a calendar."""

from __future__ import annotations

import datetime as dt
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.campaigns import services
from alliance87.campaigns.models import CampaignImage, Message, PlannedActivity
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/{lang}/campaigns/world-day-against-child-labour/"


def png() -> bytes:
    """A real 1×1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(autouse=True)
def _media(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def image_form(**extra: Any) -> dict[str, Any]:
    return {
        "image": SimpleUploadedFile("day.png", png(), content_type="image/png"),
        "alt_en": "Children in a classroom",
        "alt_fr": "Des enfants dans une salle de classe",
        "alt_es": "",
        "licence": "CC BY 4.0",
        "credit": "",
        **extra,
    }


def test_messages_are_shown_in_the_page_language_else_english_marked():
    scene = make_scene()
    services.save_message(
        Message(
            campaign=scene.campaign,
            kind="key",
            key="one",
            text_en="End child labour",
            text_fr="Mettre fin au travail des enfants",
        ),
        acting_user=None,
    )
    assert (
        "Mettre fin au travail des enfants"
        in Client().get(PAGE.format(lang="fr")).content.decode()
    )
    spanish = Client().get(PAGE.format(lang="es")).content.decode()
    assert '<span lang="en">End child labour</span>' in spanish


def test_a_message_needs_its_english_text():
    scene = make_scene()
    with pytest.raises(ValidationError, match=r"Write the text in English at least\."):
        services.save_message(
            Message(campaign=scene.campaign, kind="social", key="x", text_fr="Seulement"),
            acting_user=None,
        )


def test_the_secretariat_adds_an_image_with_alt_text_and_licence(personas):
    make_scene()
    secretariat = client_for(personas.secretariat)
    url = PAGE.format(lang="en") + "images/new/"
    refused = secretariat.post(url, image_form(alt_en="", licence=""))
    assert refused.status_code == 400
    body = refused.content.decode()
    assert "This field is required." in body
    assert not CampaignImage.objects.exists()
    assert secretariat.post(url, image_form()).status_code == 302
    image = CampaignImage.objects.get()
    page = Client().get(PAGE.format(lang="fr")).content.decode()
    assert 'alt="Des enfants dans une salle de classe"' in page
    assert "CC BY 4.0" in page
    assert Client().get(image.href).status_code == 200


def test_an_image_that_is_not_one_is_refused():
    scene = make_scene()
    with pytest.raises(ValidationError):
        services.add_campaign_image(
            scene.campaign,
            acting_user=None,
            upload=SimpleUploadedFile("x.png", b"<script>alert(1)</script>"),
            alt={"en": "Nothing"},
            licence="CC BY 4.0",
        )
    assert not CampaignImage.objects.exists()


def test_a_draft_campaigns_images_are_not_served_to_the_public(personas):
    scene = make_scene(status="draft")
    image = services.add_campaign_image(
        scene.campaign,
        acting_user=None,
        upload=SimpleUploadedFile("day.png", png()),
        alt={"en": "A poster"},
        licence="CC BY 4.0",
    )
    assert Client().get(image.href).status_code == 404
    assert client_for(personas.secretariat).get(image.href).status_code == 200


def test_only_the_secretariat_and_the_reviewers_add_images(personas):
    scene = make_scene()
    url = PAGE.format(lang="en") + "images/new/"
    assert client_for(personas.partner).get(url).status_code == 404
    assert client_for(personas.outsider).get(url).status_code == 404
    assert client_for(scene.chair).get(url).status_code == 200
    assert client_for(personas.secretariat).get(url).status_code == 200


def test_a_partner_adds_an_activity_shown_on_the_page_and_in_the_calendar_once_published(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    partner = client_for(personas.partner)
    url = PAGE.format(lang="en") + "activities/new/"
    bad = partner.post(url, {"date": "31/02/2027", "title": "", "language": "en"})
    assert bad.status_code == 400
    assert "There is a problem" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        ok = partner.post(
            url,
            {
                "date": "12/06/2027",
                "title": "Open day at the union's office",
                "language": "en",
                "country": "",
                "link": "https://example.org/open-day",
            },
        )
    assert ok.status_code == 302
    # Waiting for review: its author sees it, the public does not.
    assert "Open day at the union&#x27;s office" not in (
        Client().get(PAGE.format(lang="en")).content.decode()
    )
    assert "Open day at the union&#x27;s office" in (
        partner.get(PAGE.format(lang="en")).content.decode()
    )
    assert (
        "Open day" not in Client().get(PAGE.format(lang="en") + "activities.ics").content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_activity(PlannedActivity.objects.get(), acting_user=scene.chair)
    page = Client().get(PAGE.format(lang="en")).content.decode()
    assert "Open day at the union&#x27;s office" in page
    assert "International Trade Union Confederation" in page
    ics = Client().get(PAGE.format(lang="en") + "activities.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    body = ics.content.decode()
    assert "SUMMARY:Open day at the union's office" in body
    assert "DTSTART;VALUE=DATE:20270612" in body
    activity = PlannedActivity.objects.get()
    assert activity.organisation == personas.partner_org


def test_only_its_author_or_a_reviewer_removes_an_activity(personas):
    scene = make_scene()
    activity = services.add_planned_activity(
        scene.campaign,
        acting_user=personas.partner,
        date=dt.date(2027, 6, 12),
        title="Webinar",
        language="en",
    )
    url = PAGE.format(lang="en") + f"activities/{activity.pk}/remove/"
    assert client_for(personas.outsider).post(url).status_code == 404
    assert PlannedActivity.objects.exists()
    assert client_for(scene.member).post(url).status_code == 302
    assert not PlannedActivity.objects.exists()
