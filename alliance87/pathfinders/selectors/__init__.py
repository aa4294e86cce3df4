"""
Reads of the pathfinder countries, one module per use case: `overview`
(the overview page), `detail` (one pathfinder, the country profile's
section, single objects for the editing pages) and `exports` (CSV).

Every read starts from `visible_to(user)` and preloads what the page shows,
so that the number of queries does not grow with the data. The names below
are the package's public reads; import them from here.
"""

from alliance87.pathfinders.selectors.detail import (
    country_section,
    findings_by_kind,
    get_action_for_user,
    get_pathfinder_for_user,
    get_roadmap_for_user,
    path_steps,
    roadmap_page,
)
from alliance87.pathfinders.selectors.exports import action_rows, actions_csv, progress_csv
from alliance87.pathfinders.selectors.overview import (
    COUNTRY_FIELDS,
    MAP_FILE,
    STAGE_CLASS,
    FundingGap,
    Overview,
    list_pathfinders,
    list_workshops,
    name_hosts,
    pathfinder_overview,
    workshops_visible_to,
    world_shapes,
)

__all__ = [
    "COUNTRY_FIELDS",
    "MAP_FILE",
    "STAGE_CLASS",
    "FundingGap",
    "Overview",
    "action_rows",
    "actions_csv",
    "country_section",
    "findings_by_kind",
    "get_action_for_user",
    "get_pathfinder_for_user",
    "get_roadmap_for_user",
    "list_pathfinders",
    "list_workshops",
    "name_hosts",
    "path_steps",
    "pathfinder_overview",
    "progress_csv",
    "roadmap_page",
    "workshops_visible_to",
    "world_shapes",
]
