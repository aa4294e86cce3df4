"""GET /api/v1/data/...: the indicators, editions and figures /data/
shows the caller, each figure with its source."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from alliance87.api.services import create_token
from alliance87.data.models import Edition, Observation
from alliance87.data.services import lines_of_text, set_edition_visibility, write_observations

pytestmark = pytest.mark.usefixtures("demo")
SECRETARIAT = "secretariat@demo.alliance87.example"
INDICATOR = "forced_labour_prevalence"
HEADER = (
    "edition,publisher,published,reference_year,geography,geography_level,"
    "indicator,value,unit,source_url\n"
)


def get(path: str, secret: str = "") -> Any:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return Client().get(f"/api/v1{path}", headers=headers)


def secretariat() -> Any:
    return get_user_model().objects.get(email=SECRETARIAT)


def token_of(user: Any) -> str:
    return create_token(user, name="t", scope="read", days=1, acting_user=user)[1]


def held_back_edition() -> Edition:
    """An edition of two figures, held back for the Secretariat."""
    rows = (
        "Held-back estimates,Test publisher,2031-01-01,2030,World,world,"
        f"{INDICATOR},7.25,per 1000 people,https://example.org/held\n"
        "Held-back estimates,Test publisher,2031-01-01,2030,NPL,country,"
        f"{INDICATOR},3.5,per 1000 people,https://example.org/held-npl\n"
    )
    write_observations(lines_of_text(HEADER + rows), acting_user=secretariat())
    return set_edition_visibility(
        Edition.objects.get(title="Held-back estimates"),
        visibility="secretariat",
        acting_user=secretariat(),
    )


def test_every_figure_comes_with_its_source() -> None:
    body = get("/data/observations?limit=200").json()
    assert body["items"]
    for figure in body["items"]:
        source = figure["source"]
        assert source["edition"] and source["edition_title"] and source["publisher"]
        assert source["url"] or figure["illustrative"]
    first = Observation.objects.get(pk=body["items"][0]["id"])
    assert body["items"][0]["source"]["url"] == first.source_url
    assert body["items"][0]["value"] == float(first.value)


def test_a_held_back_edition_s_figures_are_the_secretariat_s_only() -> None:
    edition = held_back_edition()
    path = f"/data/observations?edition={edition.pk}"
    assert get(path).json()["items"] == []
    assert edition.pk not in {e["id"] for e in get("/data/editions?limit=200").json()["items"]}
    seen = get(path, token_of(secretariat())).json()["items"]
    assert sorted(f["value"] for f in seen) == [3.5, 7.25]
    assert {f["geography"]["id"] for f in seen} >= {"world"}
    assert {f["geography"]["country"] for f in seen} == {None, "npl"}


def test_the_figures_of_the_data_page_are_its_filters(client: Client) -> None:
    rows = client.get(f"/en/data/download.json?indicator={INDICATOR}").json()["rows"]
    assert rows
    first = rows[0]
    edition = Edition.objects.get(title=first["edition"])
    query = (
        f"indicator={INDICATOR}&edition={edition.pk}&year={first['reference_year']}"
        f"&sex={first['sex']}&age={first['age']}&sector={first['sector']}&limit=200"
    )
    body = get(f"/data/observations?{query}").json()
    assert sorted(f["geography"]["name"] for f in body["items"]) == sorted(
        r["geography"] for r in rows
    )


def test_indicators_are_those_with_a_figure_the_caller_may_see() -> None:
    listed = {i["id"] for i in get("/data/indicators?limit=200").json()["items"]}
    public = Observation.objects.visible_to(AnonymousUser())
    assert listed == set(public.values_list("indicator__code", flat=True))
    one = get(f"/data/indicators/{INDICATOR}").json()
    assert one["editions"] and one["url"].endswith(f"/data/?indicator={INDICATOR}")
    assert get("/data/indicators/no-such-indicator").status_code == 404
