from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubManager


class Invitation(models.Model):
    """An invitation to create an account, with the roles it brings.

    Only a hash of the token is stored: the link in the email is the only
    copy of the secret.
    """

    email = models.EmailField(_("email"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        help_text=_("The directory entry the new account belongs to, if known."),
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    roles = models.JSONField(_("roles"), default=list, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = HubManager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email


class ErasureRequest(models.Model):
    """A person's request to erase their personal data."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        DONE = "done", _("Erased")
        REFUSED = "refused", _("Refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    person = models.ForeignKey(
        "partners.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    created = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = HubManager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")

    def __str__(self) -> str:
        return f"{self.get_status_display()} ({self.created:%Y-%m-%d})"
