"""
Counts of each statement's endorsers, kept with every write (issue 16).

A statement's page shows its endorsers counted by stakeholder type, and
the list of statements each one's total; counting thousands of
endorsements joined to their organisations for every first view made the
page's cost grow with the data. `EndorserCount` keeps, per statement,
stakeholder type and organisation visibility, how many organisations
endorse it (and how many of those endorsements are demonstration
samples). A page sums the rows of the levels the viewer may see
(`core.visibility.visible_levels`); when those levels do not say exactly
what the viewer sees, it counts the endorsements as before
(`kept_counts` answers None).

What a count depends on: the endorsements (their statement, their
source) and the endorsing organisations' visibility and stakeholder
type. Every write to them recounts the statements it touched, in the
same transaction (the services' and the admin's; a bare save outside
any transaction, in a shell, is recounted just after it), from the rows
themselves (never by adding one: a recount cannot drift):

- saves and deletes of an endorsement (the services, the admin, the demo
  loader) and saves of an organisation, through signals, as the search
  index and the page cache follow writes (search/following.py,
  core/invalidation.py): the admin and the loaders write too;
- bulk writes through `HubQuerySet` (`bulk_create`, `update`,
  `bulk_update`), through its `bulk_written` signal;
- a statement's deletion removes its counts with it (cascade); an
  organisation that endorses cannot be deleted (its endorsements protect
  it).

A recount first locks the statements' rows (`FOR NO KEY UPDATE` on
PostgreSQL; SQLite has one writer at a time), so that two transactions
endorsing one statement at once recount one after the other, the second
seeing the first's endorsement. A write that bypasses the ORM (raw SQL, a
data migration's historical models) must call `refresh(None)`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.db.models.signals import post_delete, post_save, pre_save

from alliance87.core.querysets import bulk_written
from alliance87.core.visibility import audience_for, visible_levels
from alliance87.partners.models import Organisation, OrganisationQuerySet
from alliance87.statements.models import Endorsement, EndorserCount, Statement

# What an organisation's write must change for its endorsements' counts.
ORGANISATION_FIELDS = frozenset({"visibility", "stakeholder_type"})
# Field names (as an update names them) that move an endorsement.
ENDORSEMENT_MOVES = frozenset({"statement", "statement_id"})


def refresh(statement_ids: Iterable[int] | None) -> None:
    """Recount the endorsers of the statements `statement_ids` (of every
    statement if None) in the current transaction, writing only the
    counts that changed."""
    ids = None if statement_ids is None else sorted(set(statement_ids))
    if ids is not None and not ids:
        return
    with transaction.atomic():
        statements = Statement.objects.order_by("pk")
        if ids is not None:
            statements = statements.filter(pk__in=ids)
        # NO KEY: an endorsement's insert holds KEY SHARE on its statement,
        # which FOR UPDATE would wait for (two endorsers: a deadlock).
        locked = list(statements.select_for_update(no_key=True).values_list("pk", flat=True))
        if not locked:
            return
        fresh = {
            (
                row["statement_id"],
                row["organisation__stakeholder_type"],
                row["organisation__visibility"],
            ): (
                row["n"],
                row["samples"],
            )
            for row in Endorsement.objects.filter(statement_id__in=locked)
            .order_by()
            .values("statement_id", "organisation__stakeholder_type", "organisation__visibility")
            .annotate(
                n=Count("pk"), samples=Count("pk", filter=Q(source=Endorsement.Source.SAMPLE))
            )
        }
        kept = {
            (c.statement_id, c.stakeholder_type, c.visibility): c
            for c in EndorserCount.objects.filter(statement_id__in=locked)
        }
        gone = [c.pk for key, c in kept.items() if key not in fresh]
        changed = []
        for key, (n, samples) in fresh.items():
            c = kept.get(key)
            if c is not None and (c.endorsers, c.samples) != (n, samples):
                c.endorsers, c.samples = n, samples
                changed.append(c)
        new = [
            EndorserCount(statement_id=s, stakeholder_type=t, visibility=v, endorsers=n, samples=k)
            for (s, t, v), (n, k) in fresh.items()
            if (s, t, v) not in kept
        ]
        if gone:
            EndorserCount.objects.filter(pk__in=gone).delete()
        if changed:
            EndorserCount.objects.bulk_update(changed, ["endorsers", "samples"])
        if new:
            EndorserCount.objects.bulk_create(new)


def statements_endorsed_by(organisation_ids: Iterable[int] | None) -> list[int] | None:
    """Return the statements the organisations endorse (None: all)."""
    if organisation_ids is None:
        return None
    ids = sorted(set(organisation_ids))
    if not ids:
        return []
    return list(
        Endorsement.objects.filter(organisation_id__in=ids)
        .order_by()
        .values_list("statement_id", flat=True)
        .distinct()
    )


def kept_counts(
    user: Any, statement_ids: Iterable[int]
) -> dict[int, dict[str, tuple[int, int]]] | None:
    """Return, for each statement of `statement_ids`, its endorsers `user`
    may see per stakeholder type, as (endorsers, samples); or None when the
    kept counts cannot say exactly what `user` sees (then count)."""
    levels = visible_levels(
        audience_for(user), group_field=OrganisationQuerySet.visibility_group_field
    )
    if levels is None:
        return None
    found: dict[int, dict[str, tuple[int, int]]] = defaultdict(dict)
    for s, t, n, k in (
        EndorserCount.objects.filter(statement_id__in=list(statement_ids), visibility__in=levels)
        .order_by()
        .values_list("statement_id", "stakeholder_type", "endorsers", "samples")
    ):
        before = found[s].get(t, (0, 0))
        found[s][t] = (before[0] + n, before[1] + k)
    return found


def kept_total(user: Any) -> Any:
    """Return an expression of a statement's endorsers `user` may see, the
    sum of its kept counts (for `annotate`); or None when the kept counts
    cannot say exactly what `user` sees (then count)."""
    levels = visible_levels(
        audience_for(user), group_field=OrganisationQuerySet.visibility_group_field
    )
    if levels is None:
        return None
    total = (
        EndorserCount.objects.filter(statement=OuterRef("pk"), visibility__in=levels)
        .order_by()
        .values("statement")
        .annotate(total=Sum("endorsers"))
        .values("total")
    )
    return Coalesce(Subquery(total), 0)


# -- following the writes ----------------------------------------------------


def _before_endorsement_save(sender: type, instance: Endorsement, **kwargs: Any) -> None:
    # The statement it leaves, when a save moves it (the admin can).
    if instance.pk is None or instance._state.adding:
        return
    instance._a87_was_statement = (  # type: ignore[attr-defined]
        Endorsement.objects.filter(pk=instance.pk).values_list("statement_id", flat=True).first()
    )


def _on_endorsement(sender: type, instance: Endorsement, **kwargs: Any) -> None:
    was = getattr(instance, "_a87_was_statement", None)
    refresh({instance.statement_id} | ({was} if was else set()))


def _on_endorsement_deleted(
    sender: type, instance: Endorsement, origin: Any = None, **kwargs: Any
) -> None:
    # One delete (a queryset's, a statement's cascade) sends this for each
    # row once every row is gone: recount each statement once.
    done: set[int] | None = getattr(origin, "_a87_recounted", None)
    if done is None:
        done = set()
        if origin is not None:
            origin._a87_recounted = done
    if instance.statement_id in done:
        return
    done.add(instance.statement_id)
    refresh([instance.statement_id])


def _on_organisation(
    sender: type, instance: Organisation, update_fields: Any = None, **kwargs: Any
) -> None:
    if update_fields is not None and not ORGANISATION_FIELDS & set(update_fields):
        return
    refresh(statements_endorsed_by([instance.pk]))


def _on_bulk_endorsements(sender: type, pks: Any, fields: Any = None, **kwargs: Any) -> None:
    if pks is None or (fields is not None and ENDORSEMENT_MOVES & set(fields)):
        # Unknown rows, or rows moved from statements no longer named.
        refresh(None)
        return
    refresh(
        Endorsement.objects.filter(pk__in=pks)
        .order_by()
        .values_list("statement_id", flat=True)
        .distinct()
    )


def _on_bulk_organisations(sender: type, pks: Any, fields: Any = None, **kwargs: Any) -> None:
    if fields is not None and not ORGANISATION_FIELDS & set(fields):
        return
    refresh(statements_endorsed_by(pks))


def follow_writes() -> None:
    """Connect the writes the kept counts depend on (apps.ready)."""
    uid = "a87-statements-counts"
    pre_save.connect(_before_endorsement_save, sender=Endorsement, dispatch_uid=uid + "-pre")
    post_save.connect(_on_endorsement, sender=Endorsement, dispatch_uid=uid + "-save")
    post_delete.connect(_on_endorsement_deleted, sender=Endorsement, dispatch_uid=uid + "-delete")
    post_save.connect(_on_organisation, sender=Organisation, dispatch_uid=uid + "-org")
    bulk_written.connect(_on_bulk_endorsements, sender=Endorsement, dispatch_uid=uid + "-bulk")
    bulk_written.connect(
        _on_bulk_organisations, sender=Organisation, dispatch_uid=uid + "-org-bulk"
    )
