"""
Text written by people: Markdown rendered with markdown-it-py (CommonMark,
raw HTML off), then sanitised with nh3 to an allow-list of tags and
attributes, so that nothing typed into a resource or a post can run in a
visitor's browser. Shared by the library (a resource's text) and the
community (posts).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator, Sequence

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt
from markdown_it.token import Token

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
    "strong", "em", "code", "pre", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "ol": {"start"}}
_md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def sanitise(markup: str) -> SafeString:
    """Return `markup` cut down to the allow-list, links made inert to the
    page that shows them."""
    clean = nh3.clean(
        markup,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)


# Cuts a run of plain text into pieces, each with the address it links to
# (None: left as text).
Linker = Callable[[str], Sequence[tuple[str, str | None]]]


def render(text: str, *, linker: Linker | None = None) -> SafeString:
    """Return `text` (Markdown) as sanitised HTML; a heading of level 1
    becomes level 2, as the page has its own title. `linker`, if given,
    turns words of the plain text (never code, nor the text of a link)
    into links (the community's @org: mentions)."""
    if not text.strip():
        return mark_safe("")
    if linker is None:
        markup = _md.render(text)
    else:
        tokens = _md.parse(text)
        for token in tokens:
            if token.type == "inline" and token.children:
                token.children = _linked(token.children, linker)
        markup = _md.renderer.render(tokens, _md.options, {})
    markup = markup.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    return sanitise(markup)


def _linked(children: list[Token], linker: Linker) -> list[Token]:
    out: list[Token] = []
    depth = 0  # inside a link written in the text
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or depth > 0:
            out.append(child)
            continue
        for piece, href in linker(child.content):
            if href is None:
                out.append(Token("text", "", 0, content=piece))
            else:
                out.append(Token("link_open", "a", 1, attrs={"href": href}))
                out.append(Token("text", "", 0, content=piece))
                out.append(Token("link_close", "a", -1))
    return out


def plain_text(text: str) -> str:
    """Return `text` (Markdown) as the words a reader sees: no markup, no
    link addresses (for the search index and its snippets)."""
    if not text.strip():
        return ""
    return html.unescape(strip_tags(_md.render(text))).strip()


def link_targets(text: str) -> Iterator[str]:
    """Yield the address of every link written in `text` (Markdown), in
    order, as written."""
    for token in _md.parse(text):
        for child in token.children or ():
            if child.type == "link_open":
                href = child.attrGet("href")
                if isinstance(href, str):
                    yield href
