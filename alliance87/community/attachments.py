"""
Files attached to community posts, through core.files.

- A post carries at most `COMMUNITY_ATTACHMENTS_PER_POST` files, each of at
  most `COMMUNITY_ATTACHMENT_MAX_MB` and of one of the kinds
  `COMMUNITY_ATTACHMENT_KINDS` names (checked by content by
  core.files.store_upload, which writes each file whole or not at all).
- All or nothing: the count and the sizes are checked before anything is
  written; the files are then stored before any row is, and removed again
  if a file is refused or the post is not written (`stored`). A refused
  file changes nothing, the post included.
- Each file is an `Attachment` of its post, served by core.files to
  whoever may read the post in full (`Attachment.objects.visible_to`): a
  hidden or held post's files answer 404 to everyone else.
- An edit that removes a file keeps its row, marked `removed`, linked to
  the revision it belonged to, so the post's history still lists it.
- A person's erasure deletes the files of their posts, rows and bytes
  (`erase_files_of`): a file is likelier than a post's words to hold the
  person themselves (a photograph, a CV), and a conversation reads without
  it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance87.core import files
from alliance87.core.files import DOCUMENT_KINDS, FileKind

logger = logging.getLogger(__name__)

FIELD = "attachments"  # the forms' field, where a refusal is shown
_KINDS = {kind.key: kind for kind in DOCUMENT_KINDS}


def accepted_kinds() -> tuple[FileKind, ...]:
    return tuple(_KINDS[key] for key in settings.COMMUNITY_ATTACHMENT_KINDS if key in _KINDS)


def max_count() -> int:
    return int(settings.COMMUNITY_ATTACHMENTS_PER_POST)


def max_bytes() -> int:
    return int(settings.COMMUNITY_ATTACHMENT_MAX_MB) * 1024 * 1024


def kind_label(key: str) -> str:
    kind = _KINDS.get(key)
    return str(kind.label) if kind else key


def limits_hint() -> str:
    """The sentence that tells a person what they may attach."""
    return _(
        "Up to %(count)s files of %(size)s MB at most each: %(kinds)s. "
        "A refused post keeps no file: choose them again."
    ) % {
        "count": max_count(),
        "size": settings.COMMUNITY_ATTACHMENT_MAX_MB,
        "kinds": files.accepted_labels(accepted_kinds()),
    }


def _refuse(message: str, code: str) -> ValidationError:
    # The code goes on the field's error: a ValidationError made of a dict
    # keeps none of its own (an import reads it: slack/importer.py).
    return ValidationError({FIELD: ValidationError(message, code=code)})


def check(uploads: Sequence[UploadedFile], *, kept: int = 0) -> None:
    """Raise ValidationError unless `uploads`, beside the `kept` files the
    post carries already, are few and small enough (their kinds are checked
    by content when they are stored)."""
    total = kept + len(uploads)
    if uploads and total > max_count():
        if max_count() == 0:
            raise _refuse(_("Posts carry no files on this Hub."), "attachments_off")
        raise _refuse(
            ngettext(
                "A post may carry %(max)s file at most; this one would carry %(n)s.",
                "A post may carry %(max)s files at most; this one would carry %(n)s.",
                max_count(),
            )
            % {"max": max_count(), "n": total},
            "too_many_files",
        )
    for upload in uploads:
        if (upload.size or 0) > max_bytes():
            raise _refuse(
                _("“%(name)s” is %(size)s; a file attached to a post may be %(max)s MB at most.")
                % {
                    "name": _shown_name(upload),
                    "size": filesizeformat(upload.size or 0),
                    "max": settings.COMMUNITY_ATTACHMENT_MAX_MB,
                },
                "file_too_large",
            )


def file_max_mb() -> int:
    """The largest file a post takes, in MB: the attachments' limit, which
    FILE_MAX_MB (core.files) bounds too."""
    return min(max_bytes(), files.max_bytes()) // (1024 * 1024)


def too_large_reason() -> str:
    return _("larger than %(max)s MB") % {"max": file_max_mb()}


def _codes(error: ValidationError) -> set[str]:
    """Return the codes of a refusal, whether or not it names a field."""
    errors = (
        [e for listed in error.error_dict.values() for e in listed]
        if hasattr(error, "error_dict")
        else error.error_list
    )
    return {e.code for e in errors if e.code}


def refusal_reason(error: ValidationError) -> str:
    """Why a post does not take a file (`error`, from attaching it), in a
    few words for the post that names it (an import, a reply by email);
    "" when the refusal is not the file's own (it cannot be stored, the
    person may not attach it): the caller refuses the whole."""
    codes = _codes(error)
    if codes & {"not_saved", "forbidden"} or not codes:
        return ""
    if "kind" in codes:
        return _("not of a kind the Hub accepts")
    if codes & {"too_large", "file_too_large"}:
        return too_large_reason()
    if "too_many_files" in codes:
        count = max_count()
        return ngettext(
            "beyond the %(count)s file a post may carry",
            "beyond the %(count)s files a post may carry",
            count,
        ) % {"count": count}
    if "attachments_off" in codes:
        return _("posts carry no files on this Hub")
    return ""


def _shown_name(upload: UploadedFile) -> str:
    return Path(upload.name or "file").name[:100]


@dataclass(frozen=True)
class Stored:
    """A file written under MEDIA_ROOT, not yet an attachment."""

    name: str  # relative to MEDIA_ROOT
    kind: str
    size: int


@contextlib.contextmanager
def stored(uploads: Sequence[UploadedFile], *, kept: int = 0) -> Iterator[list[Stored]]:
    """Check and store `uploads`, and yield them; remove every one of them
    if one is refused or the block raises (the post was not written)."""
    check(uploads, kept=kept)
    done: list[Stored] = []
    try:
        if uploads:
            folder = f"community/{timezone.now():%Y/%m}/{secrets.token_hex(6)}"
            for upload in uploads:
                try:
                    name = files.store_upload(upload, folder=folder, kinds=accepted_kinds())
                except ValidationError as error:
                    raise _refuse(
                        _("“%(name)s”: %(why)s")
                        % {"name": _shown_name(upload), "why": " ".join(error.messages)},
                        error.code or "file",
                    ) from None
                path = Path(settings.MEDIA_ROOT) / name
                kind = files.sniff(path, name)
                done.append(
                    Stored(name=name, kind=kind.key if kind else "", size=path.stat().st_size)
                )
        yield done
    except BaseException:
        _unlink([s.name for s in done])
        raise


def discard(names: Sequence[str]) -> None:
    """Remove files stored for a post whose writing is undone (their rows
    are rolled back with it)."""
    _unlink(names)


def _unlink(names: Sequence[str]) -> None:
    for name in names:
        with contextlib.suppress(OSError):
            os.unlink(Path(settings.MEDIA_ROOT) / name)


def keep(post: Any, stored_files: Sequence[Stored], *, added: dt.datetime) -> list[Any]:
    """Write the rows of `stored_files`, attached to `post`."""
    from alliance87.community.models import Attachment

    # One by one (a few rows), so that the audit log records each file.
    return [
        Attachment.objects.create(post=post, file=s.name, kind=s.kind, size=s.size, added=added)
        for s in stored_files
    ]


def remove_files_after_commit(names: Sequence[str]) -> None:
    """Delete stored files once the rows that held them are gone for good."""
    names = [n for n in names if n]
    if not names:
        return

    def remove() -> None:
        for name in names:
            try:
                os.unlink(Path(settings.MEDIA_ROOT) / name)
            except FileNotFoundError:
                pass
            except OSError:
                # The row is gone either way; a file left behind costs space.
                logger.exception("Could not remove the attached file %s", name)

    transaction.on_commit(remove)


def erase_files_of(user: Any) -> int:
    """Delete the files of `user`'s posts (current and in their history),
    rows now and bytes after commit; return how many."""
    from alliance87.community.models import Attachment

    rows = Attachment.objects.filter(post__author=user)
    names = list(rows.values_list("file", flat=True))
    rows.delete()
    remove_files_after_commit(names)
    return len(names)


@dataclass(frozen=True)
class ShownFile:
    """A file as a page, an email or the API lists it."""

    id: int  # the attachment's: the API serves it by it
    name: str
    kind: str  # for people: "PDF", "Word"
    content_type: str
    size: int
    url: str  # a path; emails and the API make it absolute


def shown(attachment: Any) -> ShownFile:
    kind = _KINDS.get(attachment.kind)
    return ShownFile(
        id=attachment.pk,
        name=attachment.name,
        kind=kind_label(attachment.kind),
        content_type=kind.content_type if kind else "application/octet-stream",
        size=attachment.size,
        url=files.file_url(attachment),
    )


def shown_by_post(post_ids: Sequence[int]) -> dict[int, list[ShownFile]]:
    """Return the files each post carries now (one query)."""
    from alliance87.community.models import Attachment

    found: dict[int, list[ShownFile]] = {}
    if post_ids:
        for row in Attachment.objects.current().filter(post__in=list(post_ids)):
            found.setdefault(row.post_id, []).append(shown(row))
    return found
