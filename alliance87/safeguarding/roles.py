"""The safeguarding officer's role, as the accounts area lists and assigns
it: the Secretariat designates officers on a person's roles page
(`/account/people/<id>/roles/`), and ends their designation there."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy

from alliance87.core import hooks
from alliance87.core.hooks import Holding, RoleKind
from alliance87.safeguarding.models import Officer

KEY = "safeguarding_officer"
LABEL = gettext_lazy("Safeguarding officer")


def holdings(user: Any) -> list[Holding]:
    today = timezone.localdate()
    return [
        Holding(
            KEY,
            LABEL,
            starts_on=officer.start,
            ends_on=officer.end,
            current=officer.start <= today and (officer.end is None or officer.end > today),
            ref=officer,
        )
        for officer in Officer.objects.filter(user=user)
    ]


def assign(user: Any, scope: str, *, acting_user: Any) -> None:
    from alliance87.safeguarding.services import designate_officer

    designate_officer(user, acting_user=acting_user)


def end(ref: Officer, *, user: Any, acting_user: Any) -> None:
    from alliance87.safeguarding.services import end_officer

    end_officer(ref, acting_user=acting_user)


def register_role() -> None:
    hooks.ROLE_KINDS.register(RoleKind(KEY, LABEL, 15, holdings, assign=assign, end=end))
