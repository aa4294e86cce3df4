"""
A member replies in the Migration space with a file and a mention of an
organisation, with JavaScript off: the thread's page lists the file (name,
kind, size, a link that downloads it) and links the organisation; the page
and the edit page have no WCAG 2.2 A/AA violation that axe finds, on a
desktop and on a phone.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from alliance87.testing.browser import DESKTOP, PHONE, axe_violations, broken_references, follow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

THREAD = "Sample thread: how should the group share updates between meetings?"


def test_member_replies_with_a_file_and_an_organisation(
    browser: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    notes = tmp_path / "field-notes.txt"
    notes.write_text("Sample field notes, written for the browser test.\n", "utf-8")

    page = browser.open("member", viewport=PHONE, js=False).new_page()
    follow(page, "Action Group on Migration", THREAD, start="/en/community/")
    page.get_by_label(re.compile("^Your reply")).fill("Notes attached; @org:ituc may add theirs.")
    page.get_by_label(re.compile("^Files")).set_input_files(notes)
    page.get_by_role("button", name="Post the reply", exact=True).click()

    link = page.get_by_role("link", name="field-notes.txt", exact=True)
    expect(link).to_be_visible()
    size = notes.stat().st_size
    expect(page.get_by_text(f"(plain text, {size}\xa0bytes)")).to_be_visible()
    expect(
        page.get_by_role("link", name="@International Trade Union Confederation", exact=True)
    ).to_have_attribute("href", "/en/partners/ituc/")
    with page.expect_download() as download:
        link.click()
    assert download.value.path().read_text("utf-8") == notes.read_text("utf-8")
    thread_url = page.url

    for viewport in (DESKTOP, PHONE):
        seen = browser.open("member", viewport=viewport).new_page()
        seen.goto(thread_url)
        assert axe_violations(seen) == []
        assert broken_references(seen) == []
        seen.get_by_role("link", name="Edit", exact=True).last.click()
        expect(seen.get_by_text("Take off files")).to_be_visible()
        assert axe_violations(seen) == []
        assert broken_references(seen) == []
