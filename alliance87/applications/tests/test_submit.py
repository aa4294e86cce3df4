"""The public application form: clear errors, spam refused without a third
party, a duplicate refused, nothing stored twice, an acknowledgement sent."""

from __future__ import annotations

import time
from typing import Any

from django.core import mail, signing

from alliance87.applications.forms import SALT
from alliance87.applications.models import Application

URL = "/en/apply/"


def token(age: float = 10) -> str:
    """Return the form's signed timestamp, issued `age` seconds ago."""
    return signing.dumps({"t": time.time() - age}, salt=SALT)


def form_data(**values: Any) -> dict[str, Any]:
    data = {
        "kind": "partner",
        "organisation_name": "Freedom Network",
        "stakeholder_type": "civil_society",
        "country": "",
        "group": "",
        "seat": "",
        "contact_name": "Ana Example",
        "email": "ana@example.org",
        "message": "We work on forced labour in fisheries.",
        "website": "",
        "started": token(),
    }
    data.update(values)
    return data


def test_the_form_carries_a_csrf_token_and_is_not_cached(client, db):
    response = client.get(URL)
    assert b"csrfmiddlewaretoken" in response.content
    assert "X-Page-Cache" not in response
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_valid_application_is_stored_and_acknowledged_by_email(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form_data())
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.status == Application.Status.RECEIVED
    assert application.events.count() == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert "received" in mail.outbox[0].subject


def test_a_duplicate_within_a_day_is_refused_and_not_stored(
    client, db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data())
        response = client.post(URL, form_data(email="ANA@example.org"))
    assert response.status_code == 200
    assert "We already received this application" in response.content.decode()
    assert Application.objects.count() == 1
    assert len(mail.outbox) == 1


def test_the_same_person_may_apply_for_something_else(client, world):
    client.post(URL, form_data())
    client.post(URL, form_data(kind="group", group=world.migration.pk))
    assert Application.objects.count() == 2


def test_a_filled_honeypot_is_refused(client, db):
    response = client.post(URL, form_data(website="http://spam.example"))
    assert response.status_code == 200
    assert "This form could not be accepted" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_form_sent_within_seconds_of_opening_is_refused(client, db):
    response = client.post(URL, form_data(started=token(age=0.5)))
    assert "sent too quickly" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_form_older_than_a_day_is_refused(client, db):
    response = client.post(URL, form_data(started=token(age=2 * 24 * 3600)))
    assert "more than a day ago" in response.content.decode()
    assert Application.objects.count() == 0


def test_a_forged_timestamp_is_refused(client, db):
    response = client.post(URL, form_data(started="forged"))
    assert "could not be checked" in response.content.decode()
    assert Application.objects.count() == 0


def test_missing_answers_get_clear_messages(client, db):
    response = client.post(URL, form_data(organisation_name="", email="not-an-email", kind=""))
    html = response.content.decode()
    assert "Enter the name of your organisation." in html
    assert "Enter an email address like name@example.org." in html
    assert "Choose what you would like to apply for." in html


def test_joining_a_group_needs_the_group(client, db):
    response = client.post(URL, form_data(kind="group"))
    assert "Choose the group you would like to join." in response.content.decode()
    assert Application.objects.count() == 0


def test_a_pathfinder_application_needs_a_government_and_a_country(client, db):
    response = client.post(URL, form_data(kind="pathfinder"))
    assert "Choose the country" in response.content.decode()


def test_too_many_posts_from_one_address_are_refused(client, db):
    for i in range(10):
        client.post(URL, form_data(email=f"person{i}@example.org"))
    response = client.post(URL, form_data(email="late@example.org"))
    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert Application.objects.filter(email="late@example.org").count() == 0


def cook_islands() -> int:
    from alliance87.countries.models import Country

    return Country.objects.get(iso3="COK").pk


def test_a_country_that_is_not_a_un_state_cannot_apply_to_become_a_pathfinder(client, db):
    response = client.post(
        URL, form_data(kind="pathfinder", stakeholder_type="government", country=cook_islands())
    )
    html = response.content.decode()
    assert (
        "Cook Islands is not a UN member or observer state, so it cannot become a pathfinder "
        "country." in html
    )
    assert Application.objects.count() == 0


def test_an_organisation_based_there_may_still_apply_to_become_a_partner(client, db):
    client.post(URL, form_data(country=cook_islands()))
    assert Application.objects.get().country_id == cook_islands()


def test_a_un_observer_state_may_apply_to_become_a_pathfinder(client, db):
    from alliance87.countries.models import Country

    palestine = Country.objects.get(iso3="PSE")
    client.post(
        URL, form_data(kind="pathfinder", stakeholder_type="government", country=palestine.pk)
    )
    assert Application.objects.get().country == palestine


def test_every_problem_with_a_pathfinder_application_is_reported_at_once(client, db):
    response = client.post(URL, form_data(kind="pathfinder", country=cook_islands()))
    html = response.content.decode()
    assert "not a UN member or observer state" in html
    assert "Only a government can apply for its country to become a pathfinder." in html
    assert Application.objects.count() == 0
