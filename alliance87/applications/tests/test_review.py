"""The Secretariat reviews applications on the site; the applicant is told
at each step; acceptance writes what it implies, all or nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from alliance87.applications import services
from alliance87.applications.models import Application
from alliance87.groups.models import Membership, SeatTerm
from alliance87.groups.services import start_seat_term
from alliance87.partners.models import Organisation
from alliance87.testing.factories import make_organisation


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


def test_each_step_emails_the_applicant(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = submit()
    with django_capture_on_commit_callbacks(execute=True):
        application = services.start_review(application, acting_user=personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_application(application, acting_user=personas.secretariat)
    subjects = [m.subject for m in mail.outbox]
    # Three status emails, and the invitation to create an account.
    assert len(subjects) == 4
    assert "received" in subjects[0]
    assert "under review" in subjects[1]
    assert "accepted" in subjects[2] or "accepted" in subjects[3]
    assert any("invitation" in s.lower() for s in subjects)
    assert all(m.to == ["ana@example.org"] for m in mail.outbox)
    assert application.events.count() == 3


def test_an_accepted_applicant_can_sign_up_for_the_organisation(
    client, personas, django_capture_on_commit_callbacks
):
    from alliance87.accounts.models import Invitation
    from alliance87.partners.models import Person

    with django_capture_on_commit_callbacks(execute=True):
        application = services.accept_application(submit(), acting_user=personas.secretariat)
    invitation = Invitation.objects.get(email="ana@example.org")
    assert invitation.organisation == application.organisation
    link = next(m.body for m in mail.outbox if "invitation" in m.subject.lower())
    path = link[link.index("/en/account/invitation/") :].split()[0]
    assert client.get(path).status_code == 302
    client.post(
        "/en/accounts/signup/",
        {
            "email": "ana@example.org",
            "password1": "a long passphrase 8.7!",
            "password2": "a long passphrase 8.7!",
        },
    )
    assert (
        Person.objects.get(user__email="ana@example.org").organisation == application.organisation
    )


def test_a_declined_applicant_gets_no_invitation(personas):
    from alliance87.accounts.models import Invitation

    services.decline_application(submit(), reason="Outside 8.7.", acting_user=personas.secretariat)
    assert not Invitation.objects.exists()


def test_declining_needs_a_reason_which_the_applicant_reads(
    personas, django_capture_on_commit_callbacks
):
    application = submit()
    with pytest.raises(ValidationError, match="Give the reason"):
        services.decline_application(application, reason="  ", acting_user=personas.secretariat)
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_application(
            application, reason="Your work lies outside Target 8.7.", acting_user=None
        )
    assert "Your work lies outside Target 8.7." in mail.outbox[-1].body


def test_accepting_a_partner_creates_the_organisation_as_a_partner(personas):
    application = services.accept_application(submit(), acting_user=personas.secretariat)
    org = application.organisation
    assert org is not None and org.is_partner
    assert org.name == "Freedom Network"
    assert "freedom network" in org.search_names


def test_accepting_a_partner_updates_an_existing_directory_entry(personas):
    application = submit(organisation_name="Applicant NGO")
    services.accept_application(application, acting_user=personas.secretariat)
    personas.other_org.refresh_from_db()
    assert personas.other_org.is_partner
    assert Organisation.objects.filter(name="Applicant NGO").count() == 1


def test_accepting_a_group_application_adds_the_membership(personas, world):
    application = submit(kind=Application.Kind.GROUP, group=world.migration)
    services.accept_application(application, acting_user=personas.secretariat)
    membership = Membership.objects.get(group=world.migration)
    assert membership.organisation.name == "Freedom Network"


def test_accepting_a_seat_that_is_taken_changes_nothing(personas, world):
    start_seat_term(world.seat, organisation=make_organisation("ngo", "NGO"), acting_user=None)
    application = submit(kind=Application.Kind.GCG_SEAT, seat=world.seat)
    with pytest.raises(ValidationError, match="already holds the seat"):
        services.accept_application(application, acting_user=personas.secretariat)
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert not Organisation.objects.filter(name="Freedom Network").exists()
    assert SeatTerm.objects.count() == 1


def test_accepting_a_vacant_seat_gives_the_seat(personas, world):
    application = submit(kind=Application.Kind.GCG_SEAT, seat=world.seat)
    services.accept_application(application, acting_user=personas.secretariat)
    assert SeatTerm.objects.get(seat=world.seat).organisation.name == "Freedom Network"


def test_a_decision_is_final(personas):
    application = services.accept_application(submit(), acting_user=personas.secretariat)
    with pytest.raises(ValidationError, match="decision is final"):
        services.decline_application(application, reason="No", acting_user=None)


def test_the_secretariat_reviews_through_the_site(
    client, personas, django_capture_on_commit_callbacks
):
    application = submit()
    client.force_login(personas.secretariat)
    assert client.get("/en/applications/").status_code == 200
    url = f"/en/applications/{application.pk}/"
    assert "Freedom Network" in client.get(url).content.decode()
    response = client.post(url, {"decision": "decline", "reason": ""})
    assert "Give the reason for declining" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "accept", "reason": "Welcome."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert any("Welcome." in m.body for m in mail.outbox)


@pytest.mark.parametrize("who", ["partner", "outsider", "anonymous"])
def test_no_one_else_sees_or_reviews_applications(client, personas, who):
    application = submit()
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    url = f"/en/applications/{application.pk}/"
    assert client.get("/en/applications/").status_code == 404
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "accept"}).status_code in (403, 404)
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
