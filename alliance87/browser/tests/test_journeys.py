"""
Each persona's main task, done by clicking and typing as a person would,
from a page they reach by following links. The request guard of the
`browser` fixture fails a journey that reached another host.

The visitor and the partner go with JavaScript off (every persona also
signs in with it off, see conftest.py), the others with it on; the focal
point's journey runs on a desktop and on a phone.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from alliance87.testing.browser import DESKTOP, PHONE, follow

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def click(page: Any, name: str, *, role: str = "link") -> None:
    page.get_by_role(role, name=name, exact=True).first.click()


def field(page: Any, label: str) -> Any:
    """Return the field whose label starts with `label` ("Title:", "Title")."""
    return page.get_by_label(re.compile("^" + re.escape(label))).first


def fill(page: Any, label: str, value: str) -> None:
    field(page, label).fill(value)


def focal_point_updates_progress_and_round_trips_the_csv(page: Any, tmp_path: Any) -> None:
    follow(page, "Your account", "Nepal")
    # Nepal has no roadmap in the demo: the focal point writes one.
    click(page, "Add a roadmap")
    fill(page, "Title", "Nepal roadmap, browser test")
    click(page, "Save", role="button")
    click(page, "Add a priority area")
    fill(page, "Title", "Prevention")
    click(page, "Save", role="button")
    click(page, "Add an action")
    fill(page, "Action", "Train labour inspectors")
    click(page, "Save", role="button")

    click(page, "Post progress Train labour inspectors")
    fill(page, "Progress made", "Two training sessions held.")
    field(page, "Status now").select_option("in_progress")
    fill(page, "Percentage done now", "20")
    click(page, "Save", role="button")
    expect(page.get_by_text("Two training sessions held.").first).to_be_visible()

    with page.expect_download() as download:
        click(page, "Actions as CSV")
    rows = list(csv.DictReader(io.StringIO(download.value.path().read_text("utf-8-sig"))))
    assert [row["percent_done"] for row in rows] == ["20"]
    rows[0]["percent_done"] = "60"
    rows[0]["new_progress_note"] = "Curriculum adopted."
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    upload = tmp_path / "actions.csv"
    upload.write_text(out.getvalue(), "utf-8")

    click(page, "Upload updated actions")
    field(page, "CSV file").set_input_files(upload)
    click(page, "Check and apply the file", role="button")
    expect(page.get_by_text("Curriculum adopted.").first).to_be_visible()
    expect(page.get_by_text("60").first).to_be_visible()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_focal_point_updates_progress_and_round_trips_the_csv(
    browser: Any, tmp_path: Any, viewport: dict[str, int]
) -> None:
    page = browser.open("focal_point", viewport=viewport).new_page()
    focal_point_updates_progress_and_round_trips_the_csv(page, tmp_path)


def visitor_applies(page: Any, tmp_path: Any) -> None:
    follow(page, "Groups", "Apply to join the Alliance, a group or the GCG")
    page.get_by_label("Join a group").check()
    fill(page, "Name of your organisation", "Browser Test Workers' Union")
    field(page, "Type of organisation").select_option("workers")
    field(page, "Group you would like to join").select_option(label="Action Group on Migration")
    fill(page, "Your name", "Ada Applicant")
    fill(page, "Your email address", "ada@example.org")
    fill(page, "Tell us about your organisation", "We organise migrant workers.")
    # A form sent within seconds of being shown is taken for a robot's.
    page.wait_for_timeout(3_100)
    click(page, "Send the application", role="button")
    expect(page.get_by_role("heading", name="Thank you: your application is sent")).to_be_visible()


def secretariat_reviews_the_application(page: Any, tmp_path: Any) -> None:
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Applications").click()
    click(page, "Browser Test Workers' Union")
    page.get_by_label("Start the review (the applicant is told)").check()
    fill(page, "Reason or note for the applicant", "We are reading it.")
    click(page, "Save and email the applicant", role="button")
    expect(page.get_by_text("Saved. The applicant has been sent an email.")).to_be_visible()
    expect(page.get_by_text("We are reading it.").first).to_be_visible()


def test_visitor_applies_and_the_secretariat_reviews(browser: Any, tmp_path: Any) -> None:
    visitor_applies(browser.open(None, viewport=PHONE, js=False).new_page(), tmp_path)
    secretariat_reviews_the_application(
        browser.open("secretariat", viewport=DESKTOP).new_page(), tmp_path
    )


def partner_endorses(page: Any, tmp_path: Any) -> None:
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Statements").click()
    click(page, "The Bangkok Statement")
    click(page, "Endorse on behalf of your organisation")
    page.get_by_role("checkbox").first.check()
    click(page, "Endorse", role="button")
    expect(page.get_by_text("now endorses").first).to_be_visible()
    expect(
        page.get_by_role("link", name="Demo organisation (demo accounts only)").first
    ).to_be_visible()


def test_partner_endorses_a_statement(browser: Any, tmp_path: Any) -> None:
    partner_endorses(browser.open("partner", viewport=PHONE, js=False).new_page(), tmp_path)


def test_partner_is_not_offered_to_endorse_twice(browser: Any, tmp_path: Any) -> None:
    page = browser.open("partner", viewport=DESKTOP).new_page()
    partner_endorses(page, tmp_path)
    expect(page.get_by_role("link", name="Endorse on behalf of your organisation")).to_have_count(
        0
    )


def chair_edits_the_workplan(page: Any, tmp_path: Any) -> None:
    follow(page, "Groups", "Action Group on Migration", "Edit the workplan", "Add an activity")
    fill(page, "Title", "Browser-tested mapping of recruitment fees")
    field(page, "Status").select_option("in_progress")
    fill(page, "Percentage done", "10")
    click(page, "Save", role="button")
    expect(page.get_by_text("Browser-tested mapping of recruitment fees").first).to_be_visible()


def test_chair_edits_the_workplan(browser: Any, tmp_path: Any) -> None:
    chair_edits_the_workplan(browser.open("chair", viewport=PHONE).new_page(), tmp_path)


def secretariat_records_a_meeting(page: Any, tmp_path: Any) -> None:
    follow(page, "Events", "5th Global Coordinating Group meeting", "Record this meeting")
    # The page also offers a decision (numbered) under no agenda item.
    adding = page.get_by_role("region", name="Add an agenda item")
    fill(adding, "Number", "IX")
    fill(adding, "Title", "Browser-tested agenda item")
    click(adding, "Add the item", role="button")
    item = page.get_by_role("region", name="IX. Browser-tested agenda item")
    item.get_by_text("Add a decision", exact=True).click()
    item.get_by_label(re.compile("^Decision")).fill("The group adopts the browser test.")
    item.get_by_role("button", name="Add the decision").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    click(page, "5th Global Coordinating Group meeting")
    expect(page.get_by_text("The group adopts the browser test.").first).to_be_visible()


def test_secretariat_records_a_meeting(browser: Any, tmp_path: Any) -> None:
    secretariat_records_a_meeting(
        browser.open("secretariat", viewport=DESKTOP).new_page(), tmp_path
    )


def secretariat_creates_and_edits_an_event(page: Any) -> None:
    page.goto("/en/")
    click(page, "Events")
    click(page, "Record a new event")
    fill(page, "Title", "Browser-tested committee meeting")
    field(page, "Type").select_option("committee_meeting")
    fill(page, "Date", "2019-09-20")
    fill(page, "Objective", "Agree the terms of reference")
    # Without JavaScript, more rows come from the server, keeping the text.
    page.locator("#participants").get_by_role("button", name="More rows").click()
    expect(field(page, "Objective")).to_have_value("Agree the terms of reference")
    participants = page.locator("#participants")
    expect(participants.get_by_role("group", name="Participant 4")).to_be_visible()
    participants.get_by_label(re.compile("^Organisation")).first.select_option(index=1)
    participants.get_by_label(re.compile("^Attendance")).first.select_option("written_input")
    click(page, "Save the event", role="button")
    expect(page.get_by_role("heading", name="Browser-tested committee meeting")).to_be_visible()
    expect(page.get_by_text("Agree the terms of reference")).to_be_visible()
    expect(page.get_by_text("Written input")).to_be_visible()

    click(page, "Edit the event, its participants and objectives")
    fill(page, "Title", "Browser-tested committee meeting, corrected")
    click(page, "Save the event", role="button")
    expect(
        page.get_by_role("heading", name="Browser-tested committee meeting, corrected")
    ).to_be_visible()


def test_secretariat_creates_and_edits_an_event_without_javascript(browser: Any) -> None:
    secretariat_creates_and_edits_an_event(
        browser.open("secretariat", viewport=DESKTOP, js=False).new_page()
    )


def secretariat_imports_a_report(page: Any) -> None:
    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Import a report").click()
    fill(
        page,
        "Or paste the report's text",
        "Browser-tested committee - 1st meeting\nDate: 12 March 2024\n\nAgenda\n"
        "1. Opening (Chair)\n2. Terms of reference\n3. Any other business\n",
    )
    click(page, "Read the report", role="button")
    expect(page.get_by_text("found by the rule “agenda_list”").first).to_be_visible()
    # Drop the third item, edit the second: every field is the row's.
    page.locator("#row-agenda-2").get_by_role("button", name="Drop").click()
    page.locator("#row-agenda-1").get_by_role("link", name="Edit").click()
    fill(page, "Title", "Terms of reference, agreed")
    fill(page, "Duration in minutes", "30")
    click(page, "Keep these values", role="button")
    click(page, "Save draft", role="button")
    expect(
        page.get_by_role("heading", name="Browser-tested committee - 1st meeting")
    ).to_be_visible()
    expect(page.get_by_text("Terms of reference, agreed").first).to_be_visible()
    # The dropped row is no agenda item (the report's quoted passage beside
    # the kept ones may still read it).
    expect(page.get_by_role("heading", name=re.compile("Any other business"))).to_have_count(0)
    expect(
        page.get_by_role("heading", name=re.compile("Terms of reference, agreed"))
    ).to_have_count(1)


def test_secretariat_imports_a_report_without_javascript(browser: Any) -> None:
    secretariat_imports_a_report(browser.open("secretariat", viewport=PHONE, js=False).new_page())


def partner_submits_a_highlight(page: Any) -> None:
    # The day's page in the calendar links to its campaign.
    follow(
        page,
        "World Day against Child Labour",
        start="/en/events/world-day-against-child-labour/",
    )
    click(page, "Submit a highlight or a champion")
    page.get_by_label("Highlight from a country").check()
    fill(page, "Title", "Browser-tested 12 June highlight")
    fill(page, "Text", "A browser test's highlight, for 12 June.")
    click(page, "Submit for review", role="button")
    expect(page.get_by_text("Browser-tested 12 June highlight").first).to_be_visible()
    expect(page.get_by_text("Waiting for review").first).to_be_visible()


def secretariat_publishes_the_highlight(page: Any) -> None:
    page.goto("/en/campaigns/world-day-against-child-labour/")
    click(page, "1 submission waits for review")
    submission = page.locator("article", has_text="Browser-tested 12 June highlight")
    submission.get_by_role("button", name=re.compile("^Publish")).click()
    expect(page.get_by_text("The submission is published").first).to_be_visible()
    click(page, "World Day against Child Labour")
    highlights = page.locator("#highlights")
    expect(highlights.get_by_text("Browser-tested 12 June highlight")).to_be_visible()


def test_partner_submits_a_12_june_highlight_the_reviewers_publish(browser: Any) -> None:
    partner_submits_a_highlight(browser.open("partner", viewport=PHONE, js=False).new_page())
    secretariat_publishes_the_highlight(browser.open("secretariat", viewport=DESKTOP).new_page())
