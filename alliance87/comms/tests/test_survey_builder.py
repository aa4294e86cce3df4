"""The Secretariat's survey builder: a survey built, previewed and opened
on the site with plain forms, in each language; bad input refused clearly;
no change that would invalidate answers once there are some. (Reminders
and published results: test_survey_reminders_and_results.py.)"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import (
    Answer,
    Question,
    Survey,
)
from alliance87.testing.personas import make_member, sign_in
from alliance87.testing.surveys import answer, make_survey, q

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tasks_run_at_once")]


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
