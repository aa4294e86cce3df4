"""Writes of the Secretariat's survey builder to a survey's questions:
adding and changing one (with its choices and condition), moving it and
removing it (see the package's invariants)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from alliance87.comms.models import Choice, Question, QuestionKind, Survey
from alliance87.comms.services.base import CHOICE_KINDS, has_responses, refuse_if_answered
from alliance87.core.ordering import move_one_place
from alliance87.core.services import service

# A scale runs over at most this many values (0 to 10, 1 to 5...).
MAX_SCALE_VALUES = 11


def _check_condition(question: Question, order: int) -> None:
    """A condition is a choice of an earlier question of the same survey."""
    if question.shown_if_id is None:
        return
    condition = Choice.objects.select_related("question").filter(pk=question.shown_if_id).first()
    if (
        condition is None
        or condition.question.survey_id != question.survey_id
        or condition.question_id == question.pk
    ):
        raise ValidationError(
            {"shown_if": _("The condition must be a choice of another question of this survey.")}
        )
    if condition.question.order >= order:
        raise ValidationError(
            {
                "shown_if": _(
                    "The condition must be an answer to an earlier question: "
                    "“%(question)s” comes after this one."
                )
                % {"question": condition.question.text}
            }
        )


def _dependants(choice_ids: Sequence[int]) -> list[Question]:
    return list(Question.objects.filter(shown_if_id__in=list(choice_ids)))


def _renumber(survey: Survey) -> None:
    for n, question in enumerate(survey.questions.order_by("order", "pk"), start=1):
        if question.order != n:
            question.order = n
            question.save(update_fields=["order"])  # audited, as every write


@service
def save_question(
    question: Question, *, acting_user: Any, choices: Sequence[dict[str, str]] | None = None
) -> Question:
    """Check and save a question and, for a choice question, its choices
    (`choices`: each one's label in each language, in order; a choice
    keeps its place, so its answers and the conditions on it stay). Once
    the survey has responses, only the wording may change."""
    survey = question.survey
    problems: dict[str, str] = {}
    if not (question.text_en or "").strip():  # type: ignore[attr-defined]
        problems["text_en"] = _("Write the question in English at least.")
    labels = [c for c in (choices or []) if any((v or "").strip() for v in c.values())]
    if question.kind in CHOICE_KINDS:
        if len(labels) < 2:
            problems["choices_en"] = _("Give at least two choices.")
        elif any(not (c.get("en") or "").strip() for c in labels):
            problems["choices_en"] = _(
                "Each choice needs its English label: give as many lines in English "
                "as in the other languages."
            )
    elif question.kind == QuestionKind.SCALE:
        if question.scale_min >= question.scale_max:
            problems["scale_max"] = _("The scale must end above where it starts.")
        elif question.scale_max - question.scale_min + 1 > MAX_SCALE_VALUES:
            problems["scale_max"] = _("A scale has at most %(n)s values.") % {
                "n": MAX_SCALE_VALUES
            }
    if problems:
        raise ValidationError(problems)
    existing = list(question.choices.order_by("order", "pk")) if question.pk else []
    if has_responses(survey):
        if question.pk is None:
            refuse_if_answered(survey)
        before = Question.objects.get(pk=question.pk)
        changed = (
            before.kind != question.kind
            or before.required != question.required
            or before.shown_if_id != question.shown_if_id
            or (before.scale_min, before.scale_max) != (question.scale_min, question.scale_max)
            or (question.kind in CHOICE_KINDS and len(labels) != len(existing))
        )
        if changed:
            refuse_if_answered(survey)
    if question.pk is None:
        last = survey.questions.aggregate(last=Max("order"))["last"] or 0
        question.order = last + 1
    _check_condition(question, question.order)
    kept = labels if question.kind in CHOICE_KINDS else []
    dropped = [c.pk for c in existing[len(kept) :]]
    depending = [q for q in _dependants(dropped) if q.pk != question.pk]
    if depending:
        raise ValidationError(
            {
                "choices_en": _(
                    "“%(question)s” is asked only if a choice you removed was chosen: "
                    "change that question's condition first."
                )
                % {"question": depending[0].text}
            }
        )
    question.full_clean(exclude=["survey", "shown_if"])
    question.save()
    Choice.objects.filter(pk__in=dropped).delete()
    for n, texts in enumerate(kept, start=1):
        choice = existing[n - 1] if n <= len(existing) else Choice(question=question)
        choice.order = n
        for code, label in texts.items():
            setattr(choice, f"label_{code}", (label or "").strip()[:300])
        choice.save()
    return question


def _refuse_to_put_before(earlier: Question, later: Question) -> None:
    """Refuse a swap that would ask `later` before the question whose
    answer it depends on."""
    if later.shown_if_id and later.shown_if_id in set(
        earlier.choices.values_list("pk", flat=True)
    ):
        raise ValidationError(
            _("“%(later)s” is asked only after an answer to “%(earlier)s”: it must stay after it.")
            % {"later": later.text, "earlier": earlier.text}
        )


@service
def move_question(question: Question, *, acting_user: Any, up: bool) -> Question:
    """Move a question one place up or down; a question asked only after
    an answer to another stays after it."""
    move_one_place(question.survey.questions.all(), question, up=up, refuse=_refuse_to_put_before)
    return question


@service
def remove_question(question: Question, *, acting_user: Any) -> None:
    """Remove a question and its choices; refused once the survey has
    responses, or while another question depends on its answer."""
    survey = question.survey
    refuse_if_answered(survey)
    depending = _dependants(list(question.choices.values_list("pk", flat=True)))
    if depending:
        raise ValidationError(
            _(
                "“%(question)s” is asked only after an answer to this one: change or "
                "remove that question first."
            )
            % {"question": depending[0].text}
        )
    question.delete()
    _renumber(survey)
