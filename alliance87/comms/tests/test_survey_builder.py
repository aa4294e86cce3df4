"""The Secretariat's survey builder: a survey built, previewed and opened
on the site with plain forms; bad input refused clearly; no change that
would invalidate answers once there are some; reminders by email to those
who have not answered, once each, in their language; results published to
the survey's audience, free text only item by item."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import (
    Answer,
    DeliveryStatus,
    Question,
    ReminderDelivery,
    Response,
    Subscriber,
    SubscriberStatus,
    Survey,
)
from alliance87.comms.tasks import send_survey_reminder
from alliance87.partners.models import Person
from alliance87.testing.factories import make_group
from alliance87.testing.personas import make_member, make_user, sign_in
from alliance87.testing.surveys import answer, make_survey, q

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def gcg(personas):
    return make_group("gcg", "Global Coordinating Group")


def when(days: int) -> str:
    return f"{(timezone.now() + dt.timedelta(days=days)):%Y-%m-%d %H:%M}"


def survey_form(**values: Any) -> dict[str, Any]:
    data = {
        "title_en": "Priorities of the online community",
        "title_fr": "Priorités de la communauté en ligne",
        "title_es": "",
        "intro_en": "",
        "intro_fr": "",
        "intro_es": "",
        "visibility": "public",
        "group": "",
        "mode": "per_person",
        "opens_at": when(-1),
        "closes_at": when(7),
    }
    return {**data, **values}


def question_form(**values: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": "text", "scale_min": "1", "scale_max": "5", "shown_if": ""}
    for code in ("en", "fr", "es"):
        for field in ("text", "help", "choices", "scale_min_label", "scale_max_label"):
            data[f"{field}_{code}"] = ""
    return {**data, **values}


def test_the_secretariat_builds_previews_and_opens_a_survey_the_gcg_answers(client, personas, gcg):
    sign_in(client, personas.secretariat)
    response = client.post("/en/surveys/new/", survey_form(visibility="members", group=gcg.pk))
    survey = Survey.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/surveys/{survey.slug}/manage/"
    )
    assert survey.title_fr == "Priorités de la communauté en ligne"  # type: ignore[attr-defined]
    assert survey.status == "draft" and survey.group == gcg
    base = f"/en/surveys/{survey.slug}"
    client.post(
        f"{base}/questions/new/",
        question_form(
            kind="single",
            required="on",
            text_en="Which first?",
            text_fr="Laquelle d'abord ?",
            choices_en="Sharing practice\nOther",
            choices_fr="Partager les pratiques\nAutre",
        ),
    )
    first = survey.questions.get()
    other = first.choices.get(label_en="Other")
    assert other.label_fr == "Autre"  # type: ignore[attr-defined]
    client.post(
        f"{base}/questions/new/",
        question_form(
            kind="multiple", text_en="Which tools?", choices_en="Forum\nLibrary\nCalendar"
        ),
    )
    client.post(
        f"{base}/questions/new/",
        question_form(kind="scale", text_en="How useful?", scale_min="0", scale_max="10"),
    )
    client.post(
        f"{base}/questions/new/",
        question_form(text_en="Which other?", required="on", shown_if=str(other.pk)),
    )
    kinds = list(survey.questions.values_list("order", "kind"))
    assert kinds == [(1, "single"), (2, "multiple"), (3, "scale"), (4, "text")]
    assert survey.questions.get(order=4).shown_if == other
    # Every write is audited, in the Secretariat's name.
    logged = LogEntry.objects.get_for_model(Question).filter(actor=personas.secretariat)
    assert logged.count() >= 4
    manage = client.get(f"{base}/manage/").content.decode()
    assert "Asked only if “Other” was chosen for “Which first?”." in manage
    # The preview: the form, nothing to send.
    preview = client.get(f"{base}/").content.decode()
    assert "Preview: this survey is a draft" in preview and "Send my answers" not in preview
    member = make_member(gcg, acting_user=None)
    client.logout()
    sign_in(client, member)
    assert client.get(f"{base}/").status_code == 404  # a draft
    client.logout()
    sign_in(client, personas.secretariat)
    assert client.post(f"{base}/manage/", {"action": "open"}).status_code == 302
    client.logout()
    sign_in(client, member)
    page = client.get(f"{base}/").content.decode()
    assert "Send my answers" in page and 'value="10"' in page
    given = {first.field_name: str(other.pk), survey.questions.get(order=4).field_name: "More"}
    assert client.post(f"{base}/", given).status_code == 200
    assert Answer.objects.filter(text="More").exists()


def test_only_the_secretariat_reaches_the_builder(client, personas):
    survey = make_survey(status="draft")
    pages = [
        "/en/surveys/new/",
        "/en/surveys/priorities/edit/",
        "/en/surveys/priorities/manage/",
        "/en/surveys/priorities/questions/new/",
        f"/en/surveys/priorities/questions/{q(survey, 1).pk}/",
    ]
    for page in pages:
        assert client.get(page).status_code == 302  # to sign in
    sign_in(client, personas.partner)
    for page in pages:
        assert client.get(page).status_code == 404
    response = client.post("/en/surveys/priorities/manage/", {"action": "open"})
    assert response.status_code == 404
    response = client.post(f"/en/surveys/priorities/questions/{q(survey, 1).pk}/remove/")
    assert response.status_code == 404
    assert Survey.objects.get().status == "draft" and survey.questions.count() == 3


def test_bad_survey_settings_are_refused_beside_their_field(client, personas, gcg):
    sign_in(client, personas.secretariat)
    response = client.post(
        "/en/surveys/new/",
        survey_form(title_en="", visibility="members", opens_at=when(3), closes_at=when(1)),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "This field is required." in html
    assert not Survey.objects.exists()
    response = client.post(
        "/en/surveys/new/", survey_form(visibility="members", opens_at=when(3), closes_at=when(1))
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "A survey closes after it opens." in html
    assert "Choose the group whose members answer (the GCG is one)." in html
    assert not Survey.objects.exists()


def test_bad_questions_are_refused_clearly(client, personas):
    survey = make_survey(status="draft")
    sign_in(client, personas.secretariat)
    url = "/en/surveys/priorities/questions/new/"
    one = client.post(url, question_form(kind="single", text_en="Pick", choices_en="Only one"))
    assert one.status_code == 400 and "Give at least two choices." in one.content.decode()
    scale = client.post(url, question_form(kind="scale", text_en="Rate", scale_min="5"))
    assert "The scale must end above where it starts." in scale.content.decode()
    wide = client.post(url, question_form(kind="scale", text_en="Rate", scale_max="20"))
    assert "A scale has at most 11 values." in wide.content.decode()
    missing = client.post(
        url, question_form(kind="single", text_en="Pick", choices_en="A", choices_fr="A\nB")
    )
    assert "Each choice needs its English label" in missing.content.decode()
    assert survey.questions.count() == 3
    # A condition must point at an earlier question: the form offers only
    # those; the service refuses a later one whatever asks.
    first = q(survey, 1)
    first.shown_if = q(survey, 1).choices.first()
    with pytest.raises(ValidationError, match="another question"):
        services.save_question(first, acting_user=None, choices=[{"en": "A"}, {"en": "B"}])
    later = services.save_question(
        Question(survey=survey, kind="single", text_en="Later?"),
        acting_user=None,
        choices=[{"en": "Yes"}, {"en": "No"}],
    )
    first = q(survey, 1)
    first.shown_if = later.choices.first()
    with pytest.raises(ValidationError, match="earlier question"):
        services.save_question(
            first, acting_user=None, choices=[{"en": "Sharing practice"}, {"en": "Other"}]
        )
    form = client.post(
        f"/en/surveys/priorities/questions/{q(survey, 1).pk}/",
        question_form(
            kind="single",
            text_en="Which first?",
            choices_en="Sharing practice\nOther",
            shown_if=str(later.choices.first().pk),  # type: ignore[union-attr]
        ),
    )
    assert form.status_code == 400 and "Select a valid choice" in form.content.decode()
    assert q(survey, 1).shown_if_id is None


def test_conditions_keep_their_question_after_the_one_they_depend_on(client, personas):
    survey = make_survey(status="draft")  # 2 "Which other?" depends on 1
    sign_in(client, personas.secretariat)
    moved = client.post(
        f"/en/surveys/priorities/questions/{q(survey, 2).pk}/move/",
        {"direction": "up"},
        follow=True,
    )
    assert "“Which other?” is asked only after an answer to “Which first?”" in (
        moved.content.decode()
    )
    assert q(survey, 2).text == "Which other?"
    removed = client.post(
        f"/en/surveys/priorities/questions/{q(survey, 1).pk}/remove/", follow=True
    )
    assert "“Which other?” is asked only after an answer to this one" in removed.content.decode()
    # Removing the choice it depends on is refused too.
    edited = client.post(
        f"/en/surveys/priorities/questions/{q(survey, 1).pk}/",
        question_form(kind="single", text_en="Which first?", choices_en="Sharing practice"),
    )
    assert edited.status_code == 400
    # The scale moves up; then the text question, now last, is removed.
    client.post(f"/en/surveys/priorities/questions/{q(survey, 3).pk}/move/", {"direction": "up"})
    assert list(survey.questions.values_list("order", "kind")) == [
        (1, "single"),
        (2, "scale"),
        (3, "text"),
    ]
    client.post(f"/en/surveys/priorities/questions/{q(survey, 3).pk}/remove/")
    assert list(survey.questions.values_list("order", "kind")) == [(1, "single"), (2, "scale")]


def test_a_survey_with_responses_is_reworded_but_not_changed(client, personas, gcg):
    survey = make_survey(gcg)
    services.submit_response(
        survey, acting_user=make_member(gcg, acting_user=None), data=answer(survey)
    )
    sign_in(client, personas.secretariat)
    first = q(survey, 1)
    url = f"/en/surveys/priorities/questions/{first.pk}/"
    added = client.post(
        url,
        question_form(
            kind="single", text_en="Which first?", choices_en="Sharing practice\nOther\nNew"
        ),
    )
    assert added.status_code == 400
    assert "This survey has responses: its questions can no longer be added" in (
        added.content.decode()
    )
    kind = client.post(
        url, question_form(kind="multiple", text_en="Which first?", choices_en="A\nB")
    )
    assert kind.status_code == 400
    reworded = client.post(
        url,
        question_form(
            kind="single",
            required="on",
            text_en="Which comes first?",
            choices_en="Sharing good practice\nOther",
        ),
    )
    assert reworded.status_code == 302
    assert q(survey, 1).text_en == "Which comes first?"  # type: ignore[attr-defined]
    chosen = Answer.objects.get(question=first).choice
    assert chosen is not None and chosen.label_en == "Sharing good practice"
    new = client.post("/en/surveys/priorities/questions/new/", question_form(text_en="More?"))
    assert new.status_code == 400 and survey.questions.count() == 3
    client.post(f"/en/surveys/priorities/questions/{q(survey, 3).pk}/remove/")
    assert survey.questions.count() == 3
    draft = client.post("/en/surveys/priorities/manage/", {"action": "draft"})
    assert (
        draft.status_code == 400 and "close it rather than unpublish it" in draft.content.decode()
    )
    mode = client.post(
        "/en/surveys/priorities/edit/",
        survey_form(title_en="Priorities", visibility="members", group=gcg.pk, mode="anonymous"),
    )
    assert "how it is answered can no longer change" in mode.content.decode()
    closed = client.post("/en/surveys/priorities/manage/", {"action": "close"})
    assert closed.status_code == 302
    survey.refresh_from_db()
    assert survey.closes_at <= timezone.now() and not survey.is_open


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


def test_a_survey_built_in_french_keeps_each_language(client, personas):
    """The builder's pages in French write each language's field, never
    one over another."""
    sign_in(client, personas.secretariat)
    client.post("/fr/surveys/new/", survey_form())
    survey = Survey.objects.get()
    assert survey.title_en == "Priorities of the online community"  # type: ignore[attr-defined]
    assert survey.title_fr == "Priorités de la communauté en ligne"  # type: ignore[attr-defined]
    response = client.post(
        f"/fr/surveys/{survey.slug}/questions/new/",
        question_form(
            kind="single",
            text_en="Which?",
            text_fr="Laquelle ?",
            choices_en="A\nB",
            choices_fr="Un\nDeux",
        ),
    )
    assert response.status_code == 302
    question = survey.questions.get()
    assert (question.text_en, question.text_fr) == ("Which?", "Laquelle ?")  # type: ignore[attr-defined]
    labels = list(question.choices.values_list("label_en", "label_fr"))
    assert labels == [("A", "Un"), ("B", "Deux")]
