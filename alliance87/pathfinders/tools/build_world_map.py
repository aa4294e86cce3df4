"""
Build `data/world.json`, the world map's shapes, from Natural Earth.

The Hub draws its map on the server from this file and needs no geographic
library at run time. Run this once, by hand, when the shapes should change:

    python -m venv /tmp/geo && /tmp/geo/bin/pip install pyshp
    pip download geopandas==0.14.4 --no-deps -d /tmp/geo-src
    unzip /tmp/geo-src/geopandas-0.14.4-py3-none-any.whl \
        'geopandas/datasets/naturalearth_lowres/*' -d /tmp/geo-src
    /tmp/geo/bin/python alliance87/pathfinders/tools/build_world_map.py \
        /tmp/geo-src/geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp

The source is Natural Earth's 1:110m admin-0 countries ("naturalearth_lowres"
as shipped by geopandas 0.14), which is in the public domain. The output
maps ISO 3166 alpha-3 codes to SVG path data in the Equal Earth projection,
simplified (Douglas-Peucker) and rounded to whole units of a 1000-unit-wide
frame. Antarctica is left out: no country's data is drawn there.
"""

from __future__ import annotations

import itertools
import json
import math
import sys
from pathlib import Path
from typing import Any

WIDTH = 1000.0
TOLERANCE = 0.6  # in output units: below this, a vertex is not worth its bytes
OUT = Path(__file__).resolve().parent.parent / "data" / "world.json"

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project degrees to Equal Earth, in radius-one units."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


X_MAX, _ = equal_earth(180, 0)
_, Y_MAX = equal_earth(0, 90)
SCALE = WIDTH / (2 * X_MAX)
# The frame runs from 90°N to 60°S: without Antarctica, no land lies further south.
Y_TOP = Y_MAX * SCALE
Y_BOTTOM = -equal_earth(0, -60)[1] * SCALE


def to_frame(lon: float, lat: float) -> tuple[float, float]:
    x, y = equal_earth(lon, lat)
    return x * SCALE + WIDTH / 2, Y_TOP - y * SCALE


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Return `points` simplified with the Douglas-Peucker algorithm."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = math.hypot(dx, dy)
        worst, index = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm:
                distance = abs(dy * (px - x1) - dx * (py - y1)) / norm
            else:  # a closed ring: measure from its start
                distance = math.hypot(px - x1, py - y1)
            if distance > worst:
                worst, index = distance, i
        if worst > tolerance and index > 0:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def ring_path(ring: list[tuple[float, float]]) -> str:
    points = simplify([to_frame(lon, lat) for lon, lat in ring], TOLERANCE)
    rounded: list[tuple[int, int]] = []
    for x, y in points:
        p = (round(x), round(y))
        if not rounded or p != rounded[-1]:
            rounded.append(p)
    if len(rounded) < 3:
        return ""
    x0, y0 = rounded[0]
    parts = [f"M{x0} {y0}"]
    steps = []
    for (ax, ay), (bx, by) in itertools.pairwise(rounded):
        steps.append(f"{bx - ax} {by - ay}")
    parts.append("l" + " ".join(steps).replace(" -", "-"))
    return "".join(parts) + "z"


def shape_path(shape: Any) -> str:
    points = shape.points
    starts = [*shape.parts, len(points)]
    rings = [points[a:b] for a, b in itertools.pairwise(starts)]
    return "".join(ring_path(ring) for ring in rings)


def main(source: str) -> None:
    import shapefile  # pyshp, needed only here

    reader = shapefile.Reader(source)
    shapes: dict[str, str] = {}
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        iso3 = record["iso_a3"]
        if iso3 == "-99" and record["name"] == "Kosovo":
            iso3 = "XKX"
        if iso3 == "ATA" or len(iso3) != 3:
            continue
        path = shape_path(shape)
        if path:
            shapes[iso3] = shapes.get(iso3, "") + path
    data = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), "
        "via geopandas 0.14.4 naturalearth_lowres",
        "projection": "Equal Earth",
        "width": round(WIDTH),
        "height": round(Y_TOP + Y_BOTTOM),
        "shapes": dict(sorted(shapes.items())),
    }
    OUT.write_text(json.dumps(data, separators=(",", ":"), ensure_ascii=True) + "\n")
    print(f"{len(shapes)} shapes, {OUT.stat().st_size} bytes -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
