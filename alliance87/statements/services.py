"""
Writes to statements: endorsements.

Invariants: an organisation endorses a statement at most once (checked here
with a sentence a person understands, and by a unique constraint); a closed
statement takes no new endorsement.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.partners.models import Organisation
from alliance87.statements.models import Endorsement, Statement


def _already(statement: Statement, organisation: Organisation) -> ValidationError:
    return ValidationError(
        _("%(organisation)s has already endorsed %(statement)s.")
        % {"organisation": organisation, "statement": statement}
    )


@service
def save_statement(statement: Statement, *, acting_user: Any) -> Statement:
    """Validate and save a statement."""
    statement.clean_reported_date()
    statement.full_clean()
    statement.save()
    return statement


@service
def endorse_statement(
    statement: Statement,
    *,
    organisation: Organisation,
    acting_user: Any,
    source: str = Endorsement.Source.ONLINE,
    endorsed_on: dt.date | None = None,
    date_unknown: bool = False,
) -> Endorsement:
    """Record that `organisation` endorses `statement`; refuse a second time.

    The endorsement is dated `endorsed_on`, today by default, or not at all
    when the date is unknown (an endorsement copied from a published list).
    """
    if not statement.open_for_endorsement and source == Endorsement.Source.ONLINE:
        raise ValidationError(_("This statement is no longer open for endorsement."))
    if Endorsement.objects.filter(statement=statement, organisation=organisation).exists():
        raise _already(statement, organisation)
    try:
        # The savepoint keeps an outer transaction usable when a concurrent
        # request got there first and the unique constraint answers.
        with transaction.atomic():
            return Endorsement.objects.create(
                statement=statement,
                organisation=organisation,
                endorsed_on=None if date_unknown else endorsed_on or timezone.localdate(),
                source=source,
                recorded_by=acting_user if getattr(acting_user, "pk", None) else None,
            )
    except IntegrityError:
        raise _already(statement, organisation) from None
