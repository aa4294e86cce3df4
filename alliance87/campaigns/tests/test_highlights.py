"""Highlights from countries and champions: a signed-in partner submits
one, the CEAG (its chair and members) or the Secretariat publishes it on
the campaign's page or declines it with a reason its author reads; until
then only the submitter and the reviewers see it."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from alliance87.campaigns.models import Submission, SubmissionStatus
from alliance87.campaigns.tests.scene import make_scene
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PAGE = "/en/campaigns/world-day-against-child-labour/"
SUBMIT = PAGE + "submit/"
REVIEW = PAGE + "review/"


def client_for(user: Any) -> Client:
    client = Client()
    if user is not None:
        sign_in(client, user)
    return client


def highlight(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "highlight",
        "title": "Child labour-free zone declared in a district",
        "text": "Teachers, parents and employers met for 12 June.",
        "language": "en",
        "country": "",
        "champion": "",
        "link": "",
        **extra,
    }


def test_a_partner_submits_a_12_june_highlight_that_the_ceag_publishes(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    partner = client_for(personas.partner)
    # Each write's callbacks (the page cache's counters) run as on commit.
    with django_capture_on_commit_callbacks(execute=True):
        response = partner.post(SUBMIT, highlight())
    assert response.status_code == 302
    assert response["Location"].startswith(PAGE)
    # The submitter sees it waiting; the public does not.
    assert "Child labour-free zone declared" in partner.get(PAGE).content.decode()
    assert "Child labour-free zone declared" not in Client().get(PAGE).content.decode()

    chair = client_for(scene.chair)
    queue = chair.get(REVIEW)
    assert queue.status_code == 200
    assert "Child labour-free zone declared" in queue.content.decode()
    submission = Submission.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = chair.post(f"{REVIEW}{submission.pk}/", {"action": "publish"})
    assert response.status_code == 302

    page = Client().get(PAGE).content.decode()
    highlights = page.split('id="highlights-title"')[1].split('id="champions-title"')[0]
    assert "Child labour-free zone declared" in highlights
    assert "Shared by International Trade Union Confederation" in highlights
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PUBLISHED
    assert submission.reviewed_by == scene.chair


def test_a_ceag_member_and_the_secretariat_review_too(personas):
    scene = make_scene()
    client_for(personas.partner).post(SUBMIT, highlight())
    assert client_for(scene.member).get(REVIEW).status_code == 200
    assert client_for(personas.secretariat).get(REVIEW).status_code == 200


def test_others_cannot_reach_the_queue_nor_decide(personas):
    make_scene()
    client_for(personas.partner).post(SUBMIT, highlight())
    submission = Submission.objects.get()
    for user in (personas.partner, personas.outsider):
        client = client_for(user)
        assert client.get(REVIEW).status_code == 404
        assert client.post(f"{REVIEW}{submission.pk}/", {"action": "publish"}).status_code == 404
    anonymous = Client().get(REVIEW)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.PENDING


def test_a_declined_submission_shows_its_reason_to_its_author_only(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    client_for(personas.partner).post(SUBMIT, highlight())
    submission = Submission.objects.get()
    chair = client_for(scene.chair)
    url = f"{REVIEW}{submission.pk}/"
    empty = chair.post(url, {"action": "decline", f"s{submission.pk}-reason": ""})
    assert empty.status_code == 400
    assert "This field is required." in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        chair.post(
            url,
            {"action": "decline", f"s{submission.pk}-reason": "Please add the district's name."},
        )
    mine = client_for(personas.partner).get(PAGE).content.decode()
    assert "Declined" in mine and "Please add the district&#x27;s name." in mine
    for other in (Client(), client_for(personas.outsider)):
        assert "Please add the district" not in other.get(PAGE).content.decode()
    # A second decision is refused clearly.
    again = chair.post(url, {"action": "publish"}, follow=True)
    assert "This submission has already been reviewed." in again.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DECLINED


def test_a_champion_needs_a_name_and_consent(personas):
    make_scene()
    response = client_for(personas.partner).post(SUBMIT, highlight(kind="champion"))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Name the person or organisation you put forward." in body
    assert "Confirm that the champion agrees to be named publicly on the Hub." in body
    assert not Submission.objects.exists()
    ok = client_for(personas.partner).post(
        SUBMIT, highlight(kind="champion", champion="A teacher", consent="on")
    )
    assert ok.status_code == 302


def test_a_bad_form_names_each_field(personas):
    make_scene()
    response = client_for(personas.partner).post(
        SUBMIT, highlight(kind="nonsense", title="", text="", link="not a link")
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter a valid URL." in body
    assert not Submission.objects.exists()


def test_only_partners_submit(personas):
    make_scene()
    assert client_for(personas.outsider).get(SUBMIT).status_code == 404
    assert client_for(personas.outsider).post(SUBMIT, highlight()).status_code == 404
    anonymous = Client().get(SUBMIT)
    assert anonymous.status_code == 302
    assert not Submission.objects.exists()


def test_a_closed_call_refuses_submissions_clearly(personas):
    make_scene(call_open=False)
    response = client_for(personas.partner).post(SUBMIT, highlight())
    assert "This campaign no longer takes submissions." in response.content.decode()
    assert not Submission.objects.exists()


def test_a_draft_campaign_is_hidden_from_partners_and_the_public(personas):
    scene = make_scene(status="draft")
    assert Client().get(PAGE).status_code == 404
    assert client_for(personas.partner).get(PAGE).status_code == 404
    assert client_for(personas.partner).get(SUBMIT).status_code == 404
    assert client_for(scene.member).get(PAGE).status_code == 200
    assert client_for(personas.secretariat).get(PAGE).status_code == 200


def test_a_pending_submission_is_seen_by_its_submitter_and_reviewers_only(personas):
    scene = make_scene()
    client_for(personas.partner).post(SUBMIT, highlight())
    submission = Submission.objects.get()
    seen = {
        name: Submission.objects.visible_to(user).filter(pk=submission.pk).exists()
        for name, user in {
            "partner": personas.partner,
            "chair": scene.chair,
            "member": scene.member,
            "secretariat": personas.secretariat,
            "outsider": personas.outsider,
            "anonymous": personas.anonymous,
        }.items()
    }
    assert seen == {
        "partner": True,
        "chair": True,
        "member": True,
        "secretariat": True,
        "outsider": False,
        "anonymous": False,
    }
