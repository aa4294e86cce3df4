"""
Writes to the pathfinder countries, one module per use case: `path` (the
pathfinder and the stages of its path), `focal_points`, `workshops`,
`roadmaps` (with priority areas, actions, progress and findings),
`csv_import` (bulk updates of a roadmap's actions) and `interest`
(expressions of interest).

Invariants kept here:

- The path never holds an impossible sequence: a roadmap is adopted only
  after a workshop was held; pathfinder status is granted and
  implementation starts only after a roadmap was adopted; monitoring only
  after implementation started. Dates along the path never go backwards,
  and a stage other than "workshop planned" is never dated in the future.
- `Pathfinder.stage` is always the furthest stage recorded.
- An action's status and percentage agree: "done" is 100%, 100% is "done",
  "planned" is 0% or unreported. A budget has a currency.
- A bulk upload of actions changes nothing unless every row is valid.
- Translated text written in one language is copied into the default
  language when that is still empty, so no reader sees a blank.
- An expression of interest puts a UN member or observer state on the
  path once: recording it again, or for a country already further along,
  adds nothing to the path.

Every write is a `core.services.service`: atomic, and attributed to its
keyword-only `acting_user`. Cached public pages are refreshed after commit
by core.pagecache. The names below are the package's public writes; import
them from here.
"""

from alliance87.pathfinders.services.base import LANGUAGE_CODES, fill_languages, set_reported_date
from alliance87.pathfinders.services.csv_import import (
    MAX_UPLOAD_BYTES,
    MAX_UPLOAD_ROWS,
    ImportRefused,
    ImportResult,
    import_actions_csv,
)
from alliance87.pathfinders.services.focal_points import assign_focal_point, end_focal_point
from alliance87.pathfinders.services.interest import (
    InterestOutcome,
    plan_expression_of_interest,
    record_expression_of_interest,
)
from alliance87.pathfinders.services.path import (
    REQUIRED_BEFORE,
    check_can_become_pathfinder,
    check_path,
    create_pathfinder,
    record_stage,
    remove_stage,
    update_pathfinder,
)
from alliance87.pathfinders.services.roadmaps import (
    action_problems,
    adopt_roadmap,
    record_progress,
    save_action,
    save_finding,
    save_lesson,
    save_priority_area,
    save_roadmap,
)
from alliance87.pathfinders.services.workshops import save_workshop

__all__ = [
    "LANGUAGE_CODES",
    "MAX_UPLOAD_BYTES",
    "MAX_UPLOAD_ROWS",
    "REQUIRED_BEFORE",
    "ImportRefused",
    "ImportResult",
    "InterestOutcome",
    "action_problems",
    "adopt_roadmap",
    "assign_focal_point",
    "check_can_become_pathfinder",
    "check_path",
    "create_pathfinder",
    "end_focal_point",
    "fill_languages",
    "import_actions_csv",
    "plan_expression_of_interest",
    "record_expression_of_interest",
    "record_progress",
    "record_stage",
    "remove_stage",
    "save_action",
    "save_finding",
    "save_lesson",
    "save_priority_area",
    "save_roadmap",
    "save_workshop",
    "set_reported_date",
    "update_pathfinder",
]
