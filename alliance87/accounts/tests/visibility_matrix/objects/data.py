"""The key figures, editions of statistics and data imports of the matrix."""

from __future__ import annotations

from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene
from alliance87.accounts.tests.visibility_matrix.ways import DATA_INDICATOR, EVENT_COUNTRY, Item
from alliance87.core.models import KeyFigure
from alliance87.data.models import Edition, ImportRun
from alliance87.data.services import lines_of_text, set_edition_visibility, write_observations


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "keyfigure":
        obj = KeyFigure.objects.create(
            slug=item.key,
            value=n,
            label=m,
            reference_year=2021,
            source="ILO",
            publication_year=2022,
            visibility=level,
        )
    elif item.kind == "edition":
        header = (
            "edition,publisher,published,reference_year,geography,geography_level,"
            "indicator,value,unit,source_url\n"
        )
        rows = "".join(
            f"{m},Matrix publisher,2030-01-{1 + n % 28:02d},2029,{place},{level_of},"
            f"{DATA_INDICATOR},{n}.5,per 1000 people,https://example.org/{item.key}\n"
            for place, level_of in (("World", "world"), (EVENT_COUNTRY.upper(), "country"))
        )
        write_observations(lines_of_text(header + rows), acting_user=scene.secretariat)
        obj = set_edition_visibility(
            Edition.objects.get(title=m), visibility=level, acting_user=scene.secretariat
        )
    elif item.kind == "importrun":
        obj = ImportRun.objects.create(file_name=m, created_by=scene.secretariat)
    else:
        return None
    return obj
