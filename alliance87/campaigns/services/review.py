"""Decide on what partners bring to a campaign: publish or decline a
submission or a planned activity, once, and queue the email that says so."""

from __future__ import annotations

from typing import Any, TypeVar

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.campaigns.models import PlannedActivity, Submission, SubmissionStatus
from alliance87.campaigns.rules import may_review
from alliance87.core.notices import NoticeState
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the submission is declined: its author reads it.")}
        )
    return reason.strip()


# A submission or a planned activity: each decided the same way.
Decided = TypeVar("Decided", Submission, PlannedActivity)


def _decide(row: Decided, *, acting_user: Any, status: str, reason: str = "") -> Decided:
    """Set `row`'s status, if it is still pending; a decline needs a
    reason (refused first, before who decides is asked)."""
    if status == SubmissionStatus.DECLINED:
        reason = _reason(reason)
    if not may_review(acting_user, row.campaign):
        raise Http404("Not found.")
    model = type(row)
    submitter = row.submitted_by
    notice = NoticeState.WAITING if submitter is not None and submitter.email else NoticeState.NONE
    claimed = model.objects.filter(pk=row.pk, status=SubmissionStatus.PENDING).update(
        status=status,
        decline_reason=reason,
        reviewed_by=acting_user,
        reviewed_at=timezone.now(),
        notice=notice,
    )
    if not claimed:
        if model is PlannedActivity:
            raise ValidationError(_("This activity has already been reviewed."))
        raise ValidationError(_("This submission has already been reviewed."))
    LogEntry.objects.log_create(
        row,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={"status": [SubmissionStatus.PENDING, status], "decline_reason": ["", reason]},
    )
    row.refresh_from_db()
    if notice == NoticeState.WAITING:
        from alliance87.campaigns.tasks import send_decision_notice

        kind = "activity" if model is PlannedActivity else "submission"
        enqueue_on_commit(send_decision_notice, kind, row.pk)
    return row


@service
def publish_submission(submission: Submission, *, acting_user: Any) -> Submission:
    """Publish a pending submission on its campaign's page."""
    return _decide(submission, acting_user=acting_user, status=SubmissionStatus.PUBLISHED)


@service
def decline_submission(submission: Submission, *, acting_user: Any, reason: str) -> Submission:
    """Decline a pending submission, saying why (the submitter reads it)."""
    status = SubmissionStatus.DECLINED
    return _decide(submission, acting_user=acting_user, status=status, reason=reason)


@service
def publish_activity(activity: PlannedActivity, *, acting_user: Any) -> PlannedActivity:
    """Show a pending planned activity on its campaign's page and calendar."""
    return _decide(activity, acting_user=acting_user, status=SubmissionStatus.PUBLISHED)


@service
def decline_activity(
    activity: PlannedActivity, *, acting_user: Any, reason: str
) -> PlannedActivity:
    """Decline a pending planned activity, saying why (its author reads it)."""
    status = SubmissionStatus.DECLINED
    return _decide(activity, acting_user=acting_user, status=status, reason=reason)
