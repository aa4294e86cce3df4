"""
Save a reviewed proposal (the JSON of docs/report-import.md) as one draft
event, through the events services: `save_draft`.

Invariants kept here:
- all or nothing: the event, every row, the report's document and every
  citation are written in one transaction; a row that fails leaves nothing
  (and no stored file);
- every saved row is sourced to its passage: a citation, basis
  "reported", pointing at the imported report (kept as a document of the
  event) with the passage quoted and its character offsets;
- the event is a draft, seen by the Secretariat only, until the
  Secretariat publishes it (`events.services.publish_event`);
- nothing is guessed: a value the proposal leaves null stays empty; a row
  the Hub cannot hold as it stands (a party the directory does not know,
  a document with no address, a count of something the Hub does not count)
  is not saved and is listed in `DraftResult.skipped`, with the reason.

`rows` turns each kind of row into the events service's arguments;
`saving` writes them; `citing` sources them.
"""

from alliance87.reports.drafts.base import DraftResult, Skipped
from alliance87.reports.drafts.saving import ReportFile, save_draft

__all__ = ["DraftResult", "ReportFile", "Skipped", "save_draft"]
