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
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import Resolver404, resolve, reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from alliance87.core import hooks
from alliance87.core.text import fold, parse_id

HEAD_BYTES = 8192
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileKind:
    key: str
    label: Any  # for people: "PDF", "plain text" (translated)
    content_type: str
    extension: str
    # Shown in the browser rather than downloaded: only kinds a browser
    # displays and runs nothing from.
    inline: bool = False


PDF = FileKind("pdf", "PDF", "application/pdf", ".pdf", inline=True)
PNG = FileKind("png", "PNG", "image/png", ".png", inline=True)
JPEG = FileKind("jpeg", "JPEG", "image/jpeg", ".jpg", inline=True)
WEBP = FileKind("webp", "WebP", "image/webp", ".webp", inline=True)
DOCX = FileKind(
    "docx",
    "Word",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".docx",
)
XLSX = FileKind(
    "xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"
)
PPTX = FileKind(
    "pptx",
    "PowerPoint",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".pptx",
)
ODT = FileKind(
    "odt", gettext_lazy("OpenDocument text"), "application/vnd.oasis.opendocument.text", ".odt"
)
ODS = FileKind(
    "ods",
    gettext_lazy("OpenDocument spreadsheet"),
    "application/vnd.oasis.opendocument.spreadsheet",
    ".ods",
)
ODP = FileKind(
    "odp",
    gettext_lazy("OpenDocument presentation"),
    "application/vnd.oasis.opendocument.presentation",
    ".odp",
)
CSV = FileKind("csv", "CSV", "text/csv", ".csv")
# Accepted only where asked for (data imports, which are never served), and
# then parsed with defusedxml first (docs/data.md, "SDMX").
XML = FileKind("xml", "XML", "application/xml", ".xml")
# Told by its name, as CSV is, and its first character (an object or an
# array). Accepted only where asked for (data imports, SDMX-JSON, read with
# bounded size and depth, never served); elsewhere refused, not taken for
# plain text.
JSON = FileKind("json", "JSON", "application/json", ".json")
TEXT = FileKind("txt", gettext_lazy("plain text"), "text/plain", ".txt")
# A zip that is not an office document: accepted only where asked for (the
# Slack export of community/slack/, read and never served).
ZIP = FileKind("zip", "ZIP", "application/zip", ".zip")

DOCUMENT_KINDS: tuple[FileKind, ...] = (
    PDF,
    DOCX,
    XLSX,
    PPTX,
    ODT,
    ODS,
    ODP,
    CSV,
    TEXT,
    PNG,
    JPEG,
    WEBP,
)

_OOXML = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
_ODF = {ODT.content_type: ODT, ODS.content_type: ODS, ODP.content_type: ODP}
# Text that a browser, or a spreadsheet, would treat as a page or a script.
_ACTIVE_TEXT = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<body", b"<iframe")


def max_bytes(max_mb: int | None = None) -> int:
    return int(settings.FILE_MAX_MB if max_mb is None else max_mb) * 1024 * 1024


def sniff(path: Path, name: str = "") -> FileKind | None:
    """Return the kind the content of `path` shows, or None. `name` (the
    file's own name, by default the path's) tells CSV from plain text."""
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    return _sniff_text(head, name or path.name)


def _sniff_zip(path: Path) -> FileKind | None:
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
            if "mimetype" in names:
                return _ODF.get(z.read("mimetype").decode("ascii", "replace").strip())
            if "[Content_Types].xml" in names:
                for prefix, kind in _OOXML.items():
                    if any(n.startswith(prefix) for n in names):
                        return kind
                return None
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return ZIP


def _sniff_text(head: bytes, name: str) -> FileKind | None:
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        # A multi-byte character cut at the end of the head is fine.
        if e.start < len(head) - 4:
            return None
        text = head[: e.start].decode("utf-8")
    lowered = text.lstrip("\ufeff \t\r\n").lower().encode()
    if lowered.startswith(_ACTIVE_TEXT) or b"<script" in lowered:
        return None
    if lowered.startswith(b"<"):
        # Markup other than a page or a picture: XML (with or without its
        # declaration or a DTD), never shown inline.
        return None if b"<svg" in lowered else XML
    if name.lower().endswith(".json") and lowered.startswith((b"{", b"[")):
        return JSON
    return CSV if name.lower().endswith(".csv") else TEXT


def accepted_labels(kinds: tuple[FileKind, ...]) -> str:
    return ", ".join(dict.fromkeys(str(k.label) for k in kinds))


def _too_large(size: int, max_mb: int | None = None) -> ValidationError:
    return ValidationError(
        _("The file is %(size)s MB; the largest accepted is %(limit)s MB.")
        % {
            "size": f"{size / 1024 / 1024:.1f}",
            "limit": settings.FILE_MAX_MB if max_mb is None else max_mb,
        },
        code="too_large",
    )


def store_upload(
    upload: UploadedFile,
    *,
    folder: str,
    kinds: tuple[FileKind, ...] = DOCUMENT_KINDS,
    max_mb: int | None = None,
) -> str:
    """Check `upload` and write it under MEDIA_ROOT/`folder`, whole or not at
    all; return its name relative to MEDIA_ROOT. `max_mb` is the largest
    accepted, FILE_MAX_MB unless given.

    Raise ValidationError, with a sentence a person can act on, when the
    file is too large, of a kind not accepted, or cannot be written.
    """
    limit = max_bytes(max_mb)
    if upload.size is not None and upload.size > limit:
        raise _too_large(upload.size, max_mb)
    target_folder = Path(settings.MEDIA_ROOT) / folder
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target_folder, prefix=".upload-", suffix=".part")
    except OSError as e:
        raise _not_saved(e) from None
    tmp = Path(tmp_name)
    try:
        written = 0
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                written += len(chunk)
                if written > limit:
                    raise _too_large(written, max_mb)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        name = get_valid_filename(Path(upload.name or "file").name) or "file"
        kind = sniff(tmp, name)
        if kind is None or kind not in kinds:
            raise ValidationError(
                _(
                    "This file's content is not of an accepted kind. Accepted: %(kinds)s. "
                    "(The file's name is not enough: its content is checked.)"
                )
                % {"kinds": accepted_labels(kinds)},
                code="kind",
            )
        stem = Path(name).stem[:80] or "file"
        return str(
            _link_unique(tmp, target_folder, stem, kind.extension).relative_to(settings.MEDIA_ROOT)
        )
    except OSError as e:
        raise _not_saved(e) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _link_unique(tmp: Path, folder: Path, stem: str, extension: str) -> Path:
    # link() refuses to overwrite: a name another upload took meanwhile is
    # skipped, never replaced.
    for counter in range(1000):
        target = folder / (
            f"{stem}{extension}" if counter == 0 else f"{stem}-{counter}{extension}"
        )
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(str(folder / stem))


def _not_saved(error: OSError) -> ValidationError:
    return ValidationError(
        _("The file could not be saved (%(reason)s); nothing was kept. Try again.")
        % {"reason": error.strerror or error.__class__.__name__},
        code="not_saved",
    )


def remove_file_after_commit(model: type[models.Model], field: str, name: str) -> None:
    """Remove the stored file `name` once the change that freed it (a row
    of `model` removed, or given another file in `field`) is committed,
    unless a row of `model` still refers to it. A rolled-back change keeps
    it."""
    if not name:
        return

    def remove() -> None:
        if model._default_manager.filter(**{field: name}).exists():
            return
        try:
            model._meta.get_field(field).storage.delete(name)  # type: ignore[union-attr]
        except Exception:
            # The row no longer names it; a file left behind costs space only.
            logger.exception("Could not remove the file %s", name)

    transaction.on_commit(remove)


def file_url(obj: Any, field: str = "file") -> str:
    """Return the address of `obj`'s file, served through `serve_file`."""
    name = Path(getattr(obj, field).name).name
    return reverse("serve-file", args=[obj._meta.label_lower, obj.pk, name])


class NotAHubDocument(Exception):
    """An address of the Hub's files that names no file `user` may see."""


def document_at(address: str, host: str, user: Any) -> Any | None:
    """Return the Hub document whose file `address` serves (a row of a
    `hooks.FILE_OWNERS` model, as `serve_file` would find it for `user`),
    or None when `address` is not one of this Hub's file addresses (on
    `host`). Raise NotAHubDocument for a file address that serves nothing
    to `user`: a typo, or a document they may not see."""
    parts = urlsplit(address)
    if parts.netloc.lower() != host.lower():
        return None
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return None
    if match.func is not serve_file:
        return None
    label, pk, name = match.kwargs["label"], match.kwargs["pk"], match.kwargs["name"]
    registered = hooks.FILE_OWNERS.get(label)
    owner = registered.visible(user).filter(pk=pk).first() if registered else None
    stored = getattr(owner, registered.field, None) if owner is not None and registered else None
    if not stored or Path(stored.name).name != name:
        raise NotAHubDocument(address)
    return owner


def match_documents(user: Any, text: str, limit: int) -> list[tuple[str, str]]:
    """Return (value, name) of the first `limit` Hub documents `user` may
    see (each owner's own `visible`, as `serve_file`) that hold a file and
    whose `search_names` (their titles in every language, and what else
    their owner finds them by: a meeting's name, a file's name) contain
    `text`, ignoring case and accents (`fold`), by name. A value
    ("events.document:12") names the document for `document_named`.

    The database filters, visibility first, and returns at most `limit`
    rows per owner: one query per citable owner, whatever the number of
    documents."""
    folded = fold(text.replace("\x00", ""))
    if not folded:
        return []
    found: list[tuple[str, str]] = []
    for owner in hooks.FILE_OWNERS.items():
        if not owner.search:
            continue
        rows = (
            owner.visible(user)
            .exclude(**{owner.field: ""})
            .filter(**{f"{owner.search}__contains": folded})
            .order_by(owner.title or "pk", "pk")
        )
        # The row its name is read from ("resource" of "resource__title"),
        # read in the same query.
        related = owner.title.rpartition("__")[0]
        if related:
            rows = rows.select_related(related)
        found += [(f"{owner.label}:{row.pk}", str(row)) for row in rows[:limit]]
    found.sort(key=lambda pair: (fold(pair[1]), pair[0]))
    return found[:limit]


def document_named(user: Any, value: str) -> Any | None:
    """Return the Hub document `value` names ("events.document:12", as
    `match_documents` gives it) if `user` may see it and it holds a file;
    None otherwise (missing and hidden alike)."""
    label, _, pk = value.partition(":")
    registered = hooks.FILE_OWNERS.get(label)
    row_id = parse_id(pk)
    if registered is None or not registered.search or row_id is None:
        return None
    owner = registered.visible(user).filter(pk=row_id).first()
    return owner if owner is not None and getattr(owner, registered.field, None) else None


@require_safe
def serve_file(request: HttpRequest, label: str, pk: int, name: str) -> HttpResponseBase:
    """Serve the file of owner `label`/`pk` if the user may see its owner."""
    registered = hooks.FILE_OWNERS.get(label)
    if registered is None:
        raise Http404
    owner = registered.visible(request.user).filter(pk=pk).first()
    stored = getattr(owner, registered.field, None) if owner is not None else None
    if not stored or Path(stored.name).name != name:
        raise Http404
    path = Path(settings.MEDIA_ROOT) / stored.name
    if not path.is_file():
        raise Http404
    kind = sniff(path)
    response = _send(path, stored.name)
    response["Content-Type"] = kind.content_type if kind else "application/octet-stream"
    disposition = "inline" if kind is not None and kind.inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _send(path: Path, name: str) -> HttpResponseBase:
    mode = settings.FILES_SERVE
    if mode == "x-accel-redirect":
        response = HttpResponse()
        response["X-Accel-Redirect"] = (
            settings.FILES_INTERNAL_PREFIX.rstrip("/") + "/" + quote(name)
        )
        return response
    if mode == "x-sendfile":
        response = HttpResponse()
        response["X-Sendfile"] = str(path)
        return response
    return FileResponse(path.open("rb"))
