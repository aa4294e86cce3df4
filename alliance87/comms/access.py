"""Who may reach the Secretariat's pages of communications."""

from __future__ import annotations

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
