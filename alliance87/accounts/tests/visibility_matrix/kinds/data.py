"""The key figures and the editions of statistics, and the data imports."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    DATA_INDICATOR,
    EVENT_COUNTRY,
    Kind,
    Way,
    fixed,
    obj_of,
    secretariat_tool,
)

KEY_FIGURES = (Kind("keyfigure", (Way("home", fixed("/en/")),)),)

EDITIONS = (
    # An edition of statistics, with two figures (the world's and
    # Nepal's): its visibility is its figures'.
    Kind(
        "edition",
        (
            Way("data-page", fixed(f"/en/data/?indicator={DATA_INDICATOR}")),
            Way(
                "data-download",
                lambda world, item: (
                    f"/en/data/download.csv?indicator={DATA_INDICATOR}"
                    f"&edition={obj_of(world, item).pk}"
                ),
            ),
            Way(
                "data-json",
                lambda world, item: (
                    f"/en/data/download.json?indicator={DATA_INDICATOR}"
                    f"&edition={obj_of(world, item).pk}"
                ),
            ),
            Way("data-changes", fixed("/en/data/changes/")),
            # The API's figures of the edition (each names its edition as
            # its source) and its list of editions.
            Way(
                "api-observations",
                lambda world, item: (
                    f"{API}data/observations?indicator={DATA_INDICATOR}"
                    f"&edition={obj_of(world, item).pk}"
                ),
            ),
            Way("api-editions", fixed(f"{API}data/editions?limit=200")),
            Way("data-place", fixed("/en/data/places/world/")),
            Way("country", fixed(f"/en/countries/{EVENT_COUNTRY}/")),
        ),
    ),
    # A data import: the Secretariat's tool, seen by no one else.
    secretariat_tool(
        "importrun",
        ("data-import-start", "/en/data/import/"),
        ("data-import-page", "/en/data/import/{pk}/"),
    ),
)
