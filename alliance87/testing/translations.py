"""Read the translated fields of a model, whatever the active language."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def in_each_language(obj: Any, field: str) -> tuple[str, ...]:
    """Return the values of a translated field, in the order of LANGUAGES.

    modeltranslation adds `name_en`, `name_fr`... at run time, where mypy
    cannot see them.
    """
    return tuple(getattr(obj, f"{field}_{code}") for code, _name in settings.LANGUAGES)
