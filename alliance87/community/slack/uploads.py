"""
The files a Slack export carries (slack/export.py names the layouts read
and notes which files the zip holds), read only when a post needs one:
each through a bounded read (what comes out of the decompressor, not what
its header claims), all of them together at most UPLOADS_MAX_BYTES.
"""

from __future__ import annotations

import zipfile
from typing import IO

from django.utils.translation import gettext as _

from alliance87.community.slack.export import Export, ExportRefused

# What the files an export carries may come to once unpacked, together.
UPLOADS_MAX_BYTES = 500 * 1024 * 1024


class Uploads:
    """Read the files an export carries, each bounded by what comes out of
    the decompressor (at most `limit` + 1 bytes: a file larger than the
    limit is told by its length), all of them by UPLOADS_MAX_BYTES."""

    def __init__(self, archive: zipfile.ZipFile, export: Export) -> None:
        self.archive = archive
        self.export = export
        self.total = 0

    def read(self, file_id: str, limit: int) -> bytes | None:
        """Return the content of file `file_id` (cut after `limit` + 1
        bytes), or None when the export does not carry it."""
        member = self.export.uploads.get(file_id)
        if member is None:
            return None
        try:
            with self.archive.open(member) as stream:
                data = stream.read(limit + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as e:
            raise ExportRefused(
                _("%(file)s could not be read from the export (%(error)s).")
                % {"file": member, "error": e}
            ) from None
        self.total += len(data)
        if self.total > UPLOADS_MAX_BYTES:
            raise ExportRefused(
                _(
                    "The files in the export come to more than %(max)s MB once unpacked; "
                    "nothing was imported."
                )
                % {"max": UPLOADS_MAX_BYTES // (1024 * 1024)}
            )
        return data


def open_uploads(file: IO[bytes], export: Export) -> Uploads:
    """Open the export `file` (read by read_export) again to read its
    files; close it with `.archive.close()`."""
    try:
        file.seek(0)
        return Uploads(zipfile.ZipFile(file), export)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ExportRefused(
            _("The export could not be read again; nothing was imported.")
        ) from None
