"""Open data: the directory as CSV, XLSX and JSON, what the filters show,
with cells a spreadsheet will not run."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

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
