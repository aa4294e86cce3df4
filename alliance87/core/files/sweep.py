"""
Stored files that no row names any more: removed after a day.

Each area removes the file of a row it removes, once the removal commits
(`remove_file_after_commit`), and a write that fails removes what it had
stored. What neither reaches: a file stored inside a transaction that an
enclosing block then rolled back (the row that named it is gone with the
transaction, the file stays), and what a worker killed mid-write left.
Such files are never served (a file is served only through its row), but
they take space and, for a community post, keep words their author saw
refused.

`sweep()` lists every name the file fields of every installed model hold,
then walks the folders under MEDIA_ROOT (which holds the Hub's uploads
and nothing else: every upload is stored in a folder of it), and removes
a file that no row names and that was last written more than
`FILES_ORPHAN_HOURS` ago (a file is stored a moment before the row that
names it commits; imports keep theirs while they are previewed). Files
at MEDIA_ROOT's top, folders whose names start with a dot, and links are
left alone. The workers run it every day (settings.TASKS_SCHEDULE,
`files-sweep`); `alliance87 sweep_files` runs it at once (`--dry-run` lists
what it would remove).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

from alliance87.core.tasks import task

logger = logging.getLogger(__name__)


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    """Every file field of every installed model (concrete, not proxies)."""
    return [
        (model, f)
        for model in apps.get_models()
        if not model._meta.proxy
        for f in model._meta.concrete_fields
        if isinstance(f, models.FileField)
    ]


def named_files() -> set[str]:
    """Every stored name a row holds, relative to MEDIA_ROOT."""
    names: set[str] = set()
    for model, f in file_fields():
        rows = model._base_manager.exclude(**{f.name: ""}).exclude(**{f"{f.name}__isnull": True})
        names.update(rows.values_list(f.name, flat=True).iterator(chunk_size=2000))
    return names


def upload_folders(root: Path) -> list[Path]:
    """The folders under MEDIA_ROOT that uploads are stored in."""
    folders = (p for p in root.iterdir() if not p.name.startswith("."))
    return sorted(p for p in folders if p.is_dir() and not p.is_symlink())


@dataclass
class Swept:
    removed: list[str] = field(default_factory=list)  # names relative to MEDIA_ROOT
    kept_recent: int = 0  # orphans younger than the grace period
    failed: list[str] = field(default_factory=list)


def sweep(*, now: dt.datetime | None = None, dry_run: bool = False) -> Swept:
    """Remove the stored files no row names, last written before the grace
    period; with `dry_run`, only say which."""
    root = Path(settings.MEDIA_ROOT)
    swept = Swept()
    if not root.is_dir():
        return swept
    # Read the names first: a file stored after this read is younger than
    # the grace period, so it is kept whether its row commits or not.
    names = named_files()
    grace = dt.timedelta(hours=settings.FILES_ORPHAN_HOURS)
    cutoff = ((now or timezone.now()) - grace).timestamp()
    for top in upload_folders(root):
        for directory, subdirectories, filenames in os.walk(top):
            subdirectories[:] = [d for d in subdirectories if not Path(directory, d).is_symlink()]
            for filename in filenames:
                path = Path(directory, filename)
                name = path.relative_to(root).as_posix()
                if name in names or path.is_symlink():
                    continue
                try:
                    if path.stat().st_mtime > cutoff:
                        swept.kept_recent += 1
                        continue
                    if not dry_run:
                        path.unlink()
                except FileNotFoundError:
                    continue
                except OSError:
                    logger.exception("Could not remove the unnamed file %s", name)
                    swept.failed.append(name)
                    continue
                swept.removed.append(name)
    if swept.removed and not dry_run:
        logger.info("Removed %d stored files no row names", len(swept.removed))
    return swept


@task()
def sweep_files_task() -> int:
    """The workers' daily sweep (settings.TASKS_SCHEDULE, `files-sweep`)."""
    return len(sweep().removed)
