"""
Walk the site as a visitor would, from the home page, with the demo data
loaded, and hold every page reached to the rules a screen-reader user, a
keyboard user and the Content-Security-Policy depend on.

New pages are covered as soon as a link leads to them: nothing to register.
"""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.testing.pages import crawl, problems_of
from alliance87.testing.personas import make_user


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_page_reached_from_home_meets_the_accessibility_rules(
    demo: None, client: Client, language: str
) -> None:
    report = crawl(client, f"/{language}/")
    assert len(report) >= 5, f"the walk reached too few pages: {sorted(report)}"
    failing = {url: found for url, found in report.items() if found}
    assert not failing, "\n".join(f"{url}: {'; '.join(f)}" for url, f in failing.items())


def test_secretariat_pages_meet_the_same_rules(demo: None, client: Client) -> None:
    client.force_login(make_user("audit-secretariat", staff=True))
    report = crawl(client, "/en/")
    failing = {url: found for url, found in report.items() if found}
    assert not failing, "\n".join(f"{url}: {'; '.join(f)}" for url, f in failing.items())


def test_audit_catches_an_unlabelled_field_and_a_skipped_heading() -> None:
    html = (
        '<html lang="en"><body><main id="main"><h1>T</h1><h3>Skip</h3>'
        '<input name="q"><img src="x.png"><a href="/en/x/"></a>'
        '<div style="color:red"></div></main></body></html>'
    )
    found = " | ".join(problems_of(html, "en"))
    assert "heading level skips from h1 to h3" in found
    assert "form control without a label: q" in found
    assert "images without alt" in found
    assert "links without text" in found
    assert "1 style attributes" in found
