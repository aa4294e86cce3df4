"""Safeguarding's reads. Every read of a report starts from
`Report.objects.visible_to(user)` (officers) or `filed_by(user)` (the
reporter), and answers 404 alike for a report missing or not theirs."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import Http404

from alliance87.safeguarding.models import Handling, LogEntry, Report

REPORTS_PER_PAGE = 50
LOG_PER_PAGE = 100


def list_reports_for_officer(user: Any, page_number: Any) -> Page:
    rows = Report.objects.visible_to(user).select_related("reporter").order_by("-created", "-pk")
    return Paginator(rows, REPORTS_PER_PAGE).get_page(page_number)


def get_report_for_officer(user: Any, pk: int) -> Report:
    report = (
        Report.objects.visible_to(user)
        .filter(pk=pk)
        .select_related("reporter", "reported_user", "organisation", "person", "post")
        .prefetch_related(
            Prefetch("handling", queryset=Handling.objects.select_related("officer")),
            Prefetch(
                "log", queryset=LogEntry.objects.select_related("user").order_by("-at", "-pk")
            ),
        )
        .first()
    )
    if report is None:
        raise Http404("Not found.")
    return report


def list_log(user: Any, page_number: Any) -> Page:
    rows = LogEntry.objects.visible_to(user).select_related("user").order_by("-at", "-pk")
    return Paginator(rows, LOG_PER_PAGE).get_page(page_number)


def list_reports_filed_by(user: Any) -> list[Report]:
    return list(Report.objects.filed_by(user).order_by("-created", "-pk"))


def get_report_filed_by(user: Any, pk: int) -> Report:
    report = Report.objects.filed_by(user).filter(pk=pk).first()
    if report is None:
        raise Http404("Not found.")
    return report
