"""The Sources page finds a Hub document to cite by part of its title (in
any language), its meeting's name, its agenda item's number or its file's
name, without JavaScript: a search lists the first matches the user may
see as choices of the citation form, filtered by the database on the
documents' stored `search_names`, and the one chosen is cited exactly as
its file's address would cite it (docs/provenance.md)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.core.dates import ReportedDate
from alliance87.core.files import file_url, match_documents
from alliance87.core.forms import MATCHES_LISTED
from alliance87.core.models import Citation
from alliance87.core.sources import sources_url
from alliance87.events import services
from alliance87.testing.factories import make_event

pytestmark = pytest.mark.django_db

HOST = "hub.example.org"


@pytest.fixture
def event(personas: Any, settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    settings.ALLOWED_HOSTS = [HOST]
    return make_event(
        "gcg-4", acting_user=personas.secretariat, date=ReportedDate(dt.date(2019, 4, 1))
    )


@pytest.fixture
def decision(personas: Any, event: Any) -> Any:
    return services.record_decision(event, acting_user=personas.secretariat, text="Agreed.")


def attach(
    personas: Any,
    event: Any,
    title: Any,
    visibility: str = "public",
    name: str = "report.pdf",
    **values: Any,
) -> Any:
    return services.attach_document(
        event,
        acting_user=personas.secretariat,
        kind="report",
        title=title,
        upload=SimpleUploadedFile(name, b"%PDF-1.4 report"),
        visibility=visibility,
        **values,
    )


def citations_of(row: Any) -> list[tuple[Any, ...]]:
    return list(
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(row), object_id=row.pk
        ).values_list("document_owner", "document_id", "url", "source_title", "locator")
    )


def search(client: Any, row: Any, text: str) -> Any:
    return client.get(sources_url(row), {"field": "-", "document_q": text}, HTTP_HOST=HOST)


def test_part_of_a_title_finds_the_document_ignoring_case_and_accents(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    report = attach(personas, event, "Rapport de la Réunion de Genève")
    attach(personas, event, "Concept note")
    client.force_login(personas.secretariat)
    for typed in ("réunion", "REUNION", "geneve", "  de la   reunion "):
        html = search(client, decision, typed).content.decode()
        assert f'value="events.document:{report.pk}"' in html, typed
        assert "Concept note" not in html
    html = search(client, decision, "minutes").content.decode()
    assert "No Hub document you may see matches" in html


def test_at_most_the_first_matches_are_listed_and_more_are_announced(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    for i in range(MATCHES_LISTED + 1):
        attach(personas, event, f"Report number {i:03}")
    client.force_login(personas.secretariat)
    html = search(client, decision, "report number").content.decode()
    assert html.count('name="document"') == MATCHES_LISTED
    assert "Report number 000" in html and f"Report number {MATCHES_LISTED:03}" not in html
    assert "More documents match than these" in html
    html = search(client, decision, "number 007").content.decode()
    assert html.count('name="document"') == 1
    assert "More documents match than these" not in html


def test_hidden_documents_and_documents_without_a_file_are_never_listed(
    personas: Any, event: Any
) -> None:
    shown = attach(personas, event, "Report for everyone")
    hidden = attach(personas, event, "Report for the Secretariat", visibility="secretariat")
    services.attach_document(
        event,
        acting_user=personas.secretariat,
        kind="report",
        title="Report online elsewhere",
        url="https://example.org/report.pdf",
    )
    for_partner = [value for value, _name in match_documents(personas.partner, "report", 20)]
    assert for_partner == [f"events.document:{shown.pk}"]
    for_secretariat = {
        value for value, _name in match_documents(personas.secretariat, "report", 20)
    }
    assert for_secretariat == {f"events.document:{shown.pk}", f"events.document:{hidden.pk}"}


def test_choosing_a_document_cites_it_as_pasting_its_address_does(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    report = attach(personas, event, "Report of the meeting")
    other = services.record_decision(event, acting_user=personas.secretariat, text="Noted.")
    client.force_login(personas.secretariat)
    chosen = client.post(
        sources_url(decision),
        {
            "field": "-",
            "basis": "reported",
            "document": f"events.document:{report.pk}",
            "locator": "p. 3",
        },
        HTTP_HOST=HOST,
    )
    pasted = client.post(
        sources_url(other),
        {
            "field": "-",
            "basis": "reported",
            "url": f"https://{HOST}{file_url(report)}",
            "locator": "p. 3",
        },
        HTTP_HOST=HOST,
    )
    assert chosen.status_code == pasted.status_code == 302
    assert citations_of(decision) == citations_of(other)
    assert citations_of(decision) == [
        ("events.document", report.pk, "", "Report of the meeting", "p. 3")
    ]


def test_a_document_not_available_or_with_an_address_too_is_refused_with_a_message(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    report = attach(personas, event, "Report of the meeting")
    client.force_login(personas.secretariat)
    for value in ("events.document:999999", "comms.post:1", "nonsense", "events.document:x"):
        response = client.post(
            sources_url(decision),
            {"field": "-", "basis": "reported", "document": value},
            HTTP_HOST=HOST,
        )
        assert response.status_code == 200
        assert "That document is not available" in response.content.decode()
    response = client.post(
        sources_url(decision),
        {
            "field": "-",
            "basis": "reported",
            "document": f"events.document:{report.pk}",
            "url": "https://example.org/x.pdf",
        },
        HTTP_HOST=HOST,
    )
    assert "Choose a Hub document or give an address, not both." in response.content.decode()
    assert citations_of(decision) == []


@pytest.mark.parametrize("typed", ["", "   ", "%", "_", "%_%", "x" * 5000, "a\x00b", "\x00"])
def test_odd_text_typed_answers_a_page(
    client: Any, personas: Any, event: Any, decision: Any, typed: str
) -> None:
    attach(personas, event, "Report 100% complete_final")
    client.force_login(personas.secretariat)
    response = search(client, decision, typed)
    assert response.status_code == 200
    html = response.content.decode()
    if typed.strip() in ("", "%", "_", "%_%"):
        assert html.count('name="document"') == (0 if not typed.strip() or typed == "%_%" else 1)


def found_by(user: Any, text: str) -> list[str]:
    return [value for value, _name in match_documents(user, text, 20)]


def test_a_title_is_found_in_each_of_its_languages(personas: Any, event: Any) -> None:
    report = attach(
        personas,
        event,
        {"en": "Meeting report", "fr": "Rapport de réunion", "es": "Informe de la reunión"},
    )
    only_fr = attach(personas, event, {"en": "Concept note", "fr": "Note conceptuelle"})
    value = f"events.document:{report.pk}"
    for typed in ("meeting report", "rapport de reunion", "INFORME"):
        assert found_by(personas.secretariat, typed) == [value], typed
    assert found_by(personas.secretariat, "conceptuelle") == [f"events.document:{only_fr.pk}"]


def test_a_document_is_found_by_its_meetings_name_in_each_language(
    personas: Any, event: Any
) -> None:
    report = attach(personas, event, "Summary")
    from django.utils import translation

    for language, title in (("en", "Fourth GCG meeting"), ("fr", "Quatrième réunion du GCG")):
        with translation.override(language):
            services.write_event(
                event, acting_user=personas.secretariat, fields={}, texts={"title": title}
            )
    value = f"events.document:{report.pk}"
    assert found_by(personas.secretariat, "fourth gcg") == [value]
    assert found_by(personas.secretariat, "QUATRIEME REUNION") == [value]


def test_a_document_is_found_by_its_agenda_items_number(personas: Any, event: Any) -> None:
    services.add_agenda_item(event, acting_user=personas.secretariat, number="7b", title="Data")
    under = attach(personas, event, "Slides", agenda_number="7b")
    attach(personas, event, "Summary")
    assert found_by(personas.secretariat, "7b") == [f"events.document:{under.pk}"]


def test_a_document_is_found_by_its_files_name(personas: Any, event: Any) -> None:
    report = attach(personas, event, "Summary", name="GCG4_Annexe_Genève.pdf")
    attach(personas, event, "Slides")
    assert found_by(personas.secretariat, "annexe_geneve") == [f"events.document:{report.pk}"]
    assert found_by(personas.secretariat, "gcg4_annexe") == [f"events.document:{report.pk}"]


def test_a_document_the_user_may_not_see_is_never_listed_nor_counted(
    personas: Any, event: Any
) -> None:
    for i in range(MATCHES_LISTED + 1):
        attach(personas, event, f"Secretariat report {i}", visibility="secretariat")
    draft = make_event("gcg-5", acting_user=personas.secretariat, publish=False)
    attach(personas, draft, "Draft meeting report")
    shown = attach(personas, event, "Public report")
    found = match_documents(personas.partner, "report", MATCHES_LISTED + 1)
    assert [value for value, _name in found] == [f"events.document:{shown.pk}"]
    assert len(match_documents(personas.secretariat, "report", 100)) == MATCHES_LISTED + 3


def test_the_search_reads_as_many_queries_whatever_the_number_of_documents(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from alliance87.library import services as library
    from alliance87.testing.factories import make_resource

    def add(count: int, start: int) -> None:
        for i in range(start, start + count):
            attach(personas, event, f"Report {i}")
            resource = make_resource(f"estimates-{i}", f"Report on estimates {i}")
            library.attach_file(
                resource,
                language="en",
                upload=SimpleUploadedFile("estimates.pdf", b"%PDF-1.4 estimates"),
                acting_user=personas.secretariat,
            )

    def queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as direct:
            found = match_documents(personas.secretariat, "report", MATCHES_LISTED + 1)
        assert found
        with CaptureQueriesContext(connection) as page:
            assert search(client, decision, "report").status_code == 200
        return len(direct), len(page)

    client.force_login(personas.secretariat)
    add(2, 0)
    # What a first call reads once (the user's audience, the caches of a
    # first request), read before counting.
    match_documents(personas.secretariat, "report", 1)
    search(client, decision, "report")
    few = queries()
    add(MATCHES_LISTED + 5, 2)
    assert queries() == few
    # One query per kind of citable document.
    assert few[0] == 2


def test_a_library_file_is_found_by_its_resources_title_and_hidden_with_it(
    personas: Any, event: Any
) -> None:
    from alliance87.library import services as library
    from alliance87.testing.factories import make_resource

    published = make_resource("global-estimates", "Global Estimates of Modern Slavery")
    draft = make_resource("draft-estimates", "Draft estimates", status="draft")
    rows = [
        library.attach_file(
            resource,
            language="en",
            upload=SimpleUploadedFile("estimates.pdf", b"%PDF-1.4 estimates"),
            acting_user=personas.secretariat,
        )
        for resource in (published, draft)
    ]
    for_partner = [value for value, _name in match_documents(personas.partner, "estimates", 20)]
    assert for_partner == [f"library.resourcefile:{rows[0].pk}"]
    for_secretariat = {v for v, _name in match_documents(personas.secretariat, "ESTIMATES", 20)}
    assert for_secretariat == {f"library.resourcefile:{row.pk}" for row in rows}


def test_finding_keeps_what_was_typed_in_the_other_fields_and_saves_nothing(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    report = attach(personas, event, "Report of the meeting")
    client.force_login(personas.secretariat)
    typed = {
        "field": "-",
        "basis": "inferred",
        "source_title": "Notes of the Chair",
        "locator": "para. 12",
        "note": "From the list of speakers",
        "value": "April 2019",
        "as_of": "30/04/2019",
        "as_of_month_only": "on",
    }
    response = client.post(
        sources_url(decision), {**typed, "document_q": "meeting", "find": "1"}, HTTP_HOST=HOST
    )
    assert response.status_code == 200
    assert citations_of(decision) == []
    html = response.content.decode()
    assert f'value="events.document:{report.pk}"' in html
    assert 'class="error-message"' not in html  # not checked: nothing was submitted
    for shown in ("Notes of the Chair", "para. 12", "April 2019", "30/04/2019", "meeting"):
        assert f'value="{shown}"' in html, shown
    assert "From the list of speakers</textarea>" in html
    assert re.search(r'<input type="radio" name="basis" value="inferred"[^>]* checked', html)
    assert re.search(r'<input type="checkbox" name="as_of_month_only"[^>]* checked', html)
    # Found again for something else, the document chosen stays chosen.
    chosen = {**typed, "document": f"events.document:{report.pk}"}
    html = client.post(
        sources_url(decision),
        {**chosen, "document_q": "nothing like it", "find": "1"},
        HTTP_HOST=HOST,
    ).content.decode()
    assert re.search(
        rf'<input type="radio" name="document" value="events.document:{report.pk}"[^>]* checked',
        html,
    )
    assert "No Hub document you may see matches" in html
    # Recorded, it cites the document chosen, with what was typed.
    recorded = client.post(
        sources_url(decision),
        {**chosen, "basis": "reported", "document_q": "meeting"},
        HTTP_HOST=HOST,
    )
    assert recorded.status_code == 302
    assert citations_of(decision) == [
        ("events.document", report.pk, "", "Notes of the Chair", "para. 12")
    ]


def test_the_documents_found_are_radios_without_a_maxlength(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    """maxlength is for text boxes: on a radio it is invalid HTML."""
    attach(personas, event, "Report of the meeting")
    client.force_login(personas.secretariat)
    html = search(client, decision, "report").content.decode()
    radios = re.findall(r"<input [^>]*>", html)
    radios = [tag for tag in radios if 'type="radio"' in tag or 'type="checkbox"' in tag]
    assert any('name="document"' in tag for tag in radios)
    assert [tag for tag in radios if "maxlength" in tag] == []


def test_find_is_the_first_submit_button_of_the_citation_form(
    client: Any, personas: Any, event: Any, decision: Any
) -> None:
    """A browser presses a form's first submit button for Enter in one of
    its text boxes (HTML's implicit submission, JavaScript or not): Enter
    in "Find a Hub document" must find, not record the source half typed
    (browser/tests/test_sources_find_on_enter.py presses it)."""
    client.force_login(personas.secretariat)
    for response in (
        client.get(sources_url(decision), {"field": "-"}, HTTP_HOST=HOST),
        search(client, decision, "report"),
    ):
        html = response.content.decode()
        form = re.search(r'<form method="post" action="#cite".*?</form>', html, re.S)
        assert form is not None
        buttons = re.findall(r"<button [^>]*>", form.group(0))
        submits = [tag for tag in buttons if 'type="submit"' in tag]
        assert 'name="find"' in submits[0], submits
        assert len(submits) == 2
