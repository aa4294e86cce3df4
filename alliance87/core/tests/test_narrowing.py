"""A filter among more choices than a page can list (core.forms): a choice
named by a link holds, and so does the form sent back unchanged; text
typed over it selects every match; the matches listed are bounded and
each links to the list narrowed to it, the page's other filters kept."""

from __future__ import annotations

from django.http import QueryDict

from alliance87.core.forms import MATCHES_LISTED, Narrowing, read_narrowing

NAMES = {"ilo": "International Labour Organization (ILO)", "iom": "IOM"}


def read(query: str) -> Narrowing:
    data = QueryDict(query)
    return read_narrowing(
        Narrowing("owner", "owner_q", everyone="All owners"),
        data,
        value=data.get("owner", ""),
        text=data.get("owner_q", ""),
        name_of=NAMES.get,
        matches_of=lambda text, n: [(f"org-{i}", f"Org {i}") for i in range(min(n, 100))],
    )


def test_a_choice_named_by_a_link_holds() -> None:
    found = read("owner=ilo&state=all")
    assert (found.value, found.chosen, found.text) == ("ilo", NAMES["ilo"], "")
    assert found.clear_url == "?state=all"


def test_the_form_sent_back_with_the_name_keeps_the_choice_whatever_its_case() -> None:
    found = read("owner=ilo&owner_q=international+labour+organization+(ilo)")
    assert found.value == "ilo"


def test_text_typed_over_a_choice_selects_every_match() -> None:
    found = read("owner=ilo&owner_q=labour&page=3&state=open")
    assert found.value == "" and found.text == "labour"
    assert len(found.matches) == MATCHES_LISTED and found.more
    assert found.links[0] == ("Org 0", "?state=open&owner=org-0")


def test_an_emptied_text_box_selects_all() -> None:
    found = read("owner=ilo&owner_q=")
    assert (found.value, found.text, found.matches) == ("", "", ())


def test_a_choice_the_visitor_may_not_make_holds_with_no_name() -> None:
    found = read("owner=hidden")
    assert (found.value, found.chosen) == ("hidden", "")
    # Sent back from the form, its empty text box selects all.
    assert read("owner=hidden&owner_q=").value == ""
