"""
How to cite a resource: APA (7th edition, an organisation as author) and
BibTeX. Only what the resource holds goes in: no invented author or date
("n.d." when no date is held).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.library.models import Resource, ResourceType

_BIBTEX_MONTHS = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
]  # fmt: skip
_BIBTEX_SPECIAL = re.compile(r"([&%$#_{}])")


def _names(organisations: Sequence[Any]) -> list[str]:
    return [o.name for o in organisations]


def _apa_authors(names: list[str]) -> str:
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _apa_date(date: ReportedDate | None) -> str:
    if date is None:
        return _("n.d.")
    month = str(MONTHS[date.start.month])
    if date.precision == DatePrecision.DAY:
        return f"{date.start.year}, {month} {date.start.day}"
    if date.precision == DatePrecision.MONTH:
        return f"{date.start.year}, {month}"
    return str(date.start.year)


def apa(resource: Resource, publishers: Sequence[Any], title: str) -> str:
    """Return the APA reference of `resource` as plain text (the title in
    asterisks is left to the template, which sets it in italics)."""
    authors = _apa_authors(_names(publishers))
    date = f"({_apa_date(resource.reported_date)})."
    kind = " [Video]" if resource.resource_type == ResourceType.VIDEO else ""
    # Without an author, the title takes the author's place (APA 9.12).
    parts = [f"{authors}. {date}", f"{title}{kind}."] if authors else [f"{title}{kind}.", date]
    link = _link(resource)
    if link:
        parts.append(link)
    return " ".join(p for p in parts if p)


def _link(resource: Resource) -> str:
    if resource.doi:
        return f"https://doi.org/{resource.doi}"
    return resource.url


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", text)


def bibtex_key(resource: Resource) -> str:
    year = resource.date_start.year if resource.date_start else "nd"
    return re.sub(r"[^a-z0-9]", "", resource.slug.lower())[:40] + str(year)


def bibtex(resource: Resource, publishers: Sequence[Any], title: str) -> str:
    """Return the BibTeX entry of `resource`."""
    entry = "techreport" if resource.resource_type == ResourceType.REPORT else "misc"
    # Titles and organisations in an inner pair of braces: BibTeX keeps
    # their case and does not split an organisation into first and last names.
    fields: list[tuple[str, str]] = [("title", "{{" + _bibtex_text(title) + "}}")]
    names = [_bibtex_text(n) for n in _names(publishers)]
    if names:
        fields.append(("author", "{" + " and ".join("{" + n + "}" for n in names) + "}"))
        if entry == "techreport":
            fields.append(("institution", "{" + names[0] + "}"))
    date = resource.reported_date
    if date is not None:
        fields.append(("year", str(date.start.year)))
        if date.precision != DatePrecision.RANGE:
            fields.append(("month", _BIBTEX_MONTHS[date.start.month - 1]))
    for name, value in (("doi", resource.doi), ("isbn", resource.isbn), ("url", resource.url)):
        if value:
            fields.append((name, "{" + (value if name == "url" else _bibtex_text(value)) + "}"))
    lines = [f"@{entry}{{{bibtex_key(resource)},"]
    lines += [f"  {name} = {value}," for name, value in fields]
    lines.append("}")
    return "\n".join(lines)
