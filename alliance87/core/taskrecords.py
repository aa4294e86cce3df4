"""What the Secretariat sees of background work that did not go well, and
the marks that let several workers run one schedule.

A `TaskRecord` is one task call (its task and arguments) that is not done:
its queue could not be reached, it failed and waits for its next try, it
failed every try, or a worker stopped in the middle of it. The row is
written by core/tasks.py and deleted when the call succeeds; the
Secretariat's page (/secretariat/tasks/) lists the rows and queues a call
again. It lives in the database on both tiers, so it survives a Redis
outage and reads the same whichever queue runs the tasks.

A `ScheduledRun` marks one period of one scheduled job as queued: the row
is unique, so however many workers run the schedule (core/schedule.py),
one of them queues the job for that period, once.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubManager


class TaskState(models.TextChoices):
    UNQUEUED = "unqueued", _("Not queued yet")
    WAITING = "waiting", _("Waiting to try again")
    FAILED = "failed", _("Failed")
    UNCERTAIN = "uncertain", _("Stopped mid-way")


class TaskRecord(models.Model):
    key = models.CharField(max_length=64, unique=True)
    task_path = models.CharField(max_length=300)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    state = models.CharField(max_length=10, choices=TaskState.choices)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_try = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = HubManager()

    class Meta:
        ordering = ["-updated", "-pk"]
        indexes = [models.Index(fields=["state", "next_try"])]
        verbose_name = _("background task record")

    def __str__(self) -> str:
        return f"{self.task_path}{tuple(self.args)} [{self.state}]"

    @property
    def may_retry(self) -> bool:
        """Whether the page offers to queue it again: never a call that
        stopped mid-way (it may have had its effect: an email sent twice is
        worse than one the Secretariat sends by hand)."""
        return self.state != TaskState.UNCERTAIN


class ScheduledRun(models.Model):
    job = models.CharField(max_length=100)
    period = models.BigIntegerField()
    queued = models.DateTimeField(auto_now_add=True)

    objects = HubManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "period"], name="core_scheduledrun_once")
        ]
        verbose_name = _("scheduled run")

    def __str__(self) -> str:
        return f"{self.job} #{self.period}"
