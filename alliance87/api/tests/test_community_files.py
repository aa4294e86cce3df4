"""GET /api/v1/community/files/{id}/{name}: a post's file, served to the
token of whoever may read the post in full, by the rule the site applies to
a signed-in reader (core.files), and to no one else (404, as for a file
that does not exist)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.community import moderation, services
from alliance87.testing.api import send
from alliance87.testing.community_api import Scene, build_scene, partner_colleague, replies
from alliance87.testing.personas import Personas
from alliance87.testing.uploads import PDF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


def pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("report.pdf", PDF, "application/pdf")


def download_of(scene: Scene, user: Any) -> str:
    """The API's address of the file of the thread's one reply, as the
    thread's posts list it to `user` (without the API's prefix)."""
    files = send("get", replies(scene), None, user).json()["items"][1]["attachments"]
    return files[0]["download"].removeprefix("http://testserver/api/v1")


def downloaded(response: Any) -> bytes:
    return b"".join(response.streaming_content)


def test_a_token_downloads_the_file_of_a_post_its_user_reads(scene: Scene) -> None:
    partner = scene.personas.partner
    services.reply(scene.thread, acting_user=partner, body="Mine", attachments=[pdf()])
    address = download_of(scene, partner)
    response = send("get", address, None, partner)
    assert response.status_code == 200
    assert downloaded(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    secretariat = send("get", address, None, scene.personas.secretariat)
    assert secretariat.status_code == 200


def test_whoever_may_not_read_the_post_gets_404_as_for_no_file(scene: Scene) -> None:
    partner = scene.personas.partner
    services.reply(scene.thread, acting_user=partner, body="Mine", attachments=[pdf()])
    address = download_of(scene, partner)
    missing = send("get", "/community/files/999999/report.pdf", None, scene.member)
    assert missing.status_code == 404
    # The commons is for partners: the outsider, the group's member (not a
    # partner) and a caller without a token do not read it.
    for user in (scene.personas.outsider, scene.member, None):
        response = send("get", address, None, user)
        assert response.status_code == 404
        assert response.json() == {**missing.json(), "instance": response.json()["instance"]}
    # Another name for the same file is no file.
    wrong = address.rsplit("/", 1)[0] + "/other.pdf"
    assert send("get", wrong, None, partner).status_code == 404


def test_a_hidden_posts_file_is_its_authors_and_moderators_only(scene: Scene) -> None:
    partner = scene.personas.partner
    post = services.reply(scene.thread, acting_user=partner, body="Mine", attachments=[pdf()])
    address = download_of(scene, partner)
    moderation.hide_post(post, acting_user=scene.personas.secretariat, reason="Off topic")
    colleague = partner_colleague(scene)
    assert send("get", address, None, colleague).status_code == 404
    assert send("get", address, None, partner).status_code == 200  # its author
    assert send("get", address, None, scene.personas.secretariat).status_code == 200


def test_a_public_spaces_file_is_served_without_a_token(scene: Scene) -> None:
    thread = services.start_thread(
        scene.public,
        acting_user=scene.personas.partner,
        title="Open findings",
        body="See the file.",
        attachments=[pdf()],
    )
    path = f"/community/spaces/open/threads/{thread.pk}/posts"
    download = send("get", path, None).json()["items"][0]["attachments"][0]["download"]
    response = send("get", download.removeprefix("http://testserver/api/v1"), None)
    assert response.status_code == 200 and downloaded(response) == PDF
