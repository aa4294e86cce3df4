from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.applications import selectors, services
from alliance87.applications.forms import ApplicationForm, ReviewForm, issue_token
from alliance87.applications.models import Application
from alliance87.core.forms import add_service_errors, save_posted
from alliance87.core.ratelimit import count_hit

RATE_LIMIT = 10  # posts per address
RATE_WINDOW = 60 * 60  # seconds


def _over_rate_limit(request: HttpRequest) -> bool:
    """Count this post against the client's address; True past the limit."""
    key = f"apply-rate:{request.META.get('REMOTE_ADDR', '')}"
    return count_hit(key, window=RATE_WINDOW) > RATE_LIMIT


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    """The public form; it carries a CSRF token, so it is never cached."""
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if _over_rate_limit(request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many applications were sent from your network in the last hour. "
                    "Please try again later."
                ),
            )
            status = 429
        elif save_posted(
            request,
            form,
            # Not every field: the honeypot and the start token are the
            # form's to check, not the service's.
            lambda form: services.submit_application(
                kind=form.cleaned_data["kind"],
                organisation_name=form.cleaned_data["organisation_name"],
                stakeholder_type=form.cleaned_data["stakeholder_type"],
                country=form.cleaned_data["country"],
                group=form.cleaned_data["group"],
                seat=form.cleaned_data["seat"],
                contact_name=form.cleaned_data["contact_name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                acting_user=request.user if request.user.is_authenticated else None,
            ),
        ):
            return redirect("applications:sent")
    else:
        form = ApplicationForm(initial={"kind": request.GET.get("kind", "")})
        group_field = form.fields["group"]
        assert isinstance(group_field, forms.ModelChoiceField)
        assert group_field.queryset is not None
        match = group_field.queryset.filter(slug=request.GET.get("group") or "").first()
        if match is not None:
            form.initial["group"] = match.pk
    return render(
        request,
        "applications/apply.html",
        {"form": form, "started_token": issue_token()},
        status=status,
    )


@require_safe
def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/sent.html")


@never_cache
@require_safe
def review_list(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in Application.Status.values:
        status = ""
    page = selectors.list_applications(
        request.user, status=status, page_number=request.GET.get("page")
    )
    return render(
        request,
        "applications/review_list.html",
        {
            "page": page,
            "status": status,
            "statuses": Application.Status.choices,
            "query": f"status={status}" if status else "",
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    application = selectors.get_application_for_user(request.user, pk)
    form = ReviewForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and "preview" in request.POST:
        # Show what acceptance would write with the entry and seat chosen,
        # save nothing, and keep the answers without flagging the decision
        # still to be made.
        form.is_valid()
        choices = {name: form.cleaned_data.get(name) for name in ("organisation", "seat")}
        form = ReviewForm(initial=request.POST.dict())
    elif request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        choices = {"organisation": data["organisation"], "seat": data["seat"]}
        try:
            if data["decision"] == "review":
                services.start_review(application, acting_user=request.user, note=data["reason"])
            elif data["decision"] == "accept":
                services.accept_application(
                    application,
                    acting_user=request.user,
                    organisation=data["organisation"],
                    seat=data["seat"],
                    note=data["reason"],
                )
            else:
                services.decline_application(
                    application, reason=data["reason"], acting_user=request.user
                )
        except ValidationError as error:
            add_service_errors(form, error)
            # Another member of the Secretariat may have decided meanwhile.
            application = selectors.get_application_for_user(request.user, pk)
        else:
            messages.success(request, _("Saved. The applicant has been sent an email."))
            return redirect(application)
    else:
        cleaned = getattr(form, "cleaned_data", {})
        choices = {name: cleaned.get(name) for name in ("organisation", "seat")}
    plan = None
    if not application.is_decided:
        plan = selectors.get_acceptance_plan(application, **choices)
    return render(
        request,
        "applications/review.html",
        {
            "application": application,
            "form": form,
            "plan": plan,
            "plan_lines": plan.describe() if plan else [],
            "from_email": settings.DEFAULT_FROM_EMAIL,
        },
    )
