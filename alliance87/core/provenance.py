"""
Provenance: where a fact comes from and why it is held (docs/provenance.md).

- `cite` writes a citation of a record or one of its fields: reported by a
  source (a Hub document, an address, or a document named only), inferred
  (saying from what), or illustrative (demo only); with a page or
  paragraph, an "as of" date for a state that can change, and the value as
  that source gives it when sources disagree.
- `attach_sources` reads the citations of the rows a page shows in one
  query (plus one per kind of Hub document cited, for its visibility) and
  hangs them on each row as `row.sources`, a `Sources` by field.
- The `{% source row "field" %}` tag (core/templatetags/hub.py) renders
  them quietly beside the fact: core/_source.html.

A cited Hub document is shown only to those who may see it (the visibility
of its file owner, `hooks.FILE_OWNERS`); to anyone else the citation reads
"a document not shown here", without its title or address.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _

from alliance87.core import hooks
from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.core.files import file_url
from alliance87.core.models import Basis, Citation
from alliance87.core.services import service


@dataclass
class Shown:
    """One citation as a page shows it to one user."""

    basis: str
    basis_label: str
    title: str = ""
    href: str = ""
    locator: str = ""
    note: str = ""
    value: str = ""
    as_of: dt.date | None = None
    as_of_precision: str = "day"
    passage: str = ""  # the source's words that state the fact, quoted
    withheld: bool = False  # a Hub document the user may not see


@dataclass
class Sources:
    """The citations of one fact; `conflict` when their values differ."""

    items: list[Shown] = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return len({s.value for s in self.items if s.value}) > 1

    @property
    def as_of(self) -> dt.date | None:
        dates = [s.as_of for s in self.items if s.as_of]
        return max(dates) if dates else None

    def _latest_as_of(self) -> Shown | None:
        dated = [s for s in self.items if s.as_of]
        return max(dated, key=lambda s: (s.as_of, s.as_of_precision == "day"), default=None)

    @property
    def as_of_by_month(self) -> bool:
        """Whether the "as of" date is a month ("as of April 2019")."""
        latest = self._latest_as_of()
        return latest is not None and latest.as_of_precision == DatePrecision.MONTH

    @property
    def as_of_label(self) -> str:
        """Return the "as of" date as the Hub writes dates ("5 April 2019",
        or "April 2019" when the source gives the month only)."""
        latest = self._latest_as_of()
        if latest is None or latest.as_of is None:
            return ""
        if latest.as_of_precision == DatePrecision.MONTH:
            return str(ReportedDate(latest.as_of.replace(day=1), None, DatePrecision.MONTH))
        return str(ReportedDate(latest.as_of))

    @property
    def illustrative(self) -> bool:
        return bool(self.items) and all(s.basis == Basis.ILLUSTRATIVE for s in self.items)


def merged_sources(found: Iterable[Sources | None]) -> Sources | None:
    """Return the citations of several facts shown as one (a place's city
    and country), each source once; None when none has any."""
    items: list[Shown] = []
    for sources in found:
        for item in sources.items if sources is not None else ():
            if item not in items:
                items.append(item)
    return Sources(items) if items else None


def _owner_label(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


@service
def cite(
    obj: models.Model,
    *,
    acting_user: Any,
    basis: str,
    field: str = "",
    source_title: str = "",
    url: str = "",
    document: models.Model | None = None,
    locator: str = "",
    note: str = "",
    value: str = "",
    as_of: dt.date | None = None,
    as_of_precision: str = "day",
    passage: tuple[int, int, str] | None = None,
) -> Citation:
    """Record where a fact of `obj` (or `obj` as a whole) comes from.

    A reported fact names its source; an inferred one says from what; an
    illustrative one is demo content and needs neither. The same source
    cited again for the same fact corrects its citation. `passage` is
    (start, end, text): the words of the source that state the fact and
    their character offsets in its text. `as_of_precision` is "month"
    when the source dates the state by its month only.
    """
    if basis not in Basis.values:
        raise ValidationError(_("Choose reported, inferred or illustrative."))
    if field and field not in {f.name for f in obj._meta.get_fields()}:
        raise ValidationError(_("“%(field)s” is not a field of this record.") % {"field": field})
    owner = ""
    if document is not None:
        owner = _owner_label(document)
        if hooks.FILE_OWNERS.get(owner) is None:
            raise ValidationError(_("Only a document held in the Hub can be cited as one."))
    if basis == Basis.REPORTED and not (document or url or source_title):
        raise ValidationError(_("A reported fact names its source: a document or an address."))
    if basis == Basis.INFERRED and not note.strip():
        raise ValidationError(_("Say from what the fact was inferred."))
    content_type = ContentType.objects.get_for_model(obj)
    key = {
        "content_type": content_type,
        "object_id": obj.pk,
        "field": field,
        "document_owner": owner,
        "document_id": document.pk if document is not None else None,
        "url": url,
        "source_title": source_title,
        "basis": basis,
    }
    citation = Citation.objects.filter(**key).first() or Citation(
        **key,
        order=Citation.objects.filter(content_type=content_type, object_id=obj.pk).count() + 1,
    )
    start, end, quoted = passage if passage is not None else (None, None, "")
    wanted = {
        "locator": locator,
        "note": note.strip(),
        "value": value,
        "as_of": as_of,
        "as_of_precision": as_of_precision,
        "passage": quoted,
        "passage_start": start,
        "passage_end": end,
    }
    if citation.pk is not None and all(getattr(citation, k) == v for k, v in wanted.items()):
        # Cited again as it stands: nothing to write (the demo loads twice).
        return citation
    for name, v in wanted.items():
        setattr(citation, name, v)
    citation.full_clean()
    citation.save()
    return citation


@service
def uncite(citation: Citation, *, acting_user: Any) -> None:
    """Remove one citation: a source that does not support the fact, or
    one cited by mistake. The audit log keeps what it said."""
    citation.delete()


def citable_fields(model: type[models.Model]) -> list[tuple[str, str]]:
    """Return the fields of `model` a citation may name, as (name, label):
    its own editable fields and lists (its organisers, its themes), each
    once (not its per-language copies, which share their field's source),
    in the model's order."""
    fields = [*model._meta.concrete_fields, *model._meta.local_many_to_many]
    names = {f.name for f in fields}
    found = []
    for f in fields:
        if f.primary_key or not f.editable:
            continue
        base, _sep, language = f.name.rpartition("_")
        if base in names and language in {"en", "fr", "es"}:
            continue
        label = str(f.verbose_name)
        found.append((f.name, label[:1].upper() + label[1:]))
    return found


def document_addresses(user: Any, citations: list[Citation]) -> dict[tuple[str, int], str]:
    """Return the address of each cited Hub document `user` may see."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for c in citations:
        if c.document_owner and c.document_id is not None:
            wanted[c.document_owner].add(c.document_id)
    shown: dict[tuple[str, int], str] = {}
    for label, ids in wanted.items():
        owner = hooks.FILE_OWNERS.get(label)
        if owner is None:
            continue
        for doc in owner.visible(user).filter(pk__in=ids):
            href = getattr(doc, "href", "") or (
                file_url(doc, owner.field) if getattr(doc, owner.field, None) else ""
            )
            shown[(label, doc.pk)] = href
    return shown


def _shown(c: Citation, documents: dict[tuple[str, int], str]) -> Shown:
    item = Shown(
        basis=c.basis,
        basis_label=str(Basis(c.basis).label),
        title=c.source_title,
        href=c.url,
        locator=c.locator,
        note=c.note,
        value=c.value,
        as_of=c.as_of,
        as_of_precision=c.as_of_precision,
        passage=c.passage,
    )
    if c.document_owner:
        key = (c.document_owner, c.document_id or 0)
        if key in documents:
            item.href = documents[key] or item.href
        else:
            # A document the user may not see: neither title nor address.
            item.title, item.href, item.locator, item.withheld = "", "", "", True
            item.passage = ""
    return item


def attach_sources(user: Any, rows: Iterable[models.Model]) -> None:
    """Set `row.sources` ({field: Sources}, "" for the whole row) on each
    row, reading every citation of `rows` in one query."""
    rows = [r for r in rows if r.pk is not None]
    for row in rows:
        row.sources = {}  # type: ignore[attr-defined]
    if not rows:
        return
    by_type: dict[type[models.Model], list[models.Model]] = defaultdict(list)
    for row in rows:
        by_type[type(row)].append(row)
    types = ContentType.objects.get_for_models(*by_type)
    q = Q()
    for model, members in by_type.items():
        q |= Q(content_type=types[model], object_id__in=[m.pk for m in members])
    citations = list(Citation.objects.filter(q).order_by("order", "pk"))
    documents = document_addresses(user, citations)
    index = {(types[type(r)].pk, r.pk): r for r in rows}
    for c in citations:
        cited = index.get((c.content_type_id, c.object_id))
        if cited is None:
            continue
        sources = cited.sources.setdefault(c.field, Sources())  # type: ignore[attr-defined]
        sources.items.append(_shown(c, documents))
