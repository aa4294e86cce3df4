"""What the writes to groups share: text in the default language, the order
of a new row."""

from __future__ import annotations

from typing import Any

from django.conf import settings


def fill_default_language(obj: Any, fields: tuple[str, ...]) -> None:
    """Copy text written in one language into the default one when empty."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for name in fields:
        if getattr(obj, f"{name}_{default}", ""):
            continue
        for code, _name in settings.LANGUAGES:
            value = getattr(obj, f"{name}_{code}", "")
            if value:
                setattr(obj, f"{name}_{default}", value)
                break


def next_order(queryset: Any) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1
