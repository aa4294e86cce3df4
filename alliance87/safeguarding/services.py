"""
The writes of safeguarding. Invariants kept here:

- a report is made only by a signed-in person about something they may see
  (a post of a thread they read, an organisation or a person of the
  directory they read): the views fetch it through its area's
  `visible_to(reporter)` and `file_report` asks again;
- a report reaches the current safeguarding officers only, and never an
  officer it is about (`Report.objects.visible_to`): one `Alert` per such
  officer, sent by email after the write commits, with a link and no word
  of the report;
- only an officer who may read a report handles it; each change writes a
  `Handling` step and a `LogEntry`; each reading writes a `LogEntry`
  (`record_reading`), so the log says who read what, when;
- a designation (`Officer`) starts today; ending it makes today its first
  day not held, so it stops at once.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.safeguarding.models import (
    NOTE_MAX_CHARS,
    WHAT_HAPPENED_MAX_CHARS,
    Alert,
    Category,
    Contact,
    Handling,
    HandlingKind,
    LogAction,
    LogEntry,
    Officer,
    Report,
    Status,
    Subject,
    is_officer,
)

# --- Designations (the role kind of roles.py) ---------------------------------


@service
def designate_officer(user: Any, *, acting_user: Any) -> Officer:
    """Make `user` a safeguarding officer from today."""
    if not user.is_active:
        raise ValidationError(_("A deactivated account cannot be a safeguarding officer."))
    if Officer.objects.current().filter(user=user).exists():
        raise ValidationError(_("This person is already a safeguarding officer."))
    officer = Officer.objects.create(user=user, start=timezone.localdate())
    user.__dict__.pop("_a87_safeguarding_officer", None)
    return officer


@service
def end_officer(officer: Officer, *, acting_user: Any) -> None:
    """End a designation now; it stays in the history."""
    officer = Officer.objects.select_for_update().get(pk=officer.pk)
    today = timezone.localdate()
    if officer.end is not None and officer.end <= today:
        raise ValidationError(_("This designation has already ended."))
    officer.end = today  # the first day not held
    officer.save(update_fields=["end"])


# --- Reports -------------------------------------------------------------------


def _clean_report(category: str, what_happened: str, contact: str) -> str:
    if category not in Category.values:
        raise ValidationError({"category": _("Choose what kind of concern this is.")})
    text = what_happened.strip()
    if not text:
        raise ValidationError({"what_happened": _("Say what happened, in your own words.")})
    if len(text) > WHAT_HAPPENED_MAX_CHARS:
        raise ValidationError(
            {
                "what_happened": _(
                    "Keep it under %(max)d characters; the officers can ask you for more."
                )
                % {"max": WHAT_HAPPENED_MAX_CHARS}
            }
        )
    if contact and contact not in Contact.values:
        raise ValidationError({"contact": _("Choose how the officers may contact you.")})
    return text


@service
def file_report(
    *,
    reporter: Any,
    category: str,
    what_happened: str,
    contact: str = "",
    post: Any = None,
    post_url: str = "",
    organisation: Any = None,
    person: Any = None,
    acting_user: Any,
) -> Report:
    """Record a concern and alert the officers who may read it.

    Exactly one of `post`, `organisation` and `person` names what it is
    about; the caller fetched it through its `visible_to(reporter)`."""
    from alliance87.community.models import Post
    from alliance87.partners.models import Organisation, Person

    if reporter is None or not reporter.is_authenticated or not reporter.is_active:
        raise ValidationError(_("Sign in to report a concern."))
    named = [x for x in (post, organisation, person) if x is not None]
    if len(named) != 1:
        raise ValueError("A report is about one post, organisation or person.")
    text = _clean_report(category, what_happened, contact)
    report = Report(
        reporter=reporter,
        category=category,
        what_happened=text,
        contact=contact,
    )
    if post is not None:
        if not Post.objects.visible_to(reporter).filter(pk=post.pk).exists():
            raise ValidationError(_("This post is not one you can see."))
        report.subject = Subject.POST
        report.post = post
        report.post_text = post.body
        report.post_url = post_url[:300]
        report.reported_user = post.author
        if post.pseudonym_id is not None:
            report.pseudonymous = True
            report.subject_name = post.pseudonym.name
        else:
            report.subject_name = post.author.get_full_name() if post.author else ""
    elif organisation is not None:
        if not Organisation.objects.visible_to(reporter).filter(pk=organisation.pk).exists():
            raise ValidationError(_("This organisation is not one you can see."))
        report.subject = Subject.ORGANISATION
        report.organisation = organisation
        report.subject_name = str(organisation)[:300]
    else:
        if not Person.objects.visible_to(reporter).filter(pk=person.pk).exists():
            raise ValidationError(_("This person is not one you can see."))
        report.subject = Subject.PERSON
        report.person = person
        report.organisation = person.organisation
        report.reported_user = person.user
        report.subject_name = person.name[:300]
    report.save()
    LogEntry.objects.create(user=reporter, action=LogAction.FILED, report=report)
    _alert_officers(report)
    return report


def _alert_officers(report: Report) -> None:
    from django.contrib.auth import get_user_model

    from alliance87.safeguarding.tasks import send_alert_task

    candidates = get_user_model().objects.filter(
        is_active=True, pk__in=Officer.objects.current().values("user_id")
    )
    for officer in candidates:
        if officer.pk == report.reporter_id:
            continue  # an officer who reports knows already
        if not Report.objects.visible_to(officer).filter(pk=report.pk).exists():
            continue  # about them or their organisation
        alert = Alert.objects.create(report=report, officer=officer)
        enqueue_on_commit(send_alert_task, alert.pk)


def _officer_report(report: Report, officer: Any) -> Report:
    """Return `report` locked, if `officer` may handle it; else raise."""
    if not Report.objects.visible_to(officer).filter(pk=report.pk).exists():
        # The views answer 404 first: reaching this is a caller's bug.
        raise ValidationError(_("Only a safeguarding officer handles this report."))
    return Report.objects.select_for_update().get(pk=report.pk)


@service
def handle_report(
    report: Report,
    *,
    status: str,
    note: str = "",
    action_taken: str = "",
    acting_user: Any,
) -> Report:
    """Change a report's status and/or add a note or an action taken."""
    report = _officer_report(report, acting_user)
    note, action_taken = note.strip(), action_taken.strip()
    if status not in Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    for field, text in (("note", note), ("action_taken", action_taken)):
        if len(text) > NOTE_MAX_CHARS:
            raise ValidationError(
                {field: _("Keep it under %(max)d characters.") % {"max": NOTE_MAX_CHARS}}
            )
    if status == report.status and not note and not action_taken:
        raise ValidationError(_("Change the status, or write a note or an action taken."))
    now = timezone.now()
    if status != report.status:
        Handling.objects.create(
            report=report, officer=acting_user, kind=HandlingKind.STATUS, status=status, at=now
        )
        LogEntry.objects.create(
            user=acting_user,
            action=LogAction.STATUS,
            report=report,
            at=now,
        )
        report.status = status
    if note:
        Handling.objects.create(
            report=report, officer=acting_user, kind=HandlingKind.NOTE, text=note, at=now
        )
        LogEntry.objects.create(user=acting_user, action=LogAction.NOTE, report=report, at=now)
    if action_taken:
        Handling.objects.create(
            report=report, officer=acting_user, kind=HandlingKind.ACTION, text=action_taken, at=now
        )
        LogEntry.objects.create(user=acting_user, action=LogAction.ACTION, report=report, at=now)
    report.updated = now
    report.save(update_fields=["status", "updated"])
    return report


@service
def record_reading(report: Report | None, *, what: str, acting_user: Any) -> None:
    """Write in the log that an officer read `report` (None: the list or
    the log, as `what` says)."""
    if not is_officer(acting_user):
        raise ValidationError(_("Only a safeguarding officer reads the reports."))
    if what not in (LogAction.READ, LogAction.LISTED, LogAction.LOG):
        raise ValueError(f"Not a reading: {what!r}")
    LogEntry.objects.create(user=acting_user, action=what, report=report)
