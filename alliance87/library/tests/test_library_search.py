"""The library in the site search: resources by their title, summary, text
and the text of their files, in each language, with their facets; glossary
terms, saying when no sourced definition is held; a partners-only or draft
resource never reaches the public, in results, snippets or counts; the
index follows the library's writes."""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path
from typing import Any

import docx
import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.library import services
from alliance87.library.extraction import extract
from alliance87.library.models import Term
from alliance87.search.index import rebuild
from alliance87.search.query import search
from alliance87.testing.factories import make_resource
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def kinds(query: str, user: Any = None, language: str = "en") -> list[str]:
    return [row.kind for row in search(user or AnonymousUser(), query, language=language).rows]


def page(client: Client, query: str, lang: str = "en", **params: str) -> str:
    response = client.get(f"/{lang}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode().replace("<mark>", "").replace("</mark>", "")


def word_file(text: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return SimpleUploadedFile("note.docx", out.getvalue())


def test_a_resource_is_found_by_its_title_summary_and_text_in_each_language() -> None:
    make_resource(
        "ocelot",
        "Ocelot guidance",
        title_fr="Guide de l'ocelot",
        title_es="Guía del ocelote",
        summary_en="Inspectors visiting farms.",
        summary_fr="Les inspecteurs visitent les fermes.",
        summary_es="Los inspectores visitan las granjas.",
        body_en="## Steps\n\n**Interview** the [workers](https://example.org/pangolin).",
    )
    rebuild()
    for query, language in (
        ("ocelot", "en"),
        ("farm", "en"),
        ("ferme", "fr"),
        ("granja", "es"),
        ("interviews worker", "en"),
    ):
        assert kinds(query, language=language) == ["resource"], query
    # The text is read as the page shows it: no markup, no link address.
    assert kinds("pangolin") == []
    hit = search(AnonymousUser(), "interview", language="en").rows[0]
    assert "Steps Interview the workers." in " ".join(
        hit.snippet.replace("<mark>", "").replace("</mark>", "").split()
    )
    assert hit.url == "/en/library/ocelot/"


def test_the_text_of_a_resource_s_file_is_found_in_its_language(
    django_capture_on_commit_callbacks: Any,
) -> None:
    resource = make_resource("toolkit", "A toolkit")
    with django_capture_on_commit_callbacks(execute=True):
        file = services.attach_file(
            resource,
            language="fr",
            upload=word_file("Inspection du travail agricole"),
            acting_user=None,
        )
    assert kinds("agricole") == []  # not yet read
    with django_capture_on_commit_callbacks(execute=True):
        extract(file)
    row = search(AnonymousUser(), "agricole", language="fr").rows[0]
    assert row.kind == "resource" and row.snippet_lang == "fr"
    # The file removed, its words are no longer found.
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_file(file, acting_user=None)
    assert kinds("agricole") == []


def test_a_resource_carries_its_type_publisher_countries_themes_and_year(
    client: Client,
) -> None:
    theme = Theme.objects.create(slug="herding", name="Herding", name_en="Herding", kind="target")
    npl = Country.objects.get(iso3="NPL")
    make_resource(
        "yak-report",
        "Yak herders",
        resource_type="guidance_note",
        date_start=dt.date(2019, 2, 1),
        links=services.Links(countries=[npl], themes=[theme]),
    )
    make_resource("yak-other", "Yak markets", date_start=dt.date(2020, 1, 1))
    rebuild()
    # Its type, in any language, is a word that finds it.
    assert kinds("yak guidance") == ["resource"]
    assert kinds("yak note d'orientation") == ["resource"]
    body = page(client, "yak")
    assert "2 results" in body
    assert "Library resources" in body
    assert f">{npl.name}</a>" in body and f">{theme.name}</a>" in body
    assert "1 result<" in page(client, "yak", country="NPL")
    assert "1 result<" in page(client, "yak", theme="herding")
    assert "1 result<" in page(client, "yak", year="2020")
    assert "2 results" in page(client, "yak", type="resource")


def test_a_partners_only_or_draft_resource_never_reaches_the_public_its_submitter_finds_it(
    client: Client, personas: Personas
) -> None:
    make_resource("okapi-public", "Okapi public", date_start=dt.date(2018, 1, 1))
    make_resource(
        "okapi-partners",
        "Okapi for partners",
        summary_en="Okapi partners",
        visibility="partners",
        date_start=dt.date(2019, 1, 1),
    )
    make_resource("okapi-draft", "Okapi draft", status="draft", date_start=dt.date(2020, 1, 1))
    make_resource(
        "okapi-submitted",
        "Okapi submitted",
        status="submitted",
        submitted_by=personas.partner,
        date_start=dt.date(2021, 1, 1),
    )
    rebuild()
    body = page(client, "okapi")
    assert "Okapi public" in body
    assert "Okapi for partners" not in body and "Okapi draft" not in body
    assert "Okapi submitted" not in body
    assert "1 result<" in body and "2019" not in body and "2020" not in body
    assert '<span class="count">(1)</span>' in body
    assert '<span class="count">(2)</span>' not in body
    client.force_login(personas.outsider)
    assert "1 result<" in page(client, "okapi")
    # A partner finds the partners' resource and, as its submitter, their
    # own submission; never another's draft.
    client.force_login(personas.partner)
    body = page(client, "okapi")
    assert "3 results" in body and "Okapi for partners" in body and "Okapi submitted" in body
    assert "Okapi draft" not in body
    client.force_login(personas.secretariat)
    assert "4 results" in page(client, "okapi")


def test_the_index_follows_the_library_s_writes(
    personas: Personas, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        resource = make_resource("lynx", "Lynx report", status="draft")
    assert kinds("lynx") == []
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_resource(resource, acting_user=personas.secretariat)
    assert kinds("lynx") == ["resource"]
    with django_capture_on_commit_callbacks(execute=True):
        services.return_resource_to_draft(resource, acting_user=personas.secretariat)
    assert kinds("lynx") == []
    assert kinds("lynx", personas.secretariat) == ["resource"]


def test_a_glossary_term_is_found_and_says_no_sourced_definition_is_held(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.save_term(
            Term(
                slug="serfdom",
                term_en="Serfdom",
                term_fr="Servage",
                term_es="Servidumbre",
                to_find_en="A convention to look up.",
            ),
            acting_user=None,
        )
    for query, lang, sentence in (
        ("serfdom", "en", "No sourced definition is held."),
        ("servage", "fr", "Aucune définition sourcée n'est disponible."),
        ("servidumbre", "es", "No se dispone de una definición con fuente."),
    ):
        body = page(client, query, lang)
        assert f'href="/{lang}/library/glossary/#serfdom"' in body, query
        assert sentence in html.unescape(body), query
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.filter(slug="serfdom").update(visibility="partners")
    assert kinds("serfdom") == []
