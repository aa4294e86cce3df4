"""
How an upload is stored: checked, then written under MEDIA_ROOT whole or
not at all; and removed once nothing refers to it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from alliance87.core.files.kinds import DOCUMENT_KINDS, FileKind, accepted_labels, max_bytes, sniff

logger = logging.getLogger(__name__)


def _too_large(size: int, max_mb: int | None = None) -> ValidationError:
    return ValidationError(
        _("The file is %(size)s MB; the largest accepted is %(limit)s MB.")
        % {
            "size": f"{size / 1024 / 1024:.1f}",
            "limit": settings.FILE_MAX_MB if max_mb is None else max_mb,
        },
        code="too_large",
    )


def store_upload(
    upload: UploadedFile,
    *,
    folder: str,
    kinds: tuple[FileKind, ...] = DOCUMENT_KINDS,
    max_mb: int | None = None,
) -> str:
    """Check `upload` and write it under MEDIA_ROOT/`folder`, whole or not at
    all; return its name relative to MEDIA_ROOT. `max_mb` is the largest
    accepted, FILE_MAX_MB unless given.

    Raise ValidationError, with a sentence a person can act on, when the
    file is too large, of a kind not accepted, or cannot be written.
    """
    limit = max_bytes(max_mb)
    if upload.size is not None and upload.size > limit:
        raise _too_large(upload.size, max_mb)
    target_folder = Path(settings.MEDIA_ROOT) / folder
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target_folder, prefix=".upload-", suffix=".part")
    except OSError as e:
        raise _not_saved(e) from None
    tmp = Path(tmp_name)
    try:
        written = 0
        with os.fdopen(fd, "wb") as out:
            for chunk in upload.chunks():
                written += len(chunk)
                if written > limit:
                    raise _too_large(written, max_mb)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        name = get_valid_filename(Path(upload.name or "file").name) or "file"
        kind = sniff(tmp, name)
        if kind is None or kind not in kinds:
            raise ValidationError(
                _(
                    "This file's content is not of an accepted kind. Accepted: %(kinds)s. "
                    "(The file's name is not enough: its content is checked.)"
                )
                % {"kinds": accepted_labels(kinds)},
                code="kind",
            )
        stem = Path(name).stem[:80] or "file"
        return str(
            _link_unique(tmp, target_folder, stem, kind.extension).relative_to(settings.MEDIA_ROOT)
        )
    except OSError as e:
        raise _not_saved(e) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _link_unique(tmp: Path, folder: Path, stem: str, extension: str) -> Path:
    # link() refuses to overwrite: a name another upload took meanwhile is
    # skipped, never replaced.
    for counter in range(1000):
        target = folder / (
            f"{stem}{extension}" if counter == 0 else f"{stem}-{counter}{extension}"
        )
        try:
            os.link(tmp, target)
        except FileExistsError:
            continue
        return target
    raise FileExistsError(str(folder / stem))


def _not_saved(error: OSError) -> ValidationError:
    return ValidationError(
        _("The file could not be saved (%(reason)s); nothing was kept. Try again.")
        % {"reason": error.strerror or error.__class__.__name__},
        code="not_saved",
    )


def remove_file_after_commit(model: type[models.Model], field: str, name: str) -> None:
    """Remove the stored file `name` once the change that freed it (a row
    of `model` removed, or given another file in `field`) is committed,
    unless a row of `model` still refers to it. A rolled-back change keeps
    it."""
    if not name:
        return

    def remove() -> None:
        if model._default_manager.filter(**{field: name}).exists():
            return
        try:
            model._meta.get_field(field).storage.delete(name)  # type: ignore[union-attr]
        except Exception:
            # The row no longer names it; a file left behind costs space only.
            logger.exception("Could not remove the file %s", name)

    transaction.on_commit(remove)
