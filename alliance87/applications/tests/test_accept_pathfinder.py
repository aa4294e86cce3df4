"""Accepting a government's application for its country to become a
pathfinder puts the country on the path (or leaves a path already under
way as it is), records the government body as the lead, emails and invites
the applicant, and writes nothing twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError

from alliance87.accounts.models import Invitation
from alliance87.applications import services
from alliance87.applications.models import Application
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.pathfinders import services as pathfinder_services
from alliance87.pathfinders.models import Milestone, Pathfinder, Stage
from alliance87.testing.factories import make_organisation, make_pathfinder
from alliance87.testing.personas import make_focal_point


def apply(iso3: str = "GHA", **values: Any) -> Application:
    data: dict[str, Any] = {
        "kind": Application.Kind.PATHFINDER,
        "organisation_name": "Ministry of Employment and Labour Relations",
        "stakeholder_type": StakeholderType.GOVERNMENT,
        "country": Country.objects.get(iso3=iso3),
        "contact_name": "Kofi Example",
        "email": "kofi@example.gov",
        "acting_user": None,  # an applicant who is not signed in
    }
    data.update(values)
    return services.submit_application(**data)


def accept(application: Application, personas: Any, **values: Any) -> Application:
    return services.accept_application(application, acting_user=personas.secretariat, **values)


def test_accepting_puts_a_new_country_on_the_path_from_the_day_received(personas):
    application = apply()
    accept(application, personas)
    application.refresh_from_db()
    pathfinder = Pathfinder.objects.get(country__iso3="GHA")
    assert pathfinder.stage == Stage.EXPRESSION_OF_INTEREST
    milestone = pathfinder.milestones.get()
    assert milestone.stage == Stage.EXPRESSION_OF_INTEREST
    assert milestone.date_start == application.submitted_on
    assert milestone.recorded_by == personas.secretariat
    # The applying government body leads, and is in the directory.
    lead = application.organisation
    assert lead is not None and pathfinder.lead_organisation == lead
    assert lead.name == "Ministry of Employment and Labour Relations"
    assert lead.stakeholder_type == StakeholderType.GOVERNMENT
    assert lead.country == pathfinder.country
    assert not lead.is_partner
    history = application.events.get(status=Application.Status.ACCEPTED).note
    assert "Ghana was put on the pathfinder path." in history
    assert "The stage “Expression of interest” was recorded" in history


def test_the_stage_is_dated_the_day_received_not_the_day_accepted(personas):
    application = apply()
    # The Secretariat took a while: the application came in last month.
    received = dt.date.today() - dt.timedelta(days=30)
    Application.objects.filter(pk=application.pk).update(submitted_on=received)
    accept(application, personas)
    assert Milestone.objects.get(pathfinder__country__iso3="GHA").date_start == received


def test_a_country_further_along_is_accepted_without_touching_its_path(personas):
    pathfinder = make_pathfinder("NPL", held=dt.date(2019, 3, 28))
    lead = make_organisation(
        "nepal-labour", "Ministry of Labour of Nepal", stakeholder_type=StakeholderType.GOVERNMENT
    )
    pathfinder.refresh_from_db()
    pathfinder.lead_organisation = lead
    pathfinder_services.update_pathfinder(pathfinder, acting_user=None)
    application = apply("NPL", organisation_name="Ministry of Women, Children and Senior Citizens")
    accept(application, personas)
    application.refresh_from_db()
    pathfinder.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert pathfinder.stage == Stage.WORKSHOP_HELD
    assert list(pathfinder.milestones.values_list("stage", flat=True)) == [Stage.WORKSHOP_HELD]
    # The lead stays; the applicant joins the participating organisations.
    assert pathfinder.lead_organisation == lead
    assert list(pathfinder.participants.all()) == [application.organisation]
    history = application.events.get(status=Application.Status.ACCEPTED).note
    assert "Nepal was already a pathfinder country (stage: Workshop held)" in history
    assert "nothing was added to its path" in history
    assert "Ministry of Labour of Nepal already led the pathfinder" in history


def test_accepting_twice_writes_nothing_twice(personas):
    application = apply()
    accept(application, personas)
    with pytest.raises(ValidationError, match="decision is final"):
        accept(application, personas)
    assert Pathfinder.objects.filter(country__iso3="GHA").count() == 1
    assert Milestone.objects.filter(pathfinder__country__iso3="GHA").count() == 1
    assert Organisation.objects.filter(name=application.organisation_name).count() == 1
    assert Invitation.objects.filter(email="kofi@example.gov").count() == 1
    application.refresh_from_db()
    assert application.events.filter(status=Application.Status.ACCEPTED).count() == 1


def test_a_second_application_for_the_same_country_adds_nothing_to_its_path(personas):
    accept(apply(), personas)
    second = apply(organisation_name="Ministry of Foreign Affairs", email="ama@example.gov")
    accept(second, personas)
    pathfinder = Pathfinder.objects.get(country__iso3="GHA")
    assert pathfinder.milestones.count() == 1
    assert pathfinder.lead_organisation is not None
    assert pathfinder.lead_organisation.name == "Ministry of Employment and Labour Relations"
    assert [o.name for o in pathfinder.participants.all()] == ["Ministry of Foreign Affairs"]
    second.refresh_from_db()
    history = second.events.get(status=Application.Status.ACCEPTED).note
    assert "Ghana was already a pathfinder country (stage: Expression of interest)" in history


def test_a_namesake_ministry_of_another_country_is_not_reused(personas):
    kenya = Country.objects.get(iso3="KEN")
    make_organisation(
        "kenya-labour",
        "Ministry of Labour",
        stakeholder_type=StakeholderType.GOVERNMENT,
        country=kenya,
    )
    application = apply(organisation_name="Ministry of Labour")
    accept(application, personas)
    application.refresh_from_db()
    assert application.organisation is not None
    assert application.organisation.country == Country.objects.get(iso3="GHA")
    assert Organisation.objects.filter(name="Ministry of Labour").count() == 2


def test_the_applicant_is_emailed_at_each_step_and_told_what_acceptance_means(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = apply()
    with django_capture_on_commit_callbacks(execute=True):
        services.start_review(application, acting_user=personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        accept(application, personas, note="Welcome to the pathfinder countries.")
    status_mails = [m for m in mail.outbox if "invitation" not in m.subject.lower()]
    assert [m.subject for m in status_mails] == [
        "We received your application to Alliance 8.7",
        "Your application to Alliance 8.7 is under review",
        "Your application to Alliance 8.7 is accepted",
    ]
    accepted = status_mails[-1].body
    assert "Ghana is now recorded on the Alliance 8.7 Hub as a country that has expressed " in (
        accepted
    )
    assert "Welcome to the pathfinder countries." in accepted
    assert all(m.to == ["kofi@example.gov"] for m in mail.outbox)


def test_an_applicant_whose_country_is_further_along_is_told_so(
    personas, django_capture_on_commit_callbacks
):
    make_pathfinder("NPL", held=dt.date(2019, 3, 28))
    application = apply("NPL")
    with django_capture_on_commit_callbacks(execute=True):
        accept(application, personas)
    body = mail.outbox[0].body
    assert "Nepal is already a pathfinder country, at the stage “Workshop held”." in body
    assert "national strategic workshop" not in body


def test_the_applicant_is_invited_to_sign_up_for_the_government_body(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = accept(apply(language="fr"), personas)
    invitation = Invitation.objects.get(email="kofi@example.gov")
    assert invitation.organisation == application.organisation
    assert invitation.invited_by == personas.secretariat
    link = next(m.body for m in mail.outbox if "invitation" in m.subject.lower())
    # The link opens the Hub in the language the applicant wrote in.
    assert "/fr/account/invitation/" in link
    note = application.events.get(status=Application.Status.ACCEPTED).note
    assert "was invited to create an account" in note


def test_an_applicant_with_an_account_is_not_invited_again(personas):
    application = apply(email=personas.outsider.email)
    accept(application, personas)
    assert not Invitation.objects.exists()
    note = application.events.get(status=Application.Status.ACCEPTED).note
    assert "No invitation was sent" in note


def test_a_country_that_is_not_a_un_state_is_refused_at_acceptance_too(personas):
    application = apply()
    # An application stored before submission refused such countries.
    Application.objects.filter(pk=application.pk).update(country=Country.objects.get(iso3="COK"))
    with pytest.raises(ValidationError, match="not a UN member or observer state"):
        accept(application, personas)
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert not Pathfinder.objects.exists()
    assert not Organisation.objects.filter(name=application.organisation_name).exists()


def test_the_secretariat_accepts_through_the_site_and_the_change_is_audited(
    client, personas, django_capture_on_commit_callbacks
):
    application = apply()
    client.force_login(personas.secretariat)
    url = f"/en/applications/{application.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "accept", "reason": ""})
    assert response.status_code == 302
    pathfinder = Pathfinder.objects.get(country__iso3="GHA")
    entry = LogEntry.objects.get_for_object(pathfinder).first()
    assert entry is not None and entry.actor == personas.secretariat
    page = client.get(url).content.decode()
    assert "Ghana was put on the pathfinder path." in page


@pytest.mark.parametrize("who", ["partner", "outsider", "focal_point", "anonymous"])
def test_no_one_else_may_accept_a_pathfinder_application(client, personas, who):
    application = apply()
    if who == "focal_point":
        client.force_login(make_focal_point("CHL"))
    elif who != "anonymous":
        client.force_login(getattr(personas, who))
    url = f"/en/applications/{application.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"decision": "accept"}).status_code == 404
    application.refresh_from_db()
    assert application.status == Application.Status.RECEIVED
    assert not Pathfinder.objects.filter(country__iso3="GHA").exists()
    assert not Invitation.objects.exists()
