"""
Writes to the library.

Invariants:
- a resource may be listed without a file or an address (a document a
  seed names but the Hub does not hold): its page says so;
- a resource has at most one file per language; a new file in a language
  replaces the old one;
- every file is checked by content and size (core.files) before anything
  is saved, so a refused upload leaves the resource as it was;
- the text of a PDF or Word file is extracted in the background, once the
  write that stored the file has committed (library/tasks.py);
- a partner's submission is a draft the Secretariat reviews: it is seen
  by its submitter and the Secretariat only until it is published;
- a glossary definition is held only with its legal source; a term
  without one keeps the source still to find;
- a file's `search_names` hold, folded, its resource's title in every
  language, the file's name and the names of the meetings its resource is
  linked to that anyone may see, after every write of the file, its
  resource or its links (the Sources page finds files by them); the
  writes of the meetings themselves are followed in library/following.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from alliance87.core.files import DOCUMENT_KINDS, store_upload
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.text import search_names
from alliance87.events.models import Event
from alliance87.library.models import (
    Resource,
    ResourceFile,
    ResourceRegion,
    ResourceStatus,
    Term,
    TextStatus,
)
from alliance87.library.tasks import extract_text

# The kinds whose text the background task reads.
EXTRACTABLE = {"pdf", "docx", "txt"}


@dataclass(frozen=True)
class Links:
    """The rows a resource is linked to; None leaves a relation as it is."""

    themes: Iterable[Any] | None = None
    countries: Iterable[Any] | None = None
    regions: Iterable[str] | None = None
    publishers: Iterable[Any] | None = None
    contributors: Iterable[Any] | None = None
    events: Iterable[Any] | None = None
    actions: Iterable[Any] | None = None


def _set_links(resource: Resource, links: Links) -> None:
    for name in ("themes", "countries", "publishers", "contributors", "events", "actions"):
        wanted = getattr(links, name)
        if wanted is None:
            continue
        manager = getattr(resource, name)
        wanted_ids = {o.pk for o in wanted}
        if set(manager.values_list("pk", flat=True)) != wanted_ids:
            manager.set(list(wanted))
    if links.regions is not None:
        wanted_regions = set(links.regions)
        current = set(resource.regions.values_list("region", flat=True))
        if current != wanted_regions:
            resource.regions.exclude(region__in=wanted_regions).delete()
            for region in sorted(wanted_regions - current):
                ResourceRegion.objects.create(resource=resource, region=region)


def file_search_names(row: Any, meetings: Iterable[Any] = ()) -> str:
    """Return what the file `row` is found by on the Sources page, folded
    (core.text.search_names): its resource's title in every language, the
    file's name, and each of `meetings` (the meetings its resource is
    linked to: `shown_meetings`) by its title in every language. Reads
    concrete columns only, so that a data migration's historical rows
    serve too."""
    codes = [code for code, _name in settings.LANGUAGES]
    return search_names(
        *(getattr(row.resource, f"title_{code}", "") or "" for code in codes),
        row.file.name.rsplit("/", 1)[-1] if row.file else "",
        *(getattr(meeting, f"title_{code}", "") or "" for meeting in meetings for code in codes),
    )


def shown_meetings() -> QuerySet[Event]:
    """Return the meetings a file is found by: those anyone may see. A
    file's `search_names` serve every reader alike, so a meeting hidden
    from some (a draft, a meeting for members) must not make its name
    find the files linked to it: a reader who may see the file would
    learn that such a meeting exists."""
    return Event.objects.visible_to(None).order_by("pk")


def refresh_search_names(rows: QuerySet[Any]) -> None:
    """Write again the `search_names` of those of the files `rows` whose
    own have changed (their resource renamed or linked to other meetings,
    a meeting renamed, published or hidden): one query reads them, one
    their meetings, one writes those changed."""
    changed = []
    rows = rows.select_related("resource").prefetch_related(
        Prefetch("resource__events", queryset=shown_meetings(), to_attr="shown_meetings")
    )
    for row in rows.order_by("pk"):
        names = file_search_names(row, row.resource.shown_meetings)
        if names != row.search_names:
            row.search_names = names
            changed.append(row)
    # A column derived from others, not a correction: not audited.
    rows.model.objects.bulk_update(changed, ["search_names"], batch_size=500)


@service
def save_resource(resource: Resource, *, acting_user: Any, links: Links | None = None) -> Resource:
    """Validate and save `resource` and, when given, its links."""
    resource.clean_reported_date()
    if resource.is_published:
        resource.published_at = resource.published_at or timezone.now()
    resource.full_clean()
    existed = resource.pk is not None
    resource.save()
    if links is not None:
        _set_links(resource, links)
    if existed:
        # Its files are found by its title and its meetings' names.
        refresh_search_names(ResourceFile.objects.filter(resource=resource))
    return resource


@service
def submit_resource(
    resource: Resource, *, acting_user: Any, links: Links | None = None
) -> Resource:
    """Save a partner's resource as a submission for the Secretariat to
    review; it stays unseen by others until it is published."""
    if resource.pk is None:
        resource.submitted_by = acting_user
    resource.status = ResourceStatus.SUBMITTED
    return save_resource(resource, acting_user=acting_user, links=links)


@service
def write_resource(
    resource: Resource,
    *,
    acting_user: Any,
    texts: dict[str, str],
    links: Links,
    upload: UploadedFile | None = None,
    upload_language: str = "",
    submit: bool = False,
) -> Resource:
    """Write a resource from the library's form, all or nothing: its texts
    in the active language (and in English while it has none), its links,
    and a file in `upload_language`. With `submit`, a partner's resource
    becomes a submission for the Secretariat to review.

    The row is checked before the file is stored, and the file before the
    row is saved: a refused row stores no file, a refused file saves no row.
    """
    for field, value in texts.items():
        _set_text(resource, field, value)
    if not resource.slug:
        resource.slug = _free_slug(resource.title_en or resource.title)  # type: ignore[attr-defined]
    if submit:
        if resource.pk is None:
            resource.submitted_by = acting_user
        resource.status = ResourceStatus.SUBMITTED
    resource.clean_reported_date()
    resource.full_clean()
    if upload is not None and upload_language not in dict(settings.LANGUAGES):
        raise ValidationError({"file_language": _("Say in which language the file is.")})
    stored = store_upload(upload, folder="library") if upload is not None else ""
    save_resource(resource, acting_user=acting_user, links=links)
    if upload is not None:
        _keep_file(resource, language=upload_language, name=stored, size=upload.size or 0)
    return resource


def _set_text(resource: Resource, field: str, value: str) -> None:
    language = (get_language() or "en").split("-")[0]
    code = language if language in dict(settings.LANGUAGES) else "en"
    setattr(resource, f"{field}_{code}", value)
    if not getattr(resource, f"{field}_en", ""):
        setattr(resource, f"{field}_en", value)


def _free_slug(title: str) -> str:
    base = slugify(title)[:100] or "resource"
    slug, n = base, 1
    while Resource.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@service
def publish_resource(resource: Resource, *, acting_user: Any) -> Resource:
    """Publish `resource` (the Secretariat, after review)."""
    resource.status = ResourceStatus.PUBLISHED
    return save_resource(resource, acting_user=acting_user)


@service
def return_resource_to_draft(resource: Resource, *, acting_user: Any) -> Resource:
    """Take `resource` off the library: a draft again."""
    resource.status = ResourceStatus.DRAFT
    resource.published_at = None
    return save_resource(resource, acting_user=acting_user)


@service
def attach_file(
    resource: Resource, *, language: str, upload: UploadedFile, acting_user: Any
) -> ResourceFile:
    """Store `upload` as the file of `resource` in `language`, replacing
    the one it had, and queue the extraction of its text."""
    name = store_upload(upload, folder="library", kinds=DOCUMENT_KINDS)
    return _keep_file(resource, language=language, name=name, size=upload.size or 0)


def _keep_file(resource: Resource, *, language: str, name: str, size: int) -> ResourceFile:
    row = ResourceFile.objects.filter(resource=resource, language=language).first()
    if row is None:
        row = ResourceFile(resource=resource, language=language)
    row.file.name = name
    row.size = size
    extension = name.rsplit(".", 1)[-1].lower()
    row.text, row.text_error = "", ""
    row.text_status = TextStatus.PENDING if extension in EXTRACTABLE else TextStatus.NONE
    row.search_names = file_search_names(row, shown_meetings().filter(library_resources=resource))
    row.full_clean(exclude=["file"])
    row.save()
    if row.text_status == TextStatus.PENDING:
        enqueue_on_commit(extract_text, row.pk)
    return row


@service
def remove_file(file: ResourceFile, *, acting_user: Any) -> None:
    """Remove one language's file of a resource (the stored bytes go with
    the workers' daily sweep of files no row names, core/files/sweep.py)."""
    file.delete()


@service
def save_term(
    term: Term, *, acting_user: Any, resources: Iterable[Resource] | None = None
) -> Term:
    """Validate and save a glossary term: a definition only with its source."""
    term.full_clean()
    term.save()
    if resources is not None:
        wanted = list(resources)
        if set(term.resources.values_list("pk", flat=True)) != {r.pk for r in wanted}:
            term.resources.set(wanted)
    return term
