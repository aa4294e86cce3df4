"""Importing a tidy CSV file of observations: all or nothing, every bad
row named with a reason, and a new edition beside the old ones."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from alliance87.data import checked
from alliance87.data.demo import ESTIMATES
from alliance87.data.models import Edition, Geography, ImportRun, Observation
from alliance87.data.services import (
    ImportRefused,
    check_file,
    import_path,
    lines_of_text,
    write_observations,
)

pytestmark = pytest.mark.django_db

HEADER = (
    "edition,publisher,published,reference_year,geography,geography_level,"
    "indicator,sex,age,value,unit,source_url,note\n"
)
GOOD = (
    "Test Edition 2030,Test publisher,2030-01,2029,World,world,"
    "people_in_forced_labour,total,all,100,persons,https://example.org/a,\n"
)


def write(text: str) -> None:
    write_observations(lines_of_text(text), acting_user=None)


def errors_of(text: str) -> list[tuple[int, str, str]]:
    result = check_file(lines_of_text(text))
    return [(e.row, e.column, e.message) for e in result.errors]


def test_the_sourced_estimates_import_whole() -> None:
    run = import_path(ESTIMATES, acting_user=None)
    assert run.errors == []
    assert run.status == ImportRun.Status.SAVED
    assert Observation.objects.count() == 42
    assert Edition.objects.count() == 4
    world = Observation.objects.get(
        indicator__code="people_in_modern_slavery",
        geography__code="world",
        edition__title="Global Estimates of Modern Slavery 2022",
    )
    assert world.value == Decimal("49600000")
    assert world.period == 2021
    assert world.footnote == "often rounded to 50 million"
    assert world.source_url.startswith("https://www.ilo.org/")
    grouping = Observation.objects.get(geography__code="sub_saharan_africa")
    assert grouping.geography.level == Geography.Level.GROUPING
    edition = Edition.objects.get(title="Global Estimates of Modern Slavery 2022")
    assert str(edition.reported_date) == "12 September 2022"


def test_a_file_already_imported_is_refused_and_nothing_changes() -> None:
    import_path(ESTIMATES, acting_user=None)
    run = import_path(ESTIMATES, acting_user=None)
    assert run.status == ImportRun.Status.REFUSED
    assert run.summary["error_count"] == 42
    assert "never overwritten" in run.errors[0]["message"]
    assert Observation.objects.count() == 42


def test_a_new_edition_stands_beside_the_old_one() -> None:
    write(HEADER + GOOD)
    write(HEADER + GOOD.replace("Test Edition 2030", "Test Edition 2031").replace(",100,", ",90,"))
    values = sorted(Observation.objects.values_list("edition__title", "value"))
    assert values == [("Test Edition 2030", Decimal("100")), ("Test Edition 2031", Decimal("90"))]


def test_one_bad_row_saves_nothing() -> None:
    bad = GOOD.replace("people_in_forced_labour", "people_in_space").replace("2029", "2028")
    with pytest.raises(ImportRefused) as refused:
        write(HEADER + GOOD + bad)
    assert [(e.row, e.column) for e in refused.value.result.errors] == [(3, "indicator")]
    assert not Observation.objects.exists()
    assert not Edition.objects.exists()


def test_unknown_indicator_and_geography_are_named() -> None:
    text = HEADER + GOOD.replace("people_in_forced_labour", "people_in_space")
    text += GOOD.replace("World,world", "Atlantis,region").replace("2029", "2028")
    text += GOOD.replace("World,world", "Wakanda,country").replace("2029", "2027")
    found = errors_of(text)
    assert [(row, column) for row, column, _m in found] == [
        (2, "indicator"),
        (3, "geography"),
        (4, "geography"),
    ]
    assert "people_in_space" in found[0][2]
    assert "Atlantis" in found[1][2]


def test_a_country_is_found_by_iso_code_or_name_and_gets_its_geography() -> None:
    text = HEADER + GOOD.replace("World,world", "NPL,country")
    text += GOOD.replace("World,world", "Népal,country").replace("2029", "2028")
    write(text)
    nepal = Geography.objects.get(country__iso3="NPL")
    assert nepal.level == Geography.Level.COUNTRY
    assert Observation.objects.filter(geography=nepal).count() == 2


def test_a_level_that_does_not_match_the_geography_is_refused() -> None:
    found = errors_of(HEADER + GOOD.replace("World,world", "Africa,world"))
    assert [(r, c) for r, c, _m in found] == [(2, "geography_level")]
    found = errors_of(HEADER + GOOD.replace("World,world", "Sub-Saharan Africa,world"))
    assert [(r, c) for r, c, _m in found] == [(2, "geography_level")]
    # "region" names any regional level, an ILO region or another grouping.
    assert errors_of(HEADER + GOOD.replace("World,world", "Sub-Saharan Africa,region")) == []


def test_duplicate_keys_name_the_first_row() -> None:
    found = errors_of(HEADER + GOOD + GOOD.replace(",100,", ",101,"))
    assert [(r, c) for r, c, _m in found] == [(3, "")]
    assert "Row 2 already gives this figure" in found[0][2]


def test_duplicate_keys_are_found_beyond_the_keys_held_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Two keys in memory, the rest on disk (checked.SeenKeys): a duplicate
    # of a key held on disk still names its first row, and a file whose
    # keys are all different saves whole.
    monkeypatch.setattr(checked, "KEYS_IN_MEMORY", 2)
    years = [GOOD.replace(",2029,", f",{year},") for year in range(2020, 2026)]
    found = errors_of(HEADER + "".join(years) + years[4].replace(",100,", ",101,"))
    assert [(r, c) for r, c, _m in found] == [(8, "")]
    assert "Row 6 already gives this figure" in found[0][2]
    write(HEADER + "".join(years))
    assert Observation.objects.filter(edition__title="Test Edition 2030").count() == 6


def test_seen_keys_keep_where_a_key_was_given_on_disk() -> None:
    seen = checked.SeenKeys(in_memory=1)
    try:
        assert seen.first(("a", 1, "country:5", 2020, "total", "all", "all"), 2) is None
        assert seen.first(("a", 1, 7, 2020, "total", "all", "all"), ("obs 2", "K")) is None
        assert seen.first(("a", 1, 7, 2020, "total", "all", "all"), 9) == ("obs 2", "K")
        assert seen.first(("a", 1, "country:5", 2020, "total", "all", "all"), 9) == 2
    finally:
        seen.close()


def test_mixed_units_are_refused() -> None:
    found = errors_of(HEADER + GOOD.replace(",persons,", ",percent,"))
    assert [(r, c) for r, c, _m in found] == [(2, "unit")]
    assert "One indicator has one unit" in found[0][2]


@pytest.mark.parametrize(
    "written",
    [
        '"40,300,000"',  # English
        "40 300 000",  # French, with spaces
        "40\u202f300\u202f000",  # French, with narrow no-break spaces
        "40.300.000",  # Spanish
        '"5,4"',  # a decimal comma (French, Spanish)
    ],
)
def test_localised_numbers_are_refused_with_how_to_write_them(written: str) -> None:
    found = errors_of(HEADER + GOOD.replace(",100,", f",{written},"))
    assert [(r, c) for r, c, _m in found] == [(2, "value")]
    assert "thousands separator or a decimal comma" in found[0][2]


@pytest.mark.parametrize("cell", ["=1+2", "+1", "@SUM(A1)", "-cmd", "\tx"])
def test_formula_like_cells_are_refused(cell: str) -> None:
    found = errors_of(HEADER + GOOD.replace("Test publisher", cell))
    assert [(r, c) for r, c, _m in found] == [(2, "publisher")]
    assert "formula" in found[0][2]


def test_a_negative_number_is_a_number_not_a_formula() -> None:
    assert errors_of(HEADER + GOOD.replace(",100,", ",-1.5,")) == []


def test_a_file_without_the_columns_is_refused_as_a_whole() -> None:
    found = errors_of("name,value\nWorld,1\n")
    assert len(found) == 1
    assert "missing: edition" in found[0][2]


def test_semicolon_files_from_french_spreadsheets_are_read() -> None:
    text = (HEADER + GOOD).replace(",", ";")
    assert errors_of(text) == []


def test_the_command_imports_or_refuses(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + GOOD.replace(",100,", ",=1,"), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("import_data", str(bad))
    assert not Observation.objects.exists()
    good = tmp_path / "good.csv"
    good.write_text(HEADER + GOOD, encoding="utf-8")
    call_command("import_data", str(good), "--check")
    assert not Observation.objects.exists()
    call_command("import_data", str(good))
    assert Observation.objects.count() == 1


def test_the_catalogue_is_restored_where_it_is_missing_and_never_changed() -> None:
    from alliance87.data.catalogue import GEOGRAPHIES, INDICATORS
    from alliance87.data.models import Indicator
    from alliance87.data.services import sync_catalogue

    assert sync_catalogue(acting_user=None) == 0
    Indicator.objects.filter(code="people_in_forced_labour").update(name_en="Renamed")
    Indicator.objects.filter(code="children_in_child_labour").delete()
    Geography.objects.filter(code="world").delete()
    assert sync_catalogue(acting_user=None) == 2
    assert Indicator.objects.count() == len(INDICATORS)
    assert Geography.objects.count() == len(GEOGRAPHIES)
    renamed = Indicator.objects.filter(code="people_in_forced_labour")
    assert renamed.values_list("name_en", flat=True).get() == "Renamed"
    world = Geography.objects.filter(code="world")
    assert world.values_list("name_fr", flat=True).get() == "Monde"
