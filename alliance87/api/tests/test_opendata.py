"""Open data: the directory as CSV, XLSX and JSON, what the filters show,
with cells a spreadsheet will not run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from alliance87.core.dates import ReportedDate
from alliance87.partners.models import StakeholderType
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def orgs(personas: Personas) -> None:
    make_organisation("formula", '=HYPERLINK("http://evil")', acronym="+1")
    make_organisation("hidden", "Hidden one", visibility="partners")
    make_organisation("gov", "A ministry", stakeholder_type=StakeholderType.GOVERNMENT)


def test_the_xlsx_of_the_directory_has_safe_cells(orgs: None) -> None:
    response = Client().get("/en/partners.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert '\'=HYPERLINK("http://evil")' in values
    assert "'+1" in values
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)
    assert "Hidden one" not in values


def test_csv_and_json_hold_exactly_what_the_filters_show(orgs: None, personas: Personas) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO(
                Client().get("/en/partners.csv?stakeholder_type=government").content.decode()
            )
        )
    )
    assert [r["id"] for r in rows] == ["gov"]
    partner = Client()
    partner.force_login(personas.partner)
    seen = {r["id"] for r in json.loads(partner.get("/en/partners.json").content)}
    assert "hidden" in seen
    assert "hidden" not in {r["id"] for r in json.loads(Client().get("/en/partners.json").content)}


def test_an_unknown_format_is_404(orgs: None) -> None:
    assert Client().get("/en/partners.exe").status_code == 404


def test_the_library_downloads_hold_what_its_filters_show_with_safe_cells(
    personas: Personas,
) -> None:
    from alliance87.testing.factories import make_resource

    hidden_publisher = make_organisation("quiet-publisher", "Quiet", visibility="partners")
    report = make_resource("formula-report", '=CMD("calc")')
    report.publishers.set([hidden_publisher])
    make_resource("toolkit", "A toolkit", resource_type="toolkit")
    make_resource("partners-report", "For partners", visibility="partners")
    anonymous = json.loads(Client().get("/en/library.json").content)
    assert {r["id"] for r in anonymous} == {"formula-report", "toolkit"}
    assert {r["publishers"] for r in anonymous} == {""}
    partner = Client()
    partner.force_login(personas.partner)
    rows = json.loads(partner.get("/en/library.json?type=report").content)
    assert {r["id"]: r["publishers"] for r in rows} == {
        "formula-report": "quiet-publisher",
        "partners-report": "",
    }
    sheet = load_workbook(io.BytesIO(Client().get("/en/library.xlsx").content)).active
    assert sheet is not None
    assert '\'=CMD("calc")' in [c.value for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_the_decisions_register_downloads_hold_the_public_decisions_it_shows(
    personas: Personas,
) -> None:
    from alliance87.events import services as events
    from alliance87.testing.factories import make_event

    held = make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )
    draft = make_event("gcg-draft", acting_user=personas.secretariat, publish=False)
    events.record_decision(held, acting_user=personas.secretariat, text="Adopt the workplan")
    events.record_decision(held, acting_user=personas.secretariat, text="Hold a forum")
    events.record_decision(draft, acting_user=personas.secretariat, text="Secret draft decision")
    rows = list(csv.DictReader(io.StringIO(Client().get("/en/decisions.csv").content.decode())))
    assert sorted(r["text"] for r in rows) == ["Adopt the workplan", "Hold a forum"]
    assert {r["event"] for r in rows} == {"gcg-9"}
    narrowed = json.loads(Client().get("/en/decisions.json?q=forum").content)
    assert [r["text"] for r in narrowed] == ["Hold a forum"]


@pytest.mark.parametrize(
    ("page", "download"),
    [
        (
            "/en/partners/?stakeholder_type=government",
            "/en/partners.csv?stakeholder_type=government",
        ),
        ("/en/library/?type=report", "/en/library.csv?type=report"),
        ("/en/events/decisions/?q=forum", "/en/decisions.csv?q=forum"),
    ],
)
def test_each_list_links_its_downloads_with_its_filters(
    orgs: None, personas: Personas, page: str, download: str
) -> None:
    from alliance87.events import services as events
    from alliance87.testing.factories import make_event, make_resource

    make_resource("a-report", "A report")
    held = make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )
    events.record_decision(held, acting_user=personas.secretariat, text="Hold a forum")
    assert f'href="{download}"' in Client().get(page).content.decode()


def test_the_data_package_describes_each_public_export_as_it_answers(orgs: None) -> None:
    package = json.loads(Client().get("/en/datapackage.json").content)
    names = {r["name"] for r in package["resources"]}
    assert names == {
        f"{n}-{f}" for n in ("partners", "library", "decisions") for f in ("csv", "json")
    }
    for resource in package["resources"]:
        if resource["format"] != "csv":
            continue
        path = resource["path"].removeprefix("http://testserver")
        response = Client().get(path)
        assert response.status_code == 200, path
        header = next(csv.reader(io.StringIO(response.content.decode())))
        assert header == [f["name"] for f in resource["schema"]["fields"]], path
