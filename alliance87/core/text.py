from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping


def fold(text: str) -> str:
    """Return `text` in lower case without accents, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("\u2019", "'").split())


# An id as people and programs write it: ASCII digits, no more than a
# database integer holds. str.isdigit() also admits "²" and "١", and int()
# refuses numbers of more than 4,300 digits: both ended in server errors.
_ID = re.compile(r"[0-9]{1,18}")


def parse_id(value: object) -> int | None:
    """Return `value` as a row id, or None when it cannot be one."""
    text = str(value).strip()
    return int(text) if _ID.fullmatch(text) else None


def shown_language(obj: object, field: str) -> str:
    """Return the language of the text that `obj.<field>` shows on a page
    in the active language: the active one, or the language it falls back
    to when nothing is written in it (django-modeltranslation's fallback
    order), or "" when the field is not translated or holds nothing."""
    from django.utils.translation import get_language
    from modeltranslation.utils import build_localized_fieldname, resolution_order

    language = (get_language() or "en").split("-")[0]
    for code in resolution_order(language):
        name = build_localized_fieldname(field, code)
        if not hasattr(obj, name):
            return ""
        if getattr(obj, name) not in (None, ""):
            return code
    return ""


# Text a service writes: a string in the active language, or a mapping of
# language codes to the text in each ("en", "fr", "es"), for callers that
# hold every translation (the demo loader, an import).
Translations = Mapping[str, str]


def set_translations(obj: object, field: str, texts: Translations) -> bool:
    """Write each language's text of `field`, "" where `texts` has none;
    return whether anything changed."""
    from django.conf import settings

    changed = False
    for code, _name in settings.LANGUAGES:
        name = f"{field}_{code}"
        value = texts.get(code, "") or ""
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed
