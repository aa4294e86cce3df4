"""The library's demo content: the documents the seeds name, each cited
to its seed passage, with no date or author the sources do not give."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.models import Basis
from alliance87.demo.data import read
from alliance87.library.models import Resource, Term

pytestmark = pytest.mark.django_db


def test_every_seed_document_is_in_the_library_and_cited(demo):
    for slug in (
        "terms-of-reference",
        "pathfinder-country-guidance-note",
        "bangkok-statement",
        "communications-network-strategy",
        "global-supply-chains-report",
        "global-estimates-of-modern-slavery-2017",
    ):
        resource = Resource.objects.get(slug=slug)
        citation = resource.citations.get()
        assert citation.basis == Basis.REPORTED and citation.source_title


def test_the_seeds_give_no_date_so_none_is_invented(demo):
    assert Resource.objects.get(slug="terms-of-reference").date_start is None
    assert Resource.objects.get(slug="global-supply-chains-report").date_start is None
    estimates = Resource.objects.get(slug="global-estimates-of-modern-slavery-2017")
    assert (estimates.date_start, estimates.date_precision) == (dt.date(2017, 9, 1), "month")


def test_documents_in_preparation_are_drafts_the_public_does_not_see(demo, client):
    assert Resource.objects.get(slug="pathfinder-toolkit").status == "draft"
    assert client.get("/en/library/pathfinder-toolkit/").status_code == 404


def test_no_glossary_term_carries_an_unsourced_definition(demo, client):
    assert Term.objects.count() == len(read("glossary_terms"))
    for term in Term.objects.all():
        assert not any(getattr(term, f"definition_{code}") for code in ("en", "fr", "es"))
        assert getattr(term, "to_find_en")  # noqa: B009 - a field modeltranslation adds
    html = client.get("/fr/library/glossary/").content.decode()
    assert "Travail forcé" in html
    html = client.get("/en/library/glossary/").content.decode()
    assert html.count("No sourced definition is held.") == len(read("glossary_terms"))


def test_the_glossary_says_where_each_term_comes_from(demo, client):
    bonded = Term.objects.get(slug="bonded-labour")
    named = bonded.citations.get(field="term")
    assert (named.basis, named.locator) == (Basis.REPORTED, "item II, Nepal")
    child = Term.objects.get(slug="child-labour")
    assert child.citations.get(field="to_find").basis == Basis.INFERRED
    html = client.get("/en/library/glossary/").content.decode()
    assert "Source: Report of the 4th Global Coordinating Group meeting" in html
    assert "Neither seed document" in html


def test_a_definition_without_its_legal_source_is_refused():
    from django.core.exceptions import ValidationError

    from alliance87.library.services import save_term

    term = Term(slug="x", term="X", term_en="X", definition_en="Something remembered.")
    with pytest.raises(ValidationError, match="legal source"):
        save_term(term, acting_user=None)
    term.source_instrument, term.source_article = "A convention", "Article 2"
    save_term(term, acting_user=None)
    assert term.is_sourced
