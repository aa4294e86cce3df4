"""Importing SDMX-ML 3.0 StructureSpecificData and SDMX-JSON (1.0 and 2.x)
data messages through the same check and save as a tidy CSV file: the same
observations; errors by observation with their SDMX key; hostile files
(XXE and billion laughs in 3.0, JSON nested too deep or too large) refused
whole, with a clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest

from alliance87.data import services
from alliance87.data.models import Edition, ImportRun, Observation
from alliance87.data.sdmx.jsonmessages import MAX_DEPTH
from alliance87.testing.sdmx import (
    ATTRIBUTES,
    BILLION_LAUGHS,
    DIMENSIONS,
    DUPLICATES,
    EDITION,
    MIXED_UNITS,
    SERIES,
    UNKNOWN_CODES,
    held,
    media,
    records,
    sdmx_json,
    tidy_import,
    upload,
)

__all__ = ["media", "tidy_import"]  # fixtures (alliance87/testing/sdmx.py)

pytestmark = pytest.mark.django_db

V30 = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0"
DSD_URN = "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=HUB:TEST(1.0)"


def structure_specific_xml_30(series: Iterable[tuple[str, ...]] = SERIES) -> bytes:
    """An SDMX-ML 3.0 StructureSpecificData message (3.0 has no generic
    data message), shaped as the SDMX-ML 3.0 samples are."""

    def attributes(record: dict[str, str], names: Iterable[str]) -> str:
        return "".join(f" {n}={quoteattr(record[n])}" for n in names if record[n])

    body = "".join(
        f"<Series{attributes(r, (*DIMENSIONS, 'UNIT_MEASURE'))}>"
        f"<Obs{attributes(r, ('TIME_PERIOD', 'OBS_VALUE', *ATTRIBUTES[1:]))}/></Series>"
        for r in records(series)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<message:StructureSpecificData xmlns:message="{V30}/message" '
        f'xmlns:ss="{V30}/data/structurespecific" xmlns:common="{V30}/common" '
        f'xmlns:ns1="{DSD_URN}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        "<message:Header><message:ID>TEST</message:ID><message:Test>true</message:Test>"
        '<message:Prepared>2026-01-01T00:00:00</message:Prepared><message:Sender id="HUB"/>'
        f'<message:Structure structureID="HUB_TEST" namespace="{DSD_URN}" '
        f'dimensionAtObservation="TIME_PERIOD"><common:Structure>{DSD_URN}</common:Structure>'
        "</message:Structure></message:Header>"
        '<message:DataSet ss:structureRef="HUB_TEST" xsi:type="ns1:DataSetType">'
        f"{body}</message:DataSet></message:StructureSpecificData>"
    ).encode()


def sdmx_json_2(series: Iterable[tuple[str, ...]] = SERIES) -> bytes:
    return sdmx_json(series, version="2.0")


FILES: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "SDMX-ML 3.0": ("figures.xml", structure_specific_xml_30, ImportRun.Format.SDMX_ML),
    "SDMX-JSON 1.0": ("figures.json", sdmx_json, ImportRun.Format.SDMX_JSON),
    "SDMX-JSON 2.0": ("figures.json", sdmx_json_2, ImportRun.Format.SDMX_JSON),
}


@pytest.mark.parametrize("kind", FILES)
def test_an_sdmx_3_or_json_file_imports_the_same_observations_as_the_tidy_csv(
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
    assert Edition.objects.get().publisher == EDITION["publisher"]


def test_a_series_unit_in_sdmx_json_is_kept_for_its_observations(
    client: Any, personas: Any
) -> None:
    # sdmx1 alone drops attributes given for a series: the unit must reach
    # the check, which refuses the percent given for a count of persons.
    client.force_login(personas.secretariat)
    _response, run = upload(client, sdmx_json(MIXED_UNITS), "units.json")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [e["column"] for e in run.errors] == ["UNIT_MEASURE"]
    assert "REF_AREA=ARAB_STATES" in run.errors[0]["series"]
    assert not Observation.objects.exists()


@pytest.mark.parametrize("build", [structure_specific_xml_30, sdmx_json, sdmx_json_2])
def test_unknown_codes_are_named_by_observation_with_their_key(
    client: Any, personas: Any, build: Any
) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload(
        client,
        build(UNKNOWN_CODES),
        "codes.json" if build is not structure_specific_xml_30 else "c.xml",
    )
    assert run is not None and run.status == ImportRun.Status.REFUSED
    found = {e["column"]: (e["row"], e["series"], e["message"]) for e in run.errors}
    assert set(found) == {"REF_AREA", "INDICATOR", "SEX", "OBS_STATUS"}
    assert found["REF_AREA"][0] == 1 and "REF_AREA=ZZZ" in found["REF_AREA"][1]
    assert "PEOPLE_IN_SPACE" in found["INDICATOR"][2]
    html = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "4 errors: nothing was saved" in html and "Observation" in html
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert not Observation.objects.exists() and not Edition.objects.exists()


def test_duplicate_keys_in_sdmx_json_name_the_first_observation(
    client: Any, personas: Any
) -> None:
    # Two series with the same key cannot be written as JSON object keys;
    # the duplicate comes from two data sets of one message.
    client.force_login(personas.secretariat)
    message = json.loads(sdmx_json([DUPLICATES[0]]))
    message["dataSets"].append(message["dataSets"][0])
    _response, run = upload(client, json.dumps(message).encode(), "twice.json")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [e["row"] for e in run.errors] == [2]
    assert "given already by observation 1" in run.errors[0]["message"]


def test_a_deletion_in_sdmx_json_is_refused(client: Any, personas: Any) -> None:
    client.force_login(personas.secretariat)
    message = json.loads(sdmx_json(SERIES[:1]))
    message["dataSets"][0]["action"] = "Delete"
    _response, run = upload(client, json.dumps(message).encode(), "delete.json")
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert "an import never deletes a figure" in run.errors[0]["message"]


def test_the_command_imports_sdmx_json(tmp_path: Path) -> None:
    from django.core.management import call_command

    path = tmp_path / "figures.json"
    path.write_bytes(sdmx_json_2())
    given = [f"--{k.replace('_', '-')}={v}" for k, v in EDITION.items()]
    call_command("import_data", str(path), *given)
    assert Observation.objects.count() == len(SERIES)
    assert ImportRun.objects.get().format == ImportRun.Format.SDMX_JSON


# --- Hostile and wrong files -----------------------------------------------------

XXE_30 = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    + structure_specific_xml_30()
    .split(b"\n", 1)[1]
    .replace(b"<message:ID>TEST", b"<message:ID>&e;")
)
BILLION_LAUGHS_30 = BILLION_LAUGHS.replace(
    b"<lolz>&lol9;</lolz>",
    f'<message:StructureSpecificData xmlns:message="{V30}/message">&lol9;'
    "</message:StructureSpecificData>".encode(),
)
DEEP_JSON = b'{"data": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
DEEPER_THAN_ALLOWED = b'{"data": ' + b"[" * (MAX_DEPTH + 5) + b"]" * (MAX_DEPTH + 5) + b"}"
NOT_A_MESSAGE = b'{"figures": [1, 2, 3]}'
BAD_POSITION = (
    sdmx_json(SERIES[:1]).replace(b'"0:0:0:0"', b'"7:0:0:0"')  # no 8th area
)
NAN_JSON = sdmx_json(SERIES[:1]).replace(b"49600000", b"NaN")


@pytest.mark.parametrize(
    ("content", "name", "expected"),
    [
        pytest.param(XXE_30, "x.xml", "declares a document type (DTD)", id="xxe-3.0"),
        pytest.param(BILLION_LAUGHS_30, "x.xml", "billion laughs", id="billion-laughs-3.0"),
        pytest.param(DEEP_JSON, "x.json", f"nests more than {MAX_DEPTH} levels deep",
                     id="json-nested-100000-deep"),
        pytest.param(DEEPER_THAN_ALLOWED, "x.json", f"nests more than {MAX_DEPTH} levels deep",
                     id="json-nested-too-deep"),
        pytest.param(b'{"header": {', "x.json", "not well-formed JSON", id="json-cut-short"),
        pytest.param(NOT_A_MESSAGE, "x.json", "not an SDMX-JSON data message",
                     id="json-not-sdmx"),
        pytest.param(BAD_POSITION, "x.json", "the dimension REF_AREA has no value at position 7",
                     id="json-position-out-of-range"),
        pytest.param(NAN_JSON, "x.json", "not well-formed JSON", id="json-nan"),
    ],
)  # fmt: skip
def test_a_hostile_or_unreadable_3_0_or_json_file_is_refused_whole(
    client: Any, personas: Any, content: bytes, name: str, expected: str
) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload(client, content, name)
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [(e["row"], e["column"]) for e in run.errors] == [(1, "")]
    assert expected in run.errors[0]["message"]
    html = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "Save these figures" not in html and "lollol" not in html and "root:" not in html
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert not Observation.objects.exists()


def test_json_larger_than_the_limit_is_refused_unread(tmp_path: Path, settings: Any) -> None:
    settings.FILE_MAX_MB = 1
    path = tmp_path / "huge.json"
    message = json.loads(sdmx_json(SERIES[:1]))
    message["padding"] = "x" * (1024 * 1024)
    path.write_text(json.dumps(message), encoding="utf-8")
    result = services.check_file(services.reader_of(path, ImportRun.Format.SDMX_JSON, EDITION))
    assert not result.ok
    assert "a JSON message is read whole, so at most 1 MB is read" in result.errors[0].message


def test_json_is_accepted_only_by_the_data_import(client: Any, personas: Any) -> None:
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliance87.core.files import DOCUMENT_KINDS, store_upload

    with pytest.raises(ValidationError, match="not of an accepted kind"):
        store_upload(
            SimpleUploadedFile("figures.json", sdmx_json()), folder="x", kinds=DOCUMENT_KINDS
        )


def test_a_3_0_file_reads_in_a_process_that_read_a_2_1_file_before(tmp_path: Path) -> None:
    """A worker reads many files: a 2.1 StructureSpecificData message read
    first must not stop the 3.0 reader (sdmx1 builds it on first use from
    the 2.1 reader's parsers). A fresh interpreter, as a new worker."""
    from alliance87.testing.sdmx import structure_specific_xml

    (tmp_path / "v21.xml").write_bytes(structure_specific_xml())
    (tmp_path / "v30.xml").write_bytes(structure_specific_xml_30())
    script = (
        "import django, sys; from pathlib import Path; django.setup()\n"
        "from alliance87.data.sdmx.messages import read_message, sniff_format\n"
        "for name in ('v21.xml', 'v30.xml'):\n"
        "    path = Path(sys.argv[1]) / name\n"
        "    print(name, len(read_message(path, sniff_format(path)).data))\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "alliance87.settings", "DEBUG": "true"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["v21.xml", "1", "v30.xml", "1"]
