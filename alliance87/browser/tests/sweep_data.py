"""The rows the browser sweep (test_pages.py) needs beyond the demo data,
made through the services, and the ids of the demo rows its paths name
(`ids()`, which fills in the {names} of swept_pages.PAGES)."""

from __future__ import annotations

# A short report the import pages are swept with.
SHORT_REPORT = """Data Committee - 3rd meeting
Date: 12 March 2024
Venue: online

Agenda
1. Opening (Chair)
2. Survey results (Walk Free Foundation)

Decisions
1. The Committee adopted the workplan for 2024.

Action: The Secretariat to circulate the survey results by 30 April 2024.
Q: Freedom United Network asked when the data will be published.
A: The Secretariat answered that it will be published in June.
"""

# A CSV file of figures with three bad rows, refused by the data import.
DATA_IMPORT = (
    "edition,publisher,published,reference_year,geography,geography_level,indicator,"
    "value,unit,source_url\n"
    "Sweep edition,Sweep,2030-01,2029,World,world,people_in_forced_labour,"
    '"1,000",persons,https://example.org/\n'
    "Sweep edition,Sweep,2030-01,2029,Atlantis,region,people_in_forced_labour,"
    "1,persons,https://example.org/\n"
    "Sweep edition,=Sweep,2030-01,2029,World,world,people_in_forced_marriage,"
    "1,persons,https://example.org/\n"
)


def _campaign_image() -> int:
    """A toolkit image of the demo's campaign (the demo has none)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliance87.campaigns.models import Campaign, CampaignImage
    from alliance87.campaigns.services import add_campaign_image
    from alliance87.testing.png import png

    campaign = Campaign.objects.get(slug="world-day-against-child-labour")
    image = CampaignImage.objects.filter(campaign=campaign).first() or add_campaign_image(
        campaign,
        acting_user=None,
        upload=SimpleUploadedFile("sweep.png", png()),
        alt={"en": "A blank square (the browser sweep's image)"},
        licence="CC0 1.0",
    )
    return image.pk


def _closed_survey() -> str:
    """The slug of a closed public survey: a copy of the demo's, made
    public, opened and closed through the builder's services."""
    from alliance87.comms import services
    from alliance87.comms.models import Survey

    found = Survey.objects.filter(slug__startswith="copy-of-", visibility="public").first()
    if found is None:
        found = services.copy_survey(
            Survey.objects.get(slug="online-community-priorities"), acting_user=None
        )
        found.visibility = "public"
        services.save_survey(found, acting_user=None)
        services.open_survey(found, acting_user=None)
        services.close_survey(found, acting_user=None)
    return found.slug


def _event_file_document() -> None:
    """A file among the 4th GCG meeting's documents (the demo's one document
    is a link), so that the Sources page's document search lists a match."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from alliance87.events.models import Document, Event
    from alliance87.events.services import attach_document

    title = "Sweep report (illustrative: a file the browser sweep attaches)"
    event = Event.objects.get(slug="gcg-4")
    if not Document.objects.filter(event=event, title_en=title).exists():
        attach_document(
            event,
            acting_user=None,
            kind="other",
            title={"en": title},
            upload=SimpleUploadedFile("sweep-report.txt", b"Illustrative text only.\n"),
        )


def ids() -> dict[str, int | str]:
    """Return the ids of the demo rows that some paths name."""
    from django.contrib.auth import get_user_model

    from alliance87.accounts.demo import email_of
    from alliance87.pathfinders.models import Roadmap
    from alliance87.reports.models import ReportImport
    from alliance87.reports.services import start_import

    report = ReportImport.objects.filter(pasted=SHORT_REPORT).first() or start_import(
        acting_user=get_user_model().objects.get(email=email_of("secretariat")),
        text=SHORT_REPORT,
    )
    from alliance87.community.demo import THREADS
    from alliance87.community.models import Post

    reply = Post.objects.filter(thread__title=THREADS[0][2]).order_by("pk").last()
    assert reply is not None
    from alliance87.core.taskrecords import TaskRecord, TaskState

    for state, error in (
        (TaskState.WAITING, "SMTPServerDisconnected: Connection unexpectedly closed"),
        (TaskState.UNCERTAIN, "A worker stopped while sending this email."),
    ):
        TaskRecord.objects.get_or_create(
            key=f"browser-sweep-{state}",
            defaults={
                "task_path": "alliance87.community.tasks.send_notification_task",
                "args": [reply.pk],
                "state": state,
                "attempts": 3,
                "last_error": error,
            },
        )
    from django.contrib.contenttypes.models import ContentType

    from alliance87.data.models import ImportRun
    from alliance87.data.services import apply_import, lines_of_text
    from alliance87.events.models import Event

    data_import = ImportRun.objects.filter(file_name="refused.csv").first()
    if data_import is None:
        data_import = apply_import(
            ImportRun.objects.create(file_name="refused.csv", status=ImportRun.Status.READY),
            acting_user=None,
            read=lines_of_text(DATA_IMPORT),
        )
    from alliance87.safeguarding.models import Report
    from alliance87.safeguarding.services import file_report

    member = get_user_model().objects.get(email=email_of("member"))
    concern = Report.objects.filter(reporter=member).first() or file_report(
        reporter=member,
        category="other",
        what_happened="Illustrative: a report the browser sweep makes, about nothing real.",
        post=reply,
        acting_user=member,
    )
    _event_file_document()
    return {
        "safeguarding_report": concern.pk,
        "community_thread": reply.thread_id,
        "community_reply": reply.pk,
        "community_opening": Post.objects.filter(thread_id=reply.thread_id).earliest("pk").pk,
        "community_flagged": Post.objects.filter(flags__isnull=False).earliest("pk").pk,
        "data_import": data_import.pk,
        "roadmap": Roadmap.objects.get(pathfinder__country__iso3="CHL").pk,
        "user": get_user_model().objects.get(email=email_of("partner")).pk,
        "report_import": report.pk,
        "event_kind": ContentType.objects.get_for_model(Event).pk,
        "gcg4": Event.objects.get(slug="gcg-4").pk,
        "campaign_image": _campaign_image(),
        "closed_survey": _closed_survey(),
    }
