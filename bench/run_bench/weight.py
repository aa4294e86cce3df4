"""The first-load weight of a page, for bench/run.py (and bench/scale.py's
assets): every same-origin resource it loads, as sent compressed."""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser

from run_bench.servers import http_get

# -- page weight -----------------------------------------------------------

# <link rel=...> values a browser fetches on the first load.
LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "preload", "modulepreload"}
REFERENCE_ATTRS = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}
FONT_SUFFIXES = (".woff", ".woff2", ".ttf", ".otf", ".eot")


class ReferenceParser(HTMLParser):
    """Collect the URLs a page's tags reference, and which of them load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[str] = []  # every src/href of REFERENCE_ATTRS
        self.loaded: list[str] = []  # what the browser fetches to show the page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = REFERENCE_ATTRS.get(tag)
        if not names:
            return
        values = {k: v or "" for k, v in attrs}
        rels = set(values.get("rel", "").lower().split())
        for name in names:
            raw = values.get(name, "").strip()
            if not raw:
                continue
            urls = (
                [c.split()[0] for c in raw.split(",") if c.strip()] if name == "srcset" else [raw]
            )
            self.references.extend(urls)
            if tag == "link" and not rels & LOADED_RELS:
                continue  # alternate, canonical...: links, not requests
            if name == "srcset" and values.get("src"):
                continue  # the browser takes one candidate; src is counted
            self.loaded.extend(urls[:1] if name == "srcset" else urls)


CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+?)\1\s*\)|@import\s+(['"])(.+?)\3""")


@dataclass
class Asset:
    url: str
    kind: str  # html, css, js, image, font, other
    status: int
    size: int  # bytes as sent
    encoding: str


@dataclass
class PageWeight:
    path: str
    assets: list[Asset] = field(default_factory=list)
    third_party: list[str] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    html_brotli: int | None = None  # what the HTML would weigh compressed

    @property
    def total(self) -> int:
        return sum(a.size for a in self.assets)

    def by_kind(self, kind: str) -> int:
        return sum(a.size for a in self.assets if a.kind == kind)

    @property
    def broken(self) -> list[Asset]:
        return [a for a in self.assets if a.status != 200]


def asset_kind(url: str, content_type: str) -> str:
    path = urllib.parse.urlsplit(url).path.lower()
    if "text/html" in content_type:
        return "html"
    if "css" in content_type or path.endswith(".css"):
        return "css"
    if "javascript" in content_type or path.endswith((".js", ".mjs")):
        return "js"
    if content_type.startswith("image/") or path.endswith((".svg", ".png", ".jpg", ".webp")):
        return "image"
    if content_type.startswith("font/") or path.endswith(FONT_SUFFIXES):
        return "font"
    return "other"


def is_same_origin(url: str, origin: str) -> bool:
    return urllib.parse.urlsplit(url).netloc == urllib.parse.urlsplit(origin).netloc


def weigh_page(base: str, path: str) -> PageWeight:
    """Weigh the first load of `path`: each distinct resource once."""
    weight = PageWeight(path)
    compressed = {"Accept-Encoding": "br, gzip"}
    queue: list[str] = [base + path]
    seen: set[str] = set()
    while queue and len(seen) < 200:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        status, headers, body = http_get(url, compressed)
        kind = asset_kind(url, headers.get("content-type", ""))
        encoding = headers.get("content-encoding", "identity")
        weight.assets.append(Asset(url, kind, status, len(body), encoding))
        if status != 200 or kind not in ("html", "css"):
            continue
        if encoding != "identity":
            body = http_get(url)[2]  # the plain text, to read its references
        text = body.decode("utf-8", errors="replace")
        if kind == "html":
            if encoding == "identity":
                weight.html_brotli = brotli_size(body)
            parser = ReferenceParser()
            parser.feed(text)
            references, loaded = parser.references, parser.loaded
        else:
            references = [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]
            loaded = references
            if "@font-face" in text:
                weight.fonts.append(f"@font-face in {urllib.parse.urlsplit(url).path}")
        for ref in references:
            absolute = urllib.parse.urljoin(url, ref)
            scheme = urllib.parse.urlsplit(absolute).scheme
            if scheme in ("http", "https") and not is_same_origin(absolute, base):
                weight.third_party.append(ref)
        for ref in loaded:
            if ref.startswith(("data:", "#")):
                continue
            absolute = urllib.parse.urljoin(url, ref).split("#")[0]
            if absolute.lower().split("?")[0].endswith(FONT_SUFFIXES):
                weight.fonts.append(ref)
            if is_same_origin(absolute, base) and absolute not in seen:
                queue.append(absolute)
    return weight


def brotli_size(body: bytes) -> int | None:
    try:
        import brotli  # whitenoise[brotli] brings it
    except ImportError:
        return None
    return len(brotli.compress(body))
