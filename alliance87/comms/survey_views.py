"""Surveys: the list of surveys a person may answer, answering (signed in,
or through an anonymous link), a preview for the Secretariat, the results
(the Secretariat's, and the audience's once published), CSV and anonymous
links. The surveys are built at survey_builder_views."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.comms import services
from alliance87.comms.models import Response, Survey, SurveyMode
from alliance87.comms.survey_results import results, results_csv
from alliance87.core.visibility import is_secretariat


def _survey_for(user: Any, slug: str) -> Survey:
    survey = Survey.objects.visible_to(user).filter(slug=slug[:120]).first()
    if survey is None:
        raise Http404("No such survey.")
    return survey


@require_safe
def surveys(request: HttpRequest) -> HttpResponse:
    rows = list(Survey.objects.visible_to(request.user).select_related("group"))
    return render(
        request,
        "comms/surveys.html",
        {"surveys": rows, "may_manage": is_secretariat(request.user)},
    )


def _data(request: HttpRequest, survey: Survey) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for question in survey.questions.all():
        values = request.POST.getlist(question.field_name)
        data[question.field_name] = values if len(values) > 1 else (values[0] if values else "")
    return data


@require_http_methods(["GET", "HEAD", "POST"])
def survey(request: HttpRequest, slug: str) -> HttpResponse:
    """Answer a survey. An anonymous survey is answered through its link
    (`?t=`); a per-person one by its audience, signed in."""
    token = request.GET.get("t", "") or request.POST.get("t", "")
    if token:
        found = Survey.objects.filter(slug=slug[:120], mode=SurveyMode.ANONYMOUS).first()
        if found is None or found.status != "published":
            raise Http404("No such survey.")
    else:
        # A hidden survey answers 404 to everyone, signed in or not (the
        # reminders link through the sign-in page).
        found = _survey_for(request.user, slug)
    questions = list(found.questions.prefetch_related("choices").select_related("shown_if"))
    for question in questions:
        question.given = []  # type: ignore[attr-defined]
    context: dict[str, Any] = {"survey": found, "questions": questions, "token": token}
    status = 200
    refusal = ""
    if is_secretariat(request.user) and (
        "preview" in request.GET or (not found.is_open and request.method != "POST")
    ):
        # The Secretariat previews a draft, or a survey not open: the form
        # as its audience will see it, with nothing to send (an answer
        # posted to a survey not open is refused below, as anyone's).
        context["preview"] = True
        return render(request, "comms/survey.html", context)
    if (
        not token
        and found.mode == SurveyMode.PER_PERSON
        and not request.user.is_authenticated
        and found.is_open
    ):
        # A public survey: read by anyone, answered once signed in.
        context["sign_in"] = True
        if request.method == "POST":
            return redirect_to_login(request.get_full_path())
        return render(request, "comms/survey.html", context)
    if (
        found.mode == SurveyMode.PER_PERSON
        and request.user.is_authenticated
        and Response.objects.filter(survey=found, respondent=request.user).exists()
    ):
        refusal = _("You have already answered this survey.")
    if request.method == "POST" and not refusal:
        try:
            services.submit_response(
                found, acting_user=request.user, data=_data(request, found), token=token
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                context["errors"] = {k: v[0].messages[0] for k, v in error.error_dict.items()}
                # The answers given stay in the form.
                for question in questions:
                    question.given = request.POST.getlist(question.field_name)  # type: ignore[attr-defined]
                status = 400
            else:
                refusal = error.messages[0]
        else:
            return render(request, "comms/survey_done.html", {"survey": found})
    if refusal or not found.is_open:
        if not refusal:
            try:
                services.refuse_unless_open(found)
            except ValidationError as error:
                refusal = error.messages[0]
        # Asked to answer: refused, nothing stored (400). Only looking: the
        # page says why there is no form, and links to the results the
        # visitor may read (200).
        return render(
            request,
            "comms/survey_done.html",
            {
                "survey": found,
                "refusal": refusal or _("This survey is not open."),
                "closed": found.closes_at <= timezone.now(),
                "results": _results_visible(request.user, found),
            },
            status=400 if request.method == "POST" else 200,
        )
    return render(request, "comms/survey.html", context, status=status)


def _results_visible(user: Any, survey: Survey) -> bool:
    """Whether `user` may read `survey`'s results: published, and `user` is
    in its audience (someone answering through an anonymous link may not
    be)."""
    return (
        survey.results_published_at is not None
        and Survey.objects.visible_to(user).filter(pk=survey.pk).exists()
    )


def _secretariat_survey(request: HttpRequest, slug: str) -> Survey:
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    return _survey_for(request.user, slug)


def _results_survey(request: HttpRequest, slug: str) -> Survey:
    """The survey whose results `request.user` may read: any, for the
    Secretariat; one whose audience they are in and whose results are
    published, for others (404 otherwise, signed in or not)."""
    found = _survey_for(request.user, slug)
    if not is_secretariat(request.user) and found.results_published_at is None:
        raise Http404("Not found.")
    return found


@require_safe
def survey_results(request: HttpRequest, slug: str) -> HttpResponse:
    found = _results_survey(request, slug)
    secretariat = is_secretariat(request.user)
    context = results(found, all_texts=secretariat)
    context["secretariat"] = secretariat
    return render(request, "comms/survey_results.html", context)


@require_safe
def survey_results_csv(request: HttpRequest, slug: str) -> HttpResponse:
    found = _results_survey(request, slug)
    response = HttpResponse(results_csv(results(found)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{found.slug}-results.csv"'
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def survey_links(request: HttpRequest, slug: str) -> HttpResponse:
    """Make anonymous links; their addresses are shown once."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    found = _secretariat_survey(request, slug)
    links: list[str] = []
    error = ""
    if request.method == "POST":
        try:
            count = int(request.POST.get("count", "0") or 0)
        except ValueError:
            count = 0
        try:
            tokens = services.make_survey_links(found, count=count, acting_user=request.user)
        except ValidationError as refused:
            error = refused.messages[0]
        else:
            base = request.build_absolute_uri(found.get_absolute_url())
            links = [f"{base}?t={t}" for t in tokens]
    return render(
        request, "comms/survey_links.html", {"survey": found, "links": links, "error": error}
    )
