"""On a phone: a refused form links each error to its field, and a stacked
table's cell shows its column before its value."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.testing.browser import PHONE, axe_violations, broken_references

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_refused_application_links_each_error_to_its_field(browser: Any) -> None:
    page = browser.open(None, viewport=PHONE).new_page()
    page.goto("/en/apply/")
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    assert axe_violations(page) == []
    assert broken_references(page) == []


def test_a_stacked_table_cell_shows_its_column_on_a_phone(browser: Any) -> None:
    """At 390 px the header row is hidden; each cell says its column before
    its value (issue 10, item 13), with JavaScript on or off."""
    for js in (True, False):
        page = browser.open(None, viewport=PHONE, js=js).new_page()
        page.goto("/fr/partners/")
        assert not page.locator("table.table thead").first.is_visible()
        cell = page.locator("table.table tbody td").first
        assert cell.is_visible()
        assert cell.get_attribute("data-label") == "Type de partie prenante"
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"Type de partie prenante: "'
        # The label is laid out before the value: the value starts further in.
        indent = cell.evaluate(
            "td => { const r = document.createRange(); r.selectNodeContents(td);"
            " return r.getClientRects()[0].left - td.getBoundingClientRect().left; }"
        )
        assert indent > 40, indent
