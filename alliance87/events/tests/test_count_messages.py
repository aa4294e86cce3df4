"""Warnings that count say "1 event ... has", not "1 event(s) ... have"
(issue 10, item 11)."""

from __future__ import annotations

import pytest

from alliance87.events import selectors
from alliance87.testing.factories import make_event

pytestmark = pytest.mark.django_db


def test_one_unnumbered_event_is_counted_in_the_singular(personas, gcg) -> None:
    make_event("gcg-x", acting_user=personas.secretariat, series=gcg, publish=False)
    assert selectors.numbering_warnings(gcg) == ["1 event of this series has no number."]
    make_event("gcg-y", acting_user=personas.secretariat, series=gcg, publish=False)
    assert selectors.numbering_warnings(gcg) == ["2 events of this series have no number."]
