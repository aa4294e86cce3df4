"""What /data/ shows of each figure of its tables, made once in Python:
the ranked table's 200 rows and the trend's 90 each read a few ready
strings in the template, instead of filters, tags and lookups through
models on every cell (docs/data.md, issue 14)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from alliance87.data import formatting
from alliance87.data.models import Edition, Observation
from alliance87.data.selectors import Figure

STATUSES = dict(Observation.Status.choices)


def source_label(edition: Edition) -> SafeString:
    """Return "Source (<the edition's title>)", made once an edition."""
    title = conditional_escape(edition.shown_title)
    return mark_safe(escape(_("Source (%(edition)s)")) % {"edition": title})  # escaped here


def source_html(label: SafeString, source_url: str, footnote: str, status: str) -> SafeString:
    """Return the link to a figure's source (`label`: its edition's
    `source_label`), with its footnote and its status when not an
    estimate."""
    html = format_html('<a href="{}">{}</a>', source_url, label)
    if footnote:
        html += format_html(' <span class="hint">— {}</span>', footnote)
    if status != Observation.Status.ESTIMATE:
        html += format_html(' <span class="tag">{}</span>', STATUSES.get(status, status))
    return html


def figure_rows(figures: Iterable[Figure], unit: str) -> list[dict[str, Any]]:
    """Return each of `figures` as its table row shows it: the place's name
    (marked as the `translated` filter marks it) and address, the figure
    with its unit, its interval and its source."""
    pattern = formatting.unit_pattern(unit)
    plain = formatting.plain_numbers()
    labels: dict[int, SafeString] = {}
    rows = []
    for f in figures:
        label = labels.get(f.edition.pk)
        if label is None:
            label = labels[f.edition.pk] = source_label(f.edition)
        rows.append(
            {
                "period": f.period,
                "url": f.place.url,
                "place": mark_safe(f.place.html),  # escaped by selectors' _Places
                "figure": pattern % {"value": plain(f.value)},
                "lower": None if f.lower is None else plain(f.lower),
                "upper": "" if f.upper is None else plain(f.upper),
                "illustrative": f.illustrative,
                "source": source_html(label, f.source_url, f.footnote, f.status),
            }
        )
    return rows
