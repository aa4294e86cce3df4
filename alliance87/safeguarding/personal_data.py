"""What safeguarding holds about a person, for their data export, and what
their erasure removes.

The export of a person who made reports lists them: when, about what kind
of thing, the kind of concern, what they wrote, how they asked to be
contacted and the status: what the reporter gave and may see on their own
page, never the officers' notes, actions or log. The export of a person a
report is about says nothing of it: telling them would defeat the report,
and the officers' record is kept under the exemptions for safeguarding
(docs/safeguarding.md). An officer's export does not list the reports they
read either: the log is the officers' record, not theirs.

Erasure takes the reporter's account off their reports (the concern stays
with the officers, no longer naming them) and their contact choice with
it; reports about a person stay as they are."""

from __future__ import annotations

from typing import Any

from alliance87.safeguarding.models import Report


def export(user: Any, person: Any) -> dict[str, Any]:
    if user is None:
        return {}
    return {
        "reports_made": [
            {
                "reported": row.created.isoformat(),
                "about": row.subject,
                "category": row.category,
                "what_happened": row.what_happened,
                "contact": row.contact,
                "status": row.status,
            }
            for row in Report.objects.filed_by(user).order_by("created", "pk")
        ]
    }


def erase(user: Any, person: Any) -> None:
    if user is None:
        return
    Report.objects.filter(reporter=user).update(reporter=None, contact="")
