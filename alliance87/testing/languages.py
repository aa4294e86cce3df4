"""
Find text written only in English that a French or Spanish page shows
without saying so (issue 10, item 14): a screen reader then reads English
words with French or Spanish sounds. `english_only_texts(language)` lists,
from the database, the prose that has no text in `language` (so the page
falls back to English); `unmarked(html, texts)` lists the pieces of it that
a page shows outside any element with `lang="en"`.

Names (of organisations, people, places, events' series) are left out:
WCAG 3.1.2 excepts proper names, and they are the same in every language.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.db.models import Q

# Translated fields that hold a name, not prose.
NAMES = frozenset(
    {"name", "short_name", "acronym", "official_name", "common_name", "body", "body_short"}
)
# A shorter piece of text could be a word that is the same in French or
# Spanish ("Nepal", "Agenda"): only longer ones are looked for.
MIN_LENGTH = 16
# Elements whose text is not read as page content, or cannot hold an
# element with `lang` of its own.
SKIPPED = frozenset({"script", "style", "title", "template"})
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def _normal(text: str) -> str:
    return " ".join(text.split())


def english_only_texts(language: str) -> set[str]:
    """Return each line of translated prose that has English text and none
    in `language`, normalised for comparison."""
    from modeltranslation.translator import translator

    texts: set[str] = set()
    for model in translator.get_registered_models():
        options = translator.get_options_for_model(model)
        for field in options.fields:  # type: ignore[attr-defined]
            if field in NAMES:
                continue
            english, other = f"{field}_en", f"{field}_{language}"
            missing = Q(**{other: ""}) | Q(**{f"{other}__isnull": True})
            rows = (
                model._base_manager.exclude(**{english: ""})
                .exclude(**{f"{english}__isnull": True})
                .filter(missing)
                .values_list(english, flat=True)
            )
            for value in rows:
                for line in str(value).splitlines():
                    piece = _normal(line)
                    if len(piece) >= MIN_LENGTH:
                        texts.add(piece)
    return texts


class _TextByLanguage(HTMLParser):
    """Collect each run of text with the language of the element it is in."""

    def __init__(self, page_language: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str]] = [("", page_language)]
        self.runs: list[tuple[str, str]] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        a = dict(attrs)
        lang = (a.get("lang") or self.stack[-1][1]).split("-")[0]
        self.stack.append((tag, lang))
        if tag in SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth][0] == tag:
                if tag in SKIPPED:
                    self.skipping = max(0, self.skipping - 1)
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.runs.append((self.stack[-1][1], _normal(data)))


def unmarked(html: str, texts: set[str], page_language: str) -> list[str]:
    """Return the pieces of `texts` that `html` shows as text of
    `page_language` rather than inside an element with `lang="en"`."""
    parser = _TextByLanguage(page_language)
    parser.feed(html)
    found = []
    for lang, run in parser.runs:
        if lang != "en" and run in texts:
            found.append(run)
    return found
