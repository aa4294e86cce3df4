"""Writes of the Secretariat's survey builder: a survey and its questions,
opening and closing it, reminders to those who have not answered, and
publishing its results (see the package's invariants)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.comms.models import (
    Answer,
    Choice,
    Question,
    QuestionKind,
    Reminder,
    ReminderDelivery,
    Survey,
    SurveyMode,
    SurveyStatus,
)
from alliance87.comms.tasks import send_survey_reminder
from alliance87.core.models import Citation
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import Visibility

# A scale runs over at most this many values (0 to 10, 1 to 5...).
MAX_SCALE_VALUES = 11
# A new reminder waits this long after the last one: a second click, or a
# second member of the Secretariat, does not remind everyone twice.
REMINDER_GAP = dt.timedelta(hours=1)
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
LANGUAGE_CODES = ("en", "fr", "es")


def _has_responses(survey: Survey) -> bool:
    return survey.pk is not None and survey.responses.exists()


def _refuse_if_answered(survey: Survey) -> None:
    if _has_responses(survey):
        raise ValidationError(
            _(
                "This survey has responses: its questions can no longer be added, "
                "removed or changed, only reworded, so that the answers given keep "
                "their meaning."
            ),
            code="answered",
        )


def _free_slug(title: str, survey: Survey) -> str:
    base = slugify(title)[:100] or "survey"
    if base == "new":  # /surveys/new/ starts a survey
        base = "survey-new"
    slug, n = base, 1
    while Survey.objects.filter(slug=slug).exclude(pk=survey.pk).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@service
def save_survey(survey: Survey, *, acting_user: Any) -> Survey:
    """Check and save a survey's texts, audience, dates and mode. Its
    mode stays as it is once it has responses or anonymous links."""
    problems: dict[str, str] = {}
    if not (survey.title_en or "").strip():  # type: ignore[attr-defined]
        problems["title_en"] = _("Give the survey a title in English at least.")
    if survey.opens_at and survey.closes_at and survey.closes_at <= survey.opens_at:
        problems["closes_at"] = _("A survey closes after it opens.")
    if survey.visibility == Visibility.MEMBERS and survey.group_id is None:
        problems["group"] = _("Choose the group whose members answer (the GCG is one).")
    if survey.visibility != Visibility.MEMBERS:
        survey.group = None
    if survey.pk is not None:
        before = Survey.objects.get(pk=survey.pk)
        if before.mode != survey.mode and (survey.responses.exists() or survey.links.exists()):
            problems["mode"] = _(
                "This survey has responses or anonymous links: how it is answered "
                "can no longer change."
            )
    if problems:
        raise ValidationError(problems)
    if not survey.slug:
        survey.slug = _free_slug(survey.title_en, survey)  # type: ignore[attr-defined]
    survey.full_clean()
    survey.save()
    return survey


def _copied(row: Any, skip: set[str], **values: Any) -> Any:
    """Return an unsaved copy of `row` with `values` set: its own fields
    (each language's text included) but its id and the `skip`ped ones.
    Built through the constructor, whose assignment of a translated field
    writes no language's (modeltranslation), unlike `copy.field = …`."""
    model = type(row)
    own = {
        f.attname: getattr(row, f.attname)
        for f in model._meta.concrete_fields
        if not f.primary_key and f.name not in skip and f.attname not in values
    }
    return model(**own, **values)


@service
def copy_survey(survey: Survey, *, acting_user: Any) -> Survey:
    """Make a new draft of `survey`: its texts, audience, dates, mode and
    sources, and its questions and choices (conditions pointing at the
    copy's choices); no responses, links, reminders or published results.
    Its title reads "Copy of …" in each language it has."""
    copy = _copied(
        survey,
        {"slug", "status", "results_published_at", "created"},
        status=SurveyStatus.DRAFT,
        results_published_at=None,
    )
    for code in LANGUAGE_CODES:
        title = getattr(survey, f"title_{code}") or ""
        if title:
            with translation.override(code):
                label = _("Copy of %(title)s") % {"title": title}
            setattr(copy, f"title_{code}", label[: Survey._meta.get_field("title").max_length])
    copy.slug = _free_slug(copy.title_en, copy)
    copy.full_clean()
    copy.save()
    choices: dict[int, Choice] = {}
    for question in survey.questions.order_by("order", "pk").prefetch_related("choices"):
        new = _copied(
            question,
            {"survey", "shown_if"},
            survey=copy,
            shown_if=choices.get(question.shown_if_id) if question.shown_if_id else None,
        )
        new.save()
        for choice in question.choices.all():
            choices[choice.pk] = _copied(choice, {"question"}, question=new)
            choices[choice.pk].save()
    for citation in Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(Survey), object_id=survey.pk
    ):
        _copied(citation, {"object_id"}, object_id=copy.pk).save()
    return copy


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
    if _has_responses(survey):
        if question.pk is None:
            _refuse_if_answered(survey)
        before = Question.objects.get(pk=question.pk)
        changed = (
            before.kind != question.kind
            or before.required != question.required
            or before.shown_if_id != question.shown_if_id
            or (before.scale_min, before.scale_max) != (question.scale_min, question.scale_max)
            or (question.kind in CHOICE_KINDS and len(labels) != len(existing))
        )
        if changed:
            _refuse_if_answered(survey)
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


@service
def move_question(question: Question, *, acting_user: Any, up: bool) -> Question:
    """Move a question one place up or down; a question asked only after
    an answer to another stays after it."""
    survey = question.survey
    _renumber(survey)
    question.refresh_from_db()
    ordered = list(survey.questions.order_by("order", "pk"))
    at = next(n for n, q in enumerate(ordered) if q.pk == question.pk)
    to = at - 1 if up else at + 1
    if not 0 <= to < len(ordered):
        return question
    other = ordered[to]
    first, second = (other, question) if up else (question, other)
    # After the swap `second` comes before `first`: refused if `second`
    # depends on `first`.
    if second.shown_if_id and second.shown_if_id in set(
        first.choices.values_list("pk", flat=True)
    ):
        raise ValidationError(
            _("“%(later)s” is asked only after an answer to “%(earlier)s”: it must stay after it.")
            % {"later": second.text, "earlier": first.text}
        )
    question.order, other.order = other.order, question.order
    question.save(update_fields=["order"])
    other.save(update_fields=["order"])
    return question


@service
def remove_question(question: Question, *, acting_user: Any) -> None:
    """Remove a question and its choices; refused once the survey has
    responses, or while another question depends on its answer."""
    survey = question.survey
    _refuse_if_answered(survey)
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


@service
def open_survey(survey: Survey, *, acting_user: Any) -> Survey:
    """Publish a survey: its audience sees it and answers from its opening
    time to its closing time."""
    questions = list(survey.questions.prefetch_related("choices"))
    if not questions:
        raise ValidationError(_("Add at least one question before opening the survey."))
    for question in questions:
        if question.kind in CHOICE_KINDS and len(question.choices.all()) < 2:
            raise ValidationError(
                _("“%(question)s” needs at least two choices.") % {"question": question.text}
            )
    if survey.closes_at <= timezone.now():
        raise ValidationError(_("Its closing time has passed: set a later one first."))
    survey.status = SurveyStatus.PUBLISHED
    survey.save(update_fields=["status"])
    return survey


@service
def close_survey(survey: Survey, *, acting_user: Any) -> Survey:
    """Stop taking answers now. A survey not yet open returns to draft; an
    open one keeps its page and results, and its closing time is now."""
    now = timezone.now()
    if survey.status != SurveyStatus.PUBLISHED or survey.closes_at <= now:
        raise ValidationError(_("This survey is not open."))
    if survey.opens_at > now:
        survey.status = SurveyStatus.DRAFT
        survey.save(update_fields=["status"])
    else:
        survey.closes_at = now
        survey.save(update_fields=["closes_at"])
    return survey


@service
def return_to_draft(survey: Survey, *, acting_user: Any) -> Survey:
    """Take a survey back to draft (its audience no longer sees it);
    refused once it has responses: close it instead."""
    if _has_responses(survey):
        raise ValidationError(_("This survey has responses: close it rather than unpublish it."))
    survey.status = SurveyStatus.DRAFT
    survey.save(update_fields=["status"])
    return survey


@service
def publish_results(survey: Survey, *, acting_user: Any, published: bool = True) -> Survey:
    """Show the results (counts, charts and the breakdowns the small-cell
    rule lets through) to the survey's audience, or stop showing them."""
    if published and survey.status != SurveyStatus.PUBLISHED:
        raise ValidationError(_("Open the survey before publishing its results."))
    survey.results_published_at = timezone.now() if published else None
    survey.save(update_fields=["results_published_at"])
    return survey


@service
def publish_text_answer(answer: Answer, *, acting_user: Any, published: bool) -> Answer:
    """Show one free-text answer with the published results, or stop."""
    if answer.question.kind != QuestionKind.TEXT:
        raise ValidationError(_("Only free-text answers are published one by one."))
    answer.published = published
    answer.save(update_fields=["published"])
    return answer


def _audience_users(survey: Survey) -> Any:
    """The active accounts a per-person survey is for: the people of
    partner organisations, or those the groups area counts in the group
    (its members' people, named representatives, chairs and seats)."""
    from alliance87.groups.models import ChairTerm, Membership, SeatTerm, current_q
    from alliance87.partners.models import Person

    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    if survey.visibility == Visibility.PARTNERS:
        people = Person.objects.filter(organisation__is_partner=True)
    elif survey.visibility == Visibility.MEMBERS and survey.group_id:
        memberships = Membership.objects.filter(current_q(), group_id=survey.group_id)
        organisations = (
            set(memberships.values_list("organisation_id", flat=True))
            | set(
                ChairTerm.objects.filter(current_q(), group_id=survey.group_id).values_list(
                    "organisation_id", flat=True
                )
            )
            | set(
                SeatTerm.objects.filter(current_q(), seat__group_id=survey.group_id).values_list(
                    "organisation_id", flat=True
                )
            )
        )
        people = Person.objects.filter(
            Q(organisation_id__in=organisations - {None})
            | Q(pk__in=memberships.values("representatives"))
        )
    else:
        return users.none()
    return users.filter(pk__in=people.filter(user__isnull=False).values("user_id"))


@service
def send_reminder(survey: Survey, *, acting_user: Any) -> Reminder:
    """Remind those of a per-person survey's audience who have not answered
    yet, by email in the background (queued on commit): one delivery per
    person, each sent at most once."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.mode != SurveyMode.PER_PERSON:
        raise ValidationError(_("Anonymous links name no one: there is no one to remind."))
    if not survey.is_open:
        raise ValidationError(_("This survey is not open: there is nothing to remind of."))
    if survey.visibility not in (Visibility.PARTNERS, Visibility.MEMBERS):
        raise ValidationError(
            _("Reminders go to a list of people: partners or a group's members, not the public.")
        )
    last = survey.reminders.order_by("-created").first()
    if last is not None and last.created > timezone.now() - REMINDER_GAP:
        raise ValidationError(
            _("A reminder was sent less than an hour ago: wait before sending another.")
        )
    answered = survey.responses.filter(respondent__isnull=False).values("respondent_id")
    waiting = _audience_users(survey).exclude(pk__in=answered).order_by("pk")
    ids = list(waiting.values_list("pk", flat=True))
    if not ids:
        raise ValidationError(_("Everyone in the audience has answered: no one to remind."))
    reminder = Reminder.objects.create(
        survey=survey, sent_by=acting_user if getattr(acting_user, "pk", None) else None
    )
    ReminderDelivery.objects.bulk_create(
        [ReminderDelivery(reminder=reminder, user_id=pk) for pk in ids], ignore_conflicts=True
    )
    enqueue_on_commit(send_survey_reminder, reminder.pk)
    return reminder
