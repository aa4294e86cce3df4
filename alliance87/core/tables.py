"""
Column labels on the cells of stacked tables.

On a phone a `.table` stacks: each row becomes a block and the header row
is hidden, so a cell would lose its column's name and a "—" would mean
nothing. `label_cells` copies each column's header text onto the data
cells below it as `data-label`, which the stylesheet shows before the
cell's content on narrow screens (`td[data-label]::before`). The frame
(base.html) runs it over every page's content, so every table is labelled
the same way, with no attribute to remember in a template.

It reads the markup that templates render: attribute values are escaped
(no raw ">" inside a tag), tables are not nested, and headers are in a
<thead>. A table without a <thead> is left as it is.
"""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
# Only the tags of a table change what is labelled: scanning for them alone
# skips the rest of the page (a map's hundreds of <path> elements, whose
# long attributes TAG would read character by character) and labels the
# same cells, since a rendered page has no raw "<" inside an attribute.
TABLE_TAG = re.compile(
    r"<(/?)(table|thead|tr|td|th)(?=[\s/>])((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE
)
COLSPAN = re.compile(r"""\bcolspan\s*=\s*["']?(\d+)""")
SPACE = re.compile(r"\s+")


def _colspan(attrs: str) -> int:
    match = COLSPAN.search(attrs)
    return max(1, int(match.group(1))) if match else 1


def _header_text(fragment: str) -> str:
    text = SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()
    return html.escape(text, quote=True)


def label_cells(markup: str) -> str:
    """Return `markup` with each data cell of a table with a header row
    labelled `data-label="<its column's header>"`."""
    if "<thead" not in markup:
        return markup
    out: list[str] = []
    position = 0
    labels: list[str] = []  # one per column of the current table
    in_thead = False
    header_start: int | None = None  # where the open <th>'s text begins
    header_span = 1
    column = 0
    for match in TABLE_TAG.finditer(markup):
        closing, name, attrs = match.group(1), match.group(2).lower(), match.group(3)
        if name == "table" and not closing:
            labels, column = [], 0
        elif name == "thead":
            in_thead = not closing
        elif name == "tr" and not closing:
            column = 0
        elif in_thead and name in ("th", "td"):
            if not closing:
                header_start, header_span = match.end(), _colspan(attrs)
            elif header_start is not None:
                text = _header_text(markup[header_start : match.start()])
                labels += [text] * header_span
                header_start = None
        elif name in ("td", "th") and not closing and labels:
            span = _colspan(attrs)
            label = labels[column] if column < len(labels) else ""
            column += span
            if name == "td" and label and "data-label" not in attrs:
                out.append(markup[position : match.start()])
                out.append(f'<{match.group(2)}{attrs} data-label="{label}">')
                position = match.end()
    out.append(markup[position:])
    return "".join(out)
