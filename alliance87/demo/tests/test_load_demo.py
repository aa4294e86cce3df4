"""The demo data loads once, changes nothing the second time, and holds the
facts of the seed documents."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from alliance87.core.models import KeyFigure
from alliance87.countries.models import Country
from alliance87.demo.data import read
from alliance87.demo.services import load_demo
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.testing.translations import in_each_language

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("alliance87.")
    }


class TestFirstRun:
    def test_first_run_creates_the_directory_and_reports_only_what_it_created(self) -> None:
        report = load_demo()
        assert report.changed
        assert report.created["organisation"] >= 40
        assert report.updated == {}, report.updated


# The second runs load again over the demo loaded once for the tests that
# read it (alliance87/testing/fixtures.py): the same as loading twice, at
# half the cost.
@pytest.mark.usefixtures("demo")
class TestLoadingTwice:
    def test_second_run_reports_no_change(self) -> None:
        report = load_demo()
        assert not report.changed, (report.created, report.updated)

    def test_second_run_leaves_every_count_as_it_was(self) -> None:
        before = row_counts()
        load_demo()
        assert row_counts() == before

    def test_command_says_nothing_changed_the_second_time(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        call_command("loaddemo")
        assert "nothing changed" in capsys.readouterr().out

    def test_loading_while_another_language_is_active_changes_nothing(self) -> None:
        with translation.override("fr"):
            report = load_demo()
        assert not report.changed, (report.created, report.updated)
        ilo = Organisation.objects.get(slug="ilo")
        nepal = Country.objects.get(iso3="NPL")
        assert in_each_language(ilo, "name")[1] == "Organisation internationale du Travail"
        assert in_each_language(nepal, "name")[1] == "Népal"

    def test_a_later_run_restores_what_was_changed_by_hand(self) -> None:
        Organisation.objects.filter(slug="ilo").update(name_en="Renamed by hand")
        report = load_demo()
        assert report.updated == {"organisation": 1}
        ilo = Organisation.objects.get(slug="ilo")
        assert in_each_language(ilo, "name")[0] == "International Labour Organization"


@pytest.mark.usefixtures("demo")
class TestFacts:
    @pytest.mark.parametrize(
        ("slug", "name", "stakeholder_type"),
        [
            ("ilo", "International Labour Organization", StakeholderType.UN_INTERNATIONAL),
            ("ituc", "International Trade Union Confederation", StakeholderType.WORKERS),
            ("ioe", "International Organisation of Employers", StakeholderType.EMPLOYERS),
            ("walk-free-foundation", "Walk Free Foundation", StakeholderType.FOUNDATION),
            ("african-union", "African Union", StakeholderType.REGIONAL_BODY),
            ("government-of-nepal", "Government of Nepal", StakeholderType.GOVERNMENT),
        ],
    )
    def test_organisation_is_in_the_directory_with_its_stakeholder_type(
        self, slug: str, name: str, stakeholder_type: str
    ) -> None:
        org = Organisation.objects.get(slug=slug)
        assert (in_each_language(org, "name")[0], org.stakeholder_type) == (
            name,
            stakeholder_type,
        )

    def test_the_ilo_has_its_acronym_in_each_language(self) -> None:
        ilo = Organisation.objects.get(slug="ilo")
        assert in_each_language(ilo, "acronym") == ("ILO", "OIT", "OIT")

    def test_the_government_of_nepal_is_in_nepal(self) -> None:
        nepal = Organisation.objects.filter(slug="government-of-nepal", country__iso3="NPL")
        assert nepal.exists()

    def test_the_african_union_is_an_organisation_not_a_country(self) -> None:
        assert not Country.objects.filter(name_en="African Union").exists()

    def test_modern_slavery_figure_is_40_3_million_in_2016(self) -> None:
        figure = KeyFigure.objects.get(value=40_300_000)
        assert figure.reference_year == 2016
        assert "modern slavery" in in_each_language(figure, "label")[0]

    def test_home_page_shows_the_figure_with_its_year(self, client: Client) -> None:
        # The statistics' latest edition (data), the 2016 figure beside it.
        html = client.get("/en/").content.decode()
        assert "49.6 million" in html
        assert "Reference year 2021." in html
        assert "Earlier edition: 40.3 million in 2016" in html

    def test_home_page_shows_the_figure_in_french(self, client: Client) -> None:
        html = client.get("/fr/").content.decode()
        assert "40,3 millions" in html

    def test_directory_people_come_without_contact_details(self) -> None:
        people = Person.objects.filter(slug__in=[row["slug"] for row in read("people")])
        assert people.count() == len(read("people"))
        assert list(people.exclude(email="", phone="").values_list("slug", flat=True)) == []

    def test_demo_directory_is_searchable(self, client: Client) -> None:
        html = client.get("/en/partners/?q=OIT").content.decode()
        assert "/en/partners/ilo/" in html
