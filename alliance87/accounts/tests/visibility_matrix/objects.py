"""One matrix object per row (content type × level × status), built through
the services, and the scene they are built in: the host meeting, group,
statement and pathfinder whose pages show them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.accounts.tests.visibility_matrix.ways import (
    DATA_INDICATOR,
    EVENT_COUNTRY,
    FOLLOWER_COUNTRY,
    HOST_CAMPAIGN,
    HOST_COUNTRY,
    ORG_COUNTRY,
    PATHFINDER_COUNTRIES,
    SOLE_COUNTRIES,
    SPACE_MODERATOR,
    SPACE_SUSPENDED,
    Item,
)
from alliance87.applications.services import submit_application
from alliance87.campaigns import services as campaigns
from alliance87.campaigns.models import Campaign
from alliance87.comms.models import (
    Choice,
    Issue,
    MailEventKind,
    Post,
    Question,
    Subscriber,
    Survey,
)
from alliance87.comms.services import PostLinks, save_partner_post, save_post, submit_post
from alliance87.community import moderation
from alliance87.community import services as community
from alliance87.community.models import Notification, PostState, Space, SpaceKind, ThreadKind
from alliance87.community.models import Post as CommunityPost
from alliance87.community.models import Thread as CommunityThread
from alliance87.core.dates import ReportedDate
from alliance87.core.models import KeyFigure
from alliance87.countries.models import Country
from alliance87.data.models import Edition, GovernmentReply, ImportRun
from alliance87.data.services import lines_of_text, set_edition_visibility, write_observations
from alliance87.events import services as events
from alliance87.events.models import Event, EventSeries, Objective
from alliance87.groups.models import (
    Activity,
    ChairRole,
    Constituency,
    Group,
    GroupKind,
    Membership,
    Seat,
)
from alliance87.groups.services import add_member, end_term, save_group, start_chair_term
from alliance87.library.models import Term
from alliance87.library.services import Links, save_term
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.pathfinders import services as pathfinders
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Workshop,
)
from alliance87.reports.models import ReportImport
from alliance87.statements.models import Statement
from alliance87.statements.services import endorse_statement
from alliance87.testing.factories import make_organisation, make_resource
from alliance87.testing.personas import Personas, make_user


@dataclass
class Scene:
    """What the objects are built in, and what they are built into."""

    personas: Personas
    member_org: Organisation  # the member persona's; in every matrix group
    host_group: Group
    host_event: Event
    host_statement: Statement
    host_pathfinder: Pathfinder
    people_org: Organisation  # the matrix people work for it
    academy: Organisation  # takes part in every matrix event
    regional_body: Organisation  # hosts the regional workshops
    objects: dict[str, Any] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    host_focal: Any = None  # the focal point of HOST_COUNTRY

    @property
    def secretariat(self) -> Any:
        return self.personas.secretariat


def matrix_account(username: str) -> Any:
    """The account `username`, made the first time it is asked for."""
    found = get_user_model().objects.filter(username=username).first()
    return found if found is not None else make_user(username)


def country(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3.upper())


def make_group(
    scene: Scene,
    slug: str,
    name: str,
    visibility: str,
    parent: Group | None = None,
    member: bool = True,
) -> Group:
    """Return a new action group; the member persona's organisation is a
    member of it unless `member` is False."""
    group = Group(slug=slug, name=name, name_en=name, visibility=visibility, parent=parent)
    group.kind = GroupKind.ACTION_GROUP
    group = save_group(group, acting_user=scene.secretariat)
    if member:
        add_member(group, organisation=scene.member_org, acting_user=scene.secretariat)
    return group


def make_event(
    secretariat: Any,
    slug: str,
    title: str,
    *,
    day: dt.date,
    publish: bool,
    held_in: str = EVENT_COUNTRY,
    **values: Any,
) -> Event:
    event = Event(slug=slug, title=title, title_en=title, event_type="gcg_meeting", **values)
    date = ReportedDate(day)
    event.date_start, event.date_end = date.start, date.end
    event.date_precision, event.date_tentative = date.precision, date.tentative
    events.save_event(event, acting_user=secretariat, countries=[country(held_in)])
    if publish:
        events.publish_event(event, acting_user=secretariat)
        event.refresh_from_db()
    return event


def make_object(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item`, the `n`th row, with its marker as its
    name or text, and what links it to the pages that show it."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "keyfigure":
        obj = KeyFigure.objects.create(
            slug=item.key,
            value=n,
            label=m,
            reference_year=2021,
            source="ILO",
            publication_year=2022,
            visibility=level,
        )
    elif item.kind == "organisation":
        obj = make_organisation(
            item.key,
            m,
            is_partner=True,
            country=country(ORG_COUNTRY),
            visibility=level,
            stakeholder_type=StakeholderType.CIVIL_SOCIETY,
        )
        endorse_statement(scene.host_statement, organisation=obj, acting_user=scene.secretariat)
        scene.objects[f"{item.key}:membership"] = add_member(
            scene.host_group, organisation=obj, acting_user=scene.secretariat
        )
        scene.organisations.append(obj)
        scene.host_event.organisers.add(obj)
        # Named as the owner of a public action item, too.
        events.record_action_item(
            scene.host_event, acting_user=scene.secretariat, text="Owned", owner_organisation=obj
        )
        events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=f"O{n}",
            title="Presented",
            presenter_organisations=[obj],
        )
    elif item.kind == "person":
        obj = Person.objects.create(
            slug=item.key, name=m, organisation=scene.people_org, visibility=level
        )
        scene.people.append(obj)
        # A past co-chair of the host group, for its organisation.
        start_chair_term(
            scene.host_group,
            role=ChairRole.CO_CHAIR,
            organisation=scene.people_org,
            person=obj,
            starts_on=dt.date(2010 + len(scene.people), 1, 1),
            ends_on=dt.date(2010 + len(scene.people), 12, 31),
            acting_user=scene.secretariat,
        )
        # A party to the public record: asks a question, presents an item.
        events.record_exchange(
            scene.host_event, acting_user=scene.secretariat, question="Asked", asked_by_person=obj
        )
        events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=f"P{n}",
            title="Presented",
            presenter_people=[obj],
        )
    elif item.kind == "event":
        # Each event opens a series of its own; a public meeting follows.
        own_series = EventSeries.objects.create(
            slug=f"mx-series-{n}", name=f"Series {n}", name_en=f"Series {n}", body="Body"
        )
        obj = make_event(
            scene.secretariat,
            item.key,
            m,
            day=dt.date(2018, 1, 1 + n % 28),
            publish=item.status == "published",
            visibility=level,
            series=own_series,
            number=1,
        )
        make_event(
            scene.secretariat,
            f"{item.key}-next",
            f"Follows {n}",
            day=dt.date(2018, 12, 1 + n % 28),
            publish=True,
            held_in=FOLLOWER_COUNTRY,
            series=own_series,
            number=2,
        )
        obj.groups.add(scene.host_group)
        events.add_participant(obj, acting_user=scene.secretariat, organisation=scene.academy)
        # Its outcomes feed into the host meeting, whose page links it.
        events.link_events(obj, scene.host_event, acting_user=scene.secretariat)
        events.record_decision(obj, acting_user=scene.secretariat, identifier=f"MX/{n}", text=m)
        events.record_action_item(
            obj,
            acting_user=scene.secretariat,
            text=m,
            owner_organisation=scene.personas.partner_org,
        )
    elif item.kind == "objective":
        obj = events.add_objective(scene.host_event, acting_user=scene.secretariat, text=m)
        Objective.objects.filter(pk=obj.pk).update(visibility=level)
    elif item.kind == "agendaitem":
        obj = events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=str(n),
            title=m,
            visibility=level,
        )
    elif item.kind == "exchange":
        obj = events.record_exchange(
            scene.host_event,
            acting_user=scene.secretariat,
            question=m,
            visibility=level,
            asked_by_organisation=scene.personas.partner_org,
        )
    elif item.kind == "document":
        obj = events.attach_document(
            scene.host_event,
            acting_user=scene.secretariat,
            kind="report",
            title=m,
            url=f"https://example.org/{item.key}",
            visibility=level,
        )
    elif item.kind == "decision":
        obj = events.record_decision(
            scene.host_event,
            acting_user=scene.secretariat,
            identifier=item.key,
            text=m,
            visibility=level,
        )
    elif item.kind == "actionitem":
        obj = events.record_action_item(
            scene.host_event,
            acting_user=scene.secretariat,
            text=m,
            visibility=level,
            owner_organisation=scene.personas.partner_org,
        )
    elif item.kind == "participant":
        obj = events.add_participant(
            scene.host_event,
            acting_user=scene.secretariat,
            organisation=make_organisation(item.key, m, is_partner=False),
            visibility=level,
        )
    elif item.kind == "group":
        obj = make_group(scene, item.key, m, level, parent=scene.host_group)
        # A seat open for nominations: the application form offers
        # those of public groups.
        Seat.objects.create(
            group=obj,
            constituency=Constituency.SOCIAL_PARTNERS,
            label=f"{m} seat",
            open_for_nominations=True,
        )
    elif item.kind == "othergroup":
        obj = make_group(scene, item.key, m, level, parent=scene.host_group, member=False)
    elif item.kind == "activity":
        obj = Activity.objects.create(
            group=scene.host_group, title=m, title_en=m, visibility=level
        )
    elif item.kind == "pathfinder":
        obj = Pathfinder.objects.get(country=country(PATHFINDER_COUNTRIES[level]))
        obj.summary = m
        obj.visibility = level
        obj = pathfinders.update_pathfinder(obj, acting_user=scene.secretariat)
    elif item.kind == "roadmap":
        roadmap = Roadmap(
            pathfinder=scene.host_pathfinder,
            title=m,
            period_start=2019,
            period_end=2021,
            visibility=level,
        )
        if item.status == "adopted":
            pathfinders.adopt_roadmap(
                roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=scene.secretariat
            )
        else:
            pathfinders.save_roadmap(roadmap, acting_user=scene.secretariat)
        priority = pathfinders.save_priority_area(
            PriorityArea(roadmap=roadmap, number=1, title="Prevention"),
            acting_user=scene.secretariat,
        )
        action = pathfinders.save_action(
            Action(
                priority=priority,
                number=1,
                title=m,
                currency="USD",
                budget_needed=Decimal(1000),
                budget_secured=Decimal(400),
            ),
            acting_user=scene.secretariat,
        )
        pathfinders.record_progress(
            action, date=dt.date(2020, 1, 1), text=m, acting_user=scene.secretariat
        )
        obj = roadmap
    elif item.kind == "workshop":
        workshop = Workshop(
            pathfinder=scene.host_pathfinder,
            host_country=country(HOST_COUNTRY),
            region=country(HOST_COUNTRY).region,
            title=m,
            visibility=level,
        )
        date = ReportedDate(dt.date(2019, 6, 1 + n % 28))
        workshop.date_start, workshop.date_end = date.start, date.end
        workshop.date_precision = date.precision
        obj = pathfinders.save_workshop(workshop, acting_user=scene.secretariat)
    elif item.kind == "regionalworkshop":
        workshop = Workshop(
            host_organisation=scene.regional_body,
            region=country(HOST_COUNTRY).region,
            title=m,
            visibility=level,
        )
        date = ReportedDate(dt.date(2019, 7, 1 + n % 28))
        workshop.date_start, workshop.date_end = date.start, date.end
        workshop.date_precision = date.precision
        obj = pathfinders.save_workshop(workshop, acting_user=scene.secretariat)
    elif item.kind == "finding":
        obj = pathfinders.save_finding(
            Finding(
                pathfinder=scene.host_pathfinder,
                kind=Finding.Kind.ACHIEVEMENT,
                text=m,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
    elif item.kind == "govreply":
        # Submitted by the host country's focal point; published or not.
        obj = GovernmentReply.objects.create(
            country=country(HOST_COUNTRY),
            text=m,
            status=item.status,
            submitted_by=scene.host_focal,
        )
    elif item.kind == "lesson":
        obj = Lesson.objects.create(text=m, text_en=m, visibility=level)
    elif item.kind == "statement":
        obj = Statement.objects.create(slug=item.key, title=m, title_en=m, visibility=level)
    elif item.kind == "resource":
        obj = make_resource(
            item.key,
            m,
            visibility=level,
            status=item.status,
            group=scene.host_group,
            date_start=dt.date(1950 + n, 1, 1),
            links=Links(countries=[country(EVENT_COUNTRY)], events=[scene.host_event]),
        )
    elif item.kind == "post":
        post = Post(
            slug=item.key,
            kind="news",
            title_en=m,
            visibility=level,
            group=scene.host_group,
            status=item.status,
            publish_at=dt.datetime(1900 + n % 100, 1, 1, tzinfo=dt.UTC),
            organisation=scene.people_org,
        )
        obj = save_post(
            post,
            acting_user=None,
            links=PostLinks(countries=[country(EVENT_COUNTRY)], events=[scene.host_event]),
        )
    elif item.kind == "partnerpost":
        partner = scene.personas.partner
        post = Post(slug=item.key, kind="news", title_en=m, body_en=m, visibility=level)
        obj = submit_post(save_partner_post(post, acting_user=partner), acting_user=partner)
    elif item.kind == "subscriber":
        from alliance87.comms.services import record_mail_event, subscribe

        # The marker in the address (held in lower case), and an event the
        # mail provider reported: the list shows both.
        address = f"{m.lower()}@example.org"
        subscribe(email=address, language="en", acting_user=None)
        record_mail_event(
            provider="postmark",
            kind=MailEventKind.SOFT_BOUNCE,
            address=address,
            occurred_at=None,
            detail=m,
            acting_user=None,
        )
        obj = Subscriber.objects.get(email=address)
    elif item.kind in ("issue", "draftissue"):
        from alliance87.comms.services import save_issue, start_sending
        from alliance87.comms.tasks import send_issue

        obj = save_issue(
            Issue(), acting_user=scene.secretariat, subjects={"en": m}, bodies={"en": m}
        )
        if item.kind == "issue":
            start_sending(obj, acting_user=scene.secretariat)
            send_issue.call(obj.pk)
            obj.refresh_from_db()
            assert obj.status == "sent"
    elif item.kind in ("space", "thread"):
        space = community.save_space(
            Space(
                slug=item.key if item.kind == "space" else f"{item.key}-space",
                name=m if item.kind == "space" else f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        obj = space
        if item.kind == "space":
            # A moderator and a suspended person of its own, for the API's
            # writes that remove and lift them (ways.API_SPACE_WRITES).
            community.set_moderator(
                space, matrix_account(SPACE_MODERATOR), acting_user=scene.secretariat
            )
            moderation.suspend(
                space, matrix_account(SPACE_SUSPENDED), acting_user=scene.secretariat, reason="Mx"
            )
        if item.kind == "thread":
            obj = community.start_thread(
                space,
                acting_user=scene.secretariat,
                title=m,
                body=f"Body of {m}",
                attachments=[SimpleUploadedFile(f"{item.key}.txt", f"File of {m}".encode())],
            )
            # Everyone was told of it (as if each had joined its space at
            # the level "everything"): the inbox shows it to those who may
            # see it still.
            opening = obj.posts.get()
            Notification.objects.bulk_create(
                Notification(user=user, post=opening, reason="thread", created=opening.created)
                for user in get_user_model().objects.all()
            )
    elif item.kind == "campaign":
        obj = campaigns.save_campaign(
            Campaign(
                slug=item.key,
                title=m,
                title_en=m,
                visibility=level,
                status=item.status,
                event=scene.host_event,
                review_group=scene.host_group,
                date=dt.date(2000 + n % 100, 6, 12),
            ),
            acting_user=None,
        )
    elif item.kind == "submission":
        host = Campaign.objects.filter(slug=HOST_CAMPAIGN).first() or campaigns.save_campaign(
            Campaign(
                slug=HOST_CAMPAIGN,
                title="Host campaign",
                title_en="Host campaign",
                status="published",
                review_group=scene.host_group,
                date=dt.date(2027, 6, 12),
            ),
            acting_user=None,
        )
        obj = campaigns.submit(
            host,
            acting_user=scene.personas.partner,
            kind="highlight",
            title=m,
            text=f"Text of {m}",
            language="en",
        )
        if item.status == "published":
            campaigns.publish_submission(obj, acting_user=scene.secretariat)
        elif item.status == "declined":
            campaigns.decline_submission(obj, acting_user=scene.secretariat, reason="Declined.")
    elif item.kind == "modpost":
        space = community.save_space(
            Space(
                slug=f"{item.key}-space",
                name=f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = community.reply(
            thread,
            acting_user=scene.secretariat,
            body=f"Body of {m}",
            attachments=[SimpleUploadedFile(f"{item.key}.txt", f"File of {m}".encode())],
        )
        if item.status == "hidden":
            moderation.hide_post(obj, acting_user=scene.secretariat, reason="Matrix")
        else:  # as a new account's reply is held (the Secretariat's never is)
            CommunityPost.objects.filter(pk=obj.pk).update(state=PostState.HELD)
            CommunityThread.objects.filter(pk=thread.pk).update(reply_count=0)
            obj.refresh_from_db()
        # Everyone was told of it before it was hidden (or held by mistake).
        Notification.objects.bulk_create(
            (
                Notification(user=user, post=obj, reason="reply", created=obj.created)
                for user in get_user_model().objects.all()
            ),
            ignore_conflicts=True,
        )
    elif item.kind == "emailreply":
        obj = make_reply_thread(scene, item, m)
    elif item.kind == "queuepost":
        space = community.save_space(
            Space(
                slug=f"{item.key}-space",
                name=f"Space of {item.key}",
                kind=SpaceKind.GROUP,
                group=scene.host_group,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = community.reply(thread, acting_user=scene.secretariat, body=f"Body of {m}")
        if item.status == "flagged":
            moderation.flag_post(obj, acting_user=scene.personas.partner, reason="spam")
        else:  # as a new account's reply is held (the Secretariat's never is)
            CommunityPost.objects.filter(pk=obj.pk).update(state=PostState.HELD)
            CommunityThread.objects.filter(pk=thread.pk).update(reply_count=0)
            obj.refresh_from_db()
    elif item.kind == "survey":
        obj = Survey.objects.create(
            slug=item.key,
            title=m,
            title_en=m,
            visibility=level,
            group=scene.host_group,
            status=item.status,
            opens_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
            closes_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
        )
    elif item.kind == "surveyresults":
        obj = Survey.objects.create(
            slug=item.key,
            title=m,
            title_en=m,
            visibility=level,
            group=scene.host_group,
            status="published",
            opens_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
            closes_at=dt.datetime(2099, 1, 1, tzinfo=dt.UTC),
            results_published_at=(
                dt.datetime(2021, 1, 1, tzinfo=dt.UTC) if item.status == "published" else None
            ),
        )
        question = Question.objects.create(survey=obj, kind="single", text=m, text_en=m)
        Choice.objects.create(question=question, label="Yes", label_en="Yes")
    elif item.kind == "term":
        obj = save_term(Term(slug=item.key, term=m, term_en=m, visibility=level), acting_user=None)
    elif item.kind == "application":
        obj = submit_application(
            kind="partner",
            organisation_name=m,
            stakeholder_type="civil_society",
            contact_name="Ana Example",
            email="ana@example.org",
            acting_user=None,
        )
    elif item.kind == "reportimport":
        obj = ReportImport.objects.create(
            file_name=m, pasted="Agenda\n1. Opening", created_by=scene.secretariat
        )
    elif item.kind == "edition":
        header = (
            "edition,publisher,published,reference_year,geography,geography_level,"
            "indicator,value,unit,source_url\n"
        )
        rows = "".join(
            f"{m},Matrix publisher,2030-01-{1 + n % 28:02d},2029,{place},{level_of},"
            f"{DATA_INDICATOR},{n}.5,per 1000 people,https://example.org/{item.key}\n"
            for place, level_of in (("World", "world"), (EVENT_COUNTRY.upper(), "country"))
        )
        write_observations(lines_of_text(header + rows), acting_user=scene.secretariat)
        obj = set_edition_visibility(
            Edition.objects.get(title=m), visibility=level, acting_user=scene.secretariat
        )
    elif item.kind == "importrun":
        obj = ImportRun.objects.create(file_name=m, created_by=scene.secretariat)
    elif item.kind == "slackimport":
        from alliance87.community.models import SlackImport

        obj = SlackImport.objects.create(
            file_name=m, status=SlackImport.Status.REFUSED, created_by=scene.secretariat
        )
    elif item.kind == "taskrecord":
        from alliance87.core.taskrecords import TaskRecord, TaskState

        obj = TaskRecord.objects.create(
            key=item.key,
            task_path="alliance87.community.tasks.send_notification_task",
            args=[n],
            state=TaskState.FAILED,
            attempts=5,
            last_error=f"SMTPServerDisconnected: {m}",
        )
    elif item.kind == "itemowner":
        obj = make_organisation(item.key, m, is_partner=False)
        events.record_action_item(
            scene.host_event,
            acting_user=scene.secretariat,
            text="Owned alone",
            visibility=level,
            owner_organisation=obj,
        )
    elif item.kind == "soleorg":
        obj = make_organisation(
            item.key,
            m,
            is_partner=False,
            country=country(SOLE_COUNTRIES[level]),
            visibility=level,
        )
    elif item.kind == "pseudonym":
        obj = pseudonymous_post(scene, n, item)
    elif item.kind == "report":
        from alliance87.safeguarding import services as safeguarding

        officer = Person.objects.get(
            organisation=scene.member_org, user__is_active=True, user__is_staff=False
        ).user
        if not safeguarding.Officer.objects.filter(user=officer).exists():
            safeguarding.designate_officer(officer, acting_user=scene.secretariat)
        space = community.save_space(
            Space(slug=f"{item.key}-space", name=f"Space of {item.key}", kind=SpaceKind.COMMONS),
            acting_user=scene.secretariat,
        )
        thread = community.start_thread(
            space, acting_user=scene.secretariat, title=f"Thread of {item.key}", body="Opening"
        )
        obj = safeguarding.file_report(
            reporter=scene.personas.partner,
            category="other",
            what_happened=f"What happened: {m}",
            post=thread.posts.get(),
            acting_user=scene.personas.partner,
        )
    else:  # pragma: no cover - a kind without a builder
        raise AssertionError(item.kind)
    return obj


# The group the member persona's organisation has left (`emailreply`
# rows of the status "removed").
LEFT_GROUP = "mx-left-group"


def make_reply_thread(scene: Scene, item: Item, title: str) -> Any:
    """Return an `emailreply` row's thread, alone in a space of the row's
    level, in the state its status names (visibility_matrix/mail.py)."""
    group = scene.host_group
    if item.status == "removed":
        group = Group.objects.filter(slug=LEFT_GROUP).first() or make_group(
            scene, LEFT_GROUP, "Group the member left", "public"
        )
        membership = Membership.objects.get(group=group, organisation=scene.member_org)
        if membership.ends_on is None:
            end_term(membership, ends_on=dt.date.today(), acting_user=scene.secretariat)
    space = community.save_space(
        Space(
            slug=f"{item.key}-space",
            name=f"Space of {item.key}",
            kind=SpaceKind.GROUP,
            group=group,
            visibility=item.level,
        ),
        acting_user=scene.secretariat,
    )
    kind = ThreadKind.QUESTION if item.status == "question" else ThreadKind.DISCUSSION
    thread = community.start_thread(
        space, acting_user=scene.secretariat, title=title, body=f"Body of {title}", kind=kind
    )
    if item.status == "closed":
        community.set_thread_state(thread, acting_user=scene.secretariat, closed=True)
    elif item.status == "archived":
        community.archive_space(space, acting_user=scene.secretariat)
    elif item.status == "suspended":
        member = Person.objects.get(
            organisation=scene.member_org, user__is_active=True, user__is_staff=False
        ).user
        people = [scene.personas.partner, scene.personas.outsider, member, scene.host_focal]
        for person in people:
            moderation.suspend(space, person, acting_user=scene.secretariat, reason="Matrix")
    thread.refresh_from_db()
    return thread


def pseudonymous_post(scene: Scene, n: int, item: Item) -> Any:
    """Open a thread under a pseudonym in a space of the row's level (the
    member persona moderates it), as a member of a survivor-led
    organisation named with the row's marker; the partner flags the post
    and reports it to the safeguarding officer (the member persona)."""
    from alliance87.community import pseudonyms
    from alliance87.partners.services import save_organisation, save_person
    from alliance87.safeguarding import services as safeguarding
    from alliance87.testing.personas import make_user

    survivors = Organisation.objects.filter(slug="mx-survivor-org").first()
    if survivors is None:
        survivors = save_organisation(
            Organisation(
                slug="mx-survivor-org",
                name="Survivor-led organisation (matrix)",
                stakeholder_type=StakeholderType.SURVIVOR,
                is_partner=True,
            ),
            acting_user=scene.secretariat,
        )
    author = make_user(f"mx-pseud-{n}")
    author.first_name, author.last_name = item.marker, "Behind"
    author.date_joined = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)  # not a new account
    author.save(update_fields=["first_name", "last_name", "date_joined"])
    save_person(
        Person(slug=f"mx-pseud-{n}", name=item.marker, organisation=survivors, user=author),
        acting_user=scene.secretariat,
    )
    pseudonyms.choose_pseudonym(acting_user=author, name=f"Quiet Voice {n}")
    space = community.save_space(
        Space(
            slug=f"{item.key}-space",
            name=f"Space of {item.key}",
            kind=SpaceKind.GROUP,
            group=scene.host_group,
            visibility=item.level,
        ),
        acting_user=scene.secretariat,
    )
    officer = Person.objects.get(
        organisation=scene.member_org, user__is_active=True, user__is_staff=False
    ).user
    community.set_moderator(space, officer, acting_user=scene.secretariat)
    thread = community.start_thread(
        space,
        acting_user=author,
        title=f"Thread of {item.key}",
        body="Words written under a pseudonym",
        under_pseudonym=True,
    )
    post = thread.posts.select_related("thread__space", "pseudonym").get()
    Notification.objects.bulk_create(
        Notification(user=user, post=post, reason="thread", created=post.created)
        for user in get_user_model().objects.all()
    )
    # Flagged and reported by the partner where they see the post, else by
    # the Secretariat.
    seen = item.level in ("public", "partners")
    filer = scene.personas.partner if seen else scene.secretariat
    moderation.flag_post(post, acting_user=filer, reason="other", note="Matrix flag")
    if not safeguarding.Officer.objects.filter(user=officer).exists():
        safeguarding.designate_officer(officer, acting_user=scene.secretariat)
    post.mx_report = safeguarding.file_report(
        reporter=filer,
        category="other",
        what_happened="A matrix report",
        post=post,
        acting_user=filer,
    )
    return post
