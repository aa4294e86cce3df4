"""Sections of the country profile, contributed by other areas.

An area registers a section in its AppConfig.ready():

    profile.register_section("pathfinder", order=10,
                             template="pathfinders/_country_section.html",
                             context=country_section)

`context(user, country)` returns the template's context, or None when the
area has nothing to show for that country (the section is then left out).
Every read inside it must go through `visible_to(user)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SectionContext = Callable[[Any, Any], dict[str, Any] | None]


@dataclass(frozen=True)
class ProfileSection:
    key: str
    order: int
    template: str
    context: SectionContext


_sections: dict[str, ProfileSection] = {}


def register_section(key: str, *, order: int, template: str, context: SectionContext) -> None:
    _sections[key] = ProfileSection(key, order, template, context)


def sections_for(user: Any, country: Any) -> list[dict[str, Any]]:
    """Return the sections to show, in order, each with its context."""
    shown = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        data = section.context(user, country)
        if data is not None:
            shown.append({"key": section.key, "template": section.template, "data": data})
    return shown
