"""Once a survey is open: reminders by email to those who have not
answered, once each, in their language (and in their personal data);
results published to the survey's audience, free text only item by
item."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import (
    Answer,
    DeliveryStatus,
    ReminderDelivery,
    Response,
    Subscriber,
    SubscriberStatus,
    Survey,
)
from alliance87.comms.tasks import send_survey_reminder
from alliance87.partners.models import Person
from alliance87.testing.personas import make_member, make_user, sign_in
from alliance87.testing.surveys import answer, make_survey, q

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_run_at_once")]


def second_member(gcg: Any, username: str) -> Any:
    user = make_user(username)
    Person.objects.create(
        slug=username,
        name=username,
        organisation=Person.objects.get(slug="mo-member").organisation,
        user=user,
    )
    return user


def test_a_reminder_reaches_those_who_have_not_answered_once_in_their_language(
    client, personas, gcg, django_capture_on_commit_callbacks
):
    survey = make_survey(gcg)
    answered = make_member(gcg, acting_user=None)
    french = second_member(gcg, "fanny")
    english = second_member(gcg, "eddie")
    Subscriber.objects.create(
        email="fanny@example.org", user=french, language="fr", status=SubscriberStatus.CONFIRMED
    )
    services.submit_response(survey, acting_user=answered, data=answer(survey))
    sign_in(client, personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/surveys/priorities/manage/", {"action": "remind"})
    assert response.status_code == 302
    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {"fanny@example.org", "eddie@example.org"}
    assert by_address["fanny@example.org"].extra_headers["Content-Language"] == "fr"
    assert "next=%2Ffr%2Fsurveys%2Fpriorities%2F" in by_address["fanny@example.org"].body
    assert "next=%2Fen%2Fsurveys%2Fpriorities%2F" in by_address["eddie@example.org"].body
    # Never twice: the task run again sends nothing; a second reminder
    # within the hour is refused.
    assert send_survey_reminder.call(survey.reminders.get().pk) == 0
    again = client.post("/en/surveys/priorities/manage/", {"action": "remind"})
    assert again.status_code == 400 and "less than an hour ago" in again.content.decode()
    assert len(mail.outbox) == 2
    page = client.get("/en/surveys/priorities/manage/").content.decode()
    assert "Reminders sent" in page
    assert '<td data-label="People">2</td><td data-label="Sent">2</td>' in page
    assert english.email in by_address


def test_a_reminder_skips_who_answered_meanwhile_and_reaches_a_real_smtp_server(
    request, personas, gcg
):
    receiver = request.getfixturevalue("smtp")
    survey = make_survey(gcg)
    member = make_member(gcg, acting_user=None)
    late = second_member(gcg, "lara")
    reminder = services.send_reminder(survey, acting_user=personas.secretariat)
    services.submit_response(survey, acting_user=late, data=answer(survey))
    send_survey_reminder.call(reminder.pk)
    assert [rcpt for rcpt, _message in receiver.messages] == [[member.email]]
    states = dict(ReminderDelivery.objects.values_list("user__username", "status"))
    assert states == {"member": DeliveryStatus.SENT, "lara": DeliveryStatus.FAILED}


def test_reminders_need_a_list_of_people_and_an_open_survey(personas, gcg):
    for survey, message in ((make_survey(mode="anonymous"), "Anonymous links name no one"),):
        with pytest.raises(ValidationError, match=message):
            services.send_reminder(survey, acting_user=None)
    Survey.objects.all().delete()
    public = make_survey()
    with pytest.raises(ValidationError, match="not the public"):
        services.send_reminder(public, acting_user=None)
    Survey.objects.filter(pk=public.pk).update(
        visibility="members", group=gcg, closes_at=timezone.now() - dt.timedelta(hours=1)
    )
    public.refresh_from_db()
    with pytest.raises(ValidationError, match="not open"):
        services.send_reminder(public, acting_user=None)


def test_published_results_reach_the_audience_with_only_the_published_free_text(
    client, personas, gcg
):
    survey = make_survey(gcg)
    member = make_member(gcg, acting_user=None)
    for n in range(3):
        response = Response.objects.create(survey=survey)
        choice = q(survey, 1).choices.get(label_en="Other")
        Answer.objects.create(response=response, question=q(survey, 1), choice=choice)
        Answer.objects.create(response=response, question=q(survey, 2), text=f"Idea {n}")
    sign_in(client, member)
    assert client.get("/en/surveys/priorities/results/").status_code == 404
    assert client.get("/en/surveys/priorities/results.csv").status_code == 404
    client.logout()
    sign_in(client, personas.secretariat)
    client.post("/en/surveys/priorities/manage/", {"action": "publish-results"})
    shown = Answer.objects.get(text="Idea 1")
    client.post(f"/en/surveys/priorities/answers/{shown.pk}/publish/", {"published": "1"})
    html = client.get("/en/surveys/priorities/results/").content.decode()
    assert "Idea 0" in html and "Idea 1" in html  # the Secretariat reads all
    client.logout()
    sign_in(client, member)
    html = client.get("/en/surveys/priorities/results/").content.decode()
    assert '<th scope="row">Other</th><td data-label="Respondents">3</td>' in html
    assert "Idea 1" in html and "Idea 0" not in html and "Idea 2" not in html
    assert "Publish with the results" not in html
    assert client.get("/en/surveys/priorities/results.csv").status_code == 200
    assert "See the results" in client.get("/en/surveys/priorities/").content.decode()
    client.logout()
    sign_in(client, personas.partner)  # not in the audience
    assert client.get("/en/surveys/priorities/results/").status_code == 404
    client.logout()
    sign_in(client, personas.secretariat)
    client.post("/en/surveys/priorities/manage/", {"action": "withdraw-results"})
    client.logout()
    sign_in(client, member)
    assert client.get("/en/surveys/priorities/results/").status_code == 404


def test_a_public_surveys_published_results_are_public_and_its_page_asks_to_sign_in(client):
    survey = make_survey()
    page = client.get("/en/surveys/priorities/").content.decode()
    assert "Sign in to answer this survey" in page and "Send my answers" not in page
    assert client.post("/en/surveys/priorities/", answer(survey)).status_code == 302
    assert client.get("/en/surveys/priorities/results/").status_code == 404
    services.publish_results(survey, acting_user=None)
    assert client.get("/en/surveys/priorities/results/").status_code == 200


def test_the_reminders_a_person_was_sent_are_in_their_data_and_go_with_their_erasure(
    personas, gcg, django_capture_on_commit_callbacks
):
    from alliance87.comms import personal

    survey = make_survey(gcg)
    member = make_member(gcg, acting_user=None)
    with django_capture_on_commit_callbacks(execute=True):
        services.send_reminder(survey, acting_user=personas.secretariat)
    (exported,) = personal.export(member, None)["survey_reminders"]
    assert exported["survey"] == "priorities" and exported["status"] == DeliveryStatus.SENT
    personal.erase(member, None)
    assert not ReminderDelivery.objects.exists()
