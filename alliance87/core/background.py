"""The Secretariat's page of background work: the task calls that are not
done (core/taskrecords.py), with their attempts and last error, and a
button that queues one again. Only the Secretariat sees it (404 for
everyone else); it works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from alliance87.core import permissions
from alliance87.core.services import service
from alliance87.core.taskrecords import TaskRecord, TaskState
from alliance87.core.tasks import queue_state, retry_record

PER_PAGE = 50

# What each task does, for people; a task not named here shows its path.
# (Paths, not imports: core imports no area.)
TASK_NAMES = {
    "alliance87.community.tasks.send_notification_task": gettext_lazy("Send one community email"),
    "alliance87.community.tasks.send_digest_task": gettext_lazy("Send one community digest"),
    "alliance87.community.tasks.fan_out_task": gettext_lazy("Write the notifications of a post"),
    "alliance87.community.tasks.community_mail_task": gettext_lazy(
        "Send the due community digests"
    ),
    "alliance87.community.slack.tasks.check_slack_import_task": gettext_lazy(
        "Check an uploaded Slack export"
    ),
    "alliance87.community.slack.tasks.run_slack_import_task": gettext_lazy(
        "Import a Slack export"
    ),
    "alliance87.community.tasks.send_suspension_notice_task": gettext_lazy(
        "Tell a person of their suspension, or of its end"
    ),
}


def task_name(path: str) -> str:
    name = TASK_NAMES.get(path)
    return str(name) if name is not None else path.rsplit(".", 1)[-1].replace("_", " ")


@service
def retry_task(record: TaskRecord, *, acting_user: object) -> None:
    """Queue a recorded task call again, at once, with an audit entry on
    the record naming who asked and which call (task and arguments), kept
    after the record goes."""
    from auditlog.models import LogEntry

    if not retry_record(record):
        raise ValidationError(
            _(
                "This task cannot be queued again: it stopped mid-way and may "
                "have done its work, or it no longer exists."
            )
        )
    LogEntry.objects.log_create(
        record,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={"state": [record.state, TaskState.WAITING]},
        additional_data={
            "retried_by_hand": True,
            "task": record.task_path,
            "args": record.args,
            "kwargs": record.kwargs,
            "attempts": record.attempts,
        },
    )


@never_cache
@require_safe
def task_list(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "view", TaskRecord)
    state = request.GET.get("state", "")
    records = TaskRecord.objects.all()
    if state in TaskState.values:
        records = records.filter(state=state)
    else:
        state = ""
    page = Paginator(records, PER_PAGE).get_page(request.GET.get("page"))
    rows = [
        {"record": record, "name": task_name(record.task_path), "args": record.args}
        for record in page
    ]
    return render(
        request,
        "core/tasks.html",
        {
            "page": page,
            "rows": rows,
            "state": state,
            "states": TaskState.choices,
            "query": f"state={state}" if state else "",
            "queue": queue_state(),
        },
    )


@require_POST
def task_retry(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(request.user, "view", TaskRecord)
    record = get_object_or_404(TaskRecord, pk=pk)
    try:
        retry_task(record, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The task is queued again; a worker will take it shortly."))
    return redirect("core:tasks")
