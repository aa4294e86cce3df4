"""
Where a file that a Slack export carries goes: `attach`, the one function
the import calls for each file (docs/slack-import.md, "Files").

Until the community's posts take attachments of their own (issue 13, item
2), a file is stored through core.files.store_upload (checked by content
and size, written whole or not at all) as a `SlackFile` of its post, served
by core.files with the post's visibility (hooks.FILE_OWNERS, registered in
community/apps.py), and linked from the post. When posts take
attachments, `attach` calls their service instead and returns no link: the
post shows its attachments itself. Nothing else of the import changes.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from alliance87.community.models import SLACK_FILES_FOLDER, Post, SlackFile
from alliance87.community.slack.mrkdwn import escape
from alliance87.core.files import file_url, store_upload
from alliance87.core.services import service


@dataclass(frozen=True)
class Attached:
    # The stored file's name under MEDIA_ROOT: the import removes it if it
    # is undone (a refusal later on, a dry run).
    stored: str
    # Markdown the post adds for it ("" when the page shows attachments).
    link: str


@service
def attach(post: Post, upload: UploadedFile, *, acting_user: Any) -> Attached:
    """Store `upload` as a file of `post`; raise ValidationError (code
    "kind", "too_large" or "not_saved") when it is refused."""
    stored = store_upload(upload, folder=SLACK_FILES_FOLDER)
    try:
        row = SlackFile.objects.create(post=post, file=stored, name=(upload.name or "file")[:200])
    except Exception:
        with contextlib.suppress(OSError):
            (Path(settings.MEDIA_ROOT) / stored).unlink()
        raise
    return Attached(stored=stored, link=f"[{escape(row.name)}](<{file_url(row)}>)")
