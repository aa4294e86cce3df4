"""
Writes to the partner directory.

Invariants: `search_names` holds the folded names and acronyms of every
language after each write; an organisation's slug never changes once
published, so links to it keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alliance87.core.services import service
from alliance87.core.text import fold, search_names
from alliance87.partners.models import Organisation, Person

LANGUAGE_CODES = ("en", "fr", "es")
SORT_PREFIXES = (
    "government of ",
    "gouvernement de ",
    "gouvernement du ",
    "gouvernement des ",
    "gobierno de ",
    "gobierno del ",
)


def organisation_search_names(org: Organisation) -> str:
    return search_names(
        *(
            getattr(org, f"{field}_{code}", "") or ""
            for field in ("name", "acronym")
            for code in LANGUAGE_CODES
        )
    )


def sort_key(name: str) -> str:
    """Return `name` folded for sorting: no accents or case, and without
    the "Government of" prefix and articles that bury the country's name."""
    folded = fold(name)
    for prefix in SORT_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
            break
    for article in ("l'", "la ", "le ", "les ", "el ", "the "):
        if folded.startswith(article):
            folded = folded[len(article) :]
            break
    return folded[:200]


def set_sort_names(org: Organisation) -> None:
    for code in LANGUAGE_CODES:
        name = getattr(org, f"name_{code}", "") or org.name or ""
        setattr(org, f"sort_name_{code}", sort_key(name))
    org.sort_name = sort_key(org.name or "")


@service
def save_organisation(
    org: Organisation, *, acting_user: Any, themes: Iterable[Any] | None = None
) -> Organisation:
    """Validate and save `org`, keeping its search names current; set its
    themes when given."""
    org.full_clean(exclude=["themes"])
    org.search_names = organisation_search_names(org)
    set_sort_names(org)
    org.save()
    if themes is not None:
        org.themes.set(list(themes))
    return org


@service
def save_person(
    person: Person, *, acting_user: Any, expertise: Iterable[Any] | None = None
) -> Person:
    """Validate and save a person of the directory; set their expertise
    when given."""
    person.full_clean(exclude=["expertise", "user"])
    person.save()
    if expertise is not None:
        person.expertise.set(list(expertise))
    return person
