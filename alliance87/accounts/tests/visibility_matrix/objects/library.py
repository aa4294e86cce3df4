"""The matrix library resources and glossary terms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, country
from alliance87.accounts.tests.visibility_matrix.ways import EVENT_COUNTRY, Item
from alliance87.library.models import Term
from alliance87.library.services import Links, save_term
from alliance87.testing.factories import make_resource


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "resource":
        obj = make_resource(
            item.key,
            m,
            visibility=level,
            status=item.status,
            group=scene.host_group,
            date_start=dt.date(1950 + n, 1, 1),
            links=Links(countries=[country(EVENT_COUNTRY)], events=[scene.host_event]),
        )
    elif item.kind == "term":
        obj = save_term(Term(slug=item.key, term=m, term_en=m, visibility=level), acting_user=None)
    else:
        return None
    return obj
