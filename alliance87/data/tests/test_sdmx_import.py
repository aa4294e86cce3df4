"""Importing SDMX (SDMX-CSV 1.0 and 2.0, SDMX-ML 2.1 GenericData and
StructureSpecificData; SDMX-ML 3.0 and SDMX-JSON in
test_sdmx_3_and_json_import.py) through the same check and save as a tidy CSV file:
the same observations, and hostile or wrong files refused whole, with a
clear message, through the Secretariat's page."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.data import services
from alliance87.data.models import Edition, ImportRun, Observation
from alliance87.data.tasks import check_import_task, save_import_task
from alliance87.testing.sdmx import (
    BILLION_LAUGHS,
    DUPLICATES,
    EDITION,
    MIXED_UNITS,
    SERIES,
    TIDY,
    UNKNOWN_CODES,
    V21,
    generic_xml,
    held,
    media,
    sdmx_csv,
    structure_specific_xml,
    tidy_import,
    upload,
)

__all__ = ["media", "tidy_import"]  # fixtures (alliance87/testing/sdmx.py)

pytestmark = pytest.mark.django_db


def sdmx_csv_2(series: Iterable[tuple[str, ...]] = SERIES) -> bytes:
    return sdmx_csv(series, version="2.0")


FILES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "SDMX-CSV 1.0": ("figures.csv", sdmx_csv, ImportRun.Format.SDMX_CSV),
    "SDMX-CSV 2.0": ("figures.csv", sdmx_csv_2, ImportRun.Format.SDMX_CSV),
    "GenericData": ("figures.xml", generic_xml, ImportRun.Format.SDMX_ML),
    "StructureSpecificData": ("figures.xml", structure_specific_xml, ImportRun.Format.SDMX_ML),
}


@pytest.mark.parametrize("kind", FILES)
def test_an_sdmx_file_imports_the_same_observations_as_the_tidy_csv(
    client: Any, personas: Any, tidy_import: set[tuple[Any, ...]], kind: str
) -> None:
    name, build, fmt = FILES[kind]
    client.force_login(personas.secretariat)
    _response, run = upload(client, build(), name)
    assert run is not None and run.format == fmt
    assert run.status == ImportRun.Status.READY, run.errors
    page = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "Save these figures" in page and "a new edition" in page
    assert not Observation.objects.exists()
    client.post(f"/en/data/import/{run.pk}/save/")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVED
    assert held() == tidy_import
    edition = Edition.objects.get()
    assert (edition.publisher, str(edition.reported_date)) == (
        EDITION["publisher"],
        "12 September 2022",
    )


def test_an_indicator_chosen_on_the_page_serves_series_without_one(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    without = [
        ("WLD", "", "_T", "_T", "2021", "27600000", "PS", "A", "", "", ""),
        ("ARAB_STATES", "", "_T", "_T", "2021", "123", "PS", "A", "", "", ""),
    ]
    _response, run = upload(client, generic_xml(without), indicator="people_in_forced_labour")
    assert run is not None
    assert run.status == ImportRun.Status.READY, run.errors
    client.post(f"/en/data/import/{run.pk}/save/")
    codes = set(Observation.objects.values_list("indicator__code", flat=True))
    assert codes == {"people_in_forced_labour"}


def test_sdmx_csv_with_labels_is_read_by_its_codes(client: Any, personas: Any) -> None:
    client.force_login(personas.secretariat)
    text = (
        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA: Reference area,INDICATOR: Indicator,"
        "TIME_PERIOD: Time,OBS_VALUE: Value,UNIT_MEASURE: Unit,OBS_COMMENT: Comment\n"
        "dataflow,HUB:DF(1.0),I,WLD: World,PEOPLE_IN_FORCED_LABOUR: People in forced labour,"
        "2021,27600000,PS: Persons,Source: the 2022 estimates\n"
    )
    _response, run = upload(client, text.encode(), "labels.csv")
    assert run is not None
    assert run.status == ImportRun.Status.READY, run.errors
    client.post(f"/en/data/import/{run.pk}/save/")
    figure = Observation.objects.get()
    assert (figure.geography.code, figure.indicator.code) == ("world", "people_in_forced_labour")
    assert figure.footnote == "Source: the 2022 estimates"


def test_unit_mult_scales_the_values(tmp_path: Path) -> None:
    path = tmp_path / "unit-mult.csv"
    path.write_text(
        "DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,UNIT_MULT\n"
        "HUB:DF(1.0),WLD,PEOPLE_IN_MODERN_SLAVERY,2021,49.6,PS,6\n",
        encoding="utf-8",
    )
    services.write_observations(
        services.reader_of(path, ImportRun.Format.SDMX_CSV, EDITION), acting_user=None
    )
    assert Observation.objects.get().value == Decimal("49600000")


# --- Hostile and wrong files -----------------------------------------------------

XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    + generic_xml().split(b"\n", 1)[1].replace(b"<message:ID>TEST", b"<message:ID>&e;")
)
EXTERNAL_DTD = (
    b'<?xml version="1.0"?>\n'
    b'<!DOCTYPE message:GenericData SYSTEM "http://127.0.0.1:9/sdmx.dtd">\n'
    + generic_xml().split(b"\n", 1)[1]
)
MALFORMED = generic_xml()[:-200]
NOT_SDMX = b'<?xml version="1.0"?><catalog><book id="1">Figures</book></catalog>'
STRUCTURE = (
    f'<?xml version="1.0"?><message:Structure xmlns:message="{V21}/message"></message:Structure>'
).encode()
# Not a namespace of SDMX-ML (3.0's is .../v3_0/message).
NOT_SDMX_30 = structure_specific_xml().replace(b"v2_1/message", b"v3_0_0/message")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        pytest.param(XXE, "declares a document type (DTD)", id="xxe"),
        pytest.param(BILLION_LAUGHS, "billion laughs", id="billion-laughs"),
        pytest.param(EXTERNAL_DTD, "declares a document type (DTD)", id="external-dtd"),
        pytest.param(MALFORMED, "not well-formed XML", id="malformed"),
        pytest.param(NOT_SDMX, "not an SDMX data message (its root element is “catalog”)",
                     id="not-sdmx"),
        pytest.param(STRUCTURE, "not an SDMX data message", id="structure-message"),
        pytest.param(NOT_SDMX_30, "not an SDMX data message (its root element is "
                     "“StructureSpecificData”)", id="wrong-namespace"),
        pytest.param(b"DATAFLOW,REF_AREA,TIME_PERIOD\nX,WLD,2021\n", "no OBS_VALUE column",
                     id="sdmx-csv-without-values"),
    ],
)  # fmt: skip
def test_a_hostile_or_unreadable_file_is_refused_whole(
    client: Any, personas: Any, content: bytes, expected: str
) -> None:
    client.force_login(personas.secretariat)
    services.write_observations(services.lines_of_text(TIDY), acting_user=None)
    before = Observation.objects.count()
    _response, run = upload(client, content, "x.xml" if content.startswith(b"<") else "x.csv")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [(e["row"], e["column"]) for e in run.errors] == [(1, "")]
    page = client.get(f"/en/data/import/{run.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert expected in html.replace("&quot;", '"').replace("&#x27;", "'")
    assert "root:" not in html and "lollol" not in html
    assert "Save these figures" not in html
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert Observation.objects.count() == before


@pytest.mark.parametrize("build", [generic_xml, structure_specific_xml, sdmx_csv])
def test_unknown_codes_are_named_with_their_series_and_nothing_is_saved(
    client: Any, personas: Any, build: Any
) -> None:
    client.force_login(personas.secretariat)
    before = Observation.objects.count()
    _response, run = upload(client, build(UNKNOWN_CODES), "codes.csv")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    found = {e["column"]: (e["series"], e["message"]) for e in run.errors}
    assert set(found) == {"REF_AREA", "INDICATOR", "SEX", "OBS_STATUS"}
    assert "ZZZ" in found["REF_AREA"][1] and "REF_AREA=ZZZ" in found["REF_AREA"][0]
    assert "PEOPLE_IN_SPACE" in found["INDICATOR"][1]
    assert "INDICATOR=PEOPLE_IN_SPACE" in found["INDICATOR"][0]
    assert "“X”" in found["SEX"][1] and "“F”" in found["OBS_STATUS"][1]
    html = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "4 errors: nothing was saved" in html and "SDMX key" in html
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert Observation.objects.count() == before and not Edition.objects.exists()


@pytest.mark.parametrize("build", [generic_xml, sdmx_csv])
def test_mixed_units_are_refused(client: Any, personas: Any, build: Any) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload(client, build(MIXED_UNITS), "units.csv")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [e["column"] for e in run.errors] == ["UNIT_MEASURE"]
    assert "One indicator has one unit" in run.errors[0]["message"]
    assert "REF_AREA=ARAB_STATES" in run.errors[0]["series"]
    assert not Observation.objects.exists()


def test_duplicate_keys_name_the_first_and_save_nothing(client: Any, personas: Any) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload(client, structure_specific_xml(DUPLICATES))
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [e["row"] for e in run.errors] == [3]
    assert "given already by observation 1" in run.errors[0]["message"]
    _response, run = upload(client, sdmx_csv(DUPLICATES), "twice.csv")
    assert run is not None and "given already by row 2" in run.errors[0]["message"]
    assert not Observation.objects.exists()


def test_a_file_already_imported_is_refused_and_nothing_changes(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload(client, generic_xml())
    assert run is not None
    client.post(f"/en/data/import/{run.pk}/save/")
    assert Observation.objects.count() == len(SERIES)
    _response, again = upload(client, sdmx_csv(), "again.csv")
    assert again is not None and again.status == ImportRun.Status.REFUSED
    assert again.summary["error_count"] == len(SERIES)
    assert "never overwritten" in again.errors[0]["message"]
    assert Observation.objects.count() == len(SERIES)


def test_an_sdmx_file_needs_its_edition_and_a_tidy_file_none(
    client: Any, personas: Any, settings: Any
) -> None:
    client.force_login(personas.secretariat)
    response = client.post(
        "/en/data/import/", {"file": SimpleUploadedFile("figures.xml", generic_xml())}
    )
    assert response.status_code == 400
    assert "An SDMX file does not name its publication" in response.content.decode()
    response, _run = upload(client, TIDY.encode(), "tidy.csv")
    assert response.status_code == 400
    assert "leave the fields for SDMX files empty" in response.content.decode()
    assert not ImportRun.objects.exists()
    # The refused files are not kept.
    assert not list((Path(settings.MEDIA_ROOT) / "data" / "imports").glob("*"))


def test_a_large_sdmx_file_is_checked_and_saved_in_the_background(
    client: Any,
    personas: Any,
    monkeypatch: Any,
    django_capture_on_commit_callbacks: Any,
    tidy_import: set[tuple[Any, ...]],
) -> None:
    monkeypatch.setattr(services, "INLINE_BYTES", 10)
    client.force_login(personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        _response, run = upload(client, structure_specific_xml())
    assert run is not None and run.status == ImportRun.Status.CHECKING
    assert "<progress" in client.get(f"/en/data/import/{run.pk}/").content.decode()
    check_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY and run.rows_total == len(SERIES)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/data/import/{run.pk}/save/")
    save_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVED
    assert held() == tidy_import


def test_an_sdmx_import_is_in_the_audit_log_under_its_author(client: Any, personas: Any) -> None:
    from auditlog.models import LogEntry

    client.force_login(personas.secretariat)
    _response, run = upload(client, sdmx_csv(version="2.0"), "figures.csv")
    assert run is not None
    client.post(f"/en/data/import/{run.pk}/save/")
    entries = LogEntry.objects.filter(content_type__app_label="data")
    assert entries.filter(content_type__model="edition").count() == 1
    assert entries.filter(content_type__model="importrun").exists()
    assert set(entries.values_list("actor", flat=True)) == {personas.secretariat.pk}


def test_the_command_imports_an_sdmx_file_with_its_edition(tmp_path: Path) -> None:
    from django.core.management import CommandError, call_command

    path = tmp_path / "figures.xml"
    path.write_bytes(generic_xml())
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("import_data", str(path))  # no edition given
    assert not Observation.objects.exists()
    given = [f"--{k.replace('_', '-')}={v}" for k, v in EDITION.items()]
    call_command("import_data", str(path), "--check", *given)
    assert not Observation.objects.exists()
    call_command("import_data", str(path), *given)
    assert Observation.objects.count() == len(SERIES)
    assert ImportRun.objects.filter(format=ImportRun.Format.SDMX_ML).count() == 2


@pytest.mark.parametrize(
    "content",
    [
        b"DATAFLOW\n",
        b"STRUCTURE\nx\n",
        b"STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,OBS_VALUE\ndataflow,X,Z,WLD,1\n",
        b"STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,OBS_VALUE\nnonsense,X,I,WLD,1\n",
        b"DATAFLOW,A(,,OBS_VALUE,OBS_VALUE\nX,1,2,3,4\n",
        b'DATAFLOW,REF_AREA,OBS_VALUE\nX,"WLD\n',
        b"DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE\nX,WLD,PEOPLE_IN_FORCED_LABOUR,2021,NaN\n",
        b"DATAFLOW,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MULT\n"
        b"X,WLD,PEOPLE_IN_FORCED_LABOUR,2021,1E999,99\n",
    ],
)
def test_odd_sdmx_csv_is_refused_never_a_server_error(
    client: Any, personas: Any, content: bytes
) -> None:
    client.force_login(personas.secretariat)
    response, run = upload(client, content, "odd.csv")
    assert response.status_code == 302 and run is not None
    assert run.status == ImportRun.Status.REFUSED and run.errors
    assert client.get(f"/en/data/import/{run.pk}/").status_code == 200
    assert not Observation.objects.exists()
