"""Copying a survey: the Secretariat makes a new draft of any survey, its
questions, choices and conditions copied in every language, its answers
not, opening on the day asked with its closing moved as far; audited; no
one else may."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import Answer, Choice, Question, Response, Survey
from alliance87.core.models import Basis, Citation
from alliance87.core.provenance import cite
from alliance87.testing.personas import make_member, sign_in

pytestmark = pytest.mark.django_db


def built_survey(secretariat: Any, group: Any) -> Survey:
    """An open survey of the group, built through the builder's services,
    with a conditional question, answered once."""
    now = timezone.now()
    survey = Survey(
        title_en="Priorities",
        title_fr="Priorités",
        intro_en="Tell us.",
        visibility="members",
        group=group,
        opens_at=now - dt.timedelta(days=1),
        closes_at=now + dt.timedelta(days=7),
    )
    services.save_survey(survey, acting_user=secretariat)
    first = Question(survey=survey, kind="single", text_en="Which first?", required=True)
    first.text_fr = "Laquelle d'abord ?"  # type: ignore[attr-defined]
    services.save_question(
        first,
        acting_user=secretariat,
        choices=[{"en": "Sharing practice", "fr": "Partager"}, {"en": "Other", "fr": "Autre"}],
    )
    other = first.choices.get(label_en="Other")
    services.save_question(
        Question(survey=survey, kind="text", text_en="Which other?", shown_if=other),
        acting_user=secretariat,
    )
    services.save_question(
        Question(survey=survey, kind="scale", text_en="How useful?", scale_min=0, scale_max=10),
        acting_user=secretariat,
    )
    cite(survey, acting_user=None, basis=Basis.ILLUSTRATIVE, note="Written for the test.")
    services.open_survey(survey, acting_user=secretariat)
    member = make_member(group, acting_user=None)
    services.submit_response(
        survey,
        acting_user=member,
        data={first.field_name: str(other.pk), f"q{other.pk}": ""},
    )
    return survey


def test_the_secretariat_copies_a_survey_into_a_new_draft_without_its_answers(
    client, personas, gcg
):
    original = built_survey(personas.secretariat, gcg)
    services.publish_results(original, acting_user=personas.secretariat)
    sign_in(client, personas.secretariat)
    # From a French page: each language keeps its own texts.
    today = timezone.now().date()
    response = client.post(f"/fr/surveys/{original.slug}/copy/", {"opens_on": today.isoformat()})
    copy = Survey.objects.exclude(pk=original.pk).get()
    assert response.status_code == 302
    assert response["Location"] == f"/fr/surveys/{copy.slug}/manage/"
    assert copy.status == "draft" and copy.results_published_at is None
    assert copy.title_en == "Copy of Priorities"  # type: ignore[attr-defined]
    assert copy.title_fr.endswith("Priorités")  # type: ignore[attr-defined]
    assert copy.title_fr != copy.title_en  # type: ignore[attr-defined]
    assert copy.intro_en == "Tell us."  # type: ignore[attr-defined]
    assert (copy.visibility, copy.group, copy.mode) == ("members", gcg, original.mode)
    # Opening today (the original opened yesterday): both dates a day later.
    assert copy.opens_at.date() == today
    assert copy.opens_at - original.opens_at == dt.timedelta(days=1)
    assert copy.closes_at - original.closes_at == dt.timedelta(days=1)
    questions = list(copy.questions.order_by("order"))
    assert [q.text_en for q in questions] == ["Which first?", "Which other?", "How useful?"]  # type: ignore[attr-defined]
    assert questions[0].text_fr == "Laquelle d'abord ?"  # type: ignore[attr-defined]
    assert questions[0].required and (questions[2].scale_min, questions[2].scale_max) == (0, 10)
    labels = [(c.label_en, c.label_fr) for c in questions[0].choices.all()]  # type: ignore[attr-defined]
    assert labels == [("Sharing practice", "Partager"), ("Other", "Autre")]
    # The condition names the copy's choice, not the original's.
    assert questions[1].shown_if == questions[0].choices.get(label_en="Other")
    assert not Response.objects.filter(survey=copy).exists()
    assert Answer.objects.filter(question__survey=copy).count() == 0
    assert Response.objects.filter(survey=original).count() == 1
    assert Question.objects.filter(survey=original).count() == 3
    assert Choice.objects.filter(question__survey=original).count() == 2
    # Its sources go with it: a copy of an illustrative survey says so.
    assert Citation.objects.filter(object_id=copy.pk, basis=Basis.ILLUSTRATIVE).exists()
    # A draft: the Secretariat's only, and its questions can change.
    assert copy not in Survey.objects.visible_to(personas.partner)
    page = client.get(f"/en/surveys/{copy.slug}/manage/").content.decode()
    assert "Add a question" in page and "Copy of Priorities" in page
    # Audited, in the name of the Secretariat member who copied.
    entry = LogEntry.objects.get_for_object(copy).get(action=LogEntry.Action.CREATE)
    assert entry.actor == personas.secretariat


def test_a_copy_of_a_copy_gets_an_address_of_its_own(personas, gcg):
    original = built_survey(personas.secretariat, gcg)
    first = services.copy_survey(original, acting_user=personas.secretariat)
    second = services.copy_survey(original, acting_user=personas.secretariat)
    assert len({original.slug, first.slug, second.slug}) == 3


def test_only_the_secretariat_copies_a_survey(client, personas, gcg):
    original = built_survey(personas.secretariat, gcg)
    url = f"/en/surveys/{original.slug}/copy/"
    assert client.post(url).status_code == 302  # sign in first
    member = Response.objects.get().respondent  # in the survey's audience
    for other in (personas.partner, personas.outsider, member):
        sign_in(client, other)
        assert client.get(url).status_code == 404
        assert client.post(url, {"opens_on": "2030-01-01"}).status_code == 404
        client.logout()
    sign_in(client, personas.secretariat)
    assert client.post("/en/surveys/no-such-survey/copy/").status_code == 404
    assert Survey.objects.count() == 1
