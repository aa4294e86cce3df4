"""
Events and the record of a meeting: agenda items with minutes, question
and answer exchanges, decisions and action items, each a row of its own.

An event belongs to a series (the meetings of one body, numbered in order);
the body is, for now, named on the series and will become a link to a
`groups.Group` once that area exists.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import DatePrecision, ReportedDateFields
from alliance87.core.files import file_url
from alliance87.core.models import Sourced, Theme
from alliance87.core.querysets import HubManager
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q
from alliance87.countries.models import Country, Region
from alliance87.partners.models import Organisation, Person

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# Paths under /events/ that a slug may not take.
RESERVED_SLUGS = frozenset({"action-items", "decisions", "calendar", "new"})


def validate_time_zone(name: str) -> None:
    """Raise ValidationError unless `name` is an IANA time zone."""
    if not name:
        return
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(name)s” is not a time zone name; use one such as Europe/Geneva."),
            params={"name": name},
            code="time_zone",
        ) from None


class EventType(models.TextChoices):
    GCG_MEETING = "gcg_meeting", _("Global Coordinating Group meeting")
    REGIONAL_CONSULTATION = "regional_consultation", _("Regional consultation")
    PATHFINDER_WORKSHOP = "pathfinder_workshop", _("Pathfinder workshop")
    GLOBAL_CONFERENCE = "global_conference", _("Global conference")
    ACTION_GROUP_MEETING = "action_group_meeting", _("Action group meeting")
    FORUM = "forum", _("Forum")
    WEBINAR = "webinar", _("Webinar")
    SIDE_EVENT = "side_event", _("Side event")
    INTERNATIONAL_DAY = "international_day", _("International day")
    COMMITTEE_MEETING = "committee_meeting", _("Committee meeting")
    OTHER_MEETING = "other", _("Other meeting")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PartyRole(models.TextChoices):
    """Who spoke or owns an item when it is a function rather than a name."""

    SECRETARIAT = "secretariat", _("Secretariat")
    CHAIR = "chair", _("Chair")
    MEMBERS = "members", _("All members")


class EventSeries(models.Model):
    """The meetings of one body, numbered in order ("GCG meetings")."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    name = models.CharField(_("name"), max_length=200)
    # The body that meets, as named in the record; `group` links it to the
    # group's page when the body is one of the Alliance's groups.
    body = models.CharField(_("body"), max_length=200)
    body_short = models.CharField(_("short name of the body"), max_length=30, blank=True)
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_series",
    )

    objects = HubManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name


class EventQuerySet(VisibleQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the events `user` may see: drafts only to the secretariat."""
        qs = super().visible_to(user)
        if audience_for(user).is_secretariat:
            return qs
        return qs.filter(status=EventStatus.PUBLISHED)

    def published(self) -> Self:
        return self.filter(status=EventStatus.PUBLISHED)

    def dated(self) -> Self:
        return self.filter(date_start__isnull=False, recurs_yearly=False)

    def upcoming(self, today: dt.date) -> Self:
        """Return events whose last possible day is today or later."""
        return self.dated().filter(last_day__gte=today)

    def past(self, today: dt.date) -> Self:
        return self.dated().filter(last_day__lt=today)


class Event(Sourced, ReportedDateFields):
    """A meeting, workshop, conference or day, with its place and record."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    event_type = models.CharField(_("type"), max_length=24, choices=EventType.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    number = models.PositiveSmallIntegerField(_("number in the series"), null=True, blank=True)
    extraordinary = models.BooleanField(
        _("extraordinary session"),
        default=False,
        help_text=_("A session called outside the body's regular meetings."),
    )
    # The last day the reported date may cover, kept by the service, so that
    # "upcoming" and "past" are one indexed comparison.
    last_day = models.DateField(_("last day"), null=True, blank=True, editable=False)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_(
            "An IANA time zone name, such as America/New_York. Leave empty when the "
            "source gives the times without one."
        ),
    )
    recurs_yearly = models.BooleanField(
        _("recurs every year"),
        default=False,
        help_text=_("For international days: the same day every year."),
    )
    online = models.BooleanField(_("online"), default=False)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country of the venue"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_events",
    )
    organisers = models.ManyToManyField(
        Organisation, verbose_name=_("organisers"), blank=True, related_name="organised_events"
    )
    countries: models.ManyToManyField[Country, Any] = models.ManyToManyField(
        Country, verbose_name=_("related countries"), blank=True, related_name="events"
    )
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True
    )
    groups: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "groups.Group", verbose_name=_("related groups"), blank=True, related_name="events"
    )
    feeds_into: models.ManyToManyField[Event, Any] = models.ManyToManyField(
        "self",
        verbose_name=_("outcomes feed into"),
        symmetrical=False,
        blank=True,
        related_name="fed_by",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "slug"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                condition=Q(number__isnull=False),
                name="events_unique_number_in_series",
            )
        ]
        indexes = [
            models.Index(fields=["status", "last_day"]),
            # The counts of the events list, the tracker and the register
            # read visible events from this index alone (issue 16): the
            # list's past events, the events a record row's visibility joins
            # with their series (index-only on both engines; key columns
            # only: SQLite has no INCLUDE).
            models.Index(
                fields=["status", "visibility", "recurs_yearly", "last_day", "date_start"],
                name="events_event_listed",
            ),
            models.Index(
                fields=["status", "visibility", "series", "id"],
                name="events_event_visible_series",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    def clean(self) -> None:
        self.clean_reported_date()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved; choose another slug.")})
        if self.number is not None and self.series_id is None:
            raise ValidationError({"number": _("Only an event in a series has a number.")})
        if self.start_time or self.end_time:
            # A time without a zone is kept as the source gives it (local
            # time, zone not reported); calendars then treat the day as a
            # whole day rather than guess a zone.
            if self.date_precision == DatePrecision.MONTH or self.date_start is None:
                raise ValidationError(
                    {"start_time": _("Times need a day or a range of days, not a month.")}
                )
            if self.end_time and not self.start_time:
                raise ValidationError({"start_time": _("An end time needs a start time.")})
            if (
                self.start_time
                and self.end_time
                and self.date_precision == DatePrecision.DAY
                and self.end_time <= self.start_time
            ):
                raise ValidationError({"end_time": _("The end time must be after the start.")})
        if self.recurs_yearly and self.date_precision != DatePrecision.DAY:
            raise ValidationError(
                {"recurs_yearly": _("Only an event on one day can recur every year.")}
            )
        if (
            self.event_type == EventType.PATHFINDER_WORKSHOP
            and not self._was_pathfinder_workshop()
        ):
            # Pathfinder workshops live in one place, the pathfinders area;
            # /events/ lists them from there. An event recorded as one before
            # stays editable.
            raise ValidationError(
                {
                    "event_type": _(
                        "Pathfinder workshops are kept with each pathfinder's path: "
                        "add this one to the pathfinders' workshops instead."
                    )
                }
            )

    def _was_pathfinder_workshop(self) -> bool:
        return (
            self.pk is not None
            and type(self)
            ._base_manager.filter(pk=self.pk, event_type=EventType.PATHFINDER_WORKSHOP)
            .exists()
        )

    @property
    def is_published(self) -> bool:
        return self.status == EventStatus.PUBLISHED

    @property
    def zone(self) -> ZoneInfo | None:
        return ZoneInfo(self.time_zone) if self.time_zone else None

    @property
    def starts_at(self) -> dt.datetime | None:
        """Return the aware start, or None for an all-day event."""
        if self.date_start is None or self.start_time is None or self.zone is None:
            return None
        return dt.datetime.combine(self.date_start, self.start_time, tzinfo=self.zone)

    @property
    def ends_at(self) -> dt.datetime | None:
        rd = self.reported_date
        if rd is None or self.end_time is None or self.zone is None:
            return None
        return dt.datetime.combine(rd.last_day, self.end_time, tzinfo=self.zone)

    @property
    def place(self) -> str:
        parts = [p for p in (self.city, self.country.name if self.country else "") if p]
        return ", ".join(parts)


class EventRegion(models.Model):
    """One ILO region an event concerns (an event may concern several)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(_("ILO region"), max_length=20, choices=Region.choices)

    objects = HubManager()

    class Meta:
        ordering = ["region"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["event", "region"], name="events_unique_region")
        ]

    def __str__(self) -> str:
        return self.get_region_display()


class RecordQuerySet(VisibleQuerySet):
    """Rows of an event's record: visible when they and their event are."""

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        audience = audience_for(user)
        own = visible_q(audience)
        if own is None:
            return self
        event_q = visible_q(audience, prefix="event__")
        assert event_q is not None
        return self.filter(own, event_q, event__status=EventStatus.PUBLISHED)


class RecordPart(Sourced):
    """Abstract: a row of an event's record, ordered, with its visibility."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class Objective(RecordPart):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("objective"))

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text[:80]


class ReportedCount(RecordPart):
    """A count the source reports ("more than 60 participants", "42
    members"), with its qualifier; its source is its provenance."""

    class Qualifier(models.TextChoices):
        EXACTLY = "exactly", _("exactly")
        ABOUT = "about", _("about")
        MORE_THAN = "more_than", _("more than")
        AT_LEAST = "at_least", _("at least")
        FEWER_THAN = "fewer_than", _("fewer than")

    class Counted(models.TextChoices):
        PARTICIPANTS = "participants", _("participants")
        MEMBERS = "members", _("members")
        ORGANISATIONS = "organisations", _("organisations")
        COUNTRIES = "countries", _("countries")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="counts")
    qualifier = models.CharField(
        _("qualifier"), max_length=12, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    value = models.PositiveIntegerField(_("number"))
    counted = models.CharField(_("what is counted"), max_length=16, choices=Counted.choices)

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("reported count")
        verbose_name_plural = _("reported counts")

    def __str__(self) -> str:
        return self.phrase

    @property
    def phrase(self) -> str:
        """Return "more than 60 participants" (or "42 members")."""
        counted = self.get_counted_display()
        if self.qualifier == self.Qualifier.EXACTLY:
            return f"{self.value} {counted}"
        return f"{self.get_qualifier_display()} {self.value} {counted}"


def describe_party(role: str, organisation: Any, person: Any) -> str:
    """Return "Chair, Australia, Geoffrey Shaw" from whichever parts are known."""
    parts: list[str] = []
    if role:
        parts.append(str(PartyRole(role).label))
    if organisation is not None:
        parts.append(organisation.acronym or organisation.name)
    if person is not None:
        parts.append(person.name)
    return ", ".join(parts)


class Participant(RecordPart):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        SPEAKER = "speaker", _("Speaker")
        PARTICIPANT = "participant", _("Participant")
        OBSERVER = "observer", _("Observer")

    class Attendance(models.TextChoices):
        NOT_REPORTED = "not_reported", _("Not reported")
        IN_PERSON = "in_person", _("In person")
        REMOTE = "remote", _("Remote")
        APOLOGIES = "apologies", _("Apologies")
        INVITED_UNABLE = "invited_unable", _("Invited, unable to attend")
        WRITTEN_INPUT = "written_input", _("Written input")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.PARTICIPANT
    )
    attendance = models.CharField(
        _("attendance"),
        max_length=16,
        choices=Attendance.choices,
        default=Attendance.NOT_REPORTED,
    )

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return describe_party("", self.organisation, self.person)

    def clean(self) -> None:
        if self.organisation_id is None and self.person_id is None:
            raise ValidationError(_("Name the participating organisation, person or both."))


def document_upload_to(instance: Document, filename: str) -> str:
    return f"events/documents/{filename}"


class Document(RecordPart):
    class Kind(models.TextChoices):
        AGENDA = "agenda", _("Agenda")
        REPORT = "report", _("Report")
        ANNEX = "annex", _("Annex")
        OTHER = "other", _("Other")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="documents")
    # The agenda item the document was presented under, and the pages of it
    # that concern the item ("12–15"), when the report says so.
    agenda_item = models.ForeignKey(
        "AgendaItem",
        verbose_name=_("agenda item"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    pages = models.CharField(
        _("pages"), max_length=30, blank=True, help_text=_("A page or a range, e.g. “12–15”.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), blank=True)
    file = models.FileField(_("file"), upload_to=document_upload_to, blank=True, max_length=300)
    # What the Sources page finds the document by, folded, in one column
    # (core.text.search_names): its title and its meeting's in every
    # language, its agenda item's number, its file's name. Kept by the
    # services that write documents, events and agenda items.
    search_names = models.TextField(editable=False, default="")

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if bool(self.url) == bool(self.file):
            raise ValidationError(_("Give either an address or a file, not both or neither."))

    @property
    def href(self) -> str:
        return self.url or (file_url(self) if self.file else "")


class AgendaItem(RecordPart):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    number = models.CharField(_("number"), max_length=10, help_text=_("As printed, e.g. “IV”."))
    title = models.CharField(_("title"), max_length=300)
    presenter_organisations = models.ManyToManyField(
        Organisation, verbose_name=_("presenting organisations"), blank=True, related_name="+"
    )
    presenter_people: models.ManyToManyField[Person, Any] = models.ManyToManyField(
        Person, verbose_name=_("presenters"), blank=True, related_name="+"
    )
    presenters_note = models.CharField(
        _("presenters, as reported"),
        max_length=300,
        blank=True,
        help_text=_("E.g. “Secretariat, with inputs from National Focal Points”."),
    )
    objective = models.TextField(_("objective"), blank=True)
    duration = models.PositiveSmallIntegerField(_("duration in minutes"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="events_unique_agenda_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def anchor(self) -> str:
        return f"item-{self.pk}"


class Exchange(RecordPart):
    """A question asked at a meeting, and its answer."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="exchanges")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="exchanges",
    )
    asked_by_role = models.CharField(
        _("asked by (function)"), max_length=12, choices=PartyRole.choices, blank=True
    )
    asked_by_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("asked for (organisation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    asked_by_person = models.ForeignKey(
        Person,
        verbose_name=_("asked by (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    question = models.TextField(_("question"))
    answered_by_role = models.CharField(
        _("answered by (function)"), max_length=12, choices=PartyRole.choices, blank=True
    )
    answered_by_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("answered for (organisation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answered_by_person = models.ForeignKey(
        Person,
        verbose_name=_("answered by (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    answer = models.TextField(_("answer"), blank=True)

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("question and answer")
        verbose_name_plural = _("questions and answers")

    def __str__(self) -> str:
        return self.question[:80]


class Decision(RecordPart):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="decisions",
    )
    # Decisions are numbered within their meeting (1, 2, 3...); the Hub
    # invents no site-wide identifier. `identifier` keeps a reference only
    # when the source prints one ("GCG4/D1").
    number = models.PositiveSmallIntegerField(_("number in the meeting"))
    identifier = models.CharField(
        _("reference, as printed"),
        max_length=30,
        blank=True,
        help_text=_("Only when the source prints one, e.g. “GCG4/D1”."),
    )
    text = models.TextField(_("decision"))

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "number"], name="events_unique_decision_number"
            )
        ]
        # The register's count: the visible decisions and their events,
        # from the index (issue 16).
        indexes = [models.Index(fields=["visibility", "event"], name="events_decision_visible")]

    def __str__(self) -> str:
        return self.identifier or str(_("Decision %(number)s") % {"number": self.number})

    def get_absolute_url(self) -> str:
        """Return its place on its meeting's page (read with `event`)."""
        return f"{self.event.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"decision-{self.pk}"

    @property
    def label(self) -> str:
        """Return "Decision 2" and, when printed, its reference."""
        own = _("Decision %(number)s") % {"number": self.number}
        return f"{own} ({self.identifier})" if self.identifier else str(own)


class ActionItem(ReportedDateFields, RecordPart):
    """A next step with its owner; the reported date is its due date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="action_items")
    agenda_item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("agenda item"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="action_items",
    )
    text = models.TextField(_("action"))
    owner_role = models.CharField(
        _("owner (function)"), max_length=12, choices=PartyRole.choices, blank=True
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("owner (organisation)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_person = models.ForeignKey(
        Person,
        verbose_name=_("owner (person)"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    owner_note = models.CharField(
        _("owner, as reported"),
        max_length=200,
        blank=True,
        help_text=_(
            "When the owner is neither an organisation nor a person, e.g. an action group."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    followed = models.BooleanField(
        _("still followed"),
        default=False,
        help_text=_(
            "Someone still follows this item up (its owner or a later meeting "
            "reported on it). Only a followed item past its due date is overdue."
        ),
    )
    done_note = models.TextField(_("note on closing"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = RecordQuerySet.as_manager()

    class Meta(RecordPart.Meta):
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [
            models.Index(fields=["status", "date_start"]),
            # The tracker's counts by body: the items of a state and
            # visibility with their events, from the index (issue 16).
            models.Index(fields=["status", "visibility", "event"], name="events_ai_listed"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        """Return its place on its meeting's page (read with `event`)."""
        return f"{self.event.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"action-{self.pk}"

    def clean(self) -> None:
        self.clean_reported_date()
        if not (
            self.owner_role
            or self.owner_organisation_id
            or self.owner_person_id
            or self.owner_note
        ):
            raise ValidationError(_("Name the owner of the action item."))

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
