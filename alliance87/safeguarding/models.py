"""
Safeguarding: concerns reported about a community post, an organisation or
a person, read and handled by the designated safeguarding officers only.

Who sees what (selectors.py and the views ask nothing else):

- `Report.objects.visible_to(user)`: every report for a current
  safeguarding officer (`Officer`), except the reports about that officer
  (their post, their person) or about their own organisation; nothing for
  anyone else, the Secretariat included, as the brief of issue 13 item 7
  says: a report goes only to the officers.
- `Report.objects.filed_by(user)`: the reporter's own reports, whose status
  (never the officers' notes) their page shows.

Every reading of a report or of the list by an officer, and every change,
writes a `LogEntry` (services.py): the confidential log, itself read only
by officers. None of these models is in django-auditlog, the admin, the
search index, the API or any export (apps.py, docs/safeguarding.md).
"""

from __future__ import annotations

from typing import Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubManager, HubQuerySet

WHAT_HAPPENED_MAX_CHARS = 10_000
NOTE_MAX_CHARS = 10_000


class OfficerQuerySet(HubQuerySet):
    def current(self) -> Self:
        today = timezone.localdate()
        return self.filter(Q(start__lte=today), Q(end__isnull=True) | Q(end__gt=today))


class Officer(models.Model):
    """A designation of a safeguarding officer by the Secretariat (a role
    kind of accounts.roles: roles.py), from `start` until `end`, the first
    day no longer held (ending a designation today stops it at once)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="safeguarding_roles"
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True)

    objects = OfficerQuerySet.as_manager()

    class Meta:
        ordering = ["-start", "-pk"]
        verbose_name = _("safeguarding officer")
        verbose_name_plural = _("safeguarding officers")

    def __str__(self) -> str:
        return str(self.user)


def is_officer(user: Any) -> bool:
    """Return whether `user` is a current safeguarding officer (asked once
    per request: the answer is kept on the user object, where the page
    cache drops it before a page renders, as core.visibility's audience)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    known = getattr(user, "_a87_safeguarding_officer", None)
    if known is None:
        known = Officer.objects.current().filter(user=user).exists()
        setattr(user, "_a87_safeguarding_officer", known)  # noqa: B010 - kept on the user
    return bool(known)


class Category(models.TextChoices):
    ABUSE = "abuse", _("Abuse or exploitation")
    HARASSMENT = "harassment", _("Harassment, threats or bullying")
    IDENTITY = "identity", _("Someone's identity or safety is exposed (a survivor, a witness)")
    CHILD = "child", _("A child may be at risk")
    OTHER = "other", _("Something else")


class Contact(models.TextChoices):
    EMAIL = "email", _("By email, at the address I sign in with")
    HUB = "hub", _("Only through this site: I will check the status of my report")
    NONE = "none", _("Please do not contact me")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    REVIEWING = "reviewing", _("Being looked into")
    ACTED = "acted", _("Action taken")
    CLOSED = "closed", _("Closed")


class Subject(models.TextChoices):
    POST = "post", _("A community post")
    ORGANISATION = "organisation", _("An organisation")
    PERSON = "person", _("A person")


class ReportQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the reports `user` may read as a safeguarding officer:
        none unless they are one, never those about themselves."""
        if not is_officer(user):
            return self.none()
        own = Q(reported_user=user) | Q(person__user=user)
        organisation_id = (
            user.person.organisation_id if getattr(user, "person", None) is not None else None
        )
        if organisation_id is not None:
            own |= Q(organisation_id=organisation_id) | Q(person__organisation_id=organisation_id)
        return self.exclude(own)

    def filed_by(self, user: Any) -> Self:
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(reporter=user)


class Report(models.Model):
    """A concern reported about a post, an organisation or a person."""

    # None once the reporter's account is erased: the report stays.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="safeguarding_reports_made",
    )
    subject = models.CharField(_("about"), max_length=12, choices=Subject.choices)
    post = models.ForeignKey(
        "community.Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The post's text and address when the report was made: the post may
    # be edited or removed afterwards.
    post_text = models.TextField(blank=True)
    post_url = models.CharField(max_length=300, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        "partners.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The account the concern is about, when there is one (the post's
    # author, the person's account): never told, never shown the report.
    reported_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_name = models.CharField(max_length=300, blank=True)
    # A post written under a pseudonym: `subject_name` is the pseudonym,
    # and the officers' pages name no account (only the Secretariat links
    # a pseudonym to one: docs/safeguarding.md).
    pseudonymous = models.BooleanField(default=False)
    category = models.CharField(_("what kind of concern"), max_length=12, choices=Category.choices)
    what_happened = models.TextField(_("what happened"), max_length=WHAT_HAPPENED_MAX_CHARS)
    contact = models.CharField(
        _("how to contact you"), max_length=8, choices=Contact.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.RECEIVED
    )
    created = models.DateTimeField(_("reported"), default=timezone.now)
    updated = models.DateTimeField(_("last changed"), default=timezone.now)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("safeguarding report")
        verbose_name_plural = _("safeguarding reports")

    def __str__(self) -> str:
        # Says nothing of the report: a name may reach a log or an error page.
        return f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("safeguarding:report", args=[self.pk])


class HandlingKind(models.TextChoices):
    STATUS = "status", _("Status changed")
    NOTE = "note", _("Note")
    ACTION = "action", _("Action taken")


class Handling(models.Model):
    """One step of a report's handling, written by an officer."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="handling")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=8, choices=HandlingKind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, blank=True)
    text = models.TextField(blank=True, max_length=NOTE_MAX_CHARS)
    at = models.DateTimeField(default=timezone.now)

    objects = HubManager()

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"#{self.report_id} {self.kind}"


class LogAction(models.TextChoices):
    FILED = "filed", _("Report made")
    ALERTED = "alerted", _("Officer alerted by email")
    LISTED = "listed", _("Read the list of reports")
    READ = "read", _("Read the report")
    STATUS = "status", _("Changed the status")
    NOTE = "note", _("Wrote a note")
    ACTION = "action", _("Recorded an action")
    LOG = "log", _("Read the log")


class LogEntryQuerySet(HubQuerySet):
    def visible_to(self, user: Any) -> Self:
        """Return the log's entries `user` may read: an officer reads the
        entries of the reports they may read, and those of no report."""
        if not is_officer(user):
            return self.none()
        readable = Report.objects.visible_to(user).values("pk")
        return self.filter(Q(report__isnull=True) | Q(report_id__in=readable))


class LogEntry(models.Model):
    """Who read or changed what, when: the confidential log."""

    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=8, choices=LogAction.choices)
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="log"
    )
    detail = models.CharField(max_length=200, blank=True)

    objects = LogEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.action} #{self.report_id}"


class AlertState(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENDING = "sending", _("being sent")
    SENT = "sent", _("sent")
    DROPPED = "dropped", _("not sent: no longer an officer")


class Alert(models.Model):
    """The email telling one officer of a new report (a link, no content)."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="alerts")
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=8, choices=AlertState.choices, default=AlertState.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    sent = models.DateTimeField(null=True, blank=True)

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "officer"], name="one_alert_per_officer")
        ]

    def __str__(self) -> str:
        return f"#{self.report_id} to {self.officer_id}"


# Kept out of django-auditlog (apps.py), the admin and every export. The
# designations (Officer) stay in it: who named whom is the Secretariat's.
CONFIDENTIAL: list[type[models.Model]] = [Report, Handling, LogEntry, Alert]
