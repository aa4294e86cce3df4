from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from alliance87.core import navigation


def frame(request: HttpRequest) -> dict[str, Any]:
    """Give the frame its language links and navigation state."""
    current = get_language()
    path = request.get_full_path()
    alternates = [
        {
            "code": code,
            "name": {"en": "English", "fr": "Français", "es": "Español"}[code],
            "url": translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]
    return {
        "language_links": alternates,
        "section": _section(request.path),
        # Read when a template shows it: the entries depend on the user, and
        # the 503 page must not load the user from a database that is down.
        "navigation": lambda: navigation.entries(getattr(request, "user", None)),
    }


def _section(path: str) -> str:
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2:
        return parts[1]
    return "home"
