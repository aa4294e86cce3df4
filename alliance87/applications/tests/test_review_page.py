"""Before deciding, the review page tells the Secretariat what acceptance
will write, with the directory entry and seat it chooses, and what stands
in the way; checking writes nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.applications import services
from alliance87.applications.models import Application
from alliance87.countries.models import Country
from alliance87.groups.services import start_seat_term
from alliance87.pathfinders.models import Pathfinder
from alliance87.testing.factories import make_pathfinder


def submit(**values: Any) -> Application:
    data: dict[str, Any] = {
        "kind": Application.Kind.PARTNER,
        "organisation_name": "Freedom Network",
        "stakeholder_type": "civil_society",
        "contact_name": "Ana Example",
        "email": "ana@example.org",
        "acting_user": None,  # an applicant who is not signed in
    }
    data.update(values)
    return services.submit_application(**data)


def page(client: Any, personas: Any, application: Application) -> str:
    client.force_login(personas.secretariat)
    return client.get(f"/en/applications/{application.pk}/").content.decode()


def test_the_page_says_a_new_country_will_be_put_on_the_path(client, personas):
    application = submit(
        kind=Application.Kind.PATHFINDER,
        organisation_name="Ministry of Employment",
        stakeholder_type="government",
        country=Country.objects.get(iso3="GHA"),
    )
    html = page(client, personas, application)
    assert "What acceptance will write" in html
    assert "Ghana will be put on the pathfinder path." in html
    assert "The stage “Expression of interest” will be recorded, dated" in html
    assert "The organisation will be recorded as the lead ministry or agency." in html
    assert "will be invited to create an account" in html
    assert not Pathfinder.objects.exists()


def test_the_page_says_a_country_further_along_keeps_its_path(client, personas):
    make_pathfinder("NPL", held=dt.date(2019, 3, 28))
    application = submit(
        kind=Application.Kind.PATHFINDER,
        organisation_name="Ministry of Labour",
        stakeholder_type="government",
        country=Country.objects.get(iso3="NPL"),
    )
    html = page(client, personas, application)
    assert "Nepal is already a pathfinder country (stage: Workshop held)" in html
    assert "nothing will be added to its path" in html


def test_the_page_names_the_existing_directory_entry(client, personas):
    html = page(client, personas, submit(organisation_name="Applicant NGO"))
    assert "The Hub will use the existing directory entry “Applicant NGO”." in html
    assert "It will be listed as a partner of Alliance 8.7." in html


def test_the_page_warns_that_the_seat_is_taken(client, personas, world):
    start_seat_term(world.seat, organisation=world.iom, acting_user=None)
    application = submit(kind=Application.Kind.GCG_SEAT, seat=world.seat)
    html = page(client, personas, application)
    assert "Acceptance is not possible yet" in html
    assert "already holds the seat" in html


def test_checking_with_another_entry_shows_its_plan_and_saves_nothing(client, personas, world):
    application = submit(kind=Application.Kind.GROUP, group=world.migration)
    client.force_login(personas.secretariat)
    response = client.post(
        f"/en/applications/{application.pk}/",
        {"preview": "1", "organisation": world.unicef.pk, "reason": "Draft note"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "The Hub will use the existing directory entry “UNICEF”." in html
    assert "It will become a member of Action Group on Migration from today." in html
    # The choices are kept, and no decision is flagged as missing yet.
    assert "Draft note" in html
    assert "Choose a decision." not in html
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert application.events.count() == 1


def test_a_decided_application_shows_no_plan_but_its_history(client, personas):
    application = submit()
    services.accept_application(application, acting_user=personas.secretariat)
    html = page(client, personas, application)
    assert "What acceptance will write" not in html
    assert "It was listed as a partner of Alliance 8.7." in html


def test_a_decision_taken_meanwhile_is_reported_not_hidden(client, personas):
    application = submit()
    client.force_login(personas.secretariat)
    url = f"/en/applications/{application.pk}/"
    client.post(url, {"decision": "accept", "reason": ""})
    # A second click, or a colleague's stale page.
    response = client.post(url, {"decision": "decline", "reason": "No."})
    assert response.status_code == 200
    assert "already accepted; a decision is final" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED


def test_the_review_page_costs_the_same_queries_however_long_the_history(client, personas, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    application = submit(kind=Application.Kind.GROUP, group=world.migration)
    client.force_login(personas.secretariat)
    url = f"/en/applications/{application.pk}/"
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as short:
        client.get(url)
    services.start_review(application, acting_user=personas.secretariat, note="One")  # 2 steps
    with CaptureQueriesContext(connection) as longer:
        client.get(url)
    assert len(longer) == len(short)
