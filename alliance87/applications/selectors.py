"""Reads of applications, for the Secretariat's review."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import Http404

from alliance87.applications.models import Application, ApplicationEvent
from alliance87.core import permissions

PAGE_SIZE = 30


def list_applications(user: Any, *, status: str = "", page_number: Any = 1) -> Page:
    """Return one page of applications for the Secretariat (404 otherwise)."""
    permissions.require(user, "review", Application)
    qs = Application.objects.select_related("group", "seat", "country").order_by("-created")
    if status:
        qs = qs.filter(status=status)
    return Paginator(qs, PAGE_SIZE).get_page(page_number)


def get_application_for_user(user: Any, pk: int) -> Application:
    """Return the application for review, or 404 alike when missing or
    when `user` may not review it."""
    try:
        application = (
            Application.objects.select_related("group", "seat", "country", "organisation")
            .prefetch_related(
                Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor"))
            )
            .get(pk=pk)
        )
    except Application.DoesNotExist:
        raise Http404("No such application.") from None
    permissions.require(user, "review", application)
    return application
