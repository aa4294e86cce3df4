"""
Writes to the country reference data.

Invariants: one row per ISO 3166 alpha-3 code; `search_names` always holds
the folded names of every language, and each written without spaces or
punctuation ("vietnam" for "Viet Nam"), so search never misses a renamed row.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from alliance87.core.services import service
from alliance87.core.text import compact, fold

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries.csv"
LANGUAGE_CODES = ("en", "fr", "es")


def read_country_rows(path: Path = DATA_FILE) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def search_names_for(names: dict[str, str]) -> str:
    found: list[str] = []
    for code in LANGUAGE_CODES:
        if names.get(code):
            found += [fold(names[code]), compact(names[code])]
    return " | ".join(dict.fromkeys(found))


@service
def sync_countries(
    model: Any = None, rows: list[dict[str, str]] | None = None, *, acting_user: Any
) -> int:
    """Create or update every country from the reference file; return the
    number of rows changed. Running it twice changes nothing.

    `model` lets a data migration pass its historical model. The reference
    file is the author of what changes, so callers pass acting_user=None.
    """
    from django.utils import translation

    if model is None:
        from alliance87.countries.models import Country as model
    rows = read_country_rows() if rows is None else rows
    with translation.override("en"):
        return _sync(model, rows)


def _sync(model: Any, rows: list[dict[str, str]]) -> int:
    existing = {c.iso3: c for c in model.objects.all()}
    changed = 0
    for row in rows:
        names = {code: row[f"name_{code}"] for code in LANGUAGE_CODES}
        values = {
            "iso2": row["iso2"],
            "m49": row["m49"],
            "name": names["en"],
            "name_en": names["en"],
            "name_fr": names["fr"],
            "name_es": names["es"],
            "region": row["region"],
            "status": row["status"],
            "search_names": search_names_for(names),
        }
        country = existing.get(row["iso3"])
        if country is None:
            model.objects.create(iso3=row["iso3"], **values)
            changed += 1
        elif any(getattr(country, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(country, k, v)
            country.save()
            changed += 1
    return changed
