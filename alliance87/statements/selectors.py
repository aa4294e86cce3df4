"""Reads of statements: the list, one statement with its endorsers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Count
from django.http import Http404

from alliance87.core.visibility import audience_for, is_secretariat
from alliance87.partners.models import (
    Organisation,
    Person,
)
from alliance87.partners.selectors import by_stakeholder_type, visible_organisation_q
from alliance87.statements import counts
from alliance87.statements.models import Endorsement, Statement


def organisation_of(user: Any) -> Organisation | None:
    """Return the organisation `user` works for, through their Person."""
    if user is None or not user.is_authenticated:
        return None
    person = Person.objects.filter(user=user).select_related("organisation").first()
    return person.organisation if person else None


def may_endorse(user: Any, statement: Statement) -> bool:
    """A signed-in member of a partner organisation may endorse for it."""
    return (
        audience_for(user).is_partner
        and statement.open_for_endorsement
        and organisation_of(user) is not None
    )


def own_endorsement(user: Any, statement: Statement) -> Organisation | None:
    """Return the visitor's organisation if it already endorses `statement`."""
    organisation = organisation_of(user)
    if organisation is None or is_secretariat(user):
        return None
    endorses = statement.endorsements.filter(organisation=organisation).exists()
    return organisation if endorses else None


def list_statements(user: Any) -> list[Statement]:
    """Return the statements `user` may see, each with the number of
    endorsements recorded by organisations `user` may see (a count is a
    way out like a list: a hidden endorser is not counted): the sum of
    the kept counts (statements/counts.py) when they say it exactly."""
    recorded = counts.kept_total(user)
    if recorded is None:
        # On the endorsements' own join to their organisations: `__in`
        # `visible_to` hashed the ids of every organisation one may see.
        seen = visible_organisation_q(user, "endorsements__organisation")
        recorded = Count("endorsements", filter=seen)
    return list(
        Statement.objects.visible_to(user)
        .annotate(recorded=recorded)
        .order_by("-date_start", "slug")
    )


def get_statement_for_user(user: Any, slug: str) -> Statement:
    """Return the statement, or 404 alike when missing or hidden."""
    try:
        return Statement.objects.visible_to(user).get(slug=slug)
    except Statement.DoesNotExist:
        raise Http404("No such statement.") from None


# Endorsers on one page of a statement: a statement endorsed by thousands
# is read a page at a time (issue 16).
ENDORSERS_PAGE_SIZE = 100


@dataclass
class EndorserType:
    stakeholder_type: str
    label: str
    count: int  # every endorser of this type the user may see
    endorsements: list[Endorsement]  # those on the page shown


@dataclass
class Endorsers:
    types: list[EndorserType]
    total: int
    has_samples: bool
    page: Page


def endorsers(user: Any, statement: Statement, page_number: Any = 1) -> Endorsers:
    """Return the recorded endorsements `user` may see: counts by
    stakeholder type, and one page of them, in the types' order then by
    name, grouped by type."""
    seen = Endorsement.objects.filter(visible_organisation_q(user), statement=statement)
    kept = counts.kept_counts(user, [statement.pk])
    by_type = None if kept is None else kept.get(statement.pk, {})
    found = by_stakeholder_type(
        seen.select_related("organisation", "organisation__country"),
        page_number,
        ENDORSERS_PAGE_SIZE,
        counts=None if by_type is None else {t: n for t, (n, _) in by_type.items()},
    )
    if by_type is None:
        has_samples = seen.filter(source=Endorsement.Source.SAMPLE).exists()
    else:
        has_samples = any(samples for _, samples in by_type.values())
    return Endorsers(
        types=[EndorserType(*parts) for parts in found.types()],
        total=found.total,
        has_samples=has_samples,
        page=found.page,
    )
