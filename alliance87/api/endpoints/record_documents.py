"""Documents of a meeting's record through the API (agendas, reports,
annexes), as the record page's "Documents" form and its "Edit" take them:
attach one, a link or an uploaded file, for the whole meeting or under an
agenda item with the pages of it that concern the item
(`events.services.attach_document`); give a document another file
(`correct_row`). Both take `multipart/form-data`, the way files are sent;
the file is checked by its content and size (`core.files`) and written
whole or not at all. Correcting a document's other fields (PATCH) and
removing it (DELETE) go the way of every row of the record (records.py,
record_corrections.py: part `documents`).

A file over FILE_MAX_MB is a 413, a file whose content is not of an
accepted kind a 422 saying which kinds are, an event the caller may not
record a 404, as a missing one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Field, File, Form, Schema, Status
from ninja.files import UploadedFile
from pydantic import WithJsonSchema

from alliance87.api.callers import caller
from alliance87.api.endpoints import records
from alliance87.api.endpoints.community_write import SOME_TEXT
from alliance87.api.endpoints.events import DocumentOut
from alliance87.api.endpoints.records import (
    DocumentKindName,
    VisibilityName,
    agenda_item_of,
    as_read,
    recordable,
)
from alliance87.api.http import Problem
from alliance87.events import selectors, services
from alliance87.events.models import Document

router = records.router
# A file, sent as a form's part (a form has no null: it is left out).
BINARY = {"type": "string", "format": "binary", "description": "The document's file, or a `url`"}
A_FILE = File(None)


class DocumentIn(Schema):
    kind: DocumentKindName  # type: ignore[valid-type]
    title: str = Field(
        min_length=1,
        max_length=300,
        pattern=SOME_TEXT,
        description="Written in the language of Accept-Language (English by default)",
    )
    url: str = Field("", max_length=200, description="A link to the document, or send `file`")
    # A form has no null: the field is left out (the schema says integer).
    agenda_item: Annotated[
        int | None,
        WithJsonSchema(
            {"type": "integer", "description": "The id of the agenda item it was presented under"}
        ),
    ] = None
    pages: str = Field(
        "", max_length=30, description='The pages of it that concern that item, e.g. "12-15"'
    )
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


def _unless_too_large(write: Callable[[], Any]) -> Any:
    """Do `write`; a file over the size limit is a 413, as a request body
    over the API's limit is."""
    try:
        return write()
    except ValidationError as error:
        if getattr(error, "code", None) == "too_large":
            raise Problem(
                413,
                "File too large",
                " ".join(error.messages),
                errors=[{"location": "file", "message": m} for m in error.messages],
            ) from error
        raise


@router.post(
    "/events/{slug}/documents",
    response={201: DocumentOut},
    summary="Attach a document to a meeting's record",
)
def attach_record_document(
    request: HttpRequest,
    slug: str,
    data: Form[DocumentIn],
    file: Annotated[UploadedFile | None, WithJsonSchema(BINARY)] = A_FILE,
) -> Status:
    """For whoever may record the meeting (the Secretariat), as the record
    page's "Documents" form: a link (`url`) or a file (`file`), one of the
    two. Accepted files: PDF, Word, Excel, PowerPoint, OpenDocument, CSV,
    plain text, PNG, JPEG, WebP, checked by their content, up to FILE_MAX_MB
    (20 MB by default). Answered as the event's read gives the document."""
    event = recordable(request, slug)
    document = _unless_too_large(
        lambda: services.attach_document(
            event,
            acting_user=caller(request),
            kind=data.kind,
            title=data.title.strip(),
            url=data.url.strip(),
            upload=file,
            agenda_item=agenda_item_of(event, data.agenda_item),
            pages=data.pages,
            visibility=data.visibility,
        )
    )
    return Status(201, as_read(request, event, "documents", document.pk))


@router.post(
    "/events/{slug}/documents/{document_id}/file",
    response={200: DocumentOut},
    summary="Give a document of a meeting's record another file",
)
def replace_record_document_file(
    request: HttpRequest,
    slug: str,
    document_id: int,
    file: File[UploadedFile],
) -> Any:
    """For whoever may record the meeting (the Secretariat), as the record
    page's "Edit" with a file: the file (or the link) the document had is
    replaced, its other fields kept; the file it had is removed once the
    change is committed. The same kinds and size as when attaching."""
    event = recordable(request, slug)
    user = caller(request)
    row = selectors.get_record_row_for_user(user, event, Document, document_id)
    _unless_too_large(
        lambda: services.correct_row(
            row,
            acting_user=user,
            kind=row.kind,
            title=row.title or "",
            visibility=row.visibility,
            upload=file,
        )
    )
    return as_read(request, event, "documents", row.pk)
