"""
The content version: one counter that moves after every committed write to
the Hub's content, so that every cached page is rendered afresh.

Saves, deletes and many-to-many changes move it through signals (see
`connect_invalidation`); bulk writes, which send no signal, move it through
`HubQuerySet` (core/querysets.py). The page cache (core/pagecache.py) only
reads it.

The model lives here, beside the functions that move it, rather than in
core/models.py: core/models.py imports the querysets, which import this
module, and the counter must not depend on them (its own writes must not
move it again).
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContentVersion(models.Model):
    """One row whose counter moves on every write to the Hub's content.

    Cached public pages are keyed by it, so a change anywhere makes every
    process render afresh, whatever cache each process has. Its manager is
    Django's plain one: an invalidating manager would move the counter
    again after each move of the counter.
    """

    counter = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "core"
        verbose_name = _("content version")

    def __str__(self) -> str:
        return str(self.counter)


def content_version() -> int:
    """Return the content version: one raw query on every cache hit, since
    building the ORM query cost as much as the rest of the hit."""
    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter FROM {table} WHERE id = 1")  # noqa: S608 - no input
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def bump_content_version() -> None:
    """Move the content version so every cached page is rendered afresh."""
    updated = ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1)
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"counter": 1})


def content_changed() -> None:
    """Move the content version once the current transaction commits.

    Saves, deletes and many-to-many changes do this by themselves (see
    connect_invalidation), and so do the bulk writes of `HubQuerySet`; call
    it after a write that sends no signal and bypasses the queryset (raw
    SQL).
    """
    transaction.on_commit(bump_content_version)


def _on_write(sender: type, **kwargs: Any) -> None:
    if sender is ContentVersion:
        return
    transaction.on_commit(bump_content_version)


def connect_invalidation() -> None:
    """Move the content version after any write to a Hub model.

    A receiver rather than calls in each service: the admin, data
    migrations and the demo loader write too, and a page that outlives the
    data it shows is a bug no reviewer would spot.
    """
    for model in apps.get_models():
        if not model.__module__.startswith("alliance87."):
            continue
        if model is ContentVersion:
            continue
        uid = f"a87-pagecache-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=uid + "-delete")
        for m2m in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write, sender=m2m.remote_field.through, dispatch_uid=uid + "-" + m2m.name
            )
