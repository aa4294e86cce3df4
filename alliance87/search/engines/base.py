"""What every engine does: prepare a document's words, keep its own index
in step after a write, and find the newest matches a viewer may see."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from alliance87.search.models import SearchDocument

TABLE = SearchDocument._meta.db_table
FACET_TABLE = "search_searchfacet"


@dataclass(frozen=True)
class Hit:
    id: int
    kind: str
    year: int | None
    rank: float  # higher is better


@dataclass
class Where:
    """A condition on the document table (aliased `d`), in SQL with its
    parameters (`%s` placeholders)."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({p})" for p in self.parts) if self.parts else "1=1"


class Engine:
    name = ""

    def prepare(self, doc: SearchDocument) -> None:
        """Fill the columns the engine reads from `doc`'s text."""

    def after_write(self, docs: Sequence[SearchDocument]) -> None:
        """Bring the engine's own index in step with `docs`, just saved."""

    def after_rebuild(self) -> None:
        """Tidy the engine's index after a full rebuild."""

    def search(self, terms: Sequence[str], where: Where, cap: int) -> list[Hit]:
        """Return the newest `cap` documents matching every term that
        satisfy `where`, best first."""
        raise NotImplementedError

    def bare(self, terms: Sequence[str], limit: int) -> list[int]:
        """The engine's own ranked query for `terms`, nothing else: the
        benchmark's floor."""
        raise NotImplementedError

    def size_bytes(self) -> int:
        """Return the space the index takes."""
        raise NotImplementedError
