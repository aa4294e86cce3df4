"""
Pressing Enter in the Sources page's "Find a Hub document" box runs Find,
not "Record the source", with JavaScript on and off: Find is the citation
form's first submit button, which a browser presses for Enter in a text
box of the form (HTML's implicit submission; docs/provenance.md).
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from alliance87.testing.browser import DESKTOP

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.mark.parametrize("js", [True, False], ids=["javascript", "no-javascript"])
def test_enter_in_the_search_box_finds_and_records_nothing(browser: Any, js: bool) -> None:
    from alliance87.core.models import Citation
    from alliance87.core.sources import sources_url
    from alliance87.events.models import Event

    meeting = Event.objects.get(slug="gcg-4")
    cited = Citation.objects.count()
    page = browser.open("secretariat", viewport=DESKTOP, js=js).new_page()
    page.goto(sources_url(meeting) + "?field=-")
    # Something typed in the other fields too: Enter must not send them
    # to be recorded.
    page.locator('input[name="source_title"]').fill("Notes of the Chair")
    box = page.get_by_role("textbox", name="Find a Hub document")
    box.fill("report")
    box.press("Enter")
    expect(page.locator("#documents-found")).to_be_visible()
    expect(page.locator('input[name="source_title"]')).to_have_value("Notes of the Chair")
    assert Citation.objects.count() == cited
