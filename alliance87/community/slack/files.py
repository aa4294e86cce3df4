"""
Where a file that a Slack export carries goes: `attach`, the one function
the import calls for each file (docs/slack-import.md, "Files").

A file is attached to its post as any other post's file is
(community.services.attach_file: the limits of count, size and kind of
community/attachments.py, the file checked by content and written whole or
not at all), dated with its Slack message. The thread's page shows a
post's attachments itself, so the post's text gets no link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from alliance87.community import services
from alliance87.community.models import Post
from alliance87.core.services import service


@dataclass(frozen=True)
class Attached:
    # The stored file's name under MEDIA_ROOT: the import removes it if it
    # is undone (a refusal later on, a dry run).
    stored: str
    # Markdown the post adds for it ("": the page shows attachments).
    link: str


@service
def attach(
    post: Post, upload: UploadedFile, *, acting_user: Any, added: dt.datetime | None = None
) -> Attached:
    """Attach `upload` to `post` (at `added`, by default the post's time);
    raise ValidationError when it is refused (its codes: attachments.py's
    and core.files's)."""
    attachment = services.attach_file(post, upload, acting_user=acting_user, added=added)
    return Attached(stored=attachment.file.name, link="")
