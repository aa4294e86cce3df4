"""What the search index holds of an organisation: its name and acronym
in every language (an acronym finds it in any), its type, description,
country and themes."""

from __future__ import annotations

from django.utils import translation

from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.countries.search import country_facet
from alliance87.partners.models import Organisation

LANGUAGES = ("en", "fr", "es")


def entry(org: Organisation) -> hooks.SearchEntry:
    names = texts_by_language(org, "name")
    acronyms = texts_by_language(org, "acronym")
    titles = {
        code: f"{name} ({acronyms[code]})" if acronyms.get(code) else name
        for code, name in names.items()
    }
    bodies = texts_by_language(org, "description")
    for code in LANGUAGES:
        with translation.override(code):
            kind = str(org.get_stakeholder_type_display())
        bodies[code] = f"{kind}. {bodies[code]}" if bodies.get(code) else kind
    facets = [theme.search_facet() for theme in org.themes.all()]
    if org.country is not None:
        facets.append(country_facet(org.country))
    return hooks.SearchEntry(
        titles=titles,
        bodies=bodies,
        access=hooks.SearchAccess(org.visibility),
        names=" ".join([org.name, *names.values(), *acronyms.values()]),
        facets=tuple(facets),
    )


PROVIDER = hooks.SearchProvider(
    kind="organisation",
    label=Organisation._meta.verbose_name_plural,  # type: ignore[arg-type]
    model=Organisation,
    rows=lambda: Organisation.objects.select_related("country").prefetch_related("themes"),
    entry=entry,
    visible=lambda user: Organisation.objects.visible_to(user),
    url=lambda org: org.get_absolute_url(),
    order=80,
)
