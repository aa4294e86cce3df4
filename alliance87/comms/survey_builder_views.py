"""The Secretariat's survey builder: a survey's settings, its questions
(added, edited, moved, removed), opening and closing it, reminders, and
publishing its results. Plain forms; every write through a service."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.comms import services
from alliance87.comms.access import for_secretariat
from alliance87.comms.forms import QuestionForm, SurveyCopyForm, SurveyForm
from alliance87.comms.models import (
    MIN_CELL,
    Answer,
    DeliveryStatus,
    Question,
    Survey,
    SurveyMode,
    SurveyStatus,
)
from alliance87.core.forms import add_service_errors


def _survey(slug: str) -> Survey:
    found = Survey.objects.filter(slug=slug[:120]).select_related("group").first()
    if found is None:
        raise Http404("No such survey.")
    return found


def _question(survey: Survey, pk: int) -> Question:
    question = survey.questions.filter(pk=pk).first()
    if question is None:
        raise Http404("No such question.")
    return question


def _manage_url(survey: Survey) -> str:
    return reverse("comms:survey-manage", args=[survey.slug])


def _field_for(form: Any) -> Any:
    return lambda field: f"{field}_en" if f"{field}_en" in form.fields else field


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def survey_edit(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Start a survey, or change its texts, audience, dates and mode."""
    found = _survey(slug) if slug else None
    if request.method == "POST":
        form = SurveyForm(request.POST, user=request.user)
        target = found or Survey()
        if form.is_valid():
            form.apply(target)
            try:
                services.save_survey(target, acting_user=request.user)
            except ValidationError as error:
                add_service_errors(form, error, field_for=_field_for(form))
            else:
                messages.success(request, _("The survey is saved."))
                return redirect(_manage_url(target))
    else:
        form = SurveyForm(
            initial=SurveyForm.initial_for(found) if found else {}, user=request.user
        )
    status = 400 if request.method == "POST" else 200
    return render(
        request, "comms/survey_edit.html", {"form": form, "survey": found}, status=status
    )


def _reminders(survey: Survey) -> list[Any]:
    return list(
        survey.reminders.select_related("sent_by").annotate(
            people=Count("deliveries"),
            sent=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.SENT)),
            waiting=Count(
                "deliveries",
                filter=Q(deliveries__status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
            ),
            failed=Count("deliveries", filter=Q(deliveries__status=DeliveryStatus.FAILED)),
        )
    )


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def survey_manage(request: HttpRequest, slug: str) -> HttpResponse:
    """A survey's management page: its settings, questions, state, and the
    actions on it (open, close, back to draft, remind, publish results)."""
    found = _survey(slug)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        act: dict[str, Any] = {
            "open": (services.open_survey, {}, _("The survey is open to its audience.")),
            "close": (services.close_survey, {}, _("The survey no longer takes answers.")),
            "draft": (services.return_to_draft, {}, _("The survey is a draft again.")),
            "remind": (services.send_reminder, {}, _("The reminder is being sent.")),
            "publish-results": (
                services.publish_results,
                {"published": True},
                _("The results are published to the survey's audience."),
            ),
            "withdraw-results": (
                services.publish_results,
                {"published": False},
                _("The results are the Secretariat's only again."),
            ),
        }
        if action not in act:
            messages.error(request, _("Choose an action."))
            status = 400
        else:
            function, extra, done = act[action]
            try:
                function(found, acting_user=request.user, **extra)
            except ValidationError as error:
                messages.error(request, error.messages[0])
                status = 400
            else:
                messages.success(request, done)
                return redirect(_manage_url(found))
        found.refresh_from_db()
    questions = list(
        found.questions.prefetch_related("choices").select_related("shown_if__question")
    )
    context = {
        "survey": found,
        "questions": questions,
        "responses": found.responses.count(),
        "reminders": _reminders(found),
        "may_remind": found.mode == SurveyMode.PER_PERSON
        and found.visibility in ("partners", "members"),
        "is_draft": found.status == SurveyStatus.DRAFT,
        "is_closed": found.closes_at <= timezone.now(),
        "min_cell": MIN_CELL,
        "copy_form": _copy_form(),
    }
    return render(request, "comms/survey_manage.html", context, status=status)


def _copy_form(data: Any = None) -> SurveyCopyForm:
    return SurveyCopyForm(data, initial={"opens_on": timezone.now().date()})


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def survey_copy(request: HttpRequest, slug: str) -> HttpResponse:
    """Make a new draft of a survey, its questions and choices copied, that
    opens on the day asked (today unless changed), its closing moved by as
    many days. GET asks for the day (the management page has the same
    form); a refusal is shown beside it (400)."""
    found = _survey(slug)
    form = _copy_form(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            copy = services.copy_survey(
                found, acting_user=request.user, opens_on=form.cleaned_data["opens_on"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "This is a copy of the survey, saved as a draft with its questions and "
                    "without answers, its dates moved: check its title and dates before "
                    "opening it."
                ),
            )
            return redirect(_manage_url(copy))
    return render(
        request,
        "comms/survey_copy.html",
        {"survey": found, "copy_form": form},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def question_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    """Add a question to a survey, or edit one."""
    found = _survey(slug)
    question = Question(survey=found) if pk is None else _question(found, pk)
    status = 200
    if request.method == "POST":
        form = QuestionForm(request.POST, question=question)
        if form.is_valid():
            choices = form.apply(question)
            try:
                services.save_question(question, acting_user=request.user, choices=choices)
            except ValidationError as error:
                add_service_errors(form, error, field_for=_field_for(form))
            else:
                messages.success(request, _("The question is saved."))
                return redirect(_manage_url(found) + f"#question-{question.pk}")
        status = 400
    else:
        form = QuestionForm(initial=QuestionForm.initial_for(question), question=question)
    return render(
        request,
        "comms/survey_question.html",
        {
            "form": form,
            "survey": found,
            "question": question if question.pk else None,
            "answered": found.responses.exists(),
        },
        status=status,
    )


@require_POST
@for_secretariat
def question_move(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = _survey(slug)
    question = _question(found, pk)
    try:
        services.move_question(
            question, acting_user=request.user, up=request.POST.get("direction") == "up"
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(_manage_url(found) + f"#question-{pk}")


@require_POST
@for_secretariat
def question_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    found = _survey(slug)
    question = _question(found, pk)
    try:
        services.remove_question(question, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The question is removed."))
    return redirect(_manage_url(found))


@require_POST
@for_secretariat
def text_answer_publish(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Show one free-text answer with the published results, or stop."""
    found = _survey(slug)
    answer = (
        Answer.objects.filter(pk=pk, response__survey=found).select_related("question").first()
    )
    if answer is None:
        raise Http404("No such answer.")
    try:
        services.publish_text_answer(
            answer, acting_user=request.user, published=request.POST.get("published") == "1"
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect(reverse("comms:survey-results", args=[found.slug]) + f"#r{answer.question_id}")
