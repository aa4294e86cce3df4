"""The library's demo data (resources and glossary terms) moved from Python
(`library/demo_data.py`) to data files unchanged, and each record's
sources are written as citations the library pages show."""

from __future__ import annotations

import pytest

from alliance87.core.models import Basis
from alliance87.demo.data import read
from alliance87.demo.tests.fingerprint import fingerprint
from alliance87.library.models import Resource, Term

pytestmark = pytest.mark.django_db

# Taken from the demo as the Python module `library/demo_data.py` loaded it,
# just before the move (main at 8bfe257), by fingerprint(Resource, Term)
# with each resource's time of publication (the time the demo was loaded)
# left out.
BEFORE = {
    "counts": {"library.Resource": 22, "library.Term": 6},
    "digest": "a4a03585e28d5f75cab5be171fffcc18e1c4b08ae8387f26989e8d80e4bc3585",
}


def test_the_loaded_library_is_what_the_python_data_loaded(demo):
    Resource.objects.update(published_at=None)
    assert fingerprint(Resource, Term) == BEFORE


def test_every_resource_and_term_the_data_loads_carries_a_citation(demo):
    for model, name in ((Resource, "library_resources"), (Term, "glossary_terms")):
        slugs = [row["slug"] for row in read(name)]
        for obj in model.objects.filter(slug__in=slugs):
            assert obj.citations.exists(), f"{model.__name__} {obj.slug} has no citation"
        assert model.objects.filter(slug__in=slugs).count() == len(slugs)


def test_a_figure_read_at_an_address_is_cited_with_that_address(demo):
    estimates = Resource.objects.get(slug="global-estimates-of-modern-slavery-2022")
    citation = estimates.citations.get()
    assert citation.basis == Basis.REPORTED
    assert citation.url.startswith("https://www.ilo.org/")
    assert "global-estimates.csv" in citation.source_title


def test_a_source_address_that_is_no_web_address_is_refused():
    from alliance87.demo.data import DataError, check_row

    row = {
        "slug": "x",
        "sources": [
            {"document": "seed-004", "basis": "reported", "fields": ["*"], "url": "file:///etc"}
        ],
    }
    with pytest.raises(DataError, match="url must start with"):
        check_row("library_resources", row)
