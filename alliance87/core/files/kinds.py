"""
What may be uploaded: the kinds of file the Hub knows, told by their
content (first bytes, and for office documents the parts inside the zip),
never by their name.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy

HEAD_BYTES = 8192


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
