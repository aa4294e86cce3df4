"""The Secretariat's matrix objects: applications, imports, tasks."""

from __future__ import annotations

from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene
from alliance87.accounts.tests.visibility_matrix.ways import Item
from alliance87.applications.services import submit_application
from alliance87.reports.models import ReportImport


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m = item.marker
    obj: Any
    if item.kind == "application":
        obj = submit_application(
            kind="partner",
            organisation_name=m,
            stakeholder_type="civil_society",
            contact_name="Ana Example",
            email="ana@example.org",
            acting_user=None,
        )
    elif item.kind == "reportimport":
        obj = ReportImport.objects.create(
            file_name=m, pasted="Agenda\n1. Opening", created_by=scene.secretariat
        )
    elif item.kind == "slackimport":
        from alliance87.community.models import SlackImport

        obj = SlackImport.objects.create(
            file_name=m, status=SlackImport.Status.REFUSED, created_by=scene.secretariat
        )
    elif item.kind == "taskrecord":
        from alliance87.core.taskrecords import TaskRecord, TaskState

        obj = TaskRecord.objects.create(
            key=item.key,
            task_path="alliance87.community.tasks.send_notification_task",
            args=[n],
            state=TaskState.FAILED,
            attempts=5,
            last_error=f"SMTPServerDisconnected: {m}",
        )
    else:
        return None
    return obj
