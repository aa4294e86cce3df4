"""Who may do what to API tokens (core.permissions): the owner revokes
their own; the Secretariat, through `may`, any. And the account page's
section on tokens (hooks.PAGE_SECTIONS, page "account")."""

from __future__ import annotations

from typing import Any

from alliance87.core import hooks


def owns_token(user: Any, token: Any) -> bool:
    return getattr(token, "user_id", None) == user.pk


def account_section(user: Any, obj: Any) -> dict[str, Any] | None:
    """The account page's section: how many tokens are live, and where to
    make and revoke them."""
    from alliance87.api.models import ApiToken

    if user is None or not user.is_authenticated:
        return None
    return {"live": ApiToken.objects.usable().filter(user_id=user.pk).count()}


def register() -> None:
    from alliance87.api.models import ApiToken

    hooks.PERMISSION_RULES.register(hooks.PermissionRule("revoke", ApiToken, owns_token))
    hooks.PAGE_SECTIONS.register(
        hooks.PageSection(
            "account", "api-tokens", 50, "api/_account_section.html", account_section
        )
    )
