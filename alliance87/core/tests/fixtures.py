"""
Fixtures and helpers shared by the test folders of every app.

Each `tests/conftest.py` imports them by name: pytest honours
`pytest_plugins` only in the root conftest.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client


def sign_in(client: Client, user: Any) -> None:
    """Sign `user` in, unless it is the anonymous persona."""
    if user.is_authenticated:
        client.force_login(user)


def in_each_language(obj: Any, field: str) -> tuple[str, ...]:
    """Return the values of a translated field, in the order of LANGUAGES.

    modeltranslation adds `name_en`, `name_fr`... at run time, where mypy
    cannot see them.
    """
    return tuple(getattr(obj, f"{field}_{code}") for code, _name in settings.LANGUAGES)
