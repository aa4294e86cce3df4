"""Reads of the library (see each module)."""

from alliance87.library.selectors.detail import (
    country_section,
    event_section,
    get_resource_for_user,
    glossary,
    group_section,
    related_resources,
    resource_page,
    searchable_resources,
    searchable_terms,
    with_search_text,
)
from alliance87.library.selectors.filters import (
    DIMENSIONS,
    LibraryFilters,
    filter_resources,
    parse_filters,
)
from alliance87.library.selectors.lists import (
    Option,
    facets,
    language_names,
    list_for_review,
    list_resources,
    match_organisations,
)

__all__ = [
    "DIMENSIONS",
    "LibraryFilters",
    "Option",
    "country_section",
    "event_section",
    "facets",
    "filter_resources",
    "get_resource_for_user",
    "glossary",
    "group_section",
    "language_names",
    "list_for_review",
    "list_resources",
    "match_organisations",
    "parse_filters",
    "related_resources",
    "resource_page",
    "searchable_resources",
    "searchable_terms",
    "with_search_text",
]
