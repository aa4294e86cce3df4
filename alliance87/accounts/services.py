"""
Writes to accounts: invitations, roles, personal data.

Invariants: an invitation is used once and only before it expires; only a
hash of its token is stored. The Secretariat role is the `is_staff` flag;
every change to it is in the audit log. A role kept by another area (a
chair, a focal point) is given and ended here, through the area's
`hooks.RoleKind`, in one transaction. Erasure removes a person's
identifiers (name, contact details, account) but keeps the partnership's
records that mention them, which then name a "former participant"; the
audit log keeps which of their fields changed and who erased the account,
never what the fields held, and no entry records an empty change.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.accounts.models import ErasureRequest, Invitation
from alliance87.accounts.selectors import hash_token
from alliance87.core import hooks
from alliance87.core.hooks import RoleKind
from alliance87.core.services import service
from alliance87.partners.models import Organisation, Person

INVITATION_DAYS = 14
ERASED_NAME = "Former participant"


@service
def invite(
    *,
    email: str,
    acting_user: Any,
    organisation: Organisation | None = None,
    person: Person | None = None,
    accept_url: Any = None,
) -> tuple[Invitation, str]:
    """Create an invitation and email its link; return it and the token."""
    email = get_user_model().objects.normalize_email(email.strip()).lower()
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise ValidationError(_("Someone already has an account with this email address."))
    pending = Invitation.objects.filter(
        email__iexact=email, accepted_at__isnull=True, expires__gt=timezone.now()
    )
    if pending.exists():
        raise ValidationError(_("An invitation to this address is still waiting to be used."))
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email,
        token_hash=hash_token(token),
        organisation=organisation,
        person=person,
        invited_by=acting_user,
        expires=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    link = accept_url(token) if accept_url else token
    body = render_to_string(
        "accounts/email/invitation.txt",
        {"link": link, "days": INVITATION_DAYS, "organisation": organisation},
    )
    transaction.on_commit(
        lambda: send_mail(
            _("Your invitation to the Alliance 8.7 Hub"),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [email],
        )
    )
    return invitation, token


@service
def invite_if_new(
    *, email: str, acting_user: Any, organisation: Organisation | None = None, language: str = "en"
) -> Invitation | None:
    """Invite `email` unless it has an account or an invitation waiting.

    Used when the Secretariat accepts an application: the applicant can
    then create an account for the organisation.
    """
    from django.urls import reverse
    from django.utils import translation

    address = email.strip().lower()
    if get_user_model().objects.filter(email__iexact=address).exists():
        return None
    if Invitation.objects.filter(
        email__iexact=address, accepted_at__isnull=True, expires__gt=timezone.now()
    ).exists():
        return None

    def accept_url(token: str) -> str:
        with translation.override(language):
            path = reverse("accounts:accept-invitation", args=[token])
        return settings.SITE_URL.rstrip("/") + path

    invitation, _token = invite(
        email=address, organisation=organisation, acting_user=acting_user, accept_url=accept_url
    )
    return invitation


@service
def accept_invitation(invitation: Invitation, *, user: Any, acting_user: Any) -> None:
    """Mark the invitation used and link the new account to its person.

    `acting_user` is the new account itself, signing up.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."))
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation.save(update_fields=["accepted_at", "accepted_user"])
    person = invitation.person
    if person is None:
        person = Person.objects.filter(email__iexact=user.email, user__isnull=True).first()
    if person is None:
        from django.utils.text import slugify

        base = slugify(user.email.split("@")[0]) or "person"
        slug = base
        n = 1
        while Person.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        person = Person(slug=slug, name=user.email.split("@")[0], email=user.email)
    if invitation.organisation_id and not person.organisation_id:
        person.organisation = invitation.organisation
    person.user = user
    person.save()


@service
def set_secretariat(user: Any, *, on: bool, acting_user: Any) -> None:
    """Give or take away the Secretariat role (the back office's staff flag)."""
    if not on and user.pk == getattr(acting_user, "pk", None):
        raise ValidationError(_("You cannot remove your own Secretariat role."))
    if user.is_staff != on:
        user.is_staff = on
        user.save(update_fields=["is_staff"])


@service
def link_to_organisation(
    user: Any, *, organisation: Organisation | None, acting_user: Any
) -> None:
    """Make `user` a member of `organisation` (None: of none)."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        if organisation is None:
            return
        person = Person(slug=f"user-{user.pk}", name=user.get_full_name() or user.email)
        person.user = user
    person.organisation = organisation
    person.save()


@service
def assign_role(user: Any, *, kind: RoleKind, scope: str, acting_user: Any) -> None:
    """Give `user` a role of `kind` for `scope`, through the area that keeps it."""
    if kind.assign is None:
        # The form offers only the kinds that can be given: a caller's bug.
        raise ValueError(f"The role {kind.key!r} is not given through the Hub.")
    kind.assign(user, scope, acting_user=acting_user)


@service
def end_role(user: Any, *, kind: RoleKind, ref: Any, acting_user: Any) -> None:
    """End the role `ref` of `kind` held by `user`; it stays in the history."""
    if kind.end is None:
        # The view answers 404 for such a kind first: a caller's bug.
        raise ValueError(f"The role {kind.key!r} is not ended through the Hub.")
    kind.end(ref, user=user, acting_user=acting_user)


# --- Personal data ----------------------------------------------------------


@service
def request_erasure(user: Any, *, reason: str = "", acting_user: Any) -> ErasureRequest:
    """Record a person's request for erasure, for the Secretariat to act on."""
    if ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.REQUESTED).exists():
        raise ValidationError(_("Your request is already with the Secretariat."))
    person = Person.objects.filter(user=user).first()
    erasure = ErasureRequest.objects.create(user=user, person=person, reason=reason[:2000])
    transaction.on_commit(
        lambda: send_mail(
            _("Erasure request"),
            _("A person has asked for their personal data to be erased."),
            settings.DEFAULT_FROM_EMAIL,
            [settings.DEFAULT_FROM_EMAIL],
        )
    )
    return erasure


@service
def erase(erasure: ErasureRequest, *, acting_user: Any) -> None:
    """Remove the person's identifiers; keep the records that mention them."""
    erasure = ErasureRequest.objects.select_for_update().get(pk=erasure.pk)
    if erasure.status != ErasureRequest.Status.REQUESTED:
        raise ValidationError(_("This request has already been handled."))
    user = erasure.user
    _erase_person(person=erasure.person, user=user)
    erasure.status = ErasureRequest.Status.DONE
    erasure.handled_at = timezone.now()
    erasure.handled_by = acting_user
    erasure.user = None
    erasure.person = erasure.person if erasure.person_id else None
    erasure.save()


def _erase_person(*, person: Person | None, user: Any) -> None:
    """Strip identifiers from the person and delete the account.

    Records that mention the person (minutes, questions asked, action items)
    keep pointing at the same row, which now names a former participant.
    The audit trail keeps when which of the person's fields changed and who
    erased the account, never what the fields held.
    """
    for contribution in hooks.PERSONAL_DATA.items():
        if contribution.erase is not None:
            contribution.erase(user, person)
    if person is not None:
        person.name = f"{ERASED_NAME} {person.pk}"
        person.slug = f"erased-{person.pk}"
        person.email = ""
        person.phone = ""
        for code in ("en", "fr", "es"):
            setattr(person, f"position_{code}", "")
        person.position = ""
        person.user = None
        person.save()
        # Not clear(): auditlog would log every theme as removed.
        person.expertise.set([])
        # The person's own history held the name and contact details.
        history = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(person)),
            object_pk=str(person.pk),
        )
        for pk, changes in history.values_list("pk", "changes"):
            # update(), not save(): auditlog would give an entry without an
            # author the author of this service.
            LogEntry.objects.filter(pk=pk).update(
                changes=_erased_changes(changes),
                changes_text="",
                object_repr=person.name,
                serialized_data=None,
            )
    if user is not None:
        # Changes the person made keep their place in the trail, without
        # the email or address that identified them.
        LogEntry.objects.filter(actor=user).update(
            actor=None, actor_email="", remote_addr=None, remote_port=None
        )
        user_type = ContentType.objects.get_for_model(get_user_model())
        LogEntry.objects.filter(content_type=user_type, object_pk=str(user.pk)).delete()
        # The account's deletion, under the Secretariat member who erased
        # it; its fields held the identifiers, so the entry names only the id.
        LogEntry.objects.log_create(
            user,
            action=LogEntry.Action.DELETE,
            changes={"id": [str(user.pk), "None"]},
            object_repr=f"{ERASED_NAME} (account {user.pk})",
        )
        with disable_auditlog():
            user.delete()


ERASED_VALUE = "(erased)"


def _erased_changes(changes: Any) -> dict[str, Any]:
    """Return `changes` with which fields changed, and none of their values."""
    erased: dict[str, Any] = {}
    for name, change in (changes or {}).items():
        if isinstance(change, dict):  # a many-to-many change
            objects = [ERASED_VALUE] * len(change.get("objects", []))
            erased[name] = {**change, "objects": objects}
        else:
            erased[name] = [ERASED_VALUE, ERASED_VALUE]
    return erased
