"""
Read a meeting report into one normalised text.

Word (.docx), PDF, plain text and Markdown are read offline, with
python-docx and pypdf. Every source offset that the rules give points into
the text returned here, so a reviewer can be shown the very passage.

A file that cannot be read raises `ReportError` with a sentence a person
can act on: empty, too large (over `FILE_MAX_MB`, the upload limit),
encrypted, scanned (images without a text layer), malformed, or of a kind
that is not a report.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext_lazy

from alliance87.core.files import max_bytes

# Why a report cannot be read, in the words a person is shown (translated
# when shown, so that an import parsed in the background is explained in
# the reader's language). Keyed by the code stored with a failed import.
MESSAGES = {
    "open": gettext_lazy("The file %(name)s cannot be opened: %(reason)s."),
    "read": gettext_lazy("The file %(name)s cannot be read: %(reason)s."),
    "empty": gettext_lazy("The file is empty: there is no report to read."),
    "too_large": gettext_lazy(
        "The file is %(size)s MB; the largest report accepted is %(limit)s MB (the upload limit)."
    ),
    "kind": gettext_lazy(
        "The file is not a report the Hub can read: use Word (.docx), PDF, plain text or Markdown."
    ),
    "encoding": gettext_lazy("The text is in an encoding the Hub cannot read: save it as UTF-8."),
    "zip": gettext_lazy(
        "The file is a zip archive but not a Word document: use Word (.docx), PDF, plain "
        "text or Markdown."
    ),
    "docx_damaged": gettext_lazy(
        "The Word document is damaged and cannot be read (%(kind)s); open it in Word and "
        "save it again."
    ),
    "docx_empty": gettext_lazy("The Word document holds no text: there is no report to read."),
    "encrypted": gettext_lazy(
        "The PDF is encrypted with a password: save an unprotected copy and import that."
    ),
    "pdf_damaged": gettext_lazy(
        "The PDF is damaged and cannot be read (%(kind)s); export it again from the program "
        "that made it."
    ),
    "pdf_no_pages": gettext_lazy("The PDF has no pages: there is no report to read."),
    "scanned": gettext_lazy(
        "The PDF holds scanned images but no text layer: run it through text recognition "
        "(OCR) first, or import the original Word document."
    ),
    "pdf_no_text": gettext_lazy("The PDF holds no text: there is no report to read."),
    # Read, but the rules found nothing: no title, date, agenda...
    "nothing": gettext_lazy(
        "Nothing about a meeting was found in this report: no title, date, place, agenda, "
        "exchange, decision or action item. Nothing was written."
    ),
}


def report_error_message(code: str, params: dict[str, Any] | None = None) -> str:
    """Return the message for `code` in the active language."""
    template = MESSAGES.get(code, MESSAGES["kind"])
    return str(template) % (params or {}) if params else str(template)


class ReportError(ValueError):
    """A report that cannot be read; the message says why, for people.

    `code` names the reason (a key of MESSAGES) and `params` fill it in;
    `str()` gives the message in the active language.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return report_error_message(self.code, self.params)


@dataclass(frozen=True)
class ReportText:
    text: str
    # "docx", "pdf", "markdown" or "text".
    format: str
    # For a PDF, the offset at which each page starts in `text`.
    page_starts: tuple[int, ...] = ()


_MARKDOWN = re.compile(r"^(#{1,6} |\s*[-*] |\s*\d+\. |.*\*\*.+\*\*)", re.M)


def read_path(path: str | Path) -> ReportText:
    """Return the text of the report at `path`."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as e:
        raise ReportError("open", name=str(path), reason=e.strerror) from None
    _check_size(size)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReportError("read", name=str(path), reason=e.strerror) from None
    return read_bytes(data, path.name)


def read_bytes(data: bytes, name: str = "") -> ReportText:
    """Return the text of the report whose content is `data`.

    The content decides how it is read, not the name; `name` only tells
    Markdown from plain text.
    """
    _check_size(len(data))
    if not data.strip():
        raise ReportError("empty")
    if data.startswith(b"%PDF-"):
        return _read_pdf(data)
    if data.startswith(b"PK\x03\x04"):
        return _read_docx(data)
    return _read_plain(data, name)


def _check_size(size: int) -> None:
    if size > max_bytes():
        limit = max_bytes() // (1024 * 1024)
        raise ReportError("too_large", size=f"{size / 1024 / 1024:.1f}", limit=limit)


def normalise(text: str) -> str:
    """Return `text` in Unicode NFC with plain line ends, no trailing spaces
    and no control characters other than the line end."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00a0", " ").replace("\t", " ").replace("\u00ad", "")
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) != "Cc")
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


def _read_plain(data: bytes, name: str) -> ReportText:
    if b"\x00" in data[:8192]:
        raise ReportError("kind")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReportError("encoding") from None
    text = normalise(text)
    if not text.strip():
        raise ReportError("empty")
    lowered = name.lower()
    markdown = lowered.endswith((".md", ".markdown")) or (
        not lowered.endswith(".txt") and len(_MARKDOWN.findall(text)) >= 3
    )
    return ReportText(text, "markdown" if markdown else "text")


def _read_docx(data: bytes) -> ReportText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise ReportError("zip")
        document = docx.Document(io.BytesIO(data))
    except ReportError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise ReportError("docx_damaged", kind=type(e).__name__) from None
    except Exception as e:  # lxml raises its own syntax errors for bad XML.
        raise ReportError("docx_damaged", kind=type(e).__name__) from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append("".join(t.text or "" for t in child.iter() if _is_text(t)))
        elif tag == "tbl":
            for row in child.iter("{*}tr"):
                cells = [
                    " ".join(
                        "".join(t.text or "" for t in p.iter() if _is_text(t))
                        for p in cell.iter("{*}p")
                    ).strip()
                    for cell in row.iter("{*}tc")
                ]
                blocks.append(" | ".join(cells))
    text = normalise("\n".join(blocks))
    if not text.strip():
        raise ReportError("docx_empty")
    return ReportText(text, "docx")


def _is_text(element: object) -> bool:
    tag = getattr(element, "tag", "")
    return isinstance(tag, str) and tag.endswith("}t")


def _read_pdf(data: bytes) -> ReportText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # A PDF locked only against changes opens with an empty password.
            opened: object
            try:
                opened = reader.decrypt("")
            except (PdfReadError, PyPdfError, NotImplementedError, DependencyError):
                opened = 0
            if not opened:
                raise ReportError("encrypted")
        pages = list(reader.pages)
        texts: list[str] = []
        has_images = False
        for page in pages:
            texts.append(normalise(page.extract_text() or ""))
            has_images = has_images or _has_images(page)
    except ReportError:
        raise
    except Exception as e:  # pypdf raises many kinds on a broken file.
        raise ReportError("pdf_damaged", kind=type(e).__name__) from None
    if not pages:
        raise ReportError("pdf_no_pages")
    if not any(t.strip() for t in texts):
        if has_images:
            raise ReportError("scanned")
        raise ReportError("pdf_no_text")
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    return ReportText("\n\n".join(parts), "pdf", tuple(starts))


def _has_images(page: object) -> bool:
    try:
        resources = page["/Resources"]  # type: ignore[index]
        xobjects = resources.get("/XObject")
        if xobjects is None:
            return False
        xobjects = xobjects.get_object()
        return any(xobjects[name].get_object().get("/Subtype") == "/Image" for name in xobjects)
    except Exception:
        return False
