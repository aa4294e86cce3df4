"""Snippets: a window of the text around the first word that matches the
query, matched words in <mark>, everything else escaped (html.escape, as
django.utils.html.escape does, without its lazy-string wrapper: a page
escapes a few thousand pieces)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from alliance87.core.text import fold
from alliance87.search.analysis import STEMMERS, stem, variants

_WORD = re.compile(r"[^\W_]+")
WINDOW = 30  # words around the first match
MAX_TEXT = 20_000  # the part of a body read for a snippet


class Matcher:
    def __init__(self, terms: Sequence[str]) -> None:
        self.forms = {form for term in terms for form in variants(term)}
        # A stem begins as its word does (the few that do not, "happy" and
        # "happi", share the first two letters): words that begin
        # otherwise need no stemming, which is most of a text.
        self.starts = tuple({form[:2] for form in self.forms})
        # A page's snippets repeat their words (the, de, labour...): each
        # is folded and stemmed once per page.
        self._seen: dict[str, bool] = {}

    def matches(self, word: str) -> bool:
        seen = self._seen.get(word)
        if seen is None:
            seen = self._seen[word] = self._matches(word)
        return seen

    def _matches(self, word: str) -> bool:
        folded = word.lower() if word.isascii() else fold(word)
        if folded in self.forms:
            return True
        if not folded.startswith(self.starts):
            return False
        return any(stem(folded, code) in self.forms for code in STEMMERS)


def highlight(text: str, matcher: Matcher, *, window: int | None = None) -> SafeString:
    """Return `text` as HTML, matched words marked; with `window`, only
    about that many words around the first match (or the start)."""
    text = text[:MAX_TEXT]
    words = list(_WORD.finditer(text))
    start_char, end_char, prefix, suffix = 0, len(text), "", ""
    lo, hi = 0, len(words)
    if window is not None and len(words) > window:
        first = next((i for i, w in enumerate(words) if matcher.matches(w.group())), 0)
        lo = max(0, first - window // 3)
        hi = min(len(words), lo + window)
        start_char = words[lo].start() if lo else 0
        end_char = words[hi - 1].end() if hi < len(words) else len(text)
        prefix = "… " if lo else ""
        suffix = " …" if hi < len(words) else ""
    # The text between two marked words is escaped in one piece.
    out, pos = [prefix], start_char
    for w in words[lo:hi]:
        if matcher.matches(w.group()):
            out.append(escape(text[pos : w.start()]))
            out.append(f"<mark>{escape(w.group())}</mark>")
            pos = w.end()
    out.append(escape(text[pos:end_char]))
    out.append(suffix)
    return mark_safe("".join(out))
