"""The Sources page of a record: the Secretariat cites, corrects and
removes the source of a fact on the site (not only in the admin), reached
from the quiet source line beside each fact; nobody else may."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Basis, Citation
from alliance87.core.provenance import cite
from alliance87.core.sources import sources_url
from alliance87.events import services
from alliance87.testing.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(personas: Any) -> Any:
    return make_event(
        "gcg-4", acting_user=personas.secretariat, date=ReportedDate(dt.date(2019, 4, 1))
    )


@pytest.fixture
def decision(personas: Any, event: Any) -> Any:
    return services.record_decision(event, acting_user=personas.secretariat, text="Agreed.")


def citations_of(row: Any) -> list[Citation]:
    return list(
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(row), object_id=row.pk
        )
    )


def test_the_secretariat_finds_a_link_to_cite_beside_each_fact(
    client: Any, personas: Any, decision: Any
) -> None:
    client.force_login(personas.secretariat)
    html = client.get("/en/events/gcg-4/").content.decode()
    assert f'href="{sources_url(decision)}">Cite a source</a>' in html
    cite(decision, acting_user=personas.secretariat, basis=Basis.REPORTED, source_title="Report")
    html = client.get("/en/events/gcg-4/").content.decode()
    assert f'href="{sources_url(decision)}">Edit sources</a>' in html


@pytest.mark.parametrize("who", ["anonymous", "partner", "outsider"])
def test_no_one_else_is_offered_the_link_or_the_page(
    client: Any, personas: Any, decision: Any, who: str
) -> None:
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    html = client.get("/en/events/gcg-4/").content.decode()
    assert "/sources/" not in html
    assert client.get(sources_url(decision)).status_code == 404
    posted = client.post(
        sources_url(decision),
        {"field": "-", "basis": "reported", "source_title": "Mine"},
    )
    assert posted.status_code == 404
    assert citations_of(decision) == []


def test_a_fact_cited_on_the_site_is_shown_beside_it_and_audited(
    client: Any, personas: Any, decision: Any
) -> None:
    client.force_login(personas.secretariat)
    response = client.post(
        sources_url(decision),
        {
            "field": "-",
            "basis": "reported",
            "source_title": "Report of the 4th GCG meeting",
            "url": "https://example.org/gcg4.pdf",
            "locator": "p. 7",
            "as_of": "2019-04-05",
        },
    )
    assert response.status_code == 302
    [citation] = citations_of(decision)
    assert (citation.field, citation.locator, citation.as_of) == ("", "p. 7", dt.date(2019, 4, 5))
    entry = LogEntry.objects.get_for_object(citation).get()
    assert entry.actor == personas.secretariat
    client.logout()
    html = client.get("/en/events/gcg-4/").content.decode()
    assert '<a href="https://example.org/gcg4.pdf">Report of the 4th GCG meeting</a>, p. 7' in html


def test_the_page_lists_the_records_sources_and_offers_its_fields(
    client: Any, personas: Any, event: Any
) -> None:
    cite(
        event,
        acting_user=personas.secretariat,
        field="date_start",
        basis=Basis.INFERRED,
        note="the report's “last week”",
    )
    client.force_login(personas.secretariat)
    html = client.get(sources_url(event, "date_start")).content.decode()
    assert "Inferred (the report&#x27;s “last week”)" in html
    assert '<option value="date_start" selected>' in html
    # Each field once: not its per-language copies.
    assert 'value="title_fr"' not in html and 'value="title"' in html


def test_an_inferred_fact_without_its_reasoning_is_refused_with_a_message(
    client: Any, personas: Any, decision: Any
) -> None:
    client.force_login(personas.secretariat)
    response = client.post(sources_url(decision), {"field": "-", "basis": "inferred"})
    assert response.status_code == 200
    assert "Say from what the fact was inferred." in response.content.decode()
    response = client.post(sources_url(decision), {"field": "-", "basis": "reported"})
    assert "A reported fact names its source" in response.content.decode()
    assert citations_of(decision) == []


@pytest.mark.parametrize(
    "data",
    [
        {"field": "no_such_field", "basis": "reported", "source_title": "R"},
        {"field": "-", "basis": "illustrative"},
        {"field": "-", "basis": "reported", "url": "not an address"},
        {"field": "-", "basis": "reported", "source_title": "R", "as_of": "31/31/2019"},
        {"field": "-", "basis": "reported", "source_title": "x" * 301},
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(
    client: Any, personas: Any, decision: Any, data: dict[str, str]
) -> None:
    client.force_login(personas.secretariat)
    response = client.post(sources_url(decision), data)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode() or "error" in response.content.decode()
    assert citations_of(decision) == []


def test_an_unknown_or_unsourced_record_is_not_found(
    client: Any, personas: Any, decision: Any
) -> None:
    from django.contrib.auth import get_user_model

    client.force_login(personas.secretariat)
    kind = ContentType.objects.get_for_model(decision).pk
    user_kind = ContentType.objects.get_for_model(get_user_model()).pk
    for url in (
        f"/en/sources/{kind}/{decision.pk + 1000}/",  # no such decision
        f"/en/sources/{user_kind}/{personas.secretariat.pk}/",  # not a sourced record
        "/en/sources/999999/1/",  # no such kind
        f"/en/sources/{kind}/99999999999999999999999/",  # beyond any id
    ):
        assert client.get(url).status_code == 404, url
    assert client.post("/en/sources/remove/99999999999999999999999/").status_code == 404


def test_removing_a_source_takes_it_off_the_page(
    client: Any, personas: Any, decision: Any
) -> None:
    citation = cite(
        decision, acting_user=personas.secretariat, basis=Basis.REPORTED, source_title="Wrong"
    )
    remove = f"/en/sources/remove/{citation.pk}/"
    client.force_login(personas.partner)
    assert client.post(remove).status_code == 404
    assert citations_of(decision) == [citation]
    client.force_login(personas.secretariat)
    assert client.get(remove).status_code == 405
    assert client.post(remove).status_code == 302
    assert citations_of(decision) == []
    assert "Wrong" not in client.get("/en/events/gcg-4/").content.decode()


def test_a_record_shown_with_many_facts_gets_one_link(
    client: Any, personas: Any, event: Any
) -> None:
    cite(event, acting_user=None, field="date_start", basis=Basis.INFERRED, note="a letter")
    client.force_login(personas.secretariat)
    html = client.get("/en/events/gcg-4/").content.decode()
    assert html.count(f'href="{sources_url(event)}"') == 1


def test_an_events_lists_are_offered_with_their_values(
    client: Any, personas: Any, event: Any
) -> None:
    from alliance87.events.services import save_event

    save_event(event, acting_user=personas.secretariat, organisers=[personas.partner_org])
    client.force_login(personas.secretariat)
    html = client.get(sources_url(event)).content.decode()
    assert '<option value="organisers">' in html
    row = html.split('id="fact-organisers"', 1)[1].split("</tr>", 1)[0]
    assert personas.partner_org.name in row


def test_a_hub_document_is_cited_by_its_address_and_shown_only_to_who_may_see_it(
    client: Any, personas: Any, decision: Any, event: Any, settings: Any, tmp_path: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliance87.core.files import file_url

    settings.MEDIA_ROOT = tmp_path
    settings.ALLOWED_HOSTS = ["hub.example.org"]
    report = services.attach_document(
        event,
        acting_user=personas.secretariat,
        kind="report",
        title="Report of the meeting",
        upload=SimpleUploadedFile("report.pdf", b"%PDF-1.4 report"),
        visibility="secretariat",
    )
    address = f"https://hub.example.org{file_url(report)}"
    client.force_login(personas.secretariat)
    response = client.post(
        sources_url(decision),
        {"field": "-", "basis": "reported", "url": address, "locator": "p. 3"},
        HTTP_HOST="hub.example.org",
    )
    assert response.status_code == 302
    (citation,) = citations_of(decision)
    # Held as the document (its address follows its visibility), not a copy of a link.
    assert (citation.document_owner, citation.document_id) == ("events.document", report.pk)
    assert citation.url == "" and citation.source_title == "Report of the meeting"
    page = client.get(sources_url(decision), HTTP_HOST="hub.example.org").content.decode()
    assert f'<a href="{file_url(report)}">Report of the meeting</a>' in page
    shown = client.get("/en/events/gcg-4/", HTTP_HOST="hub.example.org").content.decode()
    assert "Report of the meeting</a>, p. 3" in shown
    # A partner sees that a source exists, not its title or address.
    client.force_login(personas.partner)
    shown = client.get("/en/events/gcg-4/", HTTP_HOST="hub.example.org").content.decode()
    assert "a document not shown here" in shown and "Report of the meeting" not in shown


def test_an_address_of_the_hubs_files_that_serves_nothing_is_refused(
    client: Any, personas: Any, decision: Any, settings: Any
) -> None:
    settings.ALLOWED_HOSTS = ["hub.example.org"]
    client.force_login(personas.secretariat)
    response = client.post(
        sources_url(decision),
        {
            "field": "-",
            "basis": "reported",
            "url": "https://hub.example.org/files/events.document/999/x.pdf",
        },
        HTTP_HOST="hub.example.org",
    )
    assert response.status_code == 200
    assert "No document of the Hub is at this address" in response.content.decode()
    assert citations_of(decision) == []
    # Another site's address is an ordinary link.
    client.post(
        sources_url(decision),
        {
            "field": "-",
            "basis": "reported",
            "url": "https://example.org/files/events.document/1/x.pdf",
        },
        HTTP_HOST="hub.example.org",
    )
    (citation,) = citations_of(decision)
    assert citation.url.startswith("https://example.org/") and not citation.document_owner
