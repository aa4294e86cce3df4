from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Return `text` in lower case without accents, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("\u2019", "'").split())
