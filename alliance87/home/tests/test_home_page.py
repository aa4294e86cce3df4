"""The home page shows the key figures each visitor may see, and counts the
member states and the partner organisations that visitor may see."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alliance87.core.models import KeyFigure
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas, sign_in

pytestmark = pytest.mark.django_db


def make_figure(slug: str, label: str, visibility: str = Visibility.PUBLIC) -> KeyFigure:
    return KeyFigure.objects.create(
        slug=slug,
        value=1_234_000,
        label=label,
        reference_year=2020,
        source="A test source",
        publication_year=2021,
        visibility=visibility,
    )


def test_shows_public_figures_with_their_year_and_source(client: Client) -> None:
    make_figure("public", "people in a test figure")
    html = client.get("/en/").content.decode()
    assert "people in a test figure" in html
    assert "Reference year 2020." in html
    assert "A test source" in html


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_hides_secretariat_figures(client: Client, personas: Personas, who: str) -> None:
    make_figure("internal", "an internal figure", Visibility.SECRETARIAT)
    sign_in(client, getattr(personas, who))
    assert "an internal figure" not in client.get("/en/").content.decode()


def test_shows_secretariat_figures_to_the_secretariat(client: Client, personas: Personas) -> None:
    make_figure("internal", "an internal figure", Visibility.SECRETARIAT)
    sign_in(client, personas.secretariat)
    assert "an internal figure" in client.get("/en/").content.decode()


def test_counts_member_states_and_visible_partners(client: Client, personas: Personas) -> None:
    make_organisation(
        "hidden", "Hidden Partner", is_partner=True, visibility=Visibility.SECRETARIAT
    )
    members = Country.objects.filter(status=Country.Status.MEMBER).count()
    html = client.get("/en/").content.decode()
    assert f"Profiles of {members} UN member states" in html
    # The ITUC only: the hidden partner is not counted for a visitor.
    assert "1 partner organisation," in html


def test_reads_the_page_in_a_constant_number_of_queries(client: Client) -> None:
    for n in range(3):
        make_figure(f"figure-{n}", f"figure {n}")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/")
    first = len(queries)
    make_figure("one-more", "one more figure")
    with CaptureQueriesContext(connection) as queries:
        client.get("/fr/")  # another language: not served from the cache
    assert len(queries) == first


def test_key_figures_come_from_the_latest_editions_with_the_earlier_beside(
    client: Client,
) -> None:
    from alliance87.data.demo import ESTIMATES
    from alliance87.data.services import import_path

    make_figure("older", "a figure of the core's list")
    import_path(ESTIMATES, acting_user=None)
    html = client.get("/en/").content.decode()
    assert "49.6 million" in html
    assert "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733" in html
    assert "Earlier edition: 40.3 million in 2016" in html
    assert "160 million" in html  # children in child labour, 2020
    assert "Child Labour: Global estimates 2020, trends and the road forward" in html
    assert "Earlier edition: 152 million in 2016" in html
    # Statistics held, the core's own list steps aside.
    assert "a figure of the core's list" not in html


def test_a_figures_citations_are_shown_beside_it(client: Client) -> None:
    """A citation of the figure as a whole (the demo's: the row of the
    sourced figures it was read from) or of its value, beside its own
    source."""
    from alliance87.core.provenance import cite

    figure = make_figure("cited", "people in a cited figure")
    cite(
        figure,
        acting_user=None,
        basis="reported",
        source_title="Sourced figures: a data file",
        locator="reference_year 2020, value 1234000",
    )
    cite(
        figure,
        acting_user=None,
        basis="reported",
        field="value",
        source_title="A second report",
        value="1.2 million",
    )
    html = client.get("/en/").content.decode()
    assert "A test source" in html
    assert "Sourced figures: a data file" in html
    assert "reference_year 2020, value 1234000" in html
    assert "A second report" in html
