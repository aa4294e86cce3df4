"""What the search index holds of the library: each resource (its title,
summary, text and the text read from its files, in each language; its
type, publishers, identifiers, countries, themes and year) and each
glossary term (the term, and its quoted definition with its source, or the
sentence saying that no sourced definition is held).

A resource is found as `ResourceQuerySet.visible_to` shows it: published,
by its visibility (members-only: the members of its group); a draft or a
submission by the Secretariat and the person who submitted it.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance87.core import hooks
from alliance87.core.markdown import plain_text
from alliance87.core.text import texts_by_language
from alliance87.core.visibility import Visibility
from alliance87.countries.search import country_facet
from alliance87.library.models import Resource, ResourceFile, Term, TextStatus
from alliance87.library.selectors import with_search_text
from alliance87.partners.models import Organisation

LANGUAGES = ("en", "fr", "es")
# The part of a file's text that is indexed: a long report's first few
# hundred pages.
MAX_FILE_TEXT = 500_000


def _add(bodies: dict[str, str], code: str, text: str) -> None:
    if text:
        bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text


def resource_level(resource: Resource) -> str:
    """Who finds the resource: a draft or a submission is the Secretariat's."""
    if not resource.is_published:
        return Visibility.SECRETARIAT
    return resource.visibility


def resource_entry(resource: Resource) -> hooks.SearchEntry:
    bodies = texts_by_language(resource, "summary")
    for code, text in texts_by_language(resource, "body").items():
        _add(bodies, code, plain_text(text))
    for file in resource.files.all():
        if file.text_status == TextStatus.EXTRACTED and file.language in LANGUAGES:
            _add(bodies, file.language, file.text[:MAX_FILE_TEXT])
    types = []
    for code in LANGUAGES:
        with translation.override(code):
            types.append(str(resource.get_resource_type_display()))
    # Publishers are found by name and acronym when anyone may see them.
    publishers = [
        part
        for org in resource.publishers.all()
        if org.visibility == Visibility.PUBLIC
        for part in (org.name, org.acronym)
        if part
    ]
    facets = [theme.search_facet() for theme in resource.themes.all()]
    facets += [country_facet(country) for country in resource.countries.all()]
    return hooks.SearchEntry(
        titles=texts_by_language(resource, "title"),
        bodies=bodies,
        access=hooks.SearchAccess(
            resource_level(resource),
            group_id=resource.group_id,
            # Its submitter finds it until it is published.
            user_id=None if resource.is_published else resource.submitted_by_id,
        ),
        names=" ".join(
            dict.fromkeys([*types, *publishers, resource.doi, resource.isbn]).keys()
        ).strip(),
        year=resource.date_start.year if resource.date_start else None,
        facets=tuple(facets),
    )


def term_entry(term: Term) -> hooks.SearchEntry:
    """A term with its quoted definition and source; without one, the
    glossary's sentence that no sourced definition is held, alone: it is
    what the result says (where to look it up is on the glossary page)."""
    bodies: dict[str, str] = {}
    definitions = texts_by_language(term, "definition")
    for code in LANGUAGES:
        with translation.override(code):
            if term.is_sourced:
                source = ", ".join(
                    part for part in (term.source_instrument, term.source_article) if part
                )
                _add(bodies, code, definitions.get(code, ""))
                _add(bodies, code, f"{gettext('Source:')} {source}")
            else:
                _add(bodies, code, gettext("No sourced definition is held."))
    return hooks.SearchEntry(
        titles=texts_by_language(term, "term"),
        bodies=bodies,
        access=hooks.SearchAccess(term.visibility),
    )


PROVIDERS = [
    hooks.SearchProvider(
        kind="resource",
        label=_("Library resources"),
        model=Resource,
        rows=lambda: with_search_text(Resource.objects.all()),
        entry=resource_entry,
        visible=lambda user: Resource.objects.visible_to(user),
        url=lambda resource: resource.get_absolute_url(),
        depends={ResourceFile: "files", Organisation: "publishers"},
        order=20,
    ),
    hooks.SearchProvider(
        kind="term",
        label=_("Glossary terms"),
        model=Term,
        rows=lambda: Term.objects.all(),
        entry=term_entry,
        visible=lambda user: Term.objects.visible_to(user),
        url=lambda term: term.get_absolute_url(),
        order=21,
        # "Forced labour" asked for, its glossary entry comes first.
        named_first=True,
    ),
]
