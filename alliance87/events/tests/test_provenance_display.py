"""Pages show the source of a fact quietly beside it: reported with its
source and page, inferred with what from, illustrative labelled; two
sources that disagree side by side; an "as of" date where a state can have
changed; and a hidden Hub document cited as a source is not leaked."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Basis
from alliance87.core.provenance import cite
from alliance87.core.visibility import Visibility
from alliance87.events import services
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def event(personas: Any) -> Any:
    return make_event(
        "gcg-4", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1), None, "month")
    )


def page(client: Any) -> str:
    return client.get("/en/events/gcg-4/").content.decode()


def test_a_reported_fact_shows_its_source_and_page(client: Any, personas: Any, event: Any) -> None:
    decision = services.record_decision(event, acting_user=personas.secretariat, text="Agreed.")
    cite(
        decision,
        acting_user=personas.secretariat,
        basis=Basis.REPORTED,
        source_title="Report of the 4th GCG meeting",
        url="https://example.org/gcg4.pdf",
        locator="p. 7",
    )
    html = page(client)
    start = html.index('id="decisions"')
    section = html[start : html.index("</section>", start)]
    assert (
        '<a href="https://example.org/gcg4.pdf">Report of the 4th GCG meeting</a>, p. 7' in section
    )
    assert "Source:" in section


def test_an_inferred_fact_says_from_what(client: Any, personas: Any, event: Any) -> None:
    cite(
        event,
        acting_user=personas.secretariat,
        field="date_start",
        basis=Basis.INFERRED,
        note="the report's mention of a workshop held “last week”",
    )
    assert "Inferred from the report’s mention" in page(client) or (
        "Inferred from the report&#x27;s mention" in page(client)
    )


def test_two_sources_that_disagree_are_shown_side_by_side(
    client: Any, personas: Any, event: Any
) -> None:
    sec = personas.secretariat
    cite(
        event,
        acting_user=sec,
        field="date_start",
        basis=Basis.REPORTED,
        source_title="Meeting report",
        value="April 2019",
    )
    cite(
        event,
        acting_user=sec,
        field="date_start",
        basis=Basis.REPORTED,
        source_title="Annual review",
        value="March 2019",
    )
    html = page(client)
    assert "Sources disagree" in html
    assert "<strong>April 2019</strong> — Meeting report" in html
    assert "<strong>March 2019</strong> — Annual review" in html


def test_illustrative_content_is_labelled(client: Any, personas: Any, event: Any) -> None:
    services.add_objective(event, acting_user=personas.secretariat, text="An objective")
    objective = event.objectives.get()
    cite(objective, acting_user=personas.secretariat, basis=Basis.ILLUSTRATIVE)
    assert "Illustrative (demo)" in page(client)


def test_a_state_that_can_change_shows_its_as_of_date(
    client: Any, personas: Any, event: Any
) -> None:
    item = services.record_action_item(
        event, acting_user=personas.secretariat, text="Confirm the Chair", owner_role="chair"
    )
    cite(
        item,
        acting_user=personas.secretariat,
        basis=Basis.REPORTED,
        source_title="Meeting report",
        as_of=D(2019, 4, 5),
    )
    assert "as of 5 April 2019" in page(client)


def test_a_hidden_document_cited_as_source_is_not_leaked(
    client: Any, personas: Any, event: Any
) -> None:
    sec = personas.secretariat
    hidden = services.attach_document(
        event,
        acting_user=sec,
        kind="report",
        title="Confidential draft minutes",
        url="https://example.org/secret-minutes.pdf",
        visibility=Visibility.SECRETARIAT,
    )
    decision = services.record_decision(event, acting_user=sec, text="Agreed.")
    cite(decision, acting_user=sec, basis=Basis.REPORTED, document=hidden, locator="para. 4")
    for who in (None, personas.outsider, personas.partner):
        if who is not None:
            client.force_login(who)
        html = page(client)
        assert "Confidential draft minutes" not in html
        assert "secret-minutes" not in html
        assert "para. 4" not in html
        assert "a document not shown here" in html
    client.force_login(sec)
    html = page(client)
    assert '<a href="https://example.org/secret-minutes.pdf">source</a>, para. 4' in html


def test_a_reported_fact_must_name_its_source(personas: Any, event: Any) -> None:
    with pytest.raises(ValidationError):
        cite(event, acting_user=personas.secretariat, basis=Basis.REPORTED)
    with pytest.raises(ValidationError):
        cite(event, acting_user=personas.secretariat, basis=Basis.INFERRED)
    with pytest.raises(ValidationError):
        cite(event, acting_user=personas.secretariat, basis=Basis.ILLUSTRATIVE, field="nope")


def test_an_imported_rows_quoted_passage_shows_beside_it(
    client: Any, personas: Any, event: Any
) -> None:
    sec = personas.secretariat
    report = services.attach_document(
        event, acting_user=sec, kind="report", title="Meeting report", url="https://example.org/r"
    )
    decision = services.record_decision(event, acting_user=sec, text="France to chair.")
    cite(
        decision,
        acting_user=sec,
        basis=Basis.REPORTED,
        document=report,
        passage=(120, 178, "Ambassador Shaw then welcomed the candidature of France"),
    )
    html = page(client)
    start = html.index('id="decisions"')
    section = html[start : html.index("</section>", start)]
    assert (
        '<q class="source-passage">Ambassador Shaw then welcomed the candidature of France</q>'
        in section
    )


def test_the_passage_of_a_hidden_document_is_not_shown(
    client: Any, personas: Any, event: Any
) -> None:
    sec = personas.secretariat
    hidden = services.attach_document(
        event,
        acting_user=sec,
        kind="report",
        title="Confidential draft minutes",
        url="https://example.org/secret-minutes.pdf",
        visibility=Visibility.SECRETARIAT,
    )
    decision = services.record_decision(event, acting_user=sec, text="Agreed.")
    cite(
        decision,
        acting_user=sec,
        basis=Basis.REPORTED,
        document=hidden,
        passage=(0, 9, "Sensitive"),
    )
    assert "Sensitive" not in page(client)
    client.force_login(sec)
    assert '<q class="source-passage">Sensitive</q>' in page(client)


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_an_action_items_owner_and_due_date_show_their_own_sources(
    client: Any, personas: Any, event: Any
) -> None:
    item = services.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Circulate a survey.",
        owner_role="chair",
        due=ReportedDate(D(2019, 6, 1), None, "month"),
    )
    cite(item, acting_user=None, basis=Basis.REPORTED, source_title="Report", locator="item I")
    cite(item, acting_user=None, field="owner_role", basis=Basis.INFERRED, note="who spoke")
    cite(item, acting_user=None, field="date_start", basis=Basis.INFERRED, note="next meeting")
    cells = _section(page(client), "actions").split("<td")
    owner = next(c for c in cells if "Inferred from who spoke" in c)
    due = next(c for c in cells if "Inferred from next meeting" in c)
    assert "June 2019" in due and "who spoke" not in due
    assert "next meeting" not in owner


def test_a_participants_role_and_an_answers_speaker_show_their_sources(
    client: Any, personas: Any, event: Any
) -> None:
    participant = services.add_participant(
        event, acting_user=personas.secretariat, organisation=personas.partner_org, role="chair"
    )
    cite(participant, acting_user=None, field="role", basis=Basis.INFERRED, note="the report")
    exchange = services.record_exchange(
        event,
        acting_user=personas.secretariat,
        question="How?",
        asked_by_role="chair",
        answer="Thus.",
        answered_by_organisation=personas.partner_org,
    )
    cite(
        exchange,
        acting_user=None,
        field="answered_by_organisation",
        basis=Basis.INFERRED,
        note="the tone",
    )
    html = page(client)
    role_cell = _section(html, "participants").split('<td data-label="Role">', 1)[1]
    assert role_cell.split("</td>", 1)[0].startswith('Chair<small class="source"')
    assert "Inferred from the report" in role_cell.split("</td>", 1)[0]
    assert "Inferred from the tone" in html.split("Thus.", 1)[1].split("</dd>", 1)[0]


def test_facts_shown_together_show_a_shared_source_once(
    client: Any, personas: Any, event: Any
) -> None:
    from alliance87.countries.models import Country

    event.city, event.country = "Geneva", Country.objects.get(iso3="CHE")
    services.save_event(event, acting_user=personas.secretariat)
    for field in ("city", "country"):
        cite(
            event, acting_user=None, field=field, basis=Basis.REPORTED, source_title="Concept note"
        )
    html = page(client)
    place = html.split("Geneva", 1)[1].split("</dd>", 1)[0]
    assert place.count("Concept note") == 1


def test_a_source_repeated_down_a_table_is_given_once_then_as_above(
    client: Any, personas: Any, event: Any, django_capture_on_commit_callbacks: Any
) -> None:
    note = "the report's account of who spoke"
    rows = []
    for org in (personas.partner_org, personas.other_org):
        row = services.add_participant(
            event, acting_user=personas.secretariat, organisation=org, role="speaker"
        )
        cite(row, acting_user=None, field="role", basis=Basis.INFERRED, note=note)
        rows.append(row)
    cells = [
        cell.split("</td>", 1)[0]
        for cell in _section(page(client), "participants").split('<td data-label="Role">')[1:]
    ]
    assert len(cells) == 2
    full = [c for c in cells if "Inferred from the report" in c]
    again = [c for c in cells if "Source: as above" in c]
    assert len(full) == 1 and len(again) == 1
    assert cells.index(full[0]) < cells.index(again[0])
    # A different source is given in full (the page cache moves on commit).
    with django_capture_on_commit_callbacks(execute=True):
        cite(rows[1], acting_user=None, field="role", basis=Basis.INFERRED, note="the list")
    cells = _section(page(client), "participants").split('<td data-label="Role">')[1:]
    assert not any("as above" in c.split("</td>", 1)[0] for c in cells), cells


def test_illustrative_labels_are_repeated_in_full(client: Any, personas: Any, event: Any) -> None:
    for org in (personas.partner_org, personas.other_org):
        row = services.add_participant(
            event, acting_user=personas.secretariat, organisation=org, role="speaker"
        )
        cite(row, acting_user=None, field="role", basis=Basis.ILLUSTRATIVE)
    section = _section(page(client), "participants")
    assert section.count("Illustrative (demo)") == 2 and "as above" not in section
