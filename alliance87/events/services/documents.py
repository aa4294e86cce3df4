"""
Documents of an event (agendas, reports, annexes): links and uploaded
files, each written whole or not at all, and the rules for correcting and
removing one.

A document's `search_names` (what the Sources page finds it by) is written
with it, and again when its event's title or its agenda item's number
changes (`refresh_search_names`, called by those services and the admin).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alliance87.core import files
from alliance87.core.services import service
from alliance87.core.text import Translations, search_names
from alliance87.events.models import AgendaItem, Document, Event
from alliance87.events.services.base import REQUIRED, RowRules, next_order, set_text

logger = logging.getLogger(__name__)

# Under MEDIA_ROOT; checked, stored and served by alliance87.core.files.
DOCUMENTS_FOLDER = "events/documents"


def document_search_names(document: Any) -> str:
    """Return what `document` is found by on the Sources page, folded
    (core.text.search_names): its title and its meeting's title in every
    language, its agenda item's number, its file's name. Reads concrete
    columns only, so that a data migration's historical rows serve too."""
    codes = [code for code, _name in settings.LANGUAGES]
    event, item = document.event, document.agenda_item
    return search_names(
        *(getattr(document, f"title_{code}", "") or "" for code in codes),
        *(getattr(event, f"title_{code}", "") or "" for code in codes),
        item.number if item is not None else "",
        Path(document.file.name).name if document.file else "",
    )


def refresh_search_names(documents: QuerySet[Any]) -> None:
    """Write again the `search_names` of those of `documents` whose own
    have changed (their event renamed, their agenda item renumbered): one
    query reads them, one writes those changed."""
    changed = []
    for document in documents.select_related("event", "agenda_item").order_by("pk"):
        names = document_search_names(document)
        if names != document.search_names:
            document.search_names = names
            changed.append(document)
    # A column derived from others, not a correction: not audited.
    documents.model.objects.bulk_update(changed, ["search_names"], batch_size=500)


def _save_storing(document: Document, upload: UploadedFile | None) -> str:
    """Save `document`, storing `upload` first as its file when given;
    return the stored name. A file whose row was not written is removed."""
    stored = ""
    if upload is not None:
        stored = files.store_upload(upload, folder=DOCUMENTS_FOLDER)
        document.file.name = stored
    document.search_names = document_search_names(document)
    try:
        document.save()
    except Exception:
        # The row was not written: the file must not outlive it.
        if stored:
            with contextlib.suppress(OSError):
                os.unlink(Path(settings.MEDIA_ROOT) / stored)
        raise
    return stored


@service
def attach_document(
    event: Event,
    *,
    acting_user: Any,
    kind: str,
    title: str | Translations,
    url: str = "",
    upload: UploadedFile | None = None,
    agenda_item: AgendaItem | None = None,
    agenda_number: str = "",
    pages: str = "",
    visibility: str = "public",
) -> Document:
    """Attach an agenda, report or annex, as a link or an uploaded file;
    `agenda_item` (or its `agenda_number`, as printed) and `pages` say which
    item and pages of it it concerns."""
    if agenda_number.strip():
        agenda_item = _agenda_item_numbered(event.pk, agenda_number)
    if agenda_item is not None and agenda_item.event_id != event.pk:
        raise ValidationError(_("That agenda item belongs to another event."))
    if bool(url) == bool(upload):
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    document = Document(
        event=event,
        kind=kind,
        url=url,
        agenda_item=agenda_item,
        pages=pages.strip(),
        order=next_order(event.documents.all()),
        visibility=visibility,
    )
    set_text(document, "title", title)
    # The address-or-file rule is checked above; the file is written below.
    document.clean_fields(exclude=["file"])
    _save_storing(document, upload)
    return document


def _agenda_item_numbered(event_id: int, number: str) -> AgendaItem:
    item = AgendaItem.objects.filter(event_id=event_id, number=number.strip()).first()
    if item is None:
        raise ValidationError(
            _("The agenda has no item numbered “%(number)s”.") % {"number": number.strip()}
        )
    return item


def _remove_file_after_commit(name: str) -> None:
    """Remove a stored file once the change that freed it is committed,
    unless a row still refers to it."""
    if not name:
        return

    def remove() -> None:
        if Document.objects.filter(file=name).exists():
            return
        storage = Document._meta.get_field("file").storage
        try:
            storage.delete(name)
        except Exception:
            # The row is gone either way; a file left behind costs space only.
            logger.exception("Could not remove the document file %s", name)

    transaction.on_commit(remove)


# Correcting and removing a document ----------------------------------------


def _apply_document(document: Document, values: dict[str, Any]) -> tuple[UploadedFile | None, str]:
    """Check that the document keeps an address or a file, and set its
    kind, visibility and address; return the upload and the file it frees."""
    url, upload = values["url"], values["upload"]
    if url and upload:
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    if not (url or upload or document.file):
        raise ValidationError(_("Give either an address or a file, not both or neither."))
    freed = ""
    if url or upload:
        freed = document.file.name or ""
        document.url = url
        document.file.name = ""
    document.kind = values["kind"]
    document.visibility = values["visibility"]
    if values["pages"] is not None:
        document.pages = values["pages"].strip()
    number = values["agenda_number"]
    if number is not None:
        document.agenda_item = (
            _agenda_item_numbered(document.event_id, number) if number.strip() else None
        )
    return upload, freed


def _clean_document(document: Document) -> None:
    # The address-or-file rule is checked above; the file is written next.
    document.clean_fields(exclude=["file"])


def _write_document(document: Document, state: tuple[UploadedFile | None, str]) -> None:
    upload, freed = state
    stored = _save_storing(document, upload)
    if freed and freed != stored:
        _remove_file_after_commit(freed)


def _remove_document(document: Document) -> None:
    name = document.file.name or ""
    document.delete()
    _remove_file_after_commit(name)


# A document's kind, title or visibility, or another address or file in its
# place; with neither, a stored file is kept. A removed document takes its
# stored file with it once the change is committed.
DOCUMENT_RULES = RowRules(
    arguments={
        "kind": REQUIRED,
        "title": REQUIRED,
        "url": "",
        "upload": None,
        "visibility": "public",
        # Left as they are unless given.
        "pages": None,
        "agenda_number": None,
    },
    texts=("title",),
    apply=_apply_document,
    clean=_clean_document,
    write=_write_document,
    remove=_remove_document,
)
