"""`alliance87 import-report PATH`: prints the proposal, writes nothing
(saving a draft: test_save_draft.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connections

from alliance87.cli import main
from alliance87.countries.models import Country
from alliance87.events.models import ActionItem, AgendaItem, Decision, Event, Exchange, Participant
from alliance87.partners.models import Organisation, Person

pytestmark = pytest.mark.django_db

REPORT = Path(__file__).parent / "data" / "gcg4_report.txt"
MODELS = (
    Event,
    AgendaItem,
    Exchange,
    Decision,
    ActionItem,
    Participant,
    Organisation,
    Person,
    Country,
)


def counts() -> dict[str, int]:
    return {m.__name__: m.objects.count() for m in MODELS}


def test_prints_the_proposal_and_writes_nothing(demo, capsys):
    before = counts()
    call_command("import_report", str(REPORT))
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "4th Global Coordinating Group meeting"
    assert len(data["agenda"]) == 8
    assert counts() == before


def test_the_console_script_takes_the_hyphenated_name(demo, capsys, settings, monkeypatch):
    # The console script runs the system checks, which refuse the demo key.
    settings.SECRET_KEY = "import-report-test-" + "k" * 50
    # A command run from the command line closes every connection when it
    # ends; on PostgreSQL that would end the test's own transaction.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    before = counts()
    main(["alliance87", "import-report", str(REPORT), "--language", "en"])
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "en" and len(data["exchanges"]) == 12
    assert counts() == before


def test_save_draft_needs_a_secretariat_account(db, capsys):
    before = counts()
    with pytest.raises(CommandError, match="--save-draft needs --as EMAIL"):
        call_command("import_report", str(REPORT), "--save-draft")
    assert capsys.readouterr().out == ""
    assert counts() == before


def test_a_bad_file_gets_its_message(db, tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="The file is empty"):
        call_command("import_report", str(empty))


def test_a_report_that_yields_nothing_says_so(db, tmp_path, capsys):
    path = tmp_path / "note.txt"
    path.write_text("Thank you all for coming; the coffee was good.\n")
    with pytest.raises(CommandError, match="Nothing about a meeting was found"):
        call_command("import_report", str(path))
    assert json.loads(capsys.readouterr().out)["agenda"] == []


def test_another_language_is_warned_about(db, tmp_path, capsys):
    path = tmp_path / "acta.txt"
    path.write_text("Comité de datos\nFecha: 12 March 2024\n")
    call_command("import_report", str(path), "--language", "es")
    data = json.loads(capsys.readouterr().out)
    assert data["start"] == "2024-03-12"
    assert data["warnings"][0].startswith("The phrase rules read English")
