"""
`save_draft`: one draft event from a reviewed proposal, all or nothing.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance87.core.services import service
from alliance87.core.text import fold
from alliance87.core.visibility import is_secretariat
from alliance87.countries.models import Country
from alliance87.events import services as events
from alliance87.events.models import Document, Event, EventSeries, EventStatus
from alliance87.partners.models import Organisation
from alliance87.reports.drafts import rows
from alliance87.reports.drafts.base import DraftResult, Skipped, naming
from alliance87.reports.drafts.citing import Citations
from alliance87.reports.drafts.lists import save_lists


@dataclass(frozen=True)
class ReportFile:
    """The imported report: its file (kept as a document of the event) and
    the normalised text its offsets point into."""

    name: str
    content: bytes
    text: str
    page_starts: tuple[int, ...] = ()


@service
def save_draft(
    data: Mapping[str, Any],
    *,
    acting_user: Any,
    report: ReportFile,
    resolutions: Mapping[str, Organisation] | None = None,
) -> DraftResult:
    """Save the proposal `data` (docs/report-import.md) as a draft event,
    every row cited to its passage of `report`; all or nothing.

    `resolutions` maps a name the directory does not know to the
    organisation the reviewer chose for it.
    """
    if not is_secretariat(acting_user):
        raise ValidationError(_("Only the Secretariat saves an imported report."))
    names = rows.Names(rows.slugs_named(data), resolutions)
    cites = Citations(report.text, report.page_starts)
    event, result = _save_event(data, names, cites, acting_user)
    save_lists(data, event, names, cites, result, acting_user)
    stored = ""
    try:
        document = events.attach_document(
            event,
            acting_user=acting_user,
            kind=Document.Kind.REPORT,
            title=_report_title(report.name),
            upload=SimpleUploadedFile(report.name or "report.txt", report.content),
        )
        stored = document.file.name or ""
        cites.note(event, {"start": 0, "end": min(len(report.text), 300)})
        result.citations = cites.write(document, document.title, acting_user=acting_user)
    except BaseException:
        if stored:
            with contextlib.suppress(OSError):
                os.unlink(Path(settings.MEDIA_ROOT) / stored)
        raise
    return result


def _report_title(name: str) -> str:
    return _("Meeting report (%(name)s)") % {"name": Path(name).name or "report"}


def _find_series(series: Mapping[str, Any] | None) -> EventSeries | None:
    if not series or not series.get("name"):
        return None
    wanted = fold(series["name"])
    for candidate in EventSeries.objects.all():
        if wanted in {fold(candidate.name), fold(candidate.body), fold(candidate.body_short)}:
            return candidate
    return None


def _save_event(
    data: Mapping[str, Any], names: rows.Names, cites: Citations, acting_user: Any
) -> tuple[Event, DraftResult]:
    title = (data.get("title") or "").strip()
    if not title:
        raise ValidationError(_("The report gives no title: give the meeting a title."))
    fields: dict[str, Any] = {
        "slug": rows.unique_slug(title),
        "event_type": rows.event_type(data.get("kind")),
        "status": EventStatus.DRAFT,
        "extraordinary": bool(data.get("extraordinary")),
        "online": bool(data.get("online")),
    }
    skipped: list[Skipped] = []
    series = _find_series(data.get("series"))
    if series is not None:
        fields["series"] = series
        number = (data.get("series") or {}).get("number")
        if number and not Event.objects.filter(series=series, number=number).exists():
            fields["number"] = number
        elif number:
            skipped.append(
                Skipped(
                    gettext_lazy(
                        "The number %(number)s in “%(series)s” is already another event's; "
                        "the draft has none."
                    ),
                    {"number": number, "series": series.name},
                )
            )
    with naming(_("The meeting's date")):
        date = rows.reported_date(data.get("start"), data.get("end"))
    if date is not None:
        fields.update(
            date_start=date.start,
            date_end=date.end,
            date_precision=date.precision,
            date_tentative=date.tentative,
        )
        time = data.get("time") or {}
        if date.precision != "month":
            fields["start_time"] = rows.clock(time.get("start"))
            fields["end_time"] = rows.clock(time.get("start") and time.get("end"))
    venue = data.get("venue") or {}
    texts = {"title": title[:300], "city": (venue.get("city") or "")[:100]}
    if venue.get("country"):
        fields["country"] = Country.objects.filter(iso3=venue["country"].upper()).first()
    host = names.organisation(venue.get("host"))
    countries = list(Country.objects.filter(iso3__in=data.get("countries") or []))
    event = Event()
    with naming(_("The meeting")):
        event = events.write_event(
            event,
            acting_user=acting_user,
            fields=fields,
            texts=texts,
            organisers=[host] if host else None,
            countries=countries,
        )
    sources = data.get("sources") or {}
    cites.note(event, sources.get("title"), "title")
    cites.note(event, sources.get("start"), "date_start")
    cites.note(event, sources.get("online"), "online")
    cites.note(event, venue.get("source"), "city")
    cites.note(event, (data.get("series") or {}).get("source"), "number")
    return event, DraftResult(event, skipped=skipped)
