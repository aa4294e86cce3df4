"""Who may reach the Secretariat's pages of communications."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse

from alliance87.core.visibility import is_secretariat


def secretariat_only(request: HttpRequest) -> HttpResponse | None:
    """Send an anonymous visitor to sign in; answer 404 to anyone but the
    Secretariat (as for a missing page); None lets the Secretariat in."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    return None


def for_secretariat(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Let only the Secretariat reach `view`, as `secretariat_only` says:
    below the decorator that checks the method, so a wrong method is 405
    for everyone."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        refused = secretariat_only(request)
        return refused if refused is not None else view(request, *args, **kwargs)

    return wrapper
