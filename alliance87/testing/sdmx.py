"""
SDMX data messages for the import tests: the demo's sourced 2022 figures
(and a test figure of Nepal's) as SDMX-CSV 1.0 and 2.0, SDMX-ML 2.1
GenericData and StructureSpecificData and SDMX-JSON; the same figures as
a tidy CSV file; wrong and hostile series; the upload through the
Secretariat's import page; and the fixtures `media` (uploads in the test's
own folder) and `tidy_import` (what the tidy CSV file writes), which a
test module imports to use.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from xml.sax.saxutils import quoteattr

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from alliance87.data import services
from alliance87.data.models import ImportRun, Observation

EDITION = {
    "edition": "Global Estimates of Modern Slavery 2022",
    "publisher": "ILO, Walk Free, IOM",
    "published": "2022-09-12",
    "source_url": (
        "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733/lang--it/index.htm"
    ),
}

# REF_AREA, INDICATOR, SEX, AGE, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE,
# OBS_STATUS, OBS_COMMENT, LOWER_BOUND, UPPER_BOUND. The world's and the
# Arab States' figures are those of the demo's sourced file
# (data/demo_data/global-estimates.csv); Nepal's is a test figure, not a
# fact, there to read a country's code and a confidence interval.
SERIES = [
    ("WLD", "PEOPLE_IN_MODERN_SLAVERY", "_T", "_T", "2021", "49600000", "PS", "A",
     "often rounded to 50 million", "", ""),
    ("WLD", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "27600000", "PS", "A", "", "", ""),
    ("ARAB_STATES", "MODERN_SLAVERY_PREVALENCE", "_T", "_T", "2021", "10.1", "PER_1000", "A",
     "", "", ""),
    ("WLD", "SHARE_OF_VICTIMS_WOMEN_AND_GIRLS", "F", "_T", "2021", "54", "PT", "A", "", "", ""),
    ("WLD", "SHARE_OF_VICTIMS_CHILDREN", "_T", "Y_LT18", "2021", "15", "PT", "A", "", "", ""),
    ("NPL", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "123", "PS", "P", "", "100", "150"),
]  # fmt: skip

# The same figures as a tidy CSV file (docs/data.md).
TIDY = (
    "edition,publisher,published,reference_year,geography,geography_level,indicator,sex,age,"
    "value,unit,source_url,note,lower,upper,status\n"
    + "".join(
        f'{EDITION["edition"]},"{EDITION["publisher"]}",{EDITION["published"]},{row}\n'
        for row in (
            "2021,World,world,people_in_modern_slavery,total,all,49600000,persons,"
            f"{EDITION['source_url']},often rounded to 50 million,,,estimate",
            "2021,World,world,people_in_forced_labour,total,all,27600000,persons,"
            f"{EDITION['source_url']},,,,estimate",
            "2021,Arab States,region,modern_slavery_prevalence,total,all,10.1,per 1000 people,"
            f"{EDITION['source_url']},,,,estimate",
            "2021,World,world,share_of_victims_women_and_girls,female,all,54,percent,"
            f"{EDITION['source_url']},,,,estimate",
            "2021,World,world,share_of_victims_children,total,0-17,15,percent,"
            f"{EDITION['source_url']},,,,estimate",
            "2021,NPL,country,people_in_forced_labour,total,all,123,persons,"
            f"{EDITION['source_url']},,100,150,provisional",
        )
    )
)

DIMENSIONS = ("REF_AREA", "INDICATOR", "SEX", "AGE")
ATTRIBUTES = ("UNIT_MEASURE", "OBS_STATUS", "OBS_COMMENT", "LOWER_BOUND", "UPPER_BOUND")
COLUMNS = (*DIMENSIONS, "TIME_PERIOD", "OBS_VALUE", *ATTRIBUTES)

V21 = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1"
HEADER = (
    "<message:Header><message:ID>TEST</message:ID><message:Test>true</message:Test>"
    '<message:Prepared>2026-01-01T00:00:00</message:Prepared><message:Sender id="HUB"/>'
    '<message:Structure structureID="HUB_TEST" dimensionAtObservation="TIME_PERIOD"{ns}>'
    '<common:Structure><Ref agencyID="HUB" id="TEST" version="1.0"/></common:Structure>'
    "</message:Structure></message:Header>"
)
SS_NAMESPACE = "urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=HUB:TEST(1.0)"


def records(series: Iterable[tuple[str, ...]]) -> list[dict[str, str]]:
    return [dict(zip(COLUMNS, s, strict=True)) for s in series]


def sdmx_csv(series: Iterable[tuple[str, ...]] = SERIES, *, version: str = "1.0") -> bytes:
    first = "DATAFLOW" if version == "1.0" else "STRUCTURE,STRUCTURE_ID,ACTION"
    start = "HUB:DF_TEST(1.0)" if version == "1.0" else "dataflow,HUB:DF_TEST(1.0),I"
    lines = [",".join((first, *COLUMNS))]
    for record in records(series):
        lines.append(",".join((start, *(f'"{record[c]}"' for c in COLUMNS))))
    return ("\n".join(lines) + "\n").encode()


def generic_xml(series: Iterable[tuple[str, ...]] = SERIES) -> bytes:
    def values(record: dict[str, str], names: Iterable[str]) -> str:
        return "".join(
            f'<generic:Value id="{n}" value={quoteattr(record[n])}/>' for n in names if record[n]
        )

    body = "".join(
        "<generic:Series>"
        f"<generic:SeriesKey>{values(r, DIMENSIONS)}</generic:SeriesKey>"
        f"<generic:Attributes>{values(r, ('UNIT_MEASURE',))}</generic:Attributes>"
        f'<generic:Obs><generic:ObsDimension value="{r["TIME_PERIOD"]}"/>'
        f'<generic:ObsValue value="{r["OBS_VALUE"]}"/>'
        f"<generic:Attributes>{values(r, ATTRIBUTES[1:])}</generic:Attributes></generic:Obs>"
        "</generic:Series>"
        for r in records(series)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<message:GenericData xmlns:message="{V21}/message" '
        f'xmlns:generic="{V21}/data/generic" xmlns:common="{V21}/common">'
        f"{HEADER.format(ns='')}"
        f'<message:DataSet structureRef="HUB_TEST">{body}</message:DataSet>'
        "</message:GenericData>"
    ).encode()


def structure_specific_xml(series: Iterable[tuple[str, ...]] = SERIES) -> bytes:
    def attributes(record: dict[str, str], names: Iterable[str]) -> str:
        return "".join(f" {n}={quoteattr(record[n])}" for n in names if record[n])

    body = "".join(
        f"<Series{attributes(r, (*DIMENSIONS, 'UNIT_MEASURE'))}>"
        f"<Obs{attributes(r, ('TIME_PERIOD', 'OBS_VALUE', *ATTRIBUTES[1:]))}/></Series>"
        for r in records(series)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<message:StructureSpecificData xmlns:message="{V21}/message" '
        f'xmlns:ss="{V21}/data/structurespecific" xmlns:common="{V21}/common" '
        f'xmlns:ns1="{SS_NAMESPACE}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{HEADER.format(ns=f' namespace={quoteattr(SS_NAMESPACE)}')}"
        '<message:DataSet ss:structureRef="HUB_TEST" xsi:type="ns1:DataSetType">'
        f"{body}</message:DataSet></message:StructureSpecificData>"
    ).encode()


FIELDS = (
    "edition__title",
    "indicator__code",
    "geography__code",
    "period",
    "sex",
    "age",
    "sector",
    "value",
    "lower",
    "upper",
    "status",
    "source_url",
    "footnote",
    "illustrative",
)


def held() -> set[tuple[Any, ...]]:
    return set(Observation.objects.values_list(*FIELDS))


@pytest.fixture
def tidy_import() -> set[tuple[Any, ...]]:
    """What importing the tidy CSV file writes (then rolled back)."""
    with transaction.atomic():
        services.write_observations(services.lines_of_text(TIDY), acting_user=None)
        written = held()
        transaction.set_rollback(True)
    assert len(written) == len(SERIES)
    assert not Observation.objects.exists()
    return written


# Autouse in every test module that imports it.
@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(
    client: Any, content: bytes, name: str = "figures.xml", **fields: str
) -> tuple[Any, ImportRun | None]:
    data: dict[str, Any] = {"file": SimpleUploadedFile(name, content), **EDITION, **fields}
    response = client.post("/en/data/import/", data)
    assert response.status_code in (302, 400), response.status_code
    run = ImportRun.objects.order_by("-pk").first() if response.status_code == 302 else None
    return response, run


def sdmx_json(series: Iterable[tuple[str, ...]] = SERIES, *, version: str = "1.0") -> bytes:
    """An SDMX-JSON data message in series form: the series' dimensions and
    unit at the level of the series, the period and the other attributes at
    the level of the observation, every value by its position in the
    structure's lists (1.0: header, structure, dataSets; 2.x: meta, then
    data with its structures and data sets)."""
    rows = records(series)

    def values(names: Iterable[str], *, coded: bool = True) -> list[dict[str, Any]]:
        listed = []
        for name in names:
            found: list[str] = []
            for r in rows:
                if r[name] and r[name] not in found:
                    found.append(r[name])
            if coded:
                shown = [{"id": v, "name": v} for v in found]
            else:  # free text: 1.0 gives a name, 2.x a value
                shown = [{"name": v} if version == "1.0" else {"value": v} for v in found]
            listed.append({"id": name, "name": name, "values": shown})
        return listed

    series_dimensions = values(DIMENSIONS)
    observation_dimensions = values(["TIME_PERIOD"])
    series_attributes = values(["UNIT_MEASURE"])
    observation_attributes = values(["OBS_STATUS"]) + values(ATTRIBUTES[2:], coded=False)

    def position(listed: dict[str, Any], value: str) -> int | None:
        ids = [v.get("id", v.get("name", v.get("value"))) for v in listed["values"]]
        return ids.index(value) if value else None

    data_sets: dict[str, Any] = {}
    for r in rows:
        key = ":".join(str(position(d, r[d["id"]])) for d in series_dimensions)
        entry = data_sets.setdefault(
            key,
            {
                "attributes": [position(a, r[a["id"]]) for a in series_attributes],
                "observations": {},
            },
        )
        time = str(position(observation_dimensions[0], r["TIME_PERIOD"]))
        value: Any = json.loads(r["OBS_VALUE"])  # a JSON number, as SDMX-JSON writes it
        entry["observations"][time] = [
            value,
            *(position(a, r[a["id"]]) for a in observation_attributes),
        ]
    structure = {
        "name": "Test",
        "dimensions": {
            "dataSet": [],
            "series": series_dimensions,
            "observation": observation_dimensions,
        },
        "attributes": {
            "dataSet": [],
            "series": series_attributes,
            "observation": observation_attributes,
        },
    }
    dataset = {"action": "Information", "series": data_sets}
    if version == "1.0":
        message: dict[str, Any] = {
            "header": {
                "id": "TEST",
                "prepared": "2026-01-01T00:00:00Z",
                "sender": {"id": "HUB", "name": "Hub"},
            },
            "structure": structure,
            "dataSets": [dataset],
        }
    else:
        structure["measures"] = {"observation": [{"id": "OBS_VALUE", "name": "Value"}]}
        message = {
            "meta": {"id": "TEST", "prepared": "2026-01-01T00:00:00Z", "sender": {"id": "HUB"}},
            "data": {"structures": [structure], "dataSets": [{"structure": 0, **dataset}]},
        }
    return json.dumps(message, indent=1).encode()


# Wrong and hostile files -------------------------------------------------

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>\n"
)

UNKNOWN_CODES = [
    ("ZZZ", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "1", "PS", "A", "", "", ""),
    ("WLD", "PEOPLE_IN_SPACE", "_T", "_T", "2021", "1", "PS", "A", "", "", ""),
    ("WLD", "PEOPLE_IN_FORCED_LABOUR", "X", "_T", "2021", "1", "PS", "A", "", "", ""),
    ("WLD", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "1", "PS", "F", "", "", ""),
]
MIXED_UNITS = [
    ("WLD", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "27600000", "PS", "A", "", "", ""),
    ("ARAB_STATES", "PEOPLE_IN_FORCED_LABOUR", "_T", "_T", "2021", "5.3", "PT", "A", "", "", ""),
]
DUPLICATES = [SERIES[1], SERIES[0], SERIES[1]]
