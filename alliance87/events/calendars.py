"""
Calendars in iCalendar format (RFC 5545), built with the icalendar library.

Timed events are written in UTC, so every client shows the right local
time without a VTIMEZONE block; events without times are all-day DATE
values; tentative dates are marked STATUS:TENTATIVE; international days
recur yearly. iCalendar has no month: an event known only by its month
is one all-day entry on the month's first day, marked tentative, its
summary naming the month, never a block that fills the month.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.events.models import Event

PRODID = "-//Alliance 8.7 Hub//Events//EN"
UID_DOMAIN = "hub.alliance87.org"


def build_calendar(
    events: Iterable[Event], *, name: str, base_url: str, linked: Iterable[Any] = ()
) -> bytes:
    """Return the .ics bytes of `events`; links are made absolute with `base_url`."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime.now(tz=dt.UTC).replace(microsecond=0)
    for event in events:
        component = vevent(event, base_url=base_url, stamp=stamp)
        if component is not None:
            cal.add_component(component)
    for row in linked:
        component = linked_vevent(row, base_url=base_url, stamp=stamp)
        if component is not None:
            cal.add_component(component)
    return cal.to_ical()


def linked_vevent(row: Any, *, base_url: str, stamp: dt.datetime) -> VEvent | None:
    """Return an all-day entry for a row another area keeps (a pathfinder
    workshop), with its reported date."""
    rd = row.reported_date
    if rd is None:
        return None
    ve = VEvent()
    ve.add("uid", f"{row.key}@{UID_DOMAIN}")
    ve.add("dtstamp", stamp)
    _add_all_day(ve, row.title, rd)
    if row.place:
        ve.add("location", row.place)
    if row.url:
        ve.add("url", base_url.rstrip("/") + row.url)
    ve.add("description", _("Date: %(date)s") % {"date": rd})
    return ve


def _add_all_day(ve: VEvent, title: str, rd: ReportedDate) -> None:
    """Add the summary, all-day dates and status of an entry dated `rd`."""
    if rd.precision == DatePrecision.MONTH:
        ve.add("summary", f"{title} ({rd})")
        ve.add("dtstart", rd.start)
        ve.add("dtend", rd.start + dt.timedelta(days=1))
        ve.add("status", "TENTATIVE")
        return
    ve.add("summary", title)
    ve.add("dtstart", rd.start)
    # DTEND of an all-day event is exclusive: the day after the last.
    ve.add("dtend", rd.last_day + dt.timedelta(days=1))
    ve.add("status", "TENTATIVE" if rd.tentative else "CONFIRMED")


def vevent(event: Event, *, base_url: str, stamp: dt.datetime) -> VEvent | None:
    rd = event.reported_date
    if rd is None:
        return None
    ve = VEvent()
    ve.add("uid", f"event-{event.slug}@{UID_DOMAIN}")
    ve.add("dtstamp", stamp)
    starts, ends = event.starts_at, event.ends_at
    if starts is not None:
        ve.add("summary", event.title)
        ve.add("dtstart", starts.astimezone(dt.UTC))
        if ends is None or ends <= starts:
            ends = starts + dt.timedelta(hours=1)
        ve.add("dtend", ends.astimezone(dt.UTC))
        ve.add("status", "TENTATIVE" if rd.tentative else "CONFIRMED")
    else:
        _add_all_day(ve, event.title, rd)
    if event.recurs_yearly:
        ve.add("rrule", {"freq": "yearly"})
    if event.online and not event.place:
        ve.add("location", _("Online"))
    elif event.place:
        ve.add("location", event.place + (" · " + _("and online") if event.online else ""))
    url = base_url.rstrip("/") + event.get_absolute_url()
    ve.add("url", url)
    lines = [_("Date: %(date)s") % {"date": rd}]
    if event.summary:
        lines.append(event.summary)
    lines.append(url)
    ve.add("description", "\n\n".join(lines))
    ve.add("categories", [event.get_event_type_display()])
    return ve


def google_calendar_url(event: Event, url: str) -> str:
    """Return an "add to Google Calendar" link (a plain link: no request
    leaves the page until the reader follows it)."""
    from urllib.parse import urlencode

    rd = event.reported_date
    if rd is None:
        return ""
    starts, ends = event.starts_at, event.ends_at
    if starts is not None:
        ends = ends if ends is not None and ends > starts else starts + dt.timedelta(hours=1)
        fmt = "%Y%m%dT%H%M%SZ"
        dates = f"{starts.astimezone(dt.UTC):{fmt}}/{ends.astimezone(dt.UTC):{fmt}}"
    else:
        dates = f"{rd.start:%Y%m%d}/{rd.last_day + dt.timedelta(days=1):%Y%m%d}"
    params = {"action": "TEMPLATE", "text": event.title, "dates": dates, "details": url}
    if event.place:
        params["location"] = event.place
    if event.recurs_yearly:
        params["recur"] = "RRULE:FREQ=YEARLY"
    return "https://calendar.google.com/calendar/render?" + urlencode(params)
