"""The newsletter's pages: subscribing (the public, with double opt-in;
a signed-in partner for their own address), confirming, unsubscribing in
one click (RFC 8058), the archive, and the Secretariat's issues."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.comms import mail, selectors, services
from alliance87.comms.access import for_secretariat
from alliance87.comms.forms import AccountSubscriptionForm, IssueForm, SubscribeForm, TestSendForm
from alliance87.comms.models import Issue, IssueStatus, Subscriber, SubscriberStatus
from alliance87.core.ratelimit import count_hit
from alliance87.core.text import page_language, parse_id, written_in
from alliance87.core.visibility import is_secretariat
from alliance87.library.markdown import render as render_markdown

RATE_LIMIT = 10  # subscriptions asked from one address an hour
RATE_WINDOW = 3600


def _account_row(user: Any) -> Subscriber | None:
    if not user.is_authenticated or not user.email:
        return None
    return Subscriber.objects.filter(email=user.email.strip().lower()).first()


@require_http_methods(["GET", "HEAD", "POST"])
def newsletter(request: HttpRequest) -> HttpResponse:
    """Subscribe. Whatever the address, the answer is the same."""
    language = page_language()
    form = SubscribeForm(
        request.POST if request.POST.get("form") == "public" else None,
        initial={"language": language},
    )
    account_row = _account_row(request.user)
    # Both forms are on one page: the account's has ids of its own.
    account_form = AccountSubscriptionForm(
        request.POST if request.POST.get("form") == "account" else None,
        auto_id="id_account_%s",
        initial={
            "language": account_row.language if account_row else language,
            "themes": list(account_row.themes.all()) if account_row else [],
        },
    )
    if request.method == "POST" and request.POST.get("form") == "public":
        key = f"newsletter-rate:{request.META.get('REMOTE_ADDR', '')}"
        if count_hit(key, window=RATE_WINDOW) > RATE_LIMIT:
            form.add_error(None, _("Too many subscriptions from here. Try again in an hour."))
        elif form.is_valid():
            services.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                themes=form.cleaned_data["themes"],
                acting_user=request.user,
            )
            return redirect("comms:subscribed")
    if request.method == "POST" and request.POST.get("form") == "account":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if account_form.is_valid():
            try:
                services.subscribe_account(
                    request.user,
                    language=account_form.cleaned_data["language"],
                    themes=account_form.cleaned_data["themes"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                account_form.add_error(None, error)
            else:
                messages.success(request, _("You are subscribed with your account's address."))
                return redirect("comms:newsletter")
    subscribed = account_row is not None and account_row.status == SubscriberStatus.CONFIRMED
    return render(
        request,
        "comms/newsletter.html",
        {
            "form": form,
            "account_form": account_form,
            "account_subscribed": subscribed,
            "unsubscribe_token": mail.unsubscribe_token(account_row) if subscribed else "",
            "recent": list(Issue.objects.filter(status=IssueStatus.SENT)[:3]),
            "may_compose": is_secretariat(request.user),
        },
    )


@require_safe
def subscribed(request: HttpRequest) -> HttpResponse:
    return render(request, "comms/subscribed.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A link opened shows a button: link checkers that open every link
    of a message confirm nothing."""
    if request.method == "POST":
        try:
            services.confirm_subscription(token, acting_user=request.user)
        except ValidationError as error:
            return render(request, "comms/confirm.html", {"error": error.messages[0]}, status=400)
        return render(request, "comms/confirm.html", {"confirmed": True})
    return render(request, "comms/confirm.html", {"token": token})


@csrf_exempt  # RFC 8058: the mail client POSTs without a form of ours
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks; POST (the page's button, or the mail client's one-click
    `List-Unsubscribe=One-Click`) unsubscribes at once."""
    pk = mail.read_unsubscribe_token(token)
    row = Subscriber.objects.filter(pk=pk).first() if pk is not None else None
    if row is None:
        return render(
            request,
            "comms/unsubscribe.html",
            {"error": _("This unsubscribe link is not valid.")},
            status=400,
        )
    if request.method == "POST":
        services.unsubscribe(row, acting_user=request.user)
        return render(request, "comms/unsubscribe.html", {"done": True})
    return render(request, "comms/unsubscribe.html", {"token": token})


@require_safe
def archive(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "comms/archive.html",
        {"issues": list(Issue.objects.filter(status=IssueStatus.SENT))},
    )


def _issue_view(issue: Issue) -> dict[str, Any]:
    language = page_language()
    shown = language if getattr(issue, f"body_{language}", "") else "en"
    subject_lang = shown if getattr(issue, f"subject_{shown}", "") else "en"
    return {
        "issue": issue,
        # The subject as the page shows it: marked with its language when
        # it is not the page's (a subject written in English only).
        "subject": written_in(issue.subject_in(subject_lang), subject_lang),
        "subject_text": issue.subject_in(subject_lang),
        "html": render_markdown(issue.body_in(shown)),
        "lang": shown,
    }


@require_safe
def archive_issue(request: HttpRequest, pk: str) -> HttpResponse:
    number = parse_id(pk)
    issue = Issue.objects.filter(pk=number, status=IssueStatus.SENT).first() if number else None
    if issue is None:
        raise Http404("No such issue.")
    return render(request, "comms/archive_issue.html", _issue_view(issue))


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def issues(request: HttpRequest) -> HttpResponse:
    """The Secretariat's issues; POST starts a new one, its text suggested
    from what is new since the last issue."""
    if request.method == "POST":
        since = selectors.newsletter_since()
        texts = selectors.suggest_issue(since)
        subjects = {c: _("Alliance 8.7 newsletter") for c in texts}
        issue = services.save_issue(
            Issue(), acting_user=request.user, subjects=subjects, bodies=texts
        )
        messages.success(request, _("A new issue is started from what is new. Edit it."))
        return redirect("comms:issue", pk=issue.pk)
    return render(
        request,
        "comms/issues.html",
        {
            "issues": list(Issue.objects.all()),
            "subscribers": Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).count(),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit, preview, test and send one issue, and follow its sending."""
    found = Issue.objects.filter(pk=pk).first()
    if found is None:
        raise Http404("No such issue.")
    action = request.POST.get("action", "")
    initial = {
        f"{f}_{c}": getattr(found, f"{f}_{c}")
        for f in ("subject", "body")
        for c in ("en", "fr", "es")
    }
    initial["themes"] = list(found.themes.all())
    form = IssueForm(request.POST if action == "save" else None, initial=initial)
    test_form = TestSendForm(
        request.POST if action == "test" else None,
        initial={"to": getattr(request.user, "email", ""), "language": page_language()},
    )
    try:
        if action == "save" and form.is_valid():
            services.save_issue(
                found,
                acting_user=request.user,
                subjects=form.texts("subject"),
                bodies=form.texts("body"),
                themes=form.cleaned_data["themes"],
            )
            messages.success(request, _("The issue is saved."))
            return redirect("comms:issue", pk=found.pk)
        if action == "test" and test_form.is_valid():
            services.send_test_issue(
                found,
                to=test_form.cleaned_data["to"],
                language=test_form.cleaned_data["language"],
                acting_user=request.user,
            )
            messages.success(request, _("The test is being sent."))
            return redirect("comms:issue", pk=found.pk)
        if action == "send":
            count = services.start_sending(found, acting_user=request.user)
            messages.success(
                request,
                _("Sending to %(count)s subscribers in the background.") % {"count": count},
            )
            return redirect("comms:issue", pk=found.pk)
    except ValidationError as error:
        if action == "save":
            form.add_error(None, error)
        else:
            messages.error(request, error.messages[0])
            return redirect("comms:issue", pk=found.pk)
    return render(
        request,
        "comms/issue.html",
        {
            **_issue_view(found),
            "form": form,
            "test_form": test_form,
            "counts": selectors.delivery_counts(found),
            "is_draft": found.status == IssueStatus.DRAFT,
        },
    )


@require_safe
@for_secretariat
def subscribers(request: HttpRequest) -> HttpResponse:
    """The Secretariat's list of subscribers: each one's status, soft
    bounces and what the mail provider last reported about the address."""
    status = request.GET.get("status", "")
    if status not in SubscriberStatus.values:
        status = ""
    page = selectors.list_subscribers(status, request.GET.get("page", 1))
    return render(
        request,
        "comms/subscribers.html",
        {
            "page": page,
            "status": status,
            "statuses": SubscriberStatus.choices,
            "query": f"status={status}" if status else "",
            "soft_bounce_limit": settings.NEWSLETTER_SOFT_BOUNCE_LIMIT,
            "soft_bounce_days": settings.NEWSLETTER_SOFT_BOUNCE_DAYS,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@for_secretariat
def subscriber_restart(request: HttpRequest, pk: int) -> HttpResponse:
    """The Secretariat starts sending again to an address stopped by
    temporary bounces: GET asks to confirm, POST does it. An address that
    may not be started again is said so, on both (400 on POST)."""
    row = Subscriber.objects.filter(pk=pk).first()
    if row is None:
        raise Http404("No such subscriber.")
    error = services.restart_refusal(row)
    if request.method == "POST" and not error:
        try:
            services.restart_subscriber(row, acting_user=request.user)
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            messages.success(
                request,
                _("Sending to %(email)s starts again; its temporary bounces are counted from now.")
                % {"email": row.email},
            )
            return redirect("comms:subscribers")
    return render(
        request,
        "comms/subscriber_restart.html",
        {
            "row": row,
            "error": error,
            "soft_bounce_limit": settings.NEWSLETTER_SOFT_BOUNCE_LIMIT,
            "soft_bounce_days": settings.NEWSLETTER_SOFT_BOUNCE_DAYS,
        },
        status=400 if request.method == "POST" and error else 200,
    )
