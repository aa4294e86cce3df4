"""System checks that refuse to start an unsafe configuration."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks


def check_demo_secret_key(**kwargs: Any) -> list[checks.CheckMessage]:
    """Refuse the published demo key whenever DEBUG is off."""
    if not settings.DEBUG and settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        return [
            checks.Critical(
                "SECRET_KEY is the demo key, which is public, and DEBUG is off.",
                hint=(
                    "Set SECRET_KEY (or SECRET_KEY_FILE) to a long random value, for "
                    'example: python -c "import secrets; print(secrets.token_urlsafe(50))". '
                    "Only `alliance87 demo` may run with the demo key."
                ),
                id="alliance87.E001",
            )
        ]
    return []


def register() -> None:
    # Deploy-tagged checks run with --deploy only; this one runs on every
    # start, so `serve` and `migrate` refuse as well.
    checks.register(check_demo_secret_key, checks.Tags.security)


def refuse_unsafe_start() -> None:
    """Raise if a critical security check fails; servers call this at start."""
    from django.core.exceptions import ImproperlyConfigured

    problems = check_demo_secret_key()
    if problems:
        raise ImproperlyConfigured(f"{problems[0].msg} {problems[0].hint}")
