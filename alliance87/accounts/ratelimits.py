"""
Sign-in limits that a stranger cannot turn against an account's owner.

allauth counts failed sign-ins per address and per account ("login_failed":
"10/m/ip,5/5m/key"), with the account's email as the key: five wrong
passwords typed anywhere locked the real owner out. Here the key is the
address and the account together, so the owner, signing in from their own
address, is never locked out by someone else; a guesser is still stopped
per account at their own address, and per address across all accounts.

allauth keeps its counts in Django's default cache, which a Redis outage
empties and which, on one machine, each process keeps to itself: counts go
to the shared, outage-proof store of alliance87.core.ratelimit instead.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.utils.connection import ConnectionProxy

from alliance87.core.ratelimit import ALIAS


def use_shared_store() -> None:
    """Make allauth count in the `ratelimit` cache alias: its rate limits,
    and the second-factor codes already used (each code signs in once; a
    Redis outage made every code read as used, and each process kept its
    own list)."""
    from allauth.core.internal import ratelimit
    from allauth.mfa.totp.internal import auth

    ratelimit.cache = ConnectionProxy(caches, ALIAS)
    auth.cache = ConnectionProxy(caches, ALIAS)


def login_attempts_key(request: Any, email: str) -> str:
    """Return the key failed sign-ins are counted under: address and account."""
    from allauth.core.internal.ratelimit import get_ip

    return f"{get_ip(request)}|{email.lower()}"
