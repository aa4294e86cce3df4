"""
Documents: the lines of a table of contents or list of documents (title,
agenda item, pages), an annex the report refers to, a link it gives.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import Document, Source
from alliance87.reports.rules.base import Context, clean

_TOC_HEADING = re.compile(
    r"^[ #*]*(?:table of contents|contents|list of documents|documents(?: of the meeting)?|"
    r"meeting documents|annexes)\s*:?\s*$",
    re.I | re.M,
)
_TOC_LINE = re.compile(
    r"^[ \t]*(?:[-•*]\s*)?(?:(?:agenda\s+)?item\s+(?P<item>[IVX]{1,5}|\d{1,2})\s*[:.–-]\s*)?"
    r"(?P<title>\S.*?\S)\s*(?:\.{2,}|…+|\s{2,}|\s+[-–]\s+|,\s*)?\s*"
    r"(?:\((?:agenda\s+)?item\s+(?P<item2>[IVX]{1,5}|\d{1,2})\)\s*)?"
    r"(?:\(?(?:pp?\.|pages?)\s*)?(?P<pages>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\)?\s*$",
    re.I,
)
_ANNEX = re.compile(r"\((?P<annex>Annex\s+(?:[IVX]{1,5}|\d{1,2}|[A-Z]))\)")
_LINK = re.compile(
    r"\b(?:access|see|find|watch|download|read|consult)\s+(?:the\s+)?(?P<what>video|report|presentation|"
    r"document|recording|statement|slides|paper)\b[^.:\n]{0,40}?:?\s*(?P<url>https?://[^\s)>\]]+)",
    re.I,
)


def documents(ctx: Context) -> list[Document]:
    """Rules `toc_line`, `annex_reference`, `document_link`."""
    found: list[Document] = []
    for heading in _TOC_HEADING.finditer(ctx.text):
        pos = heading.end() + 1
        while pos < len(ctx.text):
            line_end = ctx.text.find("\n", pos)
            line_end = len(ctx.text) if line_end == -1 else line_end
            line = ctx.text[pos:line_end]
            if not line.strip():
                if found:
                    break
                pos = line_end + 1
                continue
            m = _TOC_LINE.match(line)
            if not m:
                break
            pages = re.sub(r"\s*[-–]\s*", "-", m.group("pages"))
            found.append(
                Document(
                    clean(m.group("title")).rstrip(" .,:–-"),
                    m.group("item") or m.group("item2"),
                    pages,
                    Source(pos + m.start("title"), pos + m.end()),
                    "toc_line",
                )
            )
            pos = line_end + 1
    for m in _ANNEX.finditer(ctx.text):
        found.append(
            Document(
                m.group("annex"),
                ctx.agenda_number_at(m.start()),
                None,
                Source(m.start(), m.end()),
                "annex_reference",
            )
        )
    for m in _LINK.finditer(ctx.text):
        doc = Document(
            m.group("what").lower(),
            ctx.agenda_number_at(m.start()),
            None,
            Source(m.start(), m.end()),
            "document_link",
        )
        doc.url = m.group("url").rstrip(".,;")
        found.append(doc)
    return found
