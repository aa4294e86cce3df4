"""
Server-rendered SVG charts: light, printable, readable without JavaScript.

Each chart is an <svg role="img"> named by its own <title> and <desc>, and
the page shows the same numbers in a table beside it. The Content-Security-
Policy forbids style attributes, so colours and sizes are SVG presentation
attributes (fill=, font-size=). Colours meet WCAG 2.2 AA on white: bars
#0b2e59 (13.5:1), text #1a2230 (15.6:1), axis #4a5568 (7.5:1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#0b2e59"
TEXT = "#1a2230"
AXIS = "#4a5568"


def _label_lines(label: str, limit: int) -> list[str]:
    """Split a long label over at most two lines at word boundaries."""
    if len(label) <= limit:
        return [label]
    words, first = label.split(), ""
    while words and len(first) + len(words[0]) + 1 <= limit:
        first = f"{first} {words.pop(0)}".strip()
    if not first:
        return [label[:limit], label[limit:]]
    return [first, " ".join(words)]


def svg_open(
    chart_id: str, *, width: int, height: int, title: str, description: str, css: str = "chart"
) -> list[str]:
    """Return the opening of a chart's <svg>, named by its own <title> and
    <desc> (ids prefixed by `chart_id`, unique on the page), escaped."""
    ident = escape(chart_id)
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css)}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{ident}-title {ident}-desc" focusable="false">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]


def horizontal_bar_chart(
    rows: Sequence[tuple[str, int | float]],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = 640,
    label_width: int = 250,
    bar_height: int = 22,
    gap: int = 12,
    value_format: Callable[[int | float], str] | None = None,
) -> SafeString:
    """Return an SVG horizontal bar chart of (label, value) rows.

    `chart_id` must be unique on the page: it prefixes the ids of the
    title and description the chart is named by. Zero values keep their
    row, so an absent group shows as absent rather than vanishing.
    """
    fmt = value_format or (lambda v: number_format(v, force_grouping=True))
    top = 8
    row_height = bar_height + gap
    height = top + row_height * max(len(rows), 1) + 4
    plot = max(width - label_width - 60, 40)
    largest = max((value for _label, value in rows), default=0) or 1
    parts = [
        *svg_open(chart_id, width=width, height=height, title=title, description=description),
        f'<line x1="{label_width}" y1="{top - 4}" x2="{label_width}" y2="{height - 2}" '
        f'stroke="{AXIS}" stroke-width="1"/>',
    ]
    for index, (label, value) in enumerate(rows):
        y = top + index * row_height
        middle = y + bar_height / 2
        bar = round(plot * (value / largest)) if value else 0
        lines = _label_lines(str(label), 34)
        # A label of another language than the page's (a core.text.InLanguage)
        # says so, for a screen reader.
        label_lang = getattr(label, "lang", "")
        lang = f' lang="{escape(label_lang)}"' if label_lang else ""
        if len(lines) == 1:
            parts.append(
                f'<text x="{label_width - 8}" y="{middle:.1f}" dominant-baseline="middle" '
                f'text-anchor="end" fill="{TEXT}" font-size="13"{lang}>{escape(lines[0])}</text>'
            )
        else:
            parts.append(
                f'<text x="{label_width - 8}" y="{middle - 7:.1f}" dominant-baseline="middle" '
                f'text-anchor="end" fill="{TEXT}" font-size="12"{lang}>'
                f'<tspan x="{label_width - 8}">{escape(lines[0])}</tspan>'
                f'<tspan x="{label_width - 8}" dy="14">{escape(lines[1])}</tspan></text>'
            )
        if bar:
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{bar}" height="{bar_height}" '
                f'fill="{BAR}"/>'
            )
        parts.append(
            f'<text x="{label_width + bar + 6}" y="{middle:.1f}" dominant-baseline="middle" '
            f'fill="{TEXT}" font-size="13" font-weight="700">{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    # Every value interpolated above went through escape().
    return mark_safe("".join(parts))


def line_chart(
    points: Sequence[tuple[str, int | float]],
    *,
    chart_id: str,
    title: str,
    description: str,
    width: int = 360,
    height: int = 200,
    value_format: Callable[[int | float], str] | None = None,
) -> SafeString:
    """Return an SVG line of (label, value) points, in the order given
    (e.g. years), each point marked and labelled with its value.

    Narrow by default (360 px), so that it reads on a 390 px phone. The
    value axis starts at zero: a trend is not exaggerated by its scale.
    """
    fmt = value_format or (lambda v: number_format(v, force_grouping=True))
    left, right, top, bottom = 16, 16, 24, 28
    plot_w = width - left - right
    plot_h = height - top - bottom
    largest = max((value for _label, value in points), default=0) or 1
    parts = [
        *svg_open(chart_id, width=width, height=height, title=title, description=description),
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" '
        f'stroke="{AXIS}" stroke-width="1"/>',
    ]
    count = len(points)
    coords = []
    for index, (label, value) in enumerate(points):
        x = left + (plot_w / 2 if count == 1 else plot_w * index / (count - 1))
        y = top + plot_h - plot_h * (value / largest)
        coords.append((x, y, label, value))
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _l, _v in coords)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{BAR}" stroke-width="2"/>')
    for index, (x, y, label, value) in enumerate(coords):
        anchor = (
            "start"
            if index == 0 and count > 1
            else "end"
            if index == count - 1 and count > 1
            else "middle"
        )
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{BAR}"/>')
        parts.append(
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="{anchor}" fill="{TEXT}" '
            f'font-size="12" font-weight="700">{escape(fmt(value))}</text>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="{anchor}" fill="{TEXT}" '
            f'font-size="12">{escape(str(label))}</text>'
        )
    parts.append("</svg>")
    # Every value interpolated above went through escape().
    return mark_safe("".join(parts))
