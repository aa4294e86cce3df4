"""The Secretariat's page of background work (/secretariat/tasks/): the
tasks and emails not done, with their attempts and last error, and a
button that queues one again; nobody else may open it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance87.core.taskrecords import TaskRecord, TaskState

pytestmark = pytest.mark.django_db
URL = "/en/secretariat/tasks/"
EMAIL_TASK = "alliance87.community.tasks.send_notification_task"


def record(state: str, *, args: list[int], error: str = "", attempts: int = 0) -> TaskRecord:
    return TaskRecord.objects.create(
        key=f"{state}-{args}",
        task_path=EMAIL_TASK,
        args=args,
        state=state,
        attempts=attempts,
        last_error=error,
        next_try=timezone.now() + dt.timedelta(minutes=5) if state == TaskState.WAITING else None,
    )


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_secretariat_sees_each_task_not_done_with_its_error_and_attempts(personas) -> None:
    waiting = record(TaskState.WAITING, args=[41], error="Connection refused", attempts=3)
    record(TaskState.UNCERTAIN, args=[42], error="A worker stopped while sending")
    response = signed_in(personas.secretariat).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Send one community email" in body
    assert "Connection refused" in body and "A worker stopped while sending" in body
    assert f'<tr id="task-{waiting.pk}">' in body
    assert body.count("Try again now") == 1  # not for the half-sent one
    assert '<td data-label="Attempts">3</td>' in body


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_nobody_but_the_secretariat_may_open_it_or_retry(personas, who: str) -> None:
    failed = record(TaskState.FAILED, args=[7], error="boom", attempts=5)
    user = getattr(personas, who)
    client = Client() if who == "anonymous" else signed_in(user)
    assert client.get(URL).status_code == 404
    assert client.post(f"{URL}{failed.pk}/retry/").status_code == 404
    assert not DBTaskResult.objects.exists()


def test_try_again_queues_the_task_at_once(personas, django_capture_on_commit_callbacks) -> None:
    failed = record(TaskState.FAILED, args=[7], error="boom", attempts=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(personas.secretariat).post(f"{URL}{failed.pk}/retry/", follow=True)
    assert response.status_code == 200
    assert "The task is queued again" in response.content.decode()
    queued = DBTaskResult.objects.get()
    assert queued.task_path == EMAIL_TASK and queued.args_kwargs["args"] == [7]
    failed.refresh_from_db()
    assert failed.state == TaskState.WAITING and failed.attempts == 5


def test_a_half_sent_email_is_never_queued_again(
    personas, django_capture_on_commit_callbacks
) -> None:
    uncertain = record(TaskState.UNCERTAIN, args=[42])
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(personas.secretariat).post(f"{URL}{uncertain.pk}/retry/", follow=True)
    assert "cannot be queued again" in response.content.decode()
    assert not DBTaskResult.objects.exists()
    assert TaskRecord.objects.get(pk=uncertain.pk).state == TaskState.UNCERTAIN


def test_the_list_filters_by_state_and_reads_in_french(personas) -> None:
    record(TaskState.WAITING, args=[1], error="error-alpha")
    record(TaskState.FAILED, args=[2], error="error-beta")
    body = signed_in(personas.secretariat).get(URL, {"state": "failed"}).content.decode()
    assert "error-beta" in body and "error-alpha" not in body
    bad = signed_in(personas.secretariat).get(URL, {"state": "nonsense", "page": "x"})
    assert bad.status_code == 200
    french = signed_in(personas.secretariat).get("/fr/secretariat/tasks/")
    assert french.status_code == 200 and 'lang="fr"' in french.content.decode()


def test_try_again_is_audited_with_who_asked_and_which_task(
    personas, django_capture_on_commit_callbacks
) -> None:
    from auditlog.models import LogEntry

    failed = record(TaskState.FAILED, args=[7], error="boom", attempts=5)
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(personas.secretariat).post(f"{URL}{failed.pk}/retry/")
    entry = LogEntry.objects.get(
        content_type__model="taskrecord", object_pk=str(failed.pk), action=LogEntry.Action.UPDATE
    )
    assert entry.actor == personas.secretariat
    assert entry.additional_data["retried_by_hand"] is True
    assert entry.additional_data["task"] == EMAIL_TASK
    assert entry.additional_data["args"] == [7]
    assert EMAIL_TASK in entry.object_repr
    # The Secretariat reads it on the record's history page.
    history = signed_in(personas.secretariat).get(
        f"/en/account/history/core.taskrecord/{failed.pk}/"
    )
    assert history.status_code == 200
    assert personas.secretariat.email in history.content.decode()


def test_a_refused_try_again_writes_no_audit_entry(personas) -> None:
    from auditlog.models import LogEntry

    uncertain = record(TaskState.UNCERTAIN, args=[42])
    before = LogEntry.objects.filter(content_type__model="taskrecord").count()
    signed_in(personas.secretariat).post(f"{URL}{uncertain.pk}/retry/")
    assert LogEntry.objects.filter(content_type__model="taskrecord").count() == before
