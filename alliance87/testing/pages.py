"""
Hold a page to the rules a screen-reader user, a keyboard user and the
Content-Security-Policy depend on: `problems_of(html, lang)` lists what a
page breaks, `crawl(client, start)` walks the site from a page as a visitor
would and lists each page's problems.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from django.test import Client

MAX_PAGES = 250
# Many pages of one kind add nothing: after this many URLs that share their
# first two path segments, the walk follows no more of them.
MAX_PER_KIND = 8
SKIP_SUFFIXES = (".csv", ".ics", ".json", ".svg", ".png", ".pdf")


class PageAudit(HTMLParser):
    """Collect what the checks need from one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.headings: list[int] = []
        self.ids: Counter[str] = Counter()
        self.labels_for: set[str] = set()
        self.controls: list[dict[str, str]] = []
        self.images_without_alt: list[str] = []
        self.inline_scripts = 0
        self.inline_styles = 0
        self.style_attributes = 0
        self.links: list[str] = []
        self.empty_links: list[str] = []
        self.tables_without_headers = 0
        self.svgs_without_name = 0
        self._link_stack: list[dict[str, object]] = []
        self._table_stack: list[bool] = []
        self._label_depth = 0
        self._controls_in_label: int = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.ids[a["id"]] += 1
        if "style" in a:
            self.style_attributes += 1
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        elif tag == "label":
            self._label_depth += 1
            if a.get("for"):
                self.labels_for.add(a["for"])
        elif tag in {"input", "select", "textarea"}:
            kind = a.get("type", "text")
            if kind not in {"hidden", "submit", "button", "reset", "image"}:
                control = dict(a)
                control["_in_label"] = "1" if self._label_depth else ""
                self.controls.append(control)
        elif tag == "img":
            if "alt" not in a:
                self.images_without_alt.append(a.get("src", "?"))
            for link in self._link_stack:
                link["text"] = str(link["text"]) + a.get("alt", "")
        elif (
            tag == "script"
            and "src" not in a
            and "nonce" not in a
            # Data blocks are never executed, so the CSP has no say in them.
            and a.get("type") not in {"application/json", "application/ld+json"}
        ):
            self.inline_scripts += 1
        elif tag == "style" and "nonce" not in a:
            self.inline_styles += 1
        elif tag == "a" and "href" in a:
            self.links.append(a["href"])
            self._link_stack.append({"href": a["href"], "text": a.get("aria-label", "")})
        elif tag == "table":
            self._table_stack.append(False)
        elif tag == "th" and self._table_stack:
            self._table_stack[-1] = True
        elif tag == "svg":
            named = a.get("aria-label") or a.get("aria-labelledby") or a.get("aria-hidden")
            if a.get("role") == "img" and not named:
                self.svgs_without_name += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link_stack:
            link = self._link_stack.pop()
            if not str(link["text"]).strip():
                self.empty_links.append(str(link["href"]))
        elif tag == "label":
            self._label_depth = max(0, self._label_depth - 1)
        elif tag == "table" and self._table_stack and not self._table_stack.pop():
            self.tables_without_headers += 1

    def handle_data(self, data: str) -> None:
        for link in self._link_stack:
            link["text"] = str(link["text"]) + data


def problems_of(html: str, expected_lang: str) -> list[str]:
    """Return what `html` breaks of the rules, one sentence each."""
    audit = PageAudit()
    audit.feed(html)
    found: list[str] = []
    if audit.lang != expected_lang:
        found.append(f'<html lang="{audit.lang}">, expected "{expected_lang}"')
    if audit.headings.count(1) != 1:
        found.append(f"{audit.headings.count(1)} <h1> elements, expected one")
    for before, after in zip(audit.headings, audit.headings[1:], strict=False):
        if after > before + 1:
            found.append(f"heading level skips from h{before} to h{after}")
            break
    duplicates = [i for i, n in audit.ids.items() if n > 1]
    if duplicates:
        found.append(f"duplicate ids: {duplicates}")
    if "main" not in audit.ids:
        found.append("no element with id main for the skip link")
    for control in audit.controls:
        named = (
            control.get("id") in audit.labels_for
            or control.get("aria-label")
            or control.get("aria-labelledby")
            or control.get("_in_label")
        )
        if not named:
            found.append(f"form control without a label: {control.get('name') or control}")
    if audit.images_without_alt:
        found.append(f"images without alt: {audit.images_without_alt}")
    if audit.inline_scripts or audit.inline_styles or audit.style_attributes:
        found.append(
            f"inline code the CSP would block: {audit.inline_scripts} scripts, "
            f"{audit.inline_styles} style elements, {audit.style_attributes} style attributes"
        )
    if audit.empty_links:
        found.append(f"links without text: {audit.empty_links}")
    if audit.tables_without_headers:
        found.append(f"{audit.tables_without_headers} tables without header cells")
    if audit.svgs_without_name:
        found.append(f"{audit.svgs_without_name} svg images without an accessible name")
    return found


def crawl(
    client: Client, start: str, check: Callable[[str, str], list[str]] | None = None
) -> dict[str, list[str]]:
    """Visit internal pages breadth first; return each page's problems:
    what `check(html, page_language)` finds (by default, `problems_of`)."""
    check = check or problems_of
    prefix = start.rstrip("/")
    lang = prefix.strip("/")
    queue, seen = [start], {start}
    kinds: Counter[str] = Counter()
    report: dict[str, list[str]] = {}
    while queue and len(report) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code in (301, 302):
            continue
        if response.status_code != 200:
            report[url] = [f"status {response.status_code}"]
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        report[url] = check(html, lang)
        audit = PageAudit()
        audit.feed(html)
        for href in audit.links:
            target, _ = urldefrag(href)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith(prefix + "/"):
                continue
            if target.endswith(SKIP_SUFFIXES) or target in seen:
                continue
            kind = "/".join(parts.path.split("/")[:3]) + ("?" if parts.query else "")
            if kinds[kind] >= MAX_PER_KIND:
                continue
            kinds[kind] += 1
            seen.add(target)
            queue.append(target)
    return report
