"""
Open data: lists of the Hub as CSV, XLSX or JSON, exactly the rows their
filters show to the person asking (each list's own selector, through
`visible_to(user)`), at /<lang>/<list>.<csv|xlsx|json> with the page's
query string. The lists and their filters (gathered in lists.py):

- `partners`: the partner directory (q, stakeholder_type, country, theme);
- `library`: the library (q, type, theme, country, region, organisation,
  language, year, sort), with the publishers the person may see;
- `decisions`: the decisions register (series, year, q);
- `action-items`: the action-item tracker (state, owner, owner_q, series,
  group_by), owners named as the tracker names them to the person asking;
- `events`: the events list (type, series, region, country, theme, year),
  with the pathfinder workshops it shows;
- `news`: news, stories and interviews (kind, theme, country,
  organisation, language, year), with the authors the person may see;
- `groups`, `statements`, `pathfinders`: their lists, unfiltered.

`/<lang>/datapackage.json` describes the public exports as a Frictionless
Data Package (https://specs.frictionlessdata.io/data-package/): each
list's address and its columns with their types.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse

from alliance87.api.opendata.base import FORMATS, respond
from alliance87.api.opendata.lists import LISTS


def download(request: HttpRequest, fmt: str, *, name: str, **params: Any) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404("No such format.")
    return respond(LISTS[name], request, fmt, **params)


def urlpatterns() -> list[URLPattern]:
    """/<list's address>.<format> for each list, named `opendata-<list>`,
    and the data package. Among the site's own addresses, before the
    areas' (a list's address may be under an area's: groups/engagement)."""
    return [
        *(
            path(f"{o.address}.<str:fmt>", download, {"name": o.name}, name=o.url_name)
            for o in LISTS.values()
        ),
        path("datapackage.json", datapackage, name="opendata-datapackage"),
    ]


def datapackage(request: HttpRequest) -> HttpResponse:
    """Describe the public exports as a Frictionless Data Package."""
    resources = []
    # A list per object (a roadmap's actions) has no one address to give.
    for open_list in (o for o in LISTS.values() if not o.has_parameters):
        for fmt in ("csv", "json"):
            resources.append(
                {
                    "name": f"{open_list.name}-{fmt}",
                    "title": open_list.title,
                    "path": request.build_absolute_uri(reverse(open_list.url_name, args=[fmt])),
                    "format": fmt,
                    "mediatype": FORMATS[fmt].split(";")[0],
                    **({"encoding": "utf-8"} if fmt == "csv" else {}),
                    "schema": {
                        "fields": [
                            {"name": c.name, "type": c.type, "description": c.description}
                            for c in open_list.columns
                        ]
                    },
                }
            )
    package = {
        "name": "alliance87-hub",
        "title": "Alliance 8.7 Hub: open data",
        "description": (
            "What the public sees of the Hub's lists; each list also takes the "
            "filters of its page in its query string, and answers a signed-in "
            "person with what they may see."
        ),
        "homepage": request.build_absolute_uri("/"),
        "resources": resources,
    }
    return HttpResponse(
        json.dumps(package, ensure_ascii=False, indent=1), content_type="application/json"
    )
