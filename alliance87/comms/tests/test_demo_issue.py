"""The demo's newsletter issue: one, in the archive, labelled illustrative
on its pages, composed of the demo's posts, sent to nobody."""

from __future__ import annotations

import re

import pytest

from alliance87.comms import demo, selectors
from alliance87.comms.models import Delivery, Issue, IssueStatus
from alliance87.demo.loading import LoadReport
from alliance87.testing.factories import make_post

pytestmark = pytest.mark.django_db


def test_the_demo_files_one_illustrative_issue_of_its_posts_once(client):
    for row in demo.POSTS:
        make_post(row["slug"], title_en=row["title"]["en"], title_fr=row["title"].get("fr", ""))
    first = LoadReport()
    demo.load_issue(first)
    again = LoadReport()
    demo.load_issue(again)
    (issue,) = Issue.objects.all()
    assert issue.status == IssueStatus.SENT and issue.illustrative
    assert first.created == {"newsletter issue": 1} and not again.created and not again.updated
    assert not Delivery.objects.exists()
    archive = client.get("/fr/newsletter/archive/").content.decode()
    assert issue.get_absolute_url().replace("/en/", "/fr/") in archive
    page = client.get(f"/en/newsletter/archive/{issue.pk}/").content.decode()
    assert "Illustrative (demo): this issue was never sent." in page
    for row in demo.POSTS:
        assert f'href="/en/news/{row["slug"]}/"' in page
    # A real issue's suggestions do not start from the demo's date.
    assert selectors.newsletter_since().year > 2019


def test_the_demo_issue_page_has_no_empty_hint(client):
    for row in demo.POSTS:
        make_post(row["slug"], title_en=row["title"]["en"], title_fr=row["title"].get("fr", ""))
    demo.load_issue(LoadReport())
    issue = Issue.objects.get()
    page = client.get(f"/en/newsletter/archive/{issue.pk}/").content.decode()
    assert re.search(r'<p class="hint"[^>]*>\s*</p>', page) is None
    assert '<p class="hint"' not in page
