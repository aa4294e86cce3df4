"""The demo's statistics: the 42 sourced observations of the Global
Estimates (/work/shared/data/global-estimates.csv, copied beside this
module as demo_data/global-estimates.csv), loaded through the importer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alliance87.data.models import Edition
from alliance87.data.services import import_path, sync_catalogue

ESTIMATES = Path(__file__).parent / "demo_data" / "global-estimates.csv"


def load(report: Any) -> None:
    """Import the sourced estimates once (running again changes nothing)."""
    added = sync_catalogue(acting_user=None)
    if added:
        report.created["catalogue entry"] = added
    if Edition.objects.exists():
        return
    run = import_path(ESTIMATES, acting_user=None)
    if run.status != run.Status.SAVED:
        raise RuntimeError(f"The demo's estimates did not import: {run.errors[:3]}")
    report.created["observation"] = run.summary["observations"]
