"""A focal point downloads the actions, edits them offline and uploads them:
all rows apply, or none does."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.pathfinders import services
from alliance87.pathfinders.csvio import safe_cell, unescape_cell
from alliance87.pathfinders.models import Action, Roadmap
from alliance87.pathfinders.selectors import actions_csv
from alliance87.testing.factories import actions_of, make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def roadmap():
    return make_roadmap(make_pathfinder("CHL"), actions=3)


def snapshot(roadmap: Roadmap) -> list[tuple[Any, ...]]:
    """Return what a bulk upload may change, to compare before and after."""
    return [(a.pk, a.status, a.percent_done, a.updates.count()) for a in actions_of(roadmap)]


def download(roadmap) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(actions_csv(make_user("reader"), roadmap))))


def to_bytes(rows: list[dict[str, str]], *, delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_an_unchanged_file_changes_nothing(roadmap) -> None:
    before = snapshot(roadmap)
    result = services.import_actions_csv(
        roadmap, data=to_bytes(download(roadmap)), acting_user=None
    )
    assert (result.actions_changed, result.updates_added) == (0, 0)
    assert snapshot(roadmap) == before


def test_edited_rows_update_status_percentage_and_add_progress(roadmap) -> None:
    rows = download(roadmap)
    rows[0].update(status="in_progress", percent_done="40", new_progress_note="Survey designed")
    rows[1].update(status="Done", percent_done="100%")  # a label, and a percent sign
    # Spreadsheets set to French save with semicolons and a byte-order mark.
    data = b"\xef\xbb\xbf" + to_bytes(rows, delimiter=";")
    result = services.import_actions_csv(roadmap, data=data, acting_user=None)
    assert (result.actions_changed, result.updates_added) == (2, 1)
    first, second, third = actions_of(roadmap)
    assert (first.status, first.percent_done) == ("in_progress", 40)
    assert first.updates.get().text == "Survey designed"
    assert (second.status, second.percent_done) == ("done", 100)
    assert (third.status, third.percent_done) == ("planned", None)


def test_a_file_with_bad_rows_changes_nothing_and_names_each_row(roadmap) -> None:
    rows = download(roadmap)
    rows[0].update(status="in_progress", percent_done="50", new_progress_note="Good row")
    rows[1].update(status="finished")
    rows[2].update(status="in_progress", percent_done="lots")
    rows.append({**rows[0], "action_id": "99999"})
    before = snapshot(roadmap)
    with pytest.raises(ValidationError) as caught:
        services.import_actions_csv(roadmap, data=to_bytes(rows), acting_user=None)
    messages = caught.value.messages
    assert messages[0].startswith("Row 3:") and "finished" in messages[0]
    assert messages[1].startswith("Row 4:") and "lots" in messages[1]
    assert messages[2].startswith("Row 5:") and "no action 99999" in messages[2]
    assert snapshot(roadmap) == before


def test_inconsistent_status_and_percentage_are_refused(roadmap) -> None:
    rows = download(roadmap)
    rows[0].update(status="done", percent_done="30")
    with pytest.raises(ValidationError, match="Row 2: an action marked done"):
        services.import_actions_csv(roadmap, data=to_bytes(rows), acting_user=None)


def test_an_action_of_another_roadmap_is_refused(roadmap) -> None:
    other = make_roadmap(make_pathfinder("NPL"), actions=1)
    rows = download(roadmap)
    rows[0]["action_id"] = str(actions_of(other)[0].pk)
    with pytest.raises(ValidationError, match="Row 2: there is no action"):
        services.import_actions_csv(roadmap, data=to_bytes(rows), acting_user=None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("action_id,status\n1,é\n".encode("latin-1"), "not a CSV file in UTF-8"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb2", "not a CSV file in UTF-8"),
        (b"", "The file is empty"),
        (b"name,colour\nx,y\n", "has no column"),
    ],
)
def test_a_file_that_is_not_the_csv_is_refused_clearly(roadmap, data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.import_actions_csv(roadmap, data=data, acting_user=None)


def test_cells_that_look_like_formulas_are_escaped_and_read_back(roadmap) -> None:
    action = actions_of(roadmap)[0]
    action.title = '=HYPERLINK("http://evil")'
    services.save_action(action, acting_user=None)
    exported = actions_csv(make_user("reader"), roadmap)
    assert "'=HYPERLINK" in exported
    for text in ("=1+1", "+1", "-1", "@SUM(A1)"):
        assert unescape_cell(safe_cell(text)) == text
        assert safe_cell(text).startswith("'")
    assert safe_cell("plain") == "plain"


def test_the_upload_page_lists_row_errors_and_never_fails(roadmap, client: Client) -> None:
    client.force_login(make_focal_point("CHL"))
    url = f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/upload/"
    rows = download(roadmap)
    rows[0]["status"] = "finished"
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", to_bytes(rows))})
    assert response.status_code == 200
    assert "Row 2:" in response.content.decode()
    assert "Nothing was changed" in response.content.decode()
    binary = SimpleUploadedFile("a.xlsx", b"PK\x03\x04\x00\xff\xfe\x00")
    response = client.post(url, {"file": binary})
    assert response.status_code == 200
    assert "UTF-8" in response.content.decode()
    rows[0]["status"] = "in_progress"
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", to_bytes(rows))})
    assert response.status_code == 302
    assert Action.objects.get(pk=rows[0]["action_id"]).status == "in_progress"


@pytest.mark.parametrize("action_id", ["²", "١٢", "9" * 5000, "99999999999999999999999", "-1"])
def test_an_action_id_that_is_no_id_is_refused_with_a_message(roadmap, action_id: str) -> None:
    # "²".isdigit() is true and int("9" * 5000) raises: both were 500s.
    rows = download(roadmap)
    rows[0]["action_id"] = action_id
    before = snapshot(roadmap)
    with pytest.raises(ValidationError) as caught:
        services.import_actions_csv(roadmap, data=to_bytes(rows), acting_user=None)
    message = caught.value.messages[0]
    assert message.startswith("Row 2:")
    assert "is not a number" in message or "there is no action" in message
    assert len(message) < 300
    assert snapshot(roadmap) == before
