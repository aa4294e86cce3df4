"""What the comms forms share: the languages a text is written in."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

LANGUAGES: tuple[tuple[str, Any], ...] = (
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
)
