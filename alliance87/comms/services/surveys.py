"""Writes of surveys: links and responses (see the package's invariants)."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.comms.models import (
    Answer,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyLink,
    SurveyMode,
    SurveyStatus,
)
from alliance87.core.services import service
from alliance87.core.text import parse_id


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@service
def make_survey_links(survey: Survey, *, count: int, acting_user: Any) -> list[str]:
    """Make `count` anonymous links; return their tokens (kept nowhere)."""
    if survey.mode != SurveyMode.ANONYMOUS:
        raise ValidationError(_("This survey takes one response per signed-in person."))
    if not 1 <= count <= 1000:
        raise ValidationError(_("Make between 1 and 1,000 links at a time."))
    tokens = [secrets.token_urlsafe(24) for _n in range(count)]
    SurveyLink.objects.bulk_create(
        [SurveyLink(survey=survey, token_hash=_hash_token(t)) for t in tokens]
    )
    return tokens


def refuse_unless_open(survey: Survey) -> None:
    """Refuse, saying why, unless `survey` takes answers now: published,
    and between its opening and closing times."""
    if survey.status != SurveyStatus.PUBLISHED:
        raise ValidationError(_("This survey is not open."), code="draft")
    now = timezone.now()
    when = timezone.localtime
    if now < survey.opens_at:
        raise ValidationError(
            _("This survey opens on %(when)s.")
            % {"when": f"{when(survey.opens_at):%Y-%m-%d %H:%M}"},
            code="not_open",
        )
    if now >= survey.closes_at:
        raise ValidationError(
            _("This survey closed on %(when)s; answers are no longer accepted.")
            % {"when": f"{when(survey.closes_at):%Y-%m-%d %H:%M}"},
            code="closed",
        )


def _answers(questions: list[Question], data: dict[str, Any]) -> list[Answer]:
    """Check the submitted `data` ({field name: value or list}) against
    the questions; return the answers, unsaved, or raise with the problem
    of each question."""
    chosen: set[int] = set()
    answers: list[Answer] = []
    problems: dict[str, str] = {}
    for question in questions:
        if question.shown_if_id is not None and question.shown_if_id not in chosen:
            continue  # not asked: its condition was not met
        raw = data.get(question.field_name)
        values = [v for v in (raw if isinstance(raw, list) else [raw]) if v not in (None, "")]
        if not values:
            if question.required:
                problems[question.field_name] = _("Answer this question.")
            continue
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            ids = {c.pk: c for c in question.choices.all()}
            picked = [parse_id(v) for v in values]
            if any(p not in ids for p in picked) or (
                question.kind == QuestionKind.SINGLE and len(picked) > 1
            ):
                problems[question.field_name] = _("Choose among the choices given.")
                continue
            for pk in dict.fromkeys(picked):
                assert pk is not None
                chosen.add(pk)
                answers.append(Answer(question=question, choice=ids[pk]))
        elif question.kind == QuestionKind.SCALE:
            value = parse_id(values[0])
            if value is None or not question.scale_min <= value <= question.scale_max:
                problems[question.field_name] = _("Choose a value from %(low)s to %(high)s.") % {
                    "low": question.scale_min,
                    "high": question.scale_max,
                }
                continue
            answers.append(Answer(question=question, value=value))
        else:
            text = str(values[0]).strip()[:5000]
            answers.append(Answer(question=question, text=text))
    if problems:
        raise ValidationError(problems)
    return answers


def _profile(user: Any) -> tuple[str, str]:
    from alliance87.partners.models import Person

    person = (
        Person.objects.filter(user=user).select_related("organisation__country").first()
        if user is not None and user.is_authenticated
        else None
    )
    organisation = person.organisation if person else None
    if organisation is None:
        return "", ""
    country = organisation.country
    return organisation.stakeholder_type or "", country.region if country else ""


@service
def submit_response(
    survey: Survey, *, acting_user: Any, data: dict[str, Any], token: str = ""
) -> Response:
    """Record one response to `survey`, all or nothing; refuse it when the
    survey is not open, the person answered already, or the link is not
    good."""
    refuse_unless_open(survey)
    questions = list(survey.questions.prefetch_related("choices"))
    answers = _answers(questions, data)
    response = Response(survey=survey)
    if survey.mode == SurveyMode.ANONYMOUS:
        link = SurveyLink.objects.filter(survey=survey, token_hash=_hash_token(token)).first()
        if not token or link is None:
            raise ValidationError(_("This survey link is not valid."), code="forged")
        claimed = SurveyLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not claimed:
            raise ValidationError(_("This survey link has already been used."), code="double")
    else:
        if acting_user is None or not acting_user.is_authenticated:
            raise ValidationError(_("Sign in to answer this survey."), code="sign_in")
        if Response.objects.filter(survey=survey, respondent=acting_user).exists():
            raise ValidationError(_("You have already answered this survey."), code="double")
        response.respondent = acting_user
        response.stakeholder_type, response.region = _profile(acting_user)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You have already answered this survey."), code="double"
        ) from error
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    return response
