"""
Words as the index sees them: folded (lower case, no accents), split on
anything that is not a letter or a digit, stop words left out, and stemmed
in the language of the text (English, French, Spanish; other text is kept
as folded words).

The SQLite engine indexes and searches these words; the PostgreSQL engine
uses its own text search configurations (english, french, spanish) on the
folded text, and the same query terms.
"""

from __future__ import annotations

import functools
import re

import snowballstemmer

from alliance87.core.text import fold

STEMMERS = {"en": "english", "fr": "french", "es": "spanish"}

# A word: letters and digits of any script ("_" is a separator, as in FTS5).
_WORD = re.compile(r"[^\W_]+")

# Longer queries are cut: no one types more, and each term costs a lookup.
MAX_TERMS = 12
MAX_WORD = 60

# Words too common to search for, in the three languages (folded).
_STOP_TEXT = (
    # English
    "a an and are as at be but by for from has have in into is it its of on or"
    " that the their there these this to was were which will with",
    # French (and its elided words: d'action, l'emploi, qu'il)
    "c d j l m n s t au aux avec ce ces dans de des du elle en et il ils la le les leur lui ma"
    " mais me meme mes ne nos notre nous on ou par pas pour qu que qui sa se ses"
    " son sur ta te tes toi ton tu un une vos votre vous",
    # Spanish
    "al como con del el ella ellos en entre era es esta este esto estos ha la"
    " las lo los mas mi muy no nos o para pero por que se sin sobre su sus tambien"
    " un una uno unos y ya",
)
STOP_WORDS = frozenset(word for text in _STOP_TEXT for word in text.split())


@functools.cache
def _stemmer(language: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(STEMMERS[language])


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str, language: str) -> str:
    """Return `word`'s stem in `language`. Cached: words come by their
    frequency, so a few thousand make most of any text (the stemmer is
    pure Python)."""
    return _stemmer(language).stemWord(word)


def words(text: str) -> list[str]:
    """Return the folded words of `text`, stop words included."""
    return [w[:MAX_WORD] for w in _WORD.findall(fold(text))]


def stems(text: str, language: str | None) -> str:
    """Return the words of `text` as the SQLite index holds them: folded,
    stop words left out, stemmed in `language` (None: not stemmed)."""
    found = [w for w in words(text) if w not in STOP_WORDS]
    if language in STEMMERS:
        found = [stem(w, language) for w in found]
    return " ".join(found)


def query_terms(text: str) -> tuple[list[str], bool]:
    """Return the words of a query worth searching for, and whether it
    held only stop words."""
    found = words(text)
    kept = [w for w in found if w not in STOP_WORDS]
    # Repeated words add nothing; the order is kept for the snippets.
    kept = list(dict.fromkeys(kept))[:MAX_TERMS]
    return kept, bool(found) and not kept


def variants(term: str) -> list[str]:
    """Return every form of a query term the index may hold: the term as
    typed (names, acronyms, other scripts) and its stem in each language."""
    forms = {term}
    for language in STEMMERS:
        forms.add(stem(term, language))
    return sorted(forms)
