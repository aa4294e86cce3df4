"""
Past is not overdue: the one rule that says whether an open action item
whose due date has passed is overdue or simply has had no report since.

An action item is *followed* when someone still follows it up: the
secretariat ticks "still followed" when an owner or a later meeting reports
on it, or when it is asked to keep it in view. The rule:

- an open item whose due date has passed is **overdue** only if it is
  followed;
- an open item whose due date has passed and that nobody follows reads
  **no report since <the date of its meeting>**: the record says what was
  agreed then, not that anyone is late now;
- an open item rolls over to the next meeting of its body (where it is
  reported on) and, after that, to later meetings only while it is
  followed, so that an item nobody reported on does not reappear at every
  meeting for ever.

The tracker's filters, the labels of its rows and the follow-up of the
meeting page all read it from here.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import OuterRef, Q, Subquery

from alliance87.core.dates import DatePrecision
from alliance87.events.models import ActionItem, Event

OVERDUE = "overdue"
UNREPORTED = "unreported"


def past_due_q(now: dt.date) -> Q:
    """Return the filter for open items whose due date's last day is past."""
    return Q(status=ActionItem.Status.OPEN) & (
        Q(date_precision=DatePrecision.DAY, date_start__lt=now)
        | Q(date_precision=DatePrecision.RANGE, date_end__lt=now)
        | Q(date_precision=DatePrecision.MONTH, date_start__lt=now.replace(day=1))
    )


def overdue_q(now: dt.date) -> Q:
    """Return the filter for items past due that someone still follows."""
    return past_due_q(now) & Q(followed=True)


def unreported_q(now: dt.date) -> Q:
    """Return the filter for items past due that nobody follows any more."""
    return past_due_q(now) & Q(followed=False)


def follow_state(item: ActionItem, now: dt.date) -> str:
    """Return OVERDUE, UNREPORTED or "" for `item` on `now` (see above)."""
    rd = item.reported_date
    if not item.is_open or rd is None or rd.last_day >= now:
        return ""
    return OVERDUE if item.followed else UNREPORTED


def follow_up_q(event: Event) -> Q | None:
    """Return the filter for the open items of earlier meetings of `event`'s
    series that `event` follows up, or None outside a dated series.

    Those of the meeting just before roll over; older ones only while
    someone still follows them.
    """
    if event.series_id is None or event.date_start is None:
        return None
    previous_date = Subquery(
        Event.objects.filter(
            series_id=OuterRef("event__series_id"), date_start__lt=event.date_start
        )
        .order_by("-date_start")
        .values("date_start")[:1]
    )
    return Q(
        event__series_id=event.series_id,
        event__date_start__lt=event.date_start,
        status=ActionItem.Status.OPEN,
    ) & (Q(followed=True) | Q(event__date_start=previous_date))
