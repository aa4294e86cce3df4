"""A report reaches the safeguarding officers only: one email each, after
the report commits, in each officer's language, with a link and not a word
of the report; never the moderators, the person reported or the
Secretariat; never an officer it is about; an outage delays, never loses."""

from __future__ import annotations

import socket

import pytest
from django_tasks_db.models import DBTaskResult

from alliance87.safeguarding import alerts, services
from alliance87.safeguarding.models import Alert, AlertState, LogAction, LogEntry, Report
from alliance87.safeguarding.tasks import send_alert_task

pytestmark = pytest.mark.django_db


def _send_all() -> list[str]:
    return [alerts.send_alert(pk) for pk in Alert.objects.values_list("pk", flat=True)]


def _file(scene, **about):
    return services.file_report(
        reporter=scene.reporter,
        category="abuse",
        what_happened="REPORT-TEXT-MARKER",
        acting_user=scene.reporter,
        **(about or {"post": scene.post}),
    )


def test_each_officer_is_emailed_a_link_in_their_language_and_nothing_of_the_report(
    scene, mailoutbox
) -> None:
    report = _file(scene)
    assert _send_all() == ["sent", "sent"]
    by_address = {m.to[0]: m for m in mailoutbox}
    assert set(by_address) == {scene.officer.email, scene.officer_fr.email}
    for message in mailoutbox:
        text = message.subject + message.body
        assert f"/safeguarding/reports/{report.pk}/" in message.body
        for secret in ("REPORT-TEXT-MARKER", "POST-TEXT-MARKER", "Reported", "Reporter"):
            assert secret not in text
        assert "Recruitment fees" not in text and "Commons" not in text
    assert "/en/safeguarding/" in by_address[scene.officer.email].body
    french = by_address[scene.officer_fr.email]
    # In French: the address's language and the greeting (the catalogue's).
    assert "/fr/safeguarding/" in french.body and french.body.startswith("Bonjour officer-fr,")
    assert LogEntry.objects.filter(report=report, action=LogAction.ALERTED).count() == 2
    assert _send_all() == ["not pending", "not pending"]
    assert len(mailoutbox) == 2


def test_the_alerts_are_queued_only_once_the_report_commits(
    scene, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _file(scene)
    assert not DBTaskResult.objects.filter(task_path__endswith="send_alert_task").exists()
    for callback in callbacks:
        callback()
    assert DBTaskResult.objects.filter(task_path__endswith="send_alert_task").count() == 2


def test_moderators_the_person_reported_and_the_secretariat_hear_nothing(
    scene, mailoutbox
) -> None:
    _file(scene)
    _send_all()
    sent_to = {address for m in mailoutbox for address in m.to}
    for user in (scene.moderator, scene.reported, scene.secretariat, scene.reporter):
        assert user.email not in sent_to
    assert set(Alert.objects.values_list("officer", flat=True)) == {
        scene.officer.pk,
        scene.officer_fr.pk,
    }


def test_a_secretariat_officer_hears_of_it_as_an_officer(scene, mailoutbox) -> None:
    services.designate_officer(scene.secretariat, acting_user=scene.secretariat)
    _file(scene)
    _send_all()
    assert scene.secretariat.email in {m.to[0] for m in mailoutbox}


def test_an_officer_a_report_is_about_neither_hears_of_it_nor_reads_it(scene, mailoutbox) -> None:
    services.designate_officer(scene.reported, acting_user=scene.secretariat)
    report = _file(scene)
    _send_all()
    assert scene.reported.email not in {m.to[0] for m in mailoutbox}
    assert not Report.objects.visible_to(scene.reported).filter(pk=report.pk).exists()
    # Nor a report about their organisation, or one of its people.
    about_org = _file(scene, organisation=scene.personas.partner_org)
    about_colleague = _file(scene, person=scene.reporter.person)
    seen = Report.objects.visible_to(scene.reported)
    assert not seen.filter(pk__in=[about_org.pk, about_colleague.pk]).exists()
    assert Report.objects.visible_to(scene.officer).count() == 3


def test_an_officer_whose_designation_ended_before_the_email_gets_nothing(
    scene, mailoutbox
) -> None:
    _file(scene)
    services.end_officer(scene.officer_fr.safeguarding_roles.get(), acting_user=scene.secretariat)
    assert sorted(_send_all()) == ["no longer an officer", "sent"]
    assert [m.to[0] for m in mailoutbox] == [scene.officer.email]
    assert Alert.objects.filter(state=AlertState.DROPPED).count() == 1


def test_a_mail_outage_delays_the_alert_and_never_loses_it(scene, settings, mailoutbox) -> None:
    _file(scene)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed again: nothing listens there
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    alert = Alert.objects.filter(officer=scene.officer).get()
    assert send_alert_task.call(alert.pk) == "retry:60"
    alert.refresh_from_db()
    assert alert.state == AlertState.PENDING and alert.attempts == 1 and alert.error
    retry = DBTaskResult.objects.get(task_path__endswith="send_alert_task")
    assert retry.run_after is not None and retry.args_kwargs["args"] == [alert.pk]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_alert_task.call(alert.pk) == "sent"
    assert [m.to[0] for m in mailoutbox] == [scene.officer.email]


def test_with_no_officer_the_report_is_kept_for_the_first_one(scene, mailoutbox) -> None:
    for officer in (scene.officer, scene.officer_fr):
        services.end_officer(officer.safeguarding_roles.get(), acting_user=scene.secretariat)
    report = _file(scene)
    assert not Alert.objects.exists()
    newcomer = scene.moderator
    services.designate_officer(newcomer, acting_user=scene.secretariat)
    newcomer = type(newcomer).objects.get(pk=newcomer.pk)
    assert list(Report.objects.visible_to(newcomer)) == [report]
