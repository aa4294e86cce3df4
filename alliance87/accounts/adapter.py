"""How django-allauth fits the Hub: sign-up only by invitation."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

INVITATION_SESSION_KEY = "a87_invitation"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Open sign-up only to someone holding a valid invitation."""
        from alliance87.accounts.selectors import invitation_from_session

        return invitation_from_session(request) is not None

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        from alliance87.accounts.selectors import invitation_from_session
        from alliance87.accounts.services import accept_invitation

        user = super().save_user(request, user, form, commit=commit)
        invitation = invitation_from_session(request)
        if invitation is not None and commit:
            accept_invitation(invitation, user=user)
            request.session.pop(INVITATION_SESSION_KEY, None)
        return user
