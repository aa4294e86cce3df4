"""
The Hub's documents as files: an address of the Hub's files, or a title
searched for, leads to the owner row `user` may see (`hooks.FILE_OWNERS`),
as `serve_file` would find it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.urls import Resolver404, resolve

from alliance87.core import hooks
from alliance87.core.files.serving import serve_file
from alliance87.core.text import fold, parse_id


class NotAHubDocument(Exception):
    """An address of the Hub's files that names no file `user` may see."""


def document_at(address: str, host: str, user: Any) -> Any | None:
    """Return the Hub document whose file `address` serves (a row of a
    `hooks.FILE_OWNERS` model, as `serve_file` would find it for `user`),
    or None when `address` is not one of this Hub's file addresses (on
    `host`). Raise NotAHubDocument for a file address that serves nothing
    to `user`: a typo, or a document they may not see."""
    parts = urlsplit(address)
    if parts.netloc.lower() != host.lower():
        return None
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return None
    if match.func is not serve_file:
        return None
    label, pk, name = match.kwargs["label"], match.kwargs["pk"], match.kwargs["name"]
    registered = hooks.FILE_OWNERS.get(label)
    owner = registered.visible(user).filter(pk=pk).first() if registered else None
    stored = getattr(owner, registered.field, None) if owner is not None and registered else None
    if not stored or Path(stored.name).name != name:
        raise NotAHubDocument(address)
    return owner


def match_documents(user: Any, text: str, limit: int) -> list[tuple[str, str]]:
    """Return (value, name) of the first `limit` Hub documents `user` may
    see (each owner's own `visible`, as `serve_file`) that hold a file and
    whose `search_names` (their titles in every language, and what else
    their owner finds them by: a meeting's name, a file's name) contain
    `text`, ignoring case and accents (`fold`), by name. A value
    ("events.document:12") names the document for `document_named`.

    The database filters, visibility first, and returns at most `limit`
    rows per owner: one query per citable owner, whatever the number of
    documents."""
    folded = fold(text.replace("\x00", ""))
    if not folded:
        return []
    found: list[tuple[str, str]] = []
    for owner in hooks.FILE_OWNERS.items():
        if not owner.search:
            continue
        rows = (
            owner.visible(user)
            .exclude(**{owner.field: ""})
            .filter(**{f"{owner.search}__contains": folded})
            .order_by(owner.title or "pk", "pk")
        )
        # The row its name is read from ("resource" of "resource__title"),
        # read in the same query.
        related = owner.title.rpartition("__")[0]
        if related:
            rows = rows.select_related(related)
        found += [(f"{owner.label}:{row.pk}", str(row)) for row in rows[:limit]]
    found.sort(key=lambda pair: (fold(pair[1]), pair[0]))
    return found[:limit]


def document_named(user: Any, value: str) -> Any | None:
    """Return the Hub document `value` names ("events.document:12", as
    `match_documents` gives it) if `user` may see it and it holds a file;
    None otherwise (missing and hidden alike)."""
    label, _, pk = value.partition(":")
    registered = hooks.FILE_OWNERS.get(label)
    row_id = parse_id(pk)
    if registered is None or not registered.search or row_id is None:
        return None
    owner = registered.visible(user).filter(pk=row_id).first()
    return owner if owner is not None and getattr(owner, registered.field, None) else None
