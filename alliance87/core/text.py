from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any


def fold(text: str) -> str:
    """Return `text` in lower case without accents, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("\u2019", "'").split())


def compact(text: str) -> str:
    """Return `text` folded, its letters and digits only: "Viet Nam" and
    "Viêt-Nam" both give "vietnam"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def search_names(*values: str) -> str:
    """Return each of `values` folded, once, joined by " | ": the one
    column a row is found by (`search_names`), kept by the service that
    writes the row and filtered with `search_names__contains=fold(text)`,
    so that a search reads matching rows only, in any language."""
    return " | ".join(dict.fromkeys(f for f in (fold(v or "") for v in values) if f))


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


def page_language() -> str:
    """Return the language code of the page being rendered ("en", "fr")."""
    from django.utils.translation import get_language

    return (get_language() or "en").split("-")[0]


def mail_language(user: Any, default: str = "") -> str:
    """Return the language to write email to `user` in: the first one they
    chose in an area (`hooks.MAIL_LANGUAGES`: the community's mail settings,
    then their newsletter subscription), else `default` (the language of
    what they wrote, say), else the site's language."""
    from django.conf import settings

    from alliance87.core import hooks

    codes = {code for code, _name in settings.LANGUAGES}
    if user is not None and getattr(user, "pk", None) is not None:
        for chosen in hooks.MAIL_LANGUAGES.items():
            language = chosen.language(user)
            if language in codes:
                return language
    return default if default in codes else settings.LANGUAGE_CODE


def _lookup(obj: object, field: str) -> Any:
    """Return `obj.<field>` as a template's `{{ obj.field }}` would: a
    mapping's key, else the attribute, called when it is a method."""
    if obj is None:
        return ""
    if isinstance(obj, Mapping):
        return obj.get(field, "")
    value = getattr(obj, field, "")
    return value() if callable(value) else value


class InLanguage(str):
    """Text that carries the language it is written in, for places where
    no `<span lang>` can go (an `<option>`: the form renderer writes its
    `lang`)."""

    lang: str

    def __new__(cls, text: str, lang: str) -> InLanguage:
        obj = super().__new__(cls, text)
        obj.lang = lang
        return obj


def in_language(obj: object, field: str) -> str:
    """Return `obj`'s translated `field` as plain text: an `InLanguage`
    when it is not in the page's language, else a str."""
    value = str(_lookup(obj, field) or "")
    shown = shown_language(obj, field)
    if value and shown and shown != page_language():
        return InLanguage(value, shown)
    return value


def marked(obj: object, field: str) -> str:
    """Return `obj`'s translated `field` as HTML for the page: escaped, and
    in a `<span lang>` when the text shown is of another language than the
    page's (nothing was written in the page's language, so it falls back
    to English). For labels built in Python as well as the `translated`
    filter."""
    from django.utils.html import conditional_escape, format_html

    value = _lookup(obj, field)
    if value in (None, ""):
        return ""
    shown = shown_language(obj, field)
    if shown and shown != page_language():
        return format_html('<span lang="{}">{}</span>', shown, value)
    return conditional_escape(value)


def written_in(text: object, lang: str) -> str:
    """Return `text`, held in one language only (`lang`: a publication's
    title as it was published), as HTML for the page: escaped, and in a
    `<span lang>` when the page is in another language."""
    from django.utils.html import conditional_escape, format_html

    if text in (None, ""):
        return ""
    if lang and lang != page_language():
        return format_html('<span lang="{}">{}</span>', lang, text)
    return conditional_escape(str(text))


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


def texts_by_language(obj: object, *fields: str) -> dict[str, str]:
    """Return, for each language, the text of `obj`'s translated `fields`
    written in it (their `<field>_<code>` columns), joined by blank lines;
    a language with none is left out. For the search index."""
    from django.conf import settings

    found: dict[str, str] = {}
    for code, _name in settings.LANGUAGES:
        parts = [str(getattr(obj, f"{field}_{code}", "") or "") for field in fields]
        text = "\n\n".join(part for part in parts if part)
        if text:
            found[code] = text
    return found
