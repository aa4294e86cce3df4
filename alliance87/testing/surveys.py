"""A survey to answer, for the survey tests: three questions (a required
single choice, a text question shown only after "Other", and a scale),
and the answers a form posts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from alliance87.comms.models import Choice, Question, Survey


def make_survey(group: Any = None, **values: Any) -> Survey:
    now = timezone.now()
    values.setdefault("opens_at", now - dt.timedelta(days=1))
    values.setdefault("closes_at", now + dt.timedelta(days=7))
    values.setdefault("visibility", "members" if group else "public")
    values.setdefault("status", "published")
    survey = Survey.objects.create(
        slug="priorities", title="Priorities", title_en="Priorities", group=group, **values
    )
    first = Question.objects.create(
        survey=survey, order=1, kind="single", text_en="Which first?", required=True
    )
    Choice.objects.create(question=first, order=1, label_en="Sharing practice")
    other = Choice.objects.create(question=first, order=2, label_en="Other")
    Question.objects.create(
        survey=survey, order=2, kind="text", text_en="Which other?", shown_if=other, required=True
    )
    Question.objects.create(survey=survey, order=3, kind="scale", text_en="How useful?")
    return survey


def q(survey: Survey, order: int) -> Question:
    return survey.questions.get(order=order)


def answer(survey: Survey, label: str = "Sharing practice", **extra: Any) -> dict[str, Any]:
    choice = q(survey, 1).choices.get(label_en=label)
    return {q(survey, 1).field_name: str(choice.pk), **extra}
