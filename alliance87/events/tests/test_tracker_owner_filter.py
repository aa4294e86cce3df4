"""The tracker's Owner filter is a text box: the text typed filters by every
owner whose name matches it, the first matches are links that narrow the
tracker to one owner, and only owners the visitor may see, of items the
visitor may see, are ever matched or named. No select of the owners: at
50,000 organisations it was 22,370 options and 2 MB of HTML."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.core.forms import MATCHES_LISTED
from alliance87.core.visibility import Visibility
from alliance87.events import services
from alliance87.testing.factories import make_event, make_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cache")]

URL = "/en/events/action-items/"


@pytest.fixture
def no_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def event(personas: Any) -> Any:
    return make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2019, 4, 1))
    )


@pytest.fixture
def owners(personas: Any, event: Any) -> dict[str, Any]:
    sec = personas.secretariat
    public = make_organisation("open-owner", "Open Owner", acronym="OO")
    accented = make_organisation("etat-owner", "Ministère de l'État Owner")
    partners_only = make_organisation("quiet-owner", "Quiet Owner", visibility=Visibility.PARTNERS)
    hidden_item_owner = make_organisation("hidden-item-owner", "Hidden Item Owner")
    make_organisation("no-item-owner", "Idle Owner")  # owns nothing: never a choice
    services.record_action_item(
        event, acting_user=sec, text="Open task", owner_organisation=public
    )
    services.record_action_item(
        event, acting_user=sec, text="State task", owner_organisation=accented
    )
    services.record_action_item(
        event, acting_user=sec, text="Quiet task", owner_organisation=partners_only
    )
    services.record_action_item(
        event,
        acting_user=sec,
        text="Hidden task",
        owner_organisation=hidden_item_owner,
        visibility=Visibility.SECRETARIAT,
    )
    return {"public": public, "partners": partners_only, "hidden_item": hidden_item_owner}


def page(client: Client, **query: str) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def matches(html: str) -> list[str]:
    """Return the slugs the matching owners' links narrow the tracker to."""
    if 'id="owner-matches"' not in html:
        return []
    listed = html.split('id="owner-matches"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="\?[^"]*owner=([\w-]+)"', listed)


def text_box(html: str) -> str:
    return re.search(r"<input[^>]*name=\"owner_q\"[^>]*>", html).group(0)  # type: ignore[union-attr]


def test_the_owner_filter_is_a_text_box_with_a_label_and_a_hint(owners: Any, client: Client):
    html = page(client)
    assert '<select name="owner' not in html
    box = text_box(html)
    assert 'type="text"' in box and 'id="id_owner_q"' in box
    assert 'aria-describedby="id_owner_q_helptext"' in box
    assert '<label for="id_owner_q">Owner</label>' in html


def test_typed_text_filters_by_every_owner_it_matches_and_lists_them(
    owners: Any, client: Client
) -> None:
    html = page(client, owner_q="owner", state="all")
    assert "Open task" in html and "State task" in html
    assert matches(html) == ["etat-owner", "open-owner"]
    html = page(client, owner_q="open", state="all")
    assert "Open task" in html and "State task" not in html
    assert matches(html) == ["open-owner"]


def test_typed_text_ignores_case_and_accents_and_reads_acronyms(
    owners: Any, client: Client
) -> None:
    assert matches(page(client, owner_q="ETAT")) == ["etat-owner"]
    assert matches(page(client, owner_q="ministere de l’etat")) == ["etat-owner"]
    assert matches(page(client, owner_q="oo")) == ["open-owner"]


def test_a_match_links_to_the_tracker_of_that_owner_alone(owners: Any, client: Client) -> None:
    html = page(client, owner_q="owner", state="all", group="owner", page="2")
    listed = html.split('id="owner-matches"', 1)[1].split("</nav>", 1)[0]
    # The other filters are kept; the text and the page number go.
    assert 'href="?state=all&amp;group=owner&amp;owner=open-owner"' in listed
    html = page(client, state="all", group="owner", owner="open-owner")
    assert "Open task" in html and "State task" not in html


def test_a_chosen_owner_shows_its_name_in_the_box_and_a_way_back_to_all(
    owners: Any, client: Client
) -> None:
    html = page(client, owner="open-owner", state="all")
    assert 'value="Open Owner (OO)"' in text_box(html)
    assert '<input type="hidden" name="owner" value="open-owner"' in html
    assert "Showing “Open Owner (OO)” only." in html
    assert '<a href="?state=all">All owners</a>' in html
    assert matches(html) == []


def test_the_form_sent_back_with_the_name_unchanged_keeps_the_owner(
    owners: Any, client: Client
) -> None:
    html = page(client, owner="open-owner", owner_q="open owner (oo)", state="all")
    assert "Showing “Open Owner (OO)” only." in html
    # Another text typed over the name: every owner it matches instead.
    html = page(client, owner="open-owner", owner_q="owner", state="all")
    assert matches(html) == ["etat-owner", "open-owner"]
    assert 'value="open-owner"' not in html
    # The box emptied: every owner.
    html = page(client, owner="open-owner", owner_q="", state="all")
    assert "Open task" in html and "State task" in html and "Showing “" not in html


def test_an_owner_named_by_a_link_still_filters(owners: Any, client: Client) -> None:
    """Links and bookmarks to `?owner=<slug>` keep working."""
    html = page(client, owner="etat-owner")
    assert "State task" in html and "Open task" not in html


def test_hidden_owners_are_never_matched_nor_named(
    owners: Any, personas: Any, client: Client
) -> None:
    for persona, seen in (
        ("anonymous", ["etat-owner", "open-owner"]),
        ("partner", ["etat-owner", "open-owner", "quiet-owner"]),
        ("secretariat", ["hidden-item-owner", "etat-owner", "open-owner", "quiet-owner"]),
    ):
        client.logout()
        if persona != "anonymous":
            client.force_login(getattr(personas, persona))
        assert matches(page(client, owner_q="owner", state="all")) == seen, persona
    client.logout()
    html = page(client, owner_q="owner", state="all")
    assert "Quiet" not in html and "Hidden" not in html and "Idle" not in html


@pytest.mark.parametrize("slug", ["quiet-owner", "hidden-item-owner", "no-item-owner", "nobody"])
def test_a_hidden_or_missing_owner_named_by_a_link_answers_alike(
    owners: Any, client: Client, slug: str
) -> None:
    html = page(client, owner=slug, state="all")
    assert "0 action items" in html
    assert "That choice is not available" in html
    assert 'value=""' in text_box(html) or "value=" not in text_box(html)
    for name in ("Quiet", "Hidden", "Idle"):
        assert name not in html


def test_text_that_matches_no_owner_says_so(owners: Any, client: Client) -> None:
    html = page(client, owner_q="zzz", state="all")
    assert "No name matches “zzz”." in html
    assert "0 action items" in html


@pytest.mark.parametrize(
    "query",
    [
        {"owner_q": "x" * 5000},
        {"owner_q": "a\x00b"},
        {"owner": "a\x00b"},
        {"owner": "x" * 5000},
        {"owner": "../../etc", "owner_q": "%_\\"},
        {"owner_q": "%"},
        {"owner_q": "_"},
        {"owner_q": "   "},
        {"owner_q": "\u2019\u0301"},
    ],
)
def test_odd_input_answers_a_page(owners: Any, client: Client, query: dict[str, str]) -> None:
    html = page(client, **query)
    assert "Hidden" not in html


def test_like_wildcards_typed_are_plain_text(owners: Any, client: Client) -> None:
    assert matches(page(client, owner_q="%")) == []
    assert matches(page(client, owner_q="_")) == []


def test_many_owners_make_a_small_page_that_lists_only_the_first_matches(
    personas: Any, event: Any, client: Client
) -> None:
    sec = personas.secretariat
    # Enough owners that a list of them all would be a long page, and that
    # "number 12" matches ten (120-129): few enough to write quickly.
    for i in range(150):
        org = make_organisation(f"owner-{i:03}", f"Owner number {i:03}")
        services.record_action_item(
            event, acting_user=sec, text=f"Task {i}", owner_organisation=org
        )
    html = page(client)
    form = html.split('role="search"', 1)[1].split("</form>", 1)[0]
    assert "Owner number" not in form
    assert form.count("<option") < 20  # status, body, group by: none an owner
    assert len(html) < 100_000
    html = page(client, owner_q="owner number")
    assert matches(html) == [f"owner-{i:03}" for i in range(MATCHES_LISTED)]
    assert "More names match than these" in html
    assert "150 action items" in html
    assert len(html) < 100_000
    html = page(client, owner_q="number 12")
    assert matches(html) == [f"owner-{i}" for i in range(120, 130)]
    assert "More names match" not in html
    assert "10 action items" in html


def test_the_api_filters_by_owner_as_the_page_does(owners: Any, client: Client) -> None:
    def texts(**query: str) -> list[str]:
        response = client.get("/api/v1/action-items", {"state": "all", **query})
        assert response.status_code == 200
        return sorted(row["text"] for row in response.json()["items"])

    assert texts(owner_q="OWNER") == ["Open task", "State task"]
    assert texts(owner="open-owner") == ["Open task"]
    # An owner the caller may not see selects nothing, as a missing one:
    # the items it owns are not told apart by its slug.
    assert texts(owner="quiet-owner") == [] == texts(owner="nobody")
    # NUL, which PostgreSQL refuses in text, is left out.
    assert texts(owner_q="op\x00en") == ["Open task"]
