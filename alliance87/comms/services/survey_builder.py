"""Writes of the Secretariat's survey builder to a survey: saving and
copying it, opening and closing it, reminders to those who have not
answered, and publishing its results (see the package's invariants). Its
questions are written in `survey_questions`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.comms.models import (
    Answer,
    Choice,
    QuestionKind,
    Reminder,
    ReminderDelivery,
    Survey,
    SurveyMode,
    SurveyStatus,
)
from alliance87.comms.services.base import CHOICE_KINDS, has_responses
from alliance87.comms.tasks import send_survey_reminder
from alliance87.core.models import Citation
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import Visibility

# A new reminder waits this long after the last one: a second click, or a
# second member of the Secretariat, does not remind everyone twice.
REMINDER_GAP = dt.timedelta(hours=1)
LANGUAGE_CODES = ("en", "fr", "es")


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


def _moved_dates(survey: Survey, opens_on: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The opening and closing times of `survey` moved by as many days as
    take its opening (in UTC) to `opens_on`: each keeps its time of day,
    and the survey stays open as long. Refused for a date before today
    (UTC), and for one so far ahead that the closing falls off the
    calendar."""
    if opens_on < timezone.now().astimezone(dt.UTC).date():
        raise ValidationError(
            {"opens_on": _("The new opening date has passed: choose today or a later date.")}
        )
    offset = opens_on - survey.opens_at.astimezone(dt.UTC).date()
    try:
        return survey.opens_at + offset, survey.closes_at + offset
    except OverflowError:
        raise ValidationError(
            {
                "opens_on": _(
                    "This date is too far ahead: the survey would close after the year 9999."
                )
            }
        ) from None


@service
def copy_survey(survey: Survey, *, acting_user: Any, opens_on: dt.date | None = None) -> Survey:
    """Make a new draft of `survey`: its texts, audience, dates, mode and
    sources, and its questions and choices (conditions pointing at the
    copy's choices); no responses, links, reminders or published results.
    Its title reads "Copy of …" in each language it has. With `opens_on`,
    the copy opens that day and its closing moves by as many days
    (`_moved_dates`); without, it keeps the original's dates."""
    dates: dict[str, Any] = {}
    if opens_on is not None:
        dates["opens_at"], dates["closes_at"] = _moved_dates(survey, opens_on)
    copy = _copied(
        survey,
        {"slug", "status", "results_published_at", "created"},
        status=SurveyStatus.DRAFT,
        results_published_at=None,
        **dates,
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
    if has_responses(survey):
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
