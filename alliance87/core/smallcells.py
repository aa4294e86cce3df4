"""
The small-number rule: a figure the Hub computes from its own records about
people (who takes part, by stakeholder type; who answered a survey, by
group) is not shown below K = 11, so that no one can be picked out, and a
hidden figure cannot be worked out from the ones shown.

`suppress(values, lines)` decides which cells of a table to hide: every
cell from 1 to K - 1 (a zero says that no one is counted, and stays);
then, for each line of the table (a row or a column and its total, as
shown), while what it hides could be worked out from what it shows, one
more cell: a line hiding a single cell gives it away by subtraction, and so
does a line whose hidden parts add up to less than K (their sum is the
total less the shown parts). The line's smallest shown cell is hidden next,
its total when no cell is left. Lines are checked again until none gives
anything away: each line hides no cell or at least two, a small sum never
(the usual rule of complementary suppression, cell by cell; not a proof
against every combination of lines). Cells hidden by nature (respondents
who gave no stakeholder type, in no column) are `also_hidden`.

The Secretariat sees every figure (`applies_to`): the rule protects people
from the public and from partners, not from the body that holds the
records. Pages that apply it say so in the words of `RULE`.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.utils.translation import gettext_lazy as _

from alliance87.core.visibility import is_secretariat

K = 11
C = TypeVar("C", bound=Hashable)

RULE = _(
    "Counts from 1 to 10 are not shown, so that no one can be picked out, and "
    "neither is a count from which a hidden one could be worked out: “—” "
    "stands for a hidden count."
)


@dataclass(frozen=True)
class Line(Generic[C]):
    """Cells shown with their total: `sum(parts) == total`."""

    parts: tuple[C, ...]
    total: C


def _one_more(values: Mapping[C, int], line: Line[C], hidden: set[C]) -> C | None:
    """The cell `line` must hide next, or None when it gives nothing away."""
    parts = [c for c in line.parts if c in hidden]
    count = len(parts) + int(line.total in hidden)
    if count == 0:
        return None
    if count >= 2 and (line.total in hidden or sum(values[c] for c in parts) >= K):
        return None
    shown = sorted((values[c], str(c), c) for c in line.parts if c not in hidden and values[c] > 0)
    if shown:
        return shown[0][2]
    return None if line.total in hidden else line.total


def suppress(
    values: Mapping[C, int],
    lines: Iterable[Line[C]],
    *,
    also_hidden: Iterable[C] = (),
) -> frozenset[C]:
    """The cells of `values` to hide, so that no count from 1 to K - 1 is
    shown or can be worked out along `lines`."""
    hidden = {c for c, n in values.items() if 0 < n < K} | set(also_hidden)
    lines = list(lines)
    changed = True
    while changed:
        changed = False
        for line in lines:
            cell = _one_more(values, line, hidden)
            if cell is not None:
                hidden.add(cell)
                changed = True
    return frozenset(hidden)


def applies_to(user: Any) -> bool:
    """Whether `user` sees figures under the rule: everyone but the
    Secretariat."""
    return not is_secretariat(user)
