"""The demo holds the complete record of the seeds, and loads idempotently."""

from __future__ import annotations

import pytest

from alliance87.demo.services import load_demo
from alliance87.events.models import ActionItem, AgendaItem, Decision, Event, Exchange

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing(demo):
    assert not load_demo().changed


def test_fourth_gcg_meeting_is_complete(demo):
    event = Event.objects.get(slug="gcg-4")
    assert (str(event.date_start), event.date_precision) == ("2019-04-01", "month")
    assert event.objectives.count() == 5
    assert list(AgendaItem.objects.filter(event=event).values_list("number", flat=True)) == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
    ]
    askers = {
        x.asked_by_organisation.slug if x.asked_by_organisation else ""
        for x in Exchange.objects.filter(event=event)
    }
    assert {
        "ioe",
        "ituc",
        "fao",
        "oecd",
        "ohchr",
        "usdol",
        "government-of-mexico",
        "global-march-against-child-labour",
    } <= askers
    assert Decision.objects.filter(event=event, text_en__contains="France").exists()
    assert Decision.objects.filter(event=event, text_en__contains="17 July 2019").exists()
    owners = {
        a.owner_organisation.slug
        for a in ActionItem.objects.filter(event=event)
        if a.owner_organisation
    }
    assert {"unicef", "government-of-mauritania", "government-of-argentina"} <= owners
    for fr, es in Exchange.objects.filter(event=event).values_list("question_fr", "question_es"):
        assert fr and es
    for fr, es in ActionItem.objects.filter(event=event).values_list("text_fr", "text_es"):
        assert fr and es


def test_pacific_consultation_feeds_into_the_global_conference(demo):
    nadi = Event.objects.get(slug="pacific-consultation-2017")
    # The concept note names only Fiji among "the 11 member states of the ILO
    # in the Pacific Islands".
    assert list(nadi.countries.values_list("iso3", flat=True)) == ["FJI"]
    assert nadi.objectives.count() == 6
    assert list(nadi.feeds_into.values_list("slug", flat=True)) == ["iv-global-conference-2017"]


def test_every_question_is_found_in_each_language(client, demo):
    for lang, word in (("en", "Secretariat"), ("fr", "Secrétariat"), ("es", "Secretaría")):
        page = client.get(f"/{lang}/events/gcg-4/").content.decode()
        assert page.count('class="exchange"') == 13
        assert word in page
        # Numbered within the meeting; the report prints no reference.
        assert "GCG4/D1" not in page
        assert page.count('id="decision-') == 4


def test_fifth_meeting_shows_the_open_items_of_the_fourth(client, demo):
    page = client.get("/en/events/gcg-5/").content.decode()
    assert "Follow-up since the last meeting" in page
    assert "Contact its mission in New York" in page


def test_every_demo_event_says_where_it_comes_from(demo):
    from alliance87.core.models import Basis, Citation
    from alliance87.events.demo import REPORTED_EVENTS

    reported = {"gcg-4", "pacific-consultation-2017", *REPORTED_EVENTS}
    for event in Event.objects.all():
        bases = set(event.citations.filter(field="").values_list("basis", flat=True))
        assert bases, event.slug
        if event.slug in reported:
            assert Basis.REPORTED in bases, event.slug
            assert Basis.ILLUSTRATIVE not in bases, event.slug
        else:
            assert bases == {Basis.ILLUSTRATIVE}, event.slug
    # Every row of the 4th meeting's record is sourced to its report (as a
    # whole; a field the report does not give is cited on its own).
    gcg4 = Event.objects.get(slug="gcg-4")
    for row in (*gcg4.decisions.all(), *gcg4.exchanges.all(), *gcg4.action_items.all()):
        assert row.citations.get(field="").basis == Basis.REPORTED
    assert Citation.objects.filter(basis=Basis.REPORTED, source_title="").count() == 0


def test_the_fourth_meeting_shows_its_report_and_its_inferred_date(client, demo):
    page = client.get("/en/events/gcg-4/").content.decode()
    assert "Source: Report of the 4th Global Coordinating Group meeting" in page
    assert "Inferred from the report, which names no day" in page
    assert "Illustrative (demo)" not in page
    # The forum the report names is cited to it; an event no seed reports
    # is labelled illustrative.
    forum = client.get("/en/events/freedom-from-slavery-forum-2018/").content.decode()
    assert "Source: Report of the 4th Global Coordinating Group meeting" in forum
    assert "Illustrative (demo)" not in forum
    illustrative = Event.objects.filter(citations__basis="illustrative", citations__field="")
    example = illustrative.first()
    assert example is not None
    other = client.get(example.get_absolute_url()).content.decode()
    assert "Illustrative (demo)" in other
