"""
The lists that download as open data: for each, its columns with their
values and its objects, read through the list page's own selector and
filters, so a download holds exactly the rows the page's filters show to
the person asking (all of them, not one page, up to MAX_ROWS). Each is
declared in the module of its use case (`directory`, `meetings`,
`publications`), and gathered here.
"""

from __future__ import annotations

from alliance87.api.opendata import tables
from alliance87.api.opendata.directory import GROUPS, PARTNERS, PATHFINDERS, STATEMENTS
from alliance87.api.opendata.meetings import ACTION_ITEMS, DECISIONS, EVENTS
from alliance87.api.opendata.publications import LIBRARY, NEWS

# In the order the data package and the documentation list them.
LISTS = {
    o.name: o
    for o in (
        PARTNERS,
        LIBRARY,
        DECISIONS,
        ACTION_ITEMS,
        EVENTS,
        NEWS,
        GROUPS,
        STATEMENTS,
        PATHFINDERS,
        tables.ENGAGEMENT,
        tables.ROADMAP_ACTIONS,
    )
}
