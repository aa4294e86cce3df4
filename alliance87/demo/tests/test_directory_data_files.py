"""The directory's demo data moved from Python to data files
(alliance87/demo/data/*.json) unchanged: the loaded directory has the same
rows and the same values as before the move, and every row says where its
facts come from."""

from __future__ import annotations

import hashlib
import json

import pytest

from alliance87.core.models import KeyFigure, Theme
from alliance87.demo.data import HERE, SOURCES, read
from alliance87.partners.models import Organisation, Person

pytestmark = pytest.mark.django_db

# Taken from the demo as the Python module `demo/data/directory.py` loaded
# it, just before the move (commit c9e2ef0).
BEFORE = {
    "counts": {"theme": 22, "organisation": 50, "person": 3, "key figure": 4},
    "digest": "a92beae5d1a00f06014155ecce26a1f90d771a297eeda52ca16af6b53763b3c1",
}


def fingerprint() -> dict[str, object]:
    """Return the counts of the directory's rows and a digest of what they
    say, in every language, with their relations."""
    rows: list[object] = []
    for theme in Theme.objects.order_by("slug"):
        rows.append(["theme", theme.slug, theme.kind, theme.order, *_each(theme, "name")])
    for org in Organisation.objects.select_related("country").order_by("slug"):
        rows.append(
            [
                "organisation",
                org.slug,
                org.stakeholder_type,
                org.country.iso3 if org.country else None,
                org.website,
                org.is_partner,
                org.visibility,
                *_each(org, "name"),
                *_each(org, "acronym"),
                *_each(org, "description"),
                sorted(org.themes.values_list("slug", flat=True)),
            ]
        )
    demo_people = Person.objects.exclude(slug__startswith="demo-")
    for person in demo_people.select_related("organisation").order_by("slug"):
        rows.append(
            [
                "person",
                person.slug,
                person.name,
                person.organisation.slug if person.organisation else None,
                *_each(person, "position"),
                sorted(person.expertise.values_list("slug", flat=True)),
            ]
        )
    for fig in KeyFigure.objects.order_by("slug"):
        rows.append(
            [
                "key figure",
                fig.slug,
                str(fig.value),
                fig.reference_year,
                fig.publication_year,
                fig.source_url,
                fig.order,
                *_each(fig, "label"),
                *_each(fig, "source"),
            ]
        )
    counts: dict[str, int] = {}
    for row in rows:
        kind = str(row[0])  # type: ignore[index]
        counts[kind] = counts.get(kind, 0) + 1
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
    return {"counts": counts, "digest": hashlib.sha256(text.encode()).hexdigest()}


def _each(obj: object, field: str) -> list[str]:
    return [getattr(obj, f"{field}_{code}") or "" for code in ("en", "fr", "es")]


def test_the_loaded_directory_is_what_the_python_data_loaded(demo):
    assert fingerprint() == BEFORE


# Every data file of the demo: the directory's, the pathfinders', the groups'.
DATA_FILES = sorted(p.stem for p in HERE.glob("*.json") if p.stem != "sources")


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_row_names_the_source_of_its_facts(name):
    for row in read(name):
        assert row["sources"], row["slug"]
        for key in [k for k in row if k == "sources" or k.endswith("_sources")]:
            for source in row[key]:
                assert source["basis"] in {"reported", "inferred", "illustrative"}, row["slug"]
                assert source["fields"], row["slug"]
                if source["basis"] == "reported":
                    assert source["document"] in SOURCES, row["slug"]
                if source["basis"] == "inferred":
                    assert source["note"], row["slug"]


def test_a_translated_value_without_its_three_languages_is_refused(tmp_path):
    from alliance87.demo.data import DataError, check_row

    with pytest.raises(DataError, match="en, fr and es"):
        check_row(
            "organisations",
            {
                "slug": "x",
                "name": {"en": "X", "fr": "X"},
                "sources": [{"basis": "illustrative"}],
            },
        )
    with pytest.raises(DataError, match="source"):
        check_row("organisations", {"slug": "x", "name": {"en": "X", "fr": "X", "es": "X"}})


def test_an_organisations_page_shows_where_each_fact_comes_from(client, demo):
    page = client.get("/en/partners/iom/").content.decode()
    assert "Source: Report of the 4th Global Coordinating Group meeting" in page
    # Its name, type and website are general reference, and say so.
    assert "Inferred from general reference knowledge" in page
    # Its themes are the demo authors' reading of the report.
    assert "themes chosen by the demo" in page


def test_the_demo_organisation_is_labelled_illustrative_on_its_page(client, demo):
    page = client.get("/en/partners/demo-organisation/").content.decode()
    assert "Illustrative (demo)" in page


def test_a_persons_expertise_is_not_presented_as_reported(demo):
    from alliance87.core.models import Basis

    shaw = Person.objects.get(slug="geoffrey-shaw")
    assert shaw.citations.get(field="expertise").basis == Basis.INFERRED
    assert shaw.citations.get(field="position").basis == Basis.REPORTED


def test_each_key_figure_cites_the_row_of_the_sourced_figures_it_was_read_from(demo):
    """Written as a citation of the figure (docs/demo-data.md), reported
    by the sourced figures, at the row that holds its year and value: the
    world total of the data file the data area imports."""
    import csv

    from alliance87.core.models import Basis
    from alliance87.data.demo import ESTIMATES

    with ESTIMATES.open(encoding="utf-8") as handle:
        world = {
            (int(row["reference_year"]), int(float(row["value"])))
            for row in csv.DictReader(handle)
            if row["geography_level"] == "world" and row["sex"] == "total"
        }
    figures = KeyFigure.objects.order_by("slug")
    assert figures.count() == 4
    for figure in figures:
        citations = list(figure.citations.all())
        assert [(c.field, c.basis) for c in citations] == [("", Basis.REPORTED)], figure.slug
        citation = citations[0]
        assert citation.source_title == SOURCES["global-estimates"]["title"]
        assert citation.locator == (
            f"reference_year {figure.reference_year}, value {figure.value}"
        )
        assert (figure.reference_year, figure.value) in world, figure.slug
