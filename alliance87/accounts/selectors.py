from __future__ import annotations

import hashlib
from typing import Any

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpRequest
from django.utils import timezone

from alliance87.accounts.models import Invitation
from alliance87.core.text import parse_id

# Where the invitation's token waits between its link and the sign-up form.
INVITATION_SESSION_KEY = "a87_invitation"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def find_invitation(token: str) -> Invitation | None:
    """Return the unused, unexpired invitation for `token`, or None."""
    if not token or len(token) > 100:
        return None
    return Invitation.objects.filter(
        token_hash=hash_token(token), accepted_at__isnull=True, expires__gt=timezone.now()
    ).first()


def invitation_from_session(request: HttpRequest) -> Invitation | None:
    token = request.session.get(INVITATION_SESSION_KEY) if hasattr(request, "session") else None
    return find_invitation(token) if token else None


def get_user_for_secretariat(user_id: int) -> Any:
    try:
        return get_user_model().objects.select_related("person__organisation").get(pk=user_id)
    except get_user_model().DoesNotExist:
        raise Http404("No such account.") from None


def list_accounts(q: str = "") -> Any:
    qs = get_user_model().objects.select_related("person__organisation").order_by("email")
    if q:
        qs = qs.filter(email__icontains=q) | qs.filter(person__name__icontains=q)
    return qs


def history_of(model_label: str, pk: str) -> tuple[Any, list[LogEntry]]:
    """Return an object (or its last known name) and its audit trail."""
    try:
        app_label, model_name = model_label.split(".", 1)
        content_type = ContentType.objects.get(app_label=app_label, model=model_name)
    except (ValueError, ContentType.DoesNotExist):
        raise Http404("No such kind of object.") from None
    model = content_type.model_class()
    if model is not None and not auditlog.contains(model):
        # Only what the audit log follows has a history here: a model kept
        # out of it (safeguarding's reports) is for other eyes than the
        # Secretariat's, and answers as a missing one.
        raise Http404("No such kind of object.")
    entries = list(
        LogEntry.objects.filter(content_type=content_type, object_pk=str(pk))
        .select_related("actor")
        .order_by("-timestamp", "-pk")[:500]
    )
    row_id = parse_id(pk)
    obj = None
    if model is not None and row_id is not None:
        obj = model._default_manager.filter(pk=row_id).first()
    if obj is None and not entries:
        raise Http404("No history for this object.")
    return obj or (entries[0].object_repr if entries else ""), entries
