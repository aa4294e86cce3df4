"""The campaign pages: the list, a campaign with its toolkit, calendar and
published highlights, the partners' forms, the reviewers' queue."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.campaigns import selectors, services
from alliance87.campaigns.forms import ActivityForm, DeclineForm, ImageForm, SubmissionForm
from alliance87.campaigns.models import Campaign, PlannedActivity
from alliance87.campaigns.rules import groups_for_new_campaign, may_review, may_submit, may_write
from alliance87.core.forms import add_service_errors, save_posted
from alliance87.core.pagecache import public_page
from alliance87.events.calendars import build_calendar

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
PARTNER_TEMPLATES = {
    SubmissionForm: "campaigns/submit.html",
    ActivityForm: "campaigns/activity_form.html",
}


def follows_former_address(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Send a page asked at a campaign's former address on to the same page
    at its present one: 301 for a reading, 308 for a form posted (so that
    it is posted again there, not read). `selectors.get_campaign_for_user`
    says when (`CampaignMoved`): only to those who may see the campaign;
    to others the former address answers 404, as the present one does.
    campaigns.urls wraps every page that takes the campaign's address;
    outside `public_page`, so the redirect is not kept in the page cache."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, slug, **kwargs)
        except selectors.CampaignMoved as moved:
            match = request.resolver_match
            if match is None:  # pragma: no cover - a view called outside a URLconf
                raise
            url = reverse(match.view_name, kwargs={**match.kwargs, "slug": moved.slug})
            query = request.META.get("QUERY_STRING", "")
            url = f"{url}?{query}" if query else url
            if request.method in ("GET", "HEAD"):
                return HttpResponsePermanentRedirect(url)
            return HttpResponseRedirect(url, status=308)

    return wrapper


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "campaigns/index.html",
        {
            "campaigns": selectors.list_campaigns(request.user),
            "may_start": groups_for_new_campaign(request.user).exists(),
        },
    )


@require_safe
@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = selectors.get_campaign_for_user(request.user, slug)
    context = selectors.campaign_page(request.user, campaign).as_context()
    return render(request, "campaigns/detail.html", context)


@require_safe
@public_page
def activities_ics(request: HttpRequest, slug: str) -> HttpResponse:
    """The partners' planned activities as a calendar (events.calendars)."""
    campaign = selectors.get_campaign_for_user(request.user, slug)
    body = build_calendar(
        [],
        name=campaign.title,
        base_url=request.build_absolute_uri("/"),
        linked=selectors.calendar_rows(campaign, request.user),
    )
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{campaign.slug}.ics"'
    return response


def _campaign_for_partner(request: HttpRequest, slug: str) -> Campaign:
    campaign = selectors.get_campaign_for_user(request.user, slug)
    if not may_submit(request.user):
        raise Http404("Not found.")
    return campaign


def _partner_form(
    request: HttpRequest,
    slug: str,
    form: SubmissionForm | ActivityForm,
    service: Callable[..., object],
    thanks: str,
    anchor: str,
) -> HttpResponse:
    """Show a partner's `form` for the campaign (its template named for
    it), or hand what it posts to `service` (the form's fields are the
    service's words, one for one), thank them and go to `anchor` on the
    campaign's page."""
    campaign = _campaign_for_partner(request, slug)
    if save_posted(
        request,
        form,
        lambda form: service(campaign, acting_user=request.user, **form.cleaned_data),
    ):
        messages.success(request, thanks)
        return redirect(campaign.get_absolute_url() + anchor)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        PARTNER_TEMPLATES[type(form)],
        {"campaign": campaign, "form": form, "open": campaign.call_open},
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    """A partner submits a highlight from a country or a champion."""
    thanks = _("Thank you: your submission waits for review. You see it on this page.")
    form = SubmissionForm(request.POST or None)
    return _partner_form(request, slug, form, services.submit, thanks, "#yours")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def add_activity(request: HttpRequest, slug: str) -> HttpResponse:
    """A partner adds an activity they plan for the campaign."""
    thanks = _(
        "Thank you: your activity waits for review. You see it on this page, "
        "and are told by email when it is published."
    )
    form = ActivityForm(request.POST or None)
    return _partner_form(request, slug, form, services.add_planned_activity, thanks, "#activities")


@require_POST
@login_required
def remove_activity(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    campaign = selectors.get_campaign_for_user(request.user, slug)
    activity = get_object_or_404(PlannedActivity, campaign=campaign, pk=pk)
    services.remove_planned_activity(activity, acting_user=request.user)
    messages.success(request, _("The activity is off the calendar."))
    return redirect(campaign.get_absolute_url() + "#activities")


def _campaign_for_reviewer(request: HttpRequest, slug: str) -> Campaign:
    campaign = selectors.get_campaign_for_user(request.user, slug)
    if not may_review(request.user, campaign):
        raise Http404("Not found.")
    return campaign


@require_safe
@login_required
def review(request: HttpRequest, slug: str) -> HttpResponse:
    """The reviewers' queue: what waits, and what was decided."""
    campaign = _campaign_for_reviewer(request, slug)
    return _render_review(request, campaign)


def _render_review(
    request: HttpRequest,
    campaign: Campaign,
    *,
    failed_form: DeclineForm | None = None,
    status: int = 200,
) -> HttpResponse:
    waiting, decided = selectors.review_queue(request.user, campaign)
    activities_waiting, activities_decided = selectors.activity_queue(request.user, campaign)

    def with_forms(rows: Any, letter: str) -> list[tuple[Any, DeclineForm]]:
        # Each row waiting with its decline form: the refused one as posted.
        failed = {failed_form.prefix: failed_form} if failed_form is not None else {}
        return [
            (r, failed.get(f"{letter}{r.pk}", DeclineForm(prefix=f"{letter}{r.pk}"))) for r in rows
        ]

    activity_rows = with_forms(activities_waiting, ACTIVITY.letter)
    rows = with_forms(waiting, SUBMISSION.letter)
    return render(
        request,
        "campaigns/review.html",
        {
            "campaign": campaign,
            "rows": rows,
            "decided": decided,
            "activity_rows": activity_rows,
            "activities_decided": activities_decided,
        },
        status=status,
    )


@dataclass(frozen=True)
class _Decision:
    """What a reviewer publishes or declines: a submission or a planned
    activity, with the service and the message of each outcome."""

    letter: str  # before the row's pk, the prefix of its decline form
    get: Callable[[Any, Campaign, int], Any]
    publish: Callable[..., object]
    decline: Callable[..., object]
    published: Promise
    declined: Promise


SUBMISSION = _Decision(
    "s",
    selectors.get_submission_for_reviewer,
    services.publish_submission,
    services.decline_submission,
    published=gettext_lazy("The submission is published on the campaign's page."),
    declined=gettext_lazy("The submission is declined; its author sees why."),
)
ACTIVITY = _Decision(
    "a",
    selectors.get_activity_for_reviewer,
    services.publish_activity,
    services.decline_activity,
    published=gettext_lazy("The activity is on the campaign's page and calendar."),
    declined=gettext_lazy("The activity is declined; its author sees why."),
)


def _decide(request: HttpRequest, slug: str, pk: int, decision: _Decision) -> HttpResponse:
    """Publish the row `pk` of `decision`'s kind, or decline it with the
    reason of its decline form; back to the queue."""
    campaign = _campaign_for_reviewer(request, slug)
    row = decision.get(request.user, campaign, pk)
    try:
        if request.POST.get("action") == "publish":
            decision.publish(row, acting_user=request.user)
            messages.success(request, str(decision.published))
        else:
            form = DeclineForm(request.POST, prefix=f"{decision.letter}{pk}")
            if not form.is_valid():
                return _render_review(request, campaign, failed_form=form, status=400)
            decision.decline(row, acting_user=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, str(decision.declined))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("campaigns:review", campaign.slug)


@require_POST
@login_required
def decide(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish a submission, or decline it with a reason."""
    return _decide(request, slug, pk, SUBMISSION)


@require_POST
@login_required
def decide_activity(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish a planned activity, or decline it with a reason."""
    return _decide(request, slug, pk, ACTIVITY)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def add_image(request: HttpRequest, slug: str) -> HttpResponse:
    """Add an image to the toolkit (the Secretariat and the reviewers)."""
    campaign = selectors.get_campaign_for_user(request.user, slug)
    if not may_write(request.user, campaign):
        raise Http404("Not found.")
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.add_campaign_image(
                campaign,
                acting_user=request.user,
                upload=data["image"],
                alt={code: data[f"alt_{code}"] for code in ("en", "fr", "es")},
                licence=data["licence"],
                credit=data["credit"],
            )
        except ValidationError as error:
            add_service_errors(form, error, unnamed="image")
        else:
            messages.success(request, _("The image is in the toolkit."))
            return redirect(campaign.get_absolute_url() + "#toolkit")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "campaigns/image_form.html", {"campaign": campaign, "form": form}, status=status
    )
