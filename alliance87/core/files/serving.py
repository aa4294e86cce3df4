"""
How a file is served: through a view that applies its owner's visibility
(`hooks.FILE_OWNERS`), with headers that keep a browser from running it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.views.decorators.http import require_safe

from alliance87.core import hooks
from alliance87.core.files.kinds import sniff


def file_url(obj: Any, field: str = "file") -> str:
    """Return the address of `obj`'s file, served through `serve_file`."""
    name = Path(getattr(obj, field).name).name
    return reverse("serve-file", args=[obj._meta.label_lower, obj.pk, name])


@require_safe
def serve_file(request: HttpRequest, label: str, pk: int, name: str) -> HttpResponseBase:
    """Serve the file of owner `label`/`pk` if the user may see its owner."""
    return file_response(request.user, label, pk, name)


def file_response(user: Any, label: str, pk: int, name: str) -> HttpResponseBase:
    """Return the file of owner `label`/`pk`, named `name`, if `user` may
    see its owner (`hooks.FILE_OWNERS`); raise Http404 alike when it is
    missing or hidden. The site serves it to a session's user, the API to
    a token's (api/endpoints/community.py): one rule for both."""
    registered = hooks.FILE_OWNERS.get(label)
    if registered is None:
        raise Http404
    owner = registered.visible(user).filter(pk=pk).first()
    stored = getattr(owner, registered.field, None) if owner is not None else None
    if not stored or Path(stored.name).name != name:
        raise Http404
    path = Path(settings.MEDIA_ROOT) / stored.name
    if not path.is_file():
        raise Http404
    kind = sniff(path)
    response = _send(path, stored.name)
    response["Content-Type"] = kind.content_type if kind else "application/octet-stream"
    disposition = "inline" if kind is not None and kind.inline else "attachment"
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0, must-revalidate"
    return response


def _send(path: Path, name: str) -> HttpResponseBase:
    mode = settings.FILES_SERVE
    if mode == "x-accel-redirect":
        response = HttpResponse()
        response["X-Accel-Redirect"] = (
            settings.FILES_INTERNAL_PREFIX.rstrip("/") + "/" + quote(name)
        )
        return response
    if mode == "x-sendfile":
        response = HttpResponse()
        response["X-Sendfile"] = str(path)
        return response
    return FileResponse(path.open("rb"))
