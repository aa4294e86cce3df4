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


def test_the_alt_text_given_in_each_language_is_the_one_stored_and_shown(personas):
    make_scene()
    # Added from a French page: the request's language must not overwrite
    # the French alt text with the English one.
    response = client_for(personas.secretariat).post(
        PAGE.format(lang="fr") + "images/new/",
        image_form(alt_es="Niños en un aula"),
    )
    assert response.status_code == 302
    image = CampaignImage.objects.get()
    assert image.alt_en == "Children in a classroom"  # type: ignore[attr-defined]
    assert image.alt_fr == "Des enfants dans une salle de classe"  # type: ignore[attr-defined]
    assert image.alt_es == "Niños en un aula"  # type: ignore[attr-defined]
    shown = {
        "en": "Children in a classroom",
        "fr": "Des enfants dans une salle de classe",
        "es": "Niños en un aula",
    }
    for lang, alt in shown.items():
        assert f'alt="{alt}"' in Client().get(PAGE.format(lang=lang)).content.decode()


def test_a_language_without_alt_text_shows_the_english(personas):
    make_scene()
    client_for(personas.secretariat).post(PAGE.format(lang="es") + "images/new/", image_form())
    image = CampaignImage.objects.get()
    assert image.alt_es == ""  # type: ignore[attr-defined]
    assert 'alt="Children in a classroom"' in Client().get(PAGE.format(lang="es")).content.decode()


def an_image(campaign: Any) -> CampaignImage:
    return services.add_campaign_image(
        campaign,
        acting_user=None,
        upload=SimpleUploadedFile("day.png", png()),
        alt={"en": "A poster", "fr": "Une affiche"},
        licence="CC BY 4.0",
        credit="ILO",
    )


def test_a_writer_corrects_an_images_alt_text_licence_and_credit(personas):
    scene = make_scene()
    image = an_image(scene.campaign)
    url = PAGE.format(lang="fr") + f"images/{image.pk}/"
    chair = client_for(scene.chair)
    form = chair.get(url).content.decode()
    assert 'value="Une affiche"' in form and 'value="CC BY 4.0"' in form
    refused = chair.post(url, {"alt_en": "", "alt_fr": "", "alt_es": "", "licence": ""})
    assert refused.status_code == 400
    image.refresh_from_db()
    assert image.alt_en == "A poster"  # type: ignore[attr-defined]
    saved = chair.post(
        url,
        {
            "alt_en": "A poster for 12 June",
            "alt_fr": "Une affiche pour le 12 juin",
            "alt_es": "Un cartel para el 12 de junio",
            "licence": "CC BY-SA 4.0",
            "credit": "",
        },
    )
    assert saved.status_code == 302
    image.refresh_from_db()
    assert image.alt_fr == "Une affiche pour le 12 juin"  # type: ignore[attr-defined]
    assert (image.licence, image.credit) == ("CC BY-SA 4.0", "")
    page = Client().get(PAGE.format(lang="es")).content.decode()
    assert 'alt="Un cartel para el 12 de junio"' in page and "CC BY-SA 4.0" in page


def test_a_writer_replaces_an_images_file_and_the_old_file_goes(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    image = an_image(scene.campaign)
    old = Path(image.image.path)
    url = PAGE.format(lang="en") + f"images/{image.pk}/"
    values = {"alt_en": "A poster", "alt_fr": "", "alt_es": "", "licence": "CC BY 4.0"}
    secretariat = client_for(personas.secretariat)
    not_an_image = SimpleUploadedFile("x.png", b"<script>alert(1)</script>")
    refused = secretariat.post(url, {**values, "image": not_an_image})
    assert refused.status_code == 400 and "is not of an accepted kind" in refused.content.decode()
    assert old.exists()
    with django_capture_on_commit_callbacks(execute=True):
        replaced = secretariat.post(
            url, {**values, "image": SimpleUploadedFile("june.png", png())}
        )
    assert replaced.status_code == 302
    image.refresh_from_db()
    assert image.image.name.endswith("june.png") and Path(image.image.path).exists()
    assert not old.exists()
    assert Client().get(image.href).status_code == 200


def test_a_writer_removes_an_image(personas, django_capture_on_commit_callbacks):
    scene = make_scene()
    image = an_image(scene.campaign)
    path = Path(image.image.path)
    url = PAGE.format(lang="en") + f"images/{image.pk}/remove/"
    assert client_for(personas.partner).post(url).status_code == 404
    assert CampaignImage.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert client_for(scene.member).post(url).status_code == 302
    assert not CampaignImage.objects.exists() and not path.exists()
    assert 'alt="A poster"' not in Client().get(PAGE.format(lang="en")).content.decode()


def test_only_the_secretariat_and_the_reviewers_correct_images(personas):
    scene = make_scene()
    image = an_image(scene.campaign)
    url = PAGE.format(lang="en") + f"images/{image.pk}/"
    assert Client().get(url).status_code == 302  # sign in first
    for outsider in (personas.partner, personas.outsider):
        assert client_for(outsider).get(url).status_code == 404
        assert client_for(outsider).post(url, {"licence": "x"}).status_code == 404
    assert client_for(scene.chair).get(url).status_code == 200
    page = client_for(scene.chair).get(PAGE.format(lang="en")).content.decode()
    assert f'href="/en/campaigns/world-day-against-child-labour/images/{image.pk}/"' in page
    assert f"images/{image.pk}/" not in Client().get(PAGE.format(lang="en")).content.decode()
    missing = PAGE.format(lang="en") + "images/999/"
    assert client_for(personas.secretariat).get(missing).status_code == 404


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
