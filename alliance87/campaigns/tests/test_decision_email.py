"""A submitter is told of a reviewer's decision by email, in the language
they wrote in, after the decision is committed, and only once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from alliance87.campaigns import services
from alliance87.campaigns.models import PlannedActivity, Submission
from alliance87.campaigns.tasks import send_decision_notice
from alliance87.campaigns.tests.scene import make_scene
from alliance87.core.notices import NoticeState

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def submitted(campaign, partner, language="en") -> Submission:
    return services.submit(
        campaign,
        acting_user=partner,
        kind="highlight",
        title="Zone sans travail des enfants",
        text="Les enseignants se sont réunis.",
        language=language,
    )


def test_a_published_highlight_is_announced_to_its_submitter_in_their_language(
    personas, django_capture_on_commit_callbacks
):
    scene = make_scene()
    submission = submitted(scene.campaign, personas.partner, language="fr")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.publish_submission(submission, acting_user=scene.chair)
    # Nothing leaves before the decision is committed.
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [personas.partner.email]
    assert "Zone sans travail des enfants" in message.subject
    assert "/fr/campaigns/world-day-against-child-labour/" in message.body
    submission.refresh_from_db()
    assert submission.notice == NoticeState.SENT


def test_a_declined_highlight_email_gives_the_reason(personas, django_capture_on_commit_callbacks):
    scene = make_scene()
    submission = submitted(scene.campaign, personas.partner)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_submission(
            submission, acting_user=scene.chair, reason="Please add the country."
        )
    assert len(mail.outbox) == 1
    assert "Please add the country." in mail.outbox[0].body
    assert "/en/campaigns/world-day-against-child-labour/" in mail.outbox[0].body


def test_a_planned_activity_decision_is_emailed(personas, django_capture_on_commit_callbacks):
    scene = make_scene()
    activity = services.add_planned_activity(
        scene.campaign,
        acting_user=personas.partner,
        date=dt.date(2027, 6, 12),
        title="Jornada de puertas abiertas",
        language="es",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_activity(activity, acting_user=scene.chair, reason="Fuera de plazo.")
    assert len(mail.outbox) == 1
    assert "Jornada de puertas abiertas" in mail.outbox[0].body
    assert "/es/campaigns/" in mail.outbox[0].body
    assert PlannedActivity.objects.get().notice == NoticeState.SENT


def test_the_decision_email_is_never_sent_twice(personas, django_capture_on_commit_callbacks):
    scene = make_scene()
    submission = submitted(scene.campaign, personas.partner)
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_submission(submission, acting_user=scene.chair)
    # A retry, a second worker: the notice was claimed and sent already.
    assert send_decision_notice.call("submission", submission.pk) is False
    assert len(mail.outbox) == 1


def test_a_refused_message_is_tried_again(personas, django_capture_on_commit_callbacks, settings):
    scene = make_scene()
    submission = submitted(scene.campaign, personas.partner)
    settings.EMAIL_BACKEND = "alliance87.campaigns.tests.test_decision_email.RefusingBackend"
    # A backend that keeps the retry the task queues for later.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.publish_submission(submission, acting_user=scene.chair)
    with pytest.raises(OSError):
        send_decision_notice.call("submission", submission.pk)
    submission.refresh_from_db()
    assert submission.notice == NoticeState.WAITING
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_decision_notice.call("submission", submission.pk) is True
    assert len(mail.outbox) == 1
    assert callbacks  # the task was queued on commit


class RefusingBackend:
    def __init__(self, *args: object, **kwargs: object) -> None:
        pass

    def send_messages(self, messages: object) -> int:
        raise OSError("The mail server is down.")


def test_the_decision_email_is_in_the_language_the_submitter_chose_for_email(
    personas, django_capture_on_commit_callbacks
):
    from alliance87.community.models import Preferences

    Preferences.objects.create(user=personas.partner, language="es")
    scene = make_scene()
    submission = submitted(scene.campaign, personas.partner, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        services.publish_submission(submission, acting_user=scene.chair)
    (message,) = mail.outbox
    assert "/es/campaigns/world-day-against-child-labour/" in message.body
