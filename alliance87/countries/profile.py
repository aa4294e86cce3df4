"""Sections of the country profile, contributed by other areas.

An area registers a section on `hooks.COUNTRY_PROFILE_SECTIONS` in its
AppConfig.ready():

    hooks.COUNTRY_PROFILE_SECTIONS.register(
        hooks.ProfileSection("pathfinder", order=10,
                             template="pathfinders/_country_section.html",
                             context=country_section)
    )

`context(user, country)` returns the template's context, or None when the
area has nothing to show for that country (the section is then left out).
Every read inside it must go through `visible_to(user)`.
"""

from __future__ import annotations

from typing import Any

from alliance87.core import hooks


def sections_for(user: Any, country: Any) -> list[dict[str, Any]]:
    """Return the sections to show, in order, each with its context."""
    shown = []
    for section in hooks.COUNTRY_PROFILE_SECTIONS.items():
        data = section.context(user, country)
        if data is not None:
            shown.append({"key": section.key, "template": section.template, "data": data})
    return shown
