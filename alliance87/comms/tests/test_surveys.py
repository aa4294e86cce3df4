"""Surveys: answered by their audience while open, once per person or once
per anonymous link; late, double and forged answers refused clearly;
required and conditional questions; results for the Secretariat with
charts, tables and CSV, and breakdowns only for groups of at least 11."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alliance87.comms import services
from alliance87.comms.models import (
    Answer,
    Response,
    Survey,
    SurveyLink,
)
from alliance87.testing.personas import make_member, sign_in
from alliance87.testing.surveys import answer, make_survey, q

pytestmark = pytest.mark.django_db


def test_a_group_member_answers_once_and_others_cannot_see_it(client, personas, gcg):
    survey = make_survey(gcg)
    member = make_member(gcg, acting_user=None)
    # Hidden, to anonymous visitors too (a reminder links through sign-in).
    assert client.get("/en/surveys/priorities/").status_code == 404
    for other in (personas.partner, personas.outsider):
        sign_in(client, other)
        assert client.get("/en/surveys/priorities/").status_code == 404
        assert "Priorities" not in client.get("/en/surveys/").content.decode()
        client.logout()
    sign_in(client, member)
    assert "Priorities" in client.get("/en/surveys/").content.decode()
    response = client.post("/en/surveys/priorities/", answer(survey))
    assert response.status_code == 200 and "your answers are recorded" in response.content.decode()
    (row,) = Response.objects.all()
    assert row.respondent == member
    again = client.post("/en/surveys/priorities/", answer(survey))
    assert again.status_code == 400
    assert "You have already answered this survey." in again.content.decode()
    assert Response.objects.count() == 1


def test_a_late_or_early_answer_is_refused_clearly(client, personas, gcg):
    now = timezone.now()
    survey = make_survey(
        gcg, closes_at=now - dt.timedelta(hours=1), opens_at=now - dt.timedelta(days=2)
    )
    member = make_member(gcg, acting_user=None)
    sign_in(client, member)
    response = client.post("/en/surveys/priorities/", answer(survey))
    assert response.status_code == 400
    assert "answers are no longer accepted" in response.content.decode()
    Survey.objects.filter(pk=survey.pk).update(
        opens_at=now + dt.timedelta(days=1), closes_at=now + dt.timedelta(days=2)
    )
    response = client.post("/en/surveys/priorities/", answer(survey))
    assert response.status_code == 400 and "This survey opens on" in response.content.decode()
    assert not Response.objects.exists()


def test_a_closed_survey_says_so_and_takes_no_answer(client, personas, gcg):
    now = timezone.now()
    survey = make_survey(
        gcg, closes_at=now - dt.timedelta(hours=1), opens_at=now - dt.timedelta(days=2)
    )
    member = make_member(gcg, acting_user=None)
    sign_in(client, member)
    page = client.get("/en/surveys/priorities/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "This survey is closed." in html and "answers are no longer accepted" in html
    assert "Send my answers" not in html and "<textarea" not in html
    assert "Its results are not published." in html
    assert "/en/surveys/priorities/results/" not in html
    refused = client.post("/en/surveys/priorities/", answer(survey))
    assert refused.status_code == 400
    assert "This survey is closed." in refused.content.decode()
    assert not Response.objects.exists() and not Answer.objects.exists()
    # Still hidden from those outside its audience.
    client.logout()
    sign_in(client, personas.outsider)
    assert client.get("/en/surveys/priorities/").status_code == 404


def test_a_closed_survey_links_to_its_published_results(client, personas, gcg):
    now = timezone.now()
    survey = make_survey(
        gcg, closes_at=now - dt.timedelta(hours=1), opens_at=now - dt.timedelta(days=2)
    )
    services.publish_results(survey, acting_user=personas.secretariat)
    sign_in(client, make_member(gcg, acting_user=None))
    for lang in ("en", "fr", "es"):
        page = client.get(f"/{lang}/surveys/priorities/")
        assert page.status_code == 200
        assert f'href="/{lang}/surveys/priorities/results/"' in page.content.decode()
        assert client.get(f"/{lang}/surveys/priorities/results/").status_code == 200


def test_a_closed_public_survey_is_closed_to_anonymous_visitors_too(client):
    now = timezone.now()
    survey = make_survey(
        closes_at=now - dt.timedelta(hours=1), opens_at=now - dt.timedelta(days=2)
    )
    page = client.get("/en/surveys/priorities/")
    assert page.status_code == 200 and "This survey is closed." in page.content.decode()
    assert "Sign in to answer this survey" not in page.content.decode()
    refused = client.post("/en/surveys/priorities/", answer(survey))
    assert refused.status_code == 400 and not Response.objects.exists()


def test_an_answer_to_a_draft_is_refused_even_from_the_secretariat(client, personas):
    survey = make_survey(status="draft")
    sign_in(client, personas.secretariat)
    assert "Preview" in client.get("/en/surveys/priorities/").content.decode()
    refused = client.post("/en/surveys/priorities/", answer(survey))
    assert refused.status_code == 400
    assert "This survey is not open." in refused.content.decode()
    assert not Response.objects.exists()


def test_required_and_conditional_questions(client, personas, gcg):
    survey = make_survey(gcg)
    member = make_member(gcg, acting_user=None)
    sign_in(client, member)
    response = client.post("/en/surveys/priorities/", {})
    assert response.status_code == 400 and "Answer this question." in response.content.decode()
    # "Which other?" is asked only after "Other": required then, dropped otherwise.
    given = answer(survey, "Other", **{q(survey, 3).field_name: "4"})
    response = client.post("/en/surveys/priorities/", given)
    assert response.status_code == 400 and not Response.objects.exists()
    html = response.content.decode()
    other = q(survey, 1).choices.get(label_en="Other").pk
    assert f'id="{q(survey, 1).field_name}-{other}" checked>' in html  # kept
    assert '<option value="4" selected>' in html
    client.post(
        "/en/surveys/priorities/",
        answer(survey, "Sharing practice", **{q(survey, 2).field_name: "ignored"}),
    )
    assert not Answer.objects.filter(question=q(survey, 2)).exists()
    assert Answer.objects.filter(question=q(survey, 1)).count() == 1


def test_a_choice_of_another_question_or_a_scale_out_of_range_is_refused(gcg):
    survey = make_survey()
    data = {q(survey, 1).field_name: "999999", q(survey, 3).field_name: "9"}
    with pytest.raises(Exception) as refused:
        services.submit_response(survey, acting_user=None, data=data)
    assert "Choose among the choices given." in str(refused.value)


def test_anonymous_links_answer_once_and_forged_ones_are_refused(client, personas):
    survey = make_survey(mode="anonymous")
    (token,) = services.make_survey_links(survey, count=1, acting_user=None)
    assert not SurveyLink.objects.filter(token_hash=token).exists()  # only its hash
    forged = client.post("/en/surveys/priorities/", {**answer(survey), "t": token + "x"})
    assert (
        forged.status_code == 400 and "This survey link is not valid." in forged.content.decode()
    )
    assert client.get(f"/en/surveys/priorities/?t={token}").status_code == 200
    ok = client.post("/en/surveys/priorities/", {**answer(survey), "t": token})
    assert ok.status_code == 200
    assert Response.objects.get().respondent is None
    again = client.post("/en/surveys/priorities/", {**answer(survey), "t": token})
    assert again.status_code == 400
    assert "This survey link has already been used." in again.content.decode()


def respond(survey: Survey, label: str, stakeholder_type: str, text: str = "") -> None:
    response = Response.objects.create(survey=survey, stakeholder_type=stakeholder_type)
    choice = q(survey, 1).choices.get(label_en=label)
    Answer.objects.create(response=response, question=q(survey, 1), choice=choice)
    if text:
        Answer.objects.create(response=response, question=q(survey, 2), text=text)


def test_results_suppress_groups_under_eleven_and_free_text_stays_with_the_secretariat(
    client, personas, gcg
):
    survey = make_survey(gcg)
    for n in range(12):
        respond(survey, "Sharing practice" if n % 3 else "Other", "government")
    for _n in range(3):
        respond(survey, "Other", "civil_society", text="=HYPERLINK(1)")
    # Civil society's 3 left out alone would be the totals less the rest:
    # the employers' 11, the next smallest group, are left out with them.
    for _n in range(11):
        respond(survey, "Sharing practice", "employers")
    assert client.get("/en/surveys/priorities/results/").status_code == 404
    sign_in(client, personas.partner)
    assert client.get("/en/surveys/priorities/results/").status_code == 404
    assert client.get("/en/surveys/priorities/results.csv").status_code == 404
    client.logout()
    sign_in(client, personas.secretariat)
    html = client.get("/en/surveys/priorities/results/").content.decode()
    assert "26 respondents." in html and "<svg" in html
    assert '<th scope="row">Sharing practice</th><td data-label="Respondents">19</td>' in html
    assert '<th scope="row">Other</th><td data-label="Respondents">7</td>' in html
    assert '<th scope="col">Government</th>' in html
    assert '<th scope="row">Sharing practice</th><td data-label="Government">8</td>' in html
    assert "Civil society" not in html and "Employers" not in html
    assert "2 groups are not shown: each has fewer than 11 respondents" in html
    assert "=HYPERLINK(1)" in html  # the free text, for the Secretariat
    csv = client.get("/en/surveys/priorities/results.csv").content.decode()
    assert "Government" in csv and "civil" not in csv.lower()
    assert "Sharing practice,19" in csv and "employers" not in csv.lower()
