"""
One search across the Hub: the matching documents a user may see, ranked,
with snippets and facet counts.

Visibility is applied in the engine's query, before anything is counted
(`access_where`): a hidden row changes no result, snippet or count. The
rows of the page shown are then read again through their model's
`visible_to(user)` (a row hidden since it was indexed is left out).

At most `CAP` matches are read per query: the newest, then ranked. Facet
counts are taken over those matches (never over the corpus), so a query's
cost does not grow with the corpus; past `CAP`, the page says "more than".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils.safestring import SafeString

from alliance87.core import hooks
from alliance87.core.visibility import Visibility, audience_for
from alliance87.search.analysis import query_terms
from alliance87.search.engines import Hit, Where, engine
from alliance87.search.engines.base import FACET_TABLE
from alliance87.search.models import LANGUAGES, SearchDocument, SearchFacetLabel
from alliance87.search.snippets import WINDOW, Matcher, highlight

CAP = 1000
_BRACKETS = re.compile(r"[()]")
PAGE_SIZE = 20
FACETS = ("country", "theme")


@dataclass(frozen=True)
class Filters:
    kind: str = ""
    country: str = ""
    theme: str = ""
    year: int | None = None

    @property
    def any(self) -> bool:
        return bool(self.kind or self.country or self.theme or self.year)


@dataclass(frozen=True)
class Result:
    kind: str
    kind_label: Any
    url: str
    title: SafeString
    title_lang: str
    snippet: SafeString
    snippet_lang: str
    year: int | None
    # The row itself, read through its model's visible_to(user), and its
    # id: for the API, which names each result by its own stable id.
    object_id: int | None = None
    obj: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class FacetCount:
    value: str
    label: str
    count: int


@dataclass
class Results:
    terms: list[str] = field(default_factory=list)
    only_stop_words: bool = False
    total: int = 0
    capped: bool = False
    page: int = 1
    pages: int = 0
    rows: list[Result] = field(default_factory=list)
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)


def access_where(user: Any) -> Where:
    """Return the condition on documents that `user` may see."""
    where = Where()
    audience = audience_for(user)
    if audience.is_secretariat:
        return where
    levels = [Visibility.PUBLIC.value]
    if audience.is_partner:
        levels.append(Visibility.PARTNERS.value)
    parts = ["d.level IN (" + ", ".join(["%s"] * len(levels)) + ")"]
    params: list[Any] = list(levels)
    pathfinder_ids: set[int] = set()
    for provider in hooks.SEARCH_AUDIENCE.items():
        pathfinder_ids.update(provider(user).get("pathfinder_ids", ()))
    if audience.group_ids:
        # As core.visibility.visible_q: a group's members see its
        # members-only rows, not its Secretariat-only ones.
        ids = sorted(audience.group_ids)
        parts.append("d.level = %s AND d.group_id IN (" + ", ".join(["%s"] * len(ids)) + ")")
        params.extend([Visibility.MEMBERS.value, *ids])
    if pathfinder_ids:
        ids = sorted(pathfinder_ids)
        parts.append("d.pathfinder_id IN (" + ", ".join(["%s"] * len(ids)) + ")")
        params.extend(ids)
    if user is not None and user.is_authenticated and user.is_active:
        parts.append("d.user_id = %s")
        params.append(user.pk)
    where.add(" OR ".join(f"({part})" for part in parts), *params)
    return where


def filter_where(where: Where, filters: Filters) -> None:
    if filters.kind:
        where.add("d.kind = %s", filters.kind)
    if filters.year:
        where.add("d.year = %s", filters.year)
    for facet in FACETS:
        value = getattr(filters, facet)
        if value:
            where.add(
                f"EXISTS (SELECT 1 FROM {FACET_TABLE} f "  # noqa: S608 - no input
                "WHERE f.document_id = d.id AND f.facet = %s AND f.value = %s)",
                facet,
                value,
            )


def search(
    user: Any, text: str, *, filters: Filters | None = None, page: int = 1, language: str = "en"
) -> Results:
    filters = filters or Filters()
    terms, only_stop = query_terms(text)
    results = Results(terms=terms, only_stop_words=only_stop)
    if not terms:
        return results
    where = access_where(user)
    filter_where(where, filters)
    hits = named_first(engine().search(terms, where, CAP), terms)
    results.total = len(hits)
    results.capped = len(hits) >= CAP
    results.pages = max(1, -(-len(hits) // PAGE_SIZE))
    results.page = min(max(1, page), results.pages)
    shown = hits[(results.page - 1) * PAGE_SIZE : results.page * PAGE_SIZE]
    results.rows = rows_for(user, shown, terms, language)
    results.facets = facet_counts(hits, language)
    return results


def named_first(hits: list[Hit], terms: list[str]) -> list[Hit]:
    """Put first the hits of the kinds that say so (`named_first`: glossary
    terms) whose title, in any language, is the query's words (or the part
    of it before or within brackets: "Human trafficking (trafficking in
    persons)")."""
    kinds = {p.kind for p in hooks.SEARCH_PROVIDERS.items() if p.named_first}
    candidates = [h.id for h in hits if h.kind in kinds]
    if not candidates:
        return hits
    wanted = set(terms)
    named = {
        doc_id
        for doc_id, *titles in SearchDocument.objects.filter(pk__in=candidates).values_list(
            "id", *(f"title_{code}" for code in LANGUAGES)
        )
        if any(
            set(query_terms(part)[0]) == wanted
            for title in titles
            for part in _BRACKETS.split(title or "")
        )
    }
    return [h for h in hits if h.id in named] + [h for h in hits if h.id not in named]


def rows_for(user: Any, hits: list[Hit], terms: list[str], language: str) -> list[Result]:
    """Return the results of the page, each read through its model's
    `visible_to(user)`, in rank order."""
    docs = SearchDocument.objects.in_bulk([h.id for h in hits])
    by_kind: dict[str, list[int]] = {}
    for doc in docs.values():
        by_kind.setdefault(doc.kind, []).append(doc.object_id)
    objects: dict[tuple[str, int], Any] = {}
    for kind, ids in by_kind.items():
        provider = hooks.SEARCH_PROVIDERS.get(kind)
        if provider is None:
            continue
        for obj in provider.visible(user).filter(pk__in=ids):
            objects[(kind, obj.pk)] = obj
    matcher = Matcher(terms)
    rows = []
    for hit in hits:
        doc = docs.get(hit.id)
        obj = objects.get((doc.kind, doc.object_id)) if doc else None
        if doc is None or obj is None:
            continue
        provider = hooks.SEARCH_PROVIDERS.get(doc.kind)
        assert provider is not None
        title, title_lang = doc.title_in(language)
        body, body_lang = doc.body_in(language)
        rows.append(
            Result(
                kind=doc.kind,
                kind_label=provider.label,
                url=provider.url(obj),
                title=highlight(title, matcher),
                title_lang=title_lang,
                snippet=highlight(body, matcher, window=WINDOW),
                snippet_lang=body_lang,
                year=doc.year,
                object_id=doc.object_id,
                obj=obj,
            )
        )
    return rows


def facet_counts(hits: list[Hit], language: str) -> dict[str, list[FacetCount]]:
    """Count the facets of `hits` (at most CAP documents, all visible)."""
    counts: dict[str, list[FacetCount]] = {}
    kinds = Counter(h.kind for h in hits)
    counts["kind"] = [
        FacetCount(kind, str(p.label), kinds[kind])
        for p in hooks.SEARCH_PROVIDERS.items()
        if (kind := p.kind) in kinds
    ]
    years = Counter(h.year for h in hits if h.year)
    counts["year"] = [
        FacetCount(str(y), str(y), n) for y, n in sorted(years.items(), reverse=True)
    ]
    if not hits:
        return counts
    ids = [h.id for h in hits]
    sql = (
        f"SELECT facet, value, COUNT(*) FROM {FACET_TABLE} "  # noqa: S608 - no input
        f"WHERE document_id IN ({', '.join(['%s'] * len(ids))}) "
        "GROUP BY facet, value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        found = cursor.fetchall()
    labels = {
        (label.facet, label.value): label.label_in(language)
        for label in SearchFacetLabel.objects.filter(
            facet__in=FACETS, value__in={value for _f, value, _n in found}
        )
    }
    for facet in FACETS:
        rows = [
            FacetCount(value, labels.get((facet, value), value), n)
            for f, value, n in found
            if f == facet
        ]
        rows.sort(key=lambda r: (-r.count, r.label))
        counts[facet] = rows
    return counts
