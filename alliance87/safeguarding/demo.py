"""Safeguarding's demo: one demo account, visibly a demo account, that the
Secretariat designated safeguarding officer, and no report (a report in
the demo would have to be invented, and an invented concern about a real
organisation or person is exactly what the demo must never hold). Try it:
sign in as the demo partner, report a concern on a post of the commons,
then sign in as the demo safeguarding officer. Loading twice changes
nothing."""

from __future__ import annotations

from typing import Any

from alliance87.accounts.demo import ensure_account
from alliance87.safeguarding import roles
from alliance87.safeguarding.models import Officer

OFFICER = ("safeguarding", "Demo", "Safeguarding Officer (demo account)")


def load(report: Any) -> None:
    local, first, last = OFFICER
    # No organisation: an officer does not read the reports about their
    # own organisation, and every demo persona's is the demo organisation.
    user, created = ensure_account(
        local, first, last, staff=False, person_slug=None, organisation_slug=None
    )
    if not Officer.objects.current().filter(user=user).exists():
        roles.assign(user, "", acting_user=None)
        created = True
    report.count("demo account", created, False)
