"""A structure file (an SDMX-ML data structure with its code lists) uploaded
with an SDMX data file: every code must be in its code list, and an area
or an indicator the Hub does not know by its code is read by the name its
code list gives it; unknown codes are errors of their observation, and a
hostile or incomplete structure file refuses the import whole."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.data import services
from alliance87.data.models import ImportRun, Observation
from alliance87.data.tasks import check_import_task
from alliance87.testing.sdmx import (
    EDITION,
    SERIES,
    generic_xml,
    held,
    media,
    sdmx_csv,
    sdmx_json,
    tidy_import,
)

__all__ = ["media", "tidy_import"]  # fixtures (alliance87/testing/sdmx.py)

pytestmark = pytest.mark.django_db

# The demo's 2022 figures (testing.sdmx.SERIES) as an agency might code
# them: the world as G0, the Arab States as R4, forced labour as FL. Only
# the structure's code lists say what these codes mean.
RECODED = {"WLD": "G0", "ARAB_STATES": "R4", "PEOPLE_IN_FORCED_LABOUR": "FL"}
AGENCY_SERIES = [tuple(RECODED.get(v, v) for v in s) for s in SERIES]

CODE_LISTS: dict[str, list[tuple[str, str]]] = {
    "CL_AREA": [("G0", "World"), ("R4", "Arab States"), ("NPL", "Nepal")],
    "CL_INDICATOR": [
        ("PEOPLE_IN_MODERN_SLAVERY", "People in modern slavery"),
        ("FL", "People in forced labour"),
        ("MODERN_SLAVERY_PREVALENCE", "Modern slavery per 1,000 people"),
        ("SHARE_OF_VICTIMS_WOMEN_AND_GIRLS", "Share of victims who are women and girls"),
        ("SHARE_OF_VICTIMS_CHILDREN", "Share of victims who are children"),
    ],
    "CL_SEX": [("_T", "Total"), ("F", "Female"), ("M", "Male")],
    "CL_AGE": [("_T", "All ages"), ("Y_LT18", "Under 18 years")],
    "CL_UNIT": [("PS", "Persons"), ("PER_1000", "Per 1,000 people"), ("PT", "Percent")],
    "CL_OBS_STATUS": [("A", "Normal value"), ("P", "Provisional")],
}
CODED_DIMENSIONS = [
    ("REF_AREA", "CL_AREA"),
    ("INDICATOR", "CL_INDICATOR"),
    ("SEX", "CL_SEX"),
    ("AGE", "CL_AGE"),
]
CODED_ATTRIBUTES = [
    ("UNIT_MEASURE", "CL_UNIT"),
    ("OBS_STATUS", "CL_OBS_STATUS"),
    ("OBS_COMMENT", None),
    ("LOWER_BOUND", None),
    ("UPPER_BOUND", None),
]


def structure_xml(
    code_lists: dict[str, list[tuple[str, str]]] = CODE_LISTS,
    dimensions: Iterable[tuple[str, str | None]] = CODED_DIMENSIONS,
    attributes: Iterable[tuple[str, str | None]] = CODED_ATTRIBUTES,
) -> bytes:
    """An SDMX-ML 2.1 structure message: code lists, a concept scheme and
    one data structure whose coded components refer to the code lists."""
    base = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1"
    dimensions, attributes = list(dimensions), list(attributes)

    def concept(c: str) -> str:
        return (
            f'<str:ConceptIdentity><Ref id="{c}" maintainableParentID="HUB_CONCEPTS" '
            'maintainableParentVersion="1.0" agencyID="HUB" package="conceptscheme" '
            'class="Concept"/></str:ConceptIdentity>'
        )

    def coded(code_list: str | None) -> str:
        if not code_list:
            return ""
        return (
            "<str:LocalRepresentation><str:Enumeration>"
            f'<Ref id="{code_list}" version="1.0" agencyID="HUB" package="codelist" '
            'class="Codelist"/></str:Enumeration></str:LocalRepresentation>'
        )

    lists = "".join(
        f'<str:Codelist id="{cl}" agencyID="HUB" version="1.0">'
        f'<com:Name xml:lang="en">{cl}</com:Name>'
        + "".join(
            f'<str:Code id="{c}"><com:Name xml:lang="en">{n}</com:Name></str:Code>'
            for c, n in codes
        )
        + "</str:Codelist>"
        for cl, codes in code_lists.items()
    )
    concepts = sorted({c for c, _ in (*dimensions, *attributes)} | {"TIME_PERIOD", "OBS_VALUE"})
    scheme = (
        '<str:ConceptScheme id="HUB_CONCEPTS" agencyID="HUB" version="1.0">'
        '<com:Name xml:lang="en">Concepts</com:Name>'
        + "".join(
            f'<str:Concept id="{c}"><com:Name xml:lang="en">{c}</com:Name></str:Concept>'
            for c in concepts
        )
        + "</str:ConceptScheme>"
    )
    dimension_list = "".join(
        f'<str:Dimension id="{c}" position="{i}">{concept(c)}{coded(cl)}</str:Dimension>'
        for i, (c, cl) in enumerate(dimensions, start=1)
    ) + (
        f'<str:TimeDimension id="TIME_PERIOD" position="{len(dimensions) + 1}">'
        f"{concept('TIME_PERIOD')}<str:LocalRepresentation><str:TextFormat "
        'textType="ObservationalTimePeriod"/></str:LocalRepresentation></str:TimeDimension>'
    )
    attribute_list = "".join(
        f'<str:Attribute id="{c}" assignmentStatus="Conditional">{concept(c)}{coded(cl)}'
        '<str:AttributeRelationship><str:PrimaryMeasure><Ref id="OBS_VALUE"/>'
        "</str:PrimaryMeasure></str:AttributeRelationship></str:Attribute>"
        for c, cl in attributes
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<message:Structure xmlns:message="{base}/message" xmlns:str="{base}/structure" '
        f'xmlns:com="{base}/common">'
        "<message:Header><message:ID>STRUCTURE</message:ID><message:Test>true</message:Test>"
        "<message:Prepared>2026-01-01T00:00:00</message:Prepared>"
        '<message:Sender id="HUB"/></message:Header>'
        f"<message:Structures><str:Codelists>{lists}</str:Codelists>"
        f"<str:Concepts>{scheme}</str:Concepts><str:DataStructures>"
        '<str:DataStructure id="HUB_TEST" agencyID="HUB" version="1.0">'
        '<com:Name xml:lang="en">Test</com:Name><str:DataStructureComponents>'
        f'<str:DimensionList id="DimensionDescriptor">{dimension_list}</str:DimensionList>'
        f'<str:AttributeList id="AttributeDescriptor">{attribute_list}</str:AttributeList>'
        '<str:MeasureList id="MeasureDescriptor"><str:PrimaryMeasure id="OBS_VALUE">'
        f"{concept('OBS_VALUE')}</str:PrimaryMeasure></str:MeasureList>"
        "</str:DataStructureComponents></str:DataStructure></str:DataStructures>"
        "</message:Structures></message:Structure>"
    ).encode()


def upload_with(
    client: Any, content: bytes, name: str, structure: bytes | None, **fields: str
) -> tuple[Any, ImportRun | None]:
    data: dict[str, Any] = {"file": SimpleUploadedFile(name, content), **EDITION, **fields}
    if structure is not None:
        data["structure"] = SimpleUploadedFile("structure.xml", structure)
    response = client.post("/en/data/import/", data)
    assert response.status_code in (302, 400), response.status_code
    run = ImportRun.objects.order_by("-pk").first() if response.status_code == 302 else None
    return response, run


def sdmx_csv_2(series: Iterable[tuple[str, ...]]) -> bytes:
    return sdmx_csv(series, version="2.0")


BUILDERS: dict[str, tuple[str, Callable[[Iterable[tuple[str, ...]]], bytes]]] = {
    "SDMX-CSV 2.0": ("figures.csv", sdmx_csv_2),
    "GenericData": ("figures.xml", generic_xml),
    "SDMX-JSON": ("figures.json", sdmx_json),
}


@pytest.mark.parametrize("kind", BUILDERS)
def test_codes_are_read_through_the_structure_code_lists(
    client: Any, personas: Any, tidy_import: set[tuple[Any, ...]], kind: str
) -> None:
    name, build = BUILDERS[kind]
    client.force_login(personas.secretariat)
    # Without the structure, the agency's codes mean nothing to the Hub.
    _response, run = upload_with(client, build(AGENCY_SERIES), name, None)
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert {e["column"] for e in run.errors} == {"REF_AREA", "INDICATOR"}
    # With it, they are read by their names.
    _response, run = upload_with(client, build(AGENCY_SERIES), name, structure_xml())
    assert run is not None
    assert run.status == ImportRun.Status.READY, run.errors
    assert run.structure_name == "structure.xml"
    page = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "codes read through the code lists of structure.xml" in page
    client.post(f"/en/data/import/{run.pk}/save/")
    assert held() == tidy_import


def test_a_code_not_in_its_code_list_is_an_error_of_its_observation(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    series = [
        ("XX", "PEOPLE_IN_MODERN_SLAVERY", "_T", "_T", "2021", "1", "PS", "A", "", "", ""),
        ("G0", "PEOPLE_IN_MODERN_SLAVERY", "X", "_T", "2021", "1", "PS", "A", "", "", ""),
        ("G0", "PEOPLE_IN_MODERN_SLAVERY", "_T", "_T", "2021", "1", "PS", "Z", "", "", ""),
    ]
    _response, run = upload_with(client, generic_xml(series), "x.xml", structure_xml())
    assert run is not None and run.status == ImportRun.Status.REFUSED
    errors = [(e["row"], e["column"], e["message"]) for e in run.errors]
    # One error a code: the code list has said what is wrong.
    assert [(row, column) for row, column, _m in errors] == [
        (1, "REF_AREA"),
        (2, "SEX"),
        (3, "OBS_STATUS"),
    ]
    assert "“XX” is not in the code list CL_AREA" in errors[0][2]
    assert "“X” is not in the code list CL_SEX" in errors[1][2]
    assert "REF_AREA=XX" in run.errors[0]["series"]
    assert not Observation.objects.exists()


def test_a_code_named_for_nothing_the_hub_holds_is_refused_with_its_name(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    lists = {
        **CODE_LISTS,
        "CL_AREA": [("AT1", "Atlantis"), ("NP", "Arab States")],
        "CL_INDICATOR": [("PIS", "People in space")],
    }
    series = [
        ("AT1", "PEOPLE_IN_MODERN_SLAVERY", "_T", "_T", "2021", "1", "PS", "A", "", "", ""),
        ("NP", "PIS", "_T", "_T", "2021", "1", "PS", "A", "", "", ""),
    ]
    indicators = [
        ("PEOPLE_IN_MODERN_SLAVERY", "People in modern slavery"),
        ("PIS", "People in space"),
    ]
    lists["CL_INDICATOR"] = indicators
    _response, run = upload_with(client, sdmx_csv_2(series), "x.csv", structure_xml(lists))
    assert run is not None and run.status == ImportRun.Status.REFUSED
    messages = {(e["row"], e["column"]): e["message"] for e in run.errors}
    assert "(“Atlantis” in the code list CL_AREA) is none of" in messages[(2, "REF_AREA")]
    # NP is Nepal's ISO code, but the code list calls it the Arab States.
    assert "named “Arab States” in the code list CL_AREA" in messages[(3, "REF_AREA")]
    assert "(“People in space” in the code list CL_INDICATOR)" in messages[(3, "INDICATOR")]
    assert not Observation.objects.exists()


XXE_STRUCTURE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
    + structure_xml().split(b"\n", 1)[1].replace(b"<message:ID>STRUCTURE", b"<message:ID>&e;")
)
MISSING_LIST = structure_xml({k: v for k, v in CODE_LISTS.items() if k != "CL_AREA"})
_FULL = structure_xml()
NO_DATA_STRUCTURE = (
    _FULL[: _FULL.index(b"<str:DataStructures>")]
    + _FULL[_FULL.index(b"</str:DataStructures>") + len(b"</str:DataStructures>") :]
)


@pytest.mark.parametrize(
    ("structure", "expected"),
    [
        pytest.param(XXE_STRUCTURE, "declares a document type (DTD)", id="xxe"),
        pytest.param(generic_xml(), "not an SDMX-ML 2.1 or 3.0 structure message",
                     id="a-data-message"),
        pytest.param(MISSING_LIST, "The code list CL_AREA of REF_AREA is named by the data "
                     "structure but not given", id="code-list-not-given"),
        pytest.param(NO_DATA_STRUCTURE, "must hold one data structure (DSD) with its code "
                     "lists; it holds 0", id="no-data-structure"),
    ],
)  # fmt: skip
def test_a_hostile_or_incomplete_structure_file_refuses_the_import(
    client: Any, personas: Any, structure: bytes, expected: str
) -> None:
    client.force_login(personas.secretariat)
    _response, run = upload_with(client, generic_xml(AGENCY_SERIES), "x.xml", structure)
    assert run is not None and run.status == ImportRun.Status.REFUSED
    assert [(e["row"], e["column"]) for e in run.errors] == [(1, "")]
    assert expected in run.errors[0]["message"]
    assert "root:" not in client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert not Observation.objects.exists()


def test_a_structure_file_is_refused_with_a_tidy_csv_file(
    client: Any, personas: Any, settings: Any
) -> None:
    client.force_login(personas.secretariat)
    tidy = (
        b"edition,publisher,published,reference_year,geography,geography_level,indicator,"
        b"value,unit,source_url\n"
    )
    response = client.post(
        "/en/data/import/",
        {
            "file": SimpleUploadedFile("tidy.csv", tidy),
            "structure": SimpleUploadedFile("structure.xml", structure_xml()),
        },
    )
    assert response.status_code == 400
    assert "A structure file serves an SDMX file only" in response.content.decode()
    assert not ImportRun.objects.exists()
    assert not list((Path(settings.MEDIA_ROOT) / "data" / "imports").glob("*"))


def test_a_large_file_is_checked_in_the_background_with_its_structure(
    client: Any, personas: Any, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    monkeypatch.setattr(services, "INLINE_BYTES", 10)
    client.force_login(personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        _response, run = upload_with(client, generic_xml(AGENCY_SERIES), "x.xml", structure_xml())
    assert run is not None and run.status == ImportRun.Status.CHECKING
    check_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY, run.errors


def test_the_command_reads_codes_through_a_structure_file(tmp_path: Path) -> None:
    from django.core.management import call_command

    data, structure = tmp_path / "figures.xml", tmp_path / "structure.xml"
    data.write_bytes(generic_xml(AGENCY_SERIES))
    structure.write_bytes(structure_xml())
    given = [f"--{k.replace('_', '-')}={v}" for k, v in EDITION.items()]
    call_command("import_data", str(data), f"--structure={structure}", *given)
    assert Observation.objects.count() == len(SERIES)
    assert set(Observation.objects.values_list("geography__code", flat=True)) == {
        "world",
        "arab_states",
        "npl",
    }
