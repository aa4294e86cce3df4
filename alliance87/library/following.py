"""
Library files follow the meetings their resource is linked to.

A file's `search_names` hold the names of those meetings anyone may see
(library/services.py: `file_search_names`, `shown_meetings`). The
library's own writes (a resource's links, its title, a file) refresh them
in its services and its admin. A meeting's own writes (renamed, published,
hidden, deleted) come from the events' services, the admin and the demo
loader, below the library, which the events area may not call: they are
followed through signals, as statements/counts.py follows organisations'
writes:

- a saved event refreshes the files of the resources linked to it (one
  query when there are none);
- a bulk write of events (`HubQuerySet`'s `bulk_written`) that touches a
  title, a status or a visibility refreshes the files linked to them;
- a deleted event refreshes, after its links are gone, the files that
  were linked to it.

A write that bypasses the ORM (raw SQL, a data migration's historical
models) must call `refresh_search_names` itself.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete

from alliance87.core.querysets import bulk_written
from alliance87.events.models import Event
from alliance87.library.models import ResourceFile
from alliance87.library.services import refresh_search_names


def _meeting_fields() -> frozenset[str]:
    """The fields of an event that a file's `search_names` depend on: its
    titles, and who may see it."""
    titles = {f"title_{code}" for code, _name in settings.LANGUAGES}
    return frozenset({"title", "status", "visibility", *titles})


def _on_event_saved(sender: type, instance: Event, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    fields = kwargs.get("update_fields")
    if fields is not None and not _meeting_fields() & set(fields):
        return
    refresh_search_names(ResourceFile.objects.filter(resource__events=instance))


def _on_events_bulk(sender: type, pks: Any, fields: Any = None, **kwargs: Any) -> None:
    if fields is not None and not _meeting_fields() & set(fields):
        return
    if pks is None:
        files = ResourceFile.objects.filter(resource__events__isnull=False)
    else:
        files = ResourceFile.objects.filter(resource__events__in=list(pks))
    refresh_search_names(ResourceFile.objects.filter(pk__in=files.values("pk")))


def _before_event_deleted(sender: type, instance: Event, **kwargs: Any) -> None:
    files = ResourceFile.objects.filter(resource__events=instance)
    instance._a87_library_files = list(files.values_list("pk", flat=True))  # type: ignore[attr-defined]


def _on_event_deleted(sender: type, instance: Event, **kwargs: Any) -> None:
    pks = getattr(instance, "_a87_library_files", None)
    if pks:
        refresh_search_names(ResourceFile.objects.filter(pk__in=pks))


def follow_writes() -> None:
    """Connect the writes of meetings that files' names follow (apps.ready)."""
    uid = "a87-library-file-meetings"
    post_save.connect(_on_event_saved, sender=Event, dispatch_uid=uid + "-save")
    bulk_written.connect(_on_events_bulk, sender=Event, dispatch_uid=uid + "-bulk")
    pre_delete.connect(_before_event_deleted, sender=Event, dispatch_uid=uid + "-pre-delete")
    post_delete.connect(_on_event_deleted, sender=Event, dispatch_uid=uid + "-delete")
