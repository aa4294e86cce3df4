"""How django-allauth fits the Hub: sign-up only by invitation."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from alliance87.accounts import services
from alliance87.accounts.selectors import INVITATION_SESSION_KEY, invitation_from_session


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Open sign-up only to someone holding a valid invitation."""
        return invitation_from_session(request) is not None

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        invitation = invitation_from_session(request)
        if invitation is not None and commit:
            services.accept_invitation(invitation, user=user, acting_user=user)
            request.session.pop(INVITATION_SESSION_KEY, None)
        return user
