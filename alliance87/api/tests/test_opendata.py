"""Open data: each list as CSV, XLSX and JSON, what its filters show to
the person asking, with cells a spreadsheet will not run."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from alliance87.core.dates import ReportedDate
from alliance87.partners.models import StakeholderType
from alliance87.pathfinders.models import Pathfinder
from alliance87.testing.factories import make_organisation, make_pathfinder
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
        ("/en/events/?year=2024", "/en/events.csv?year=2024"),
        (
            "/en/events/action-items/?state=all",
            "/en/action-items.csv?state=all&amp;group=body",
        ),
        ("/en/news/?kind=story", "/en/news.csv?kind=story"),
        ("/en/groups/", "/en/groups.csv"),
        ("/en/statements/", "/en/statements.csv"),
        ("/en/pathfinders/", "/en/pathfinders.csv"),
        ("/en/groups/engagement/", "/en/groups/engagement.xlsx"),
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
        f"{n}-{f}"
        for n in (
            "partners",
            "library",
            "decisions",
            "action-items",
            "events",
            "news",
            "groups",
            "statements",
            "pathfinders",
            "engagement",
        )
        for f in ("csv", "json")
    }
    for resource in package["resources"]:
        if resource["format"] != "csv":
            continue
        path = resource["path"].removeprefix("http://testserver")
        response = Client().get(path)
        assert response.status_code == 200, path
        header = next(csv.reader(io.StringIO(response.content.decode())))
        assert header == [f["name"] for f in resource["schema"]["fields"]], path


def test_the_events_downloads_hold_the_events_and_workshops_the_filters_show(
    personas: Personas,
) -> None:
    from alliance87.testing.factories import make_event, make_workshop

    make_event("gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1)))
    make_event("gcg-1", acting_user=personas.secretariat, date=ReportedDate(dt.date(2017, 3, 1)))
    make_event("gcg-draft", acting_user=personas.secretariat, publish=False)
    make_event(
        "gcg-partners",
        acting_user=personas.secretariat,
        date=ReportedDate(dt.date(2020, 3, 1)),
        visibility="partners",
    )
    public = json.loads(Client().get("/en/events.json").content)
    ids = [r["id"] for r in public]
    assert ids[:2] == ["gcg-9", "gcg-1"]  # the latest first
    assert "gcg-draft" not in ids
    assert "gcg-partners" not in ids
    assert [r["id"] for r in json.loads(Client().get("/en/events.json?year=2017").content)] == [
        "gcg-1"
    ]
    assert public[0]["date"] == "2024-03-01"
    partner = Client()
    partner.force_login(personas.partner)
    assert "gcg-partners" in {r["id"] for r in json.loads(partner.get("/en/events.json").content)}
    # The pathfinder workshops the list shows beside the events.
    make_workshop("NPL", held=dt.date(2019, 2, 7))
    make_workshop("VNM", visibility="partners")
    rows = json.loads(Client().get("/en/events.json?year=2019").content)
    assert [(r["type"], r["date"], r["title"]) for r in rows] == [
        ("pathfinder_workshop", "2019-02-07", "Pathfinder workshop: Nepal")
    ]
    assert json.loads(Client().get("/en/events.json?year=2019&type=webinar").content) == []


def test_the_news_downloads_name_only_the_authors_the_person_may_see(
    personas: Personas,
) -> None:
    from alliance87.testing.factories import make_post

    quiet = make_organisation("quiet-author", "Quiet", visibility="partners")
    make_post("a-story", "=A story", kind="story", organisation=quiet)
    make_post("some-news", "Some news")
    make_post("for-partners", "For partners", visibility="partners")
    public = json.loads(Client().get("/en/news.json").content)
    assert {r["id"]: r["organisation"] for r in public} == {"a-story": "", "some-news": ""}
    stories = list(
        csv.DictReader(io.StringIO(Client().get("/en/news.csv?kind=story").content.decode()))
    )
    assert [(r["id"], r["title"]) for r in stories] == [("a-story", "'=A story")]
    partner = Client()
    partner.force_login(personas.partner)
    seen = {r["id"]: r["organisation"] for r in json.loads(partner.get("/en/news.json").content)}
    assert seen["a-story"] == "quiet-author"
    assert "for-partners" in seen


@pytest.mark.parametrize("name", ["groups", "statements", "pathfinders"])
def test_the_unfiltered_lists_download_what_their_page_lists(
    personas: Personas, name: str
) -> None:
    from alliance87.testing.factories import make_group, make_pathfinder, make_statement

    def make(slug: str, **values: Any) -> None:
        if name == "groups":
            make_group(slug, slug.title(), **values)
        elif name == "statements":
            make_statement(slug=slug, title=slug.title(), **values)
        else:
            pathfinder = make_pathfinder(slug.upper())
            Pathfinder.objects.filter(pk=pathfinder.pk).update(**values)

    shown, hidden = ("npl", "chl") if name == "pathfinders" else ("shown", "hidden")
    make(shown)
    make(hidden, visibility="partners")
    page = Client().get(f"/en/{name}/").content.decode()
    rows = {r["id"]: r for r in json.loads(Client().get(f"/en/{name}.json").content)}
    assert shown in rows
    assert hidden not in rows
    for row in rows.values():
        assert row["url"].removeprefix("http://testserver") in page
    partner = Client()
    partner.force_login(personas.partner)
    assert hidden in {r["id"] for r in json.loads(partner.get(f"/en/{name}.json").content)}


def test_the_tracker_downloads_name_owners_as_the_tracker_names_them(personas: Personas) -> None:
    from alliance87.events import services as events
    from alliance87.testing.factories import make_event

    quiet = make_organisation("quiet-owner", "Quiet owner", visibility="partners")
    held = make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )
    events.record_action_item(
        held, acting_user=personas.secretariat, text="=Circulate", owner_organisation=quiet
    )
    events.record_action_item(
        held,
        acting_user=personas.secretariat,
        text="Hidden step",
        owner_role="secretariat",
        visibility="partners",
    )
    rows = list(
        csv.DictReader(
            io.StringIO(Client().get("/en/action-items.csv?state=all").content.decode())
        )
    )
    assert [(r["text"], r["owner"]) for r in rows] == [("'=Circulate", "")]
    partner = Client()
    partner.force_login(personas.partner)
    seen = json.loads(partner.get("/en/action-items.json?state=all").content)
    assert {r["text"]: r["owner"] for r in seen} == {
        "=Circulate": "Quiet owner",
        "Hidden step": "Secretariat",
    }
    narrowed = json.loads(partner.get("/en/action-items.json?state=all&owner=quiet-owner").content)
    assert [r["text"] for r in narrowed] == ["=Circulate"]


def test_a_roadmap_s_actions_download_in_three_formats_and_upload_again(
    personas: Personas,
) -> None:
    from alliance87.pathfinders import services
    from alliance87.pathfinders.csvio import ACTION_COLUMNS
    from alliance87.testing.factories import actions_of, make_roadmap

    roadmap = make_roadmap(make_pathfinder("CHL"), actions=3)
    first = actions_of(roadmap)[0]
    type(first).objects.filter(pk=first.pk).update(title="=SUM(A1)", budget_needed="1500.50")
    base = f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/actions"
    as_csv = Client().get(f"{base}.csv")
    assert as_csv.status_code == 200 and as_csv["Content-Type"].startswith("text/csv")
    assert as_csv["Content-Disposition"] == (
        f'attachment; filename="chl-roadmap-{roadmap.pk}-actions.csv"'
    )
    # A byte-order mark, for spreadsheets to read it as UTF-8.
    text = as_csv.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == ACTION_COLUMNS and len(rows) == 3
    assert rows[0]["action"] == "'=SUM(A1)" and rows[0]["budget_needed"] == "1500.50"
    as_json = json.loads(Client().get(f"{base}.json").content)
    assert [list(r) for r in as_json] == [ACTION_COLUMNS] * 3
    assert as_json[0]["action"] == "=SUM(A1)" and as_json[0]["budget_needed"] == "1500.50"
    assert [str(r["action_id"]) for r in as_json] == [r["action_id"] for r in rows]
    sheet = load_workbook(io.BytesIO(Client().get(f"{base}.xlsx").content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == ACTION_COLUMNS and values[1][3] == "'=SUM(A1)"
    assert Client().get(f"{base}.exe").status_code == 404
    # The country's page links the three.
    country_page = Client().get("/en/countries/chl/").content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="{base}.{fmt}"' in country_page
    assert Client().get("/en/pathfinders/chl/roadmaps/999999/actions.json").status_code == 404
    # The file as downloaded uploads again, changing nothing.
    result = services.import_actions_csv(roadmap, data=as_csv.content, acting_user=None)
    assert (result.actions_changed, result.updates_added) == (0, 0)
    first.refresh_from_db()
    assert first.title == "=SUM(A1)"
