"""
The one file mechanism: what may be uploaded, how it is stored, how it is
served.

- **Checked by content, not name.** An upload is accepted only when its
  first bytes (and, for office documents, the parts inside the zip) show
  one of the kinds below, and only up to `FILE_MAX_MB`. An `.exe` renamed
  `.pdf`, an HTML or SVG page with script, or 30 MB of anything are refused
  with a sentence that says what is accepted.
- **Stored atomically.** Streamed to a temporary file in the target folder,
  flushed to disk, then linked under a name no other upload holds: a file
  is whole or absent, never truncated (Django's storage writes in place).
- **Served through a view that applies the owner's visibility.** An area
  declares which model's file field may be served (`hooks.FILE_OWNERS`); the
  view finds the owner with `visible_to(user)`, so a hidden owner's file
  answers 404, like a missing one. Responses carry `nosniff`, a sandboxing
  Content-Security-Policy, and `Content-Disposition: attachment` for every
  kind a browser would do more with than display. Behind a proxy, the
  sending is left to it (`FILES_SERVE=x-accel-redirect` for nginx,
  `x-sendfile` for Apache or lighttpd).

One module per use case: `kinds` (what a file's content shows), `storage`
(writing and removing), `serving` (the view and a file's address) and
`documents` (a Hub document found by its address or its title). The names
below are the package's public ones; import them from here.
"""

from alliance87.core.files.documents import (
    NotAHubDocument,
    document_at,
    document_named,
    match_documents,
)
from alliance87.core.files.kinds import (
    CSV,
    DOCUMENT_KINDS,
    DOCX,
    HEAD_BYTES,
    JPEG,
    JSON,
    ODP,
    ODS,
    ODT,
    PDF,
    PNG,
    PPTX,
    TEXT,
    WEBP,
    XLSX,
    XML,
    ZIP,
    FileKind,
    accepted_labels,
    max_bytes,
    sniff,
)
from alliance87.core.files.serving import file_response, file_url, serve_file
from alliance87.core.files.storage import remove_file_after_commit, store_upload

__all__ = [
    "CSV",
    "DOCUMENT_KINDS",
    "DOCX",
    "HEAD_BYTES",
    "JPEG",
    "JSON",
    "ODP",
    "ODS",
    "ODT",
    "PDF",
    "PNG",
    "PPTX",
    "TEXT",
    "WEBP",
    "XLSX",
    "XML",
    "ZIP",
    "FileKind",
    "NotAHubDocument",
    "accepted_labels",
    "document_at",
    "document_named",
    "file_response",
    "file_url",
    "match_documents",
    "max_bytes",
    "remove_file_after_commit",
    "serve_file",
    "sniff",
    "store_upload",
]
