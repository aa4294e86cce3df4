"""
Communications: news, stories and interviews (`Post`).

A post is written in one, two or three languages, and says in which: a
language it has no title in is not one of its languages, and a page in
that language shows the post in one it has, marked as such.

A post is seen by those its visibility admits once it is published and
its publication time has come; a draft or a post scheduled for later only
by the Secretariat (`PostQuerySet.visible_to`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance87.core.files import file_url
from alliance87.core.models import Sourced, Theme
from alliance87.core.notices import NoticeState
from alliance87.core.querysets import HubManager
from alliance87.core.reversing import reverse_one
from alliance87.core.smallcells import K
from alliance87.core.text import page_language
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q
from alliance87.countries.models import Country

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

LANGUAGE_CODES = ("en", "fr", "es")


class PostKind(models.TextChoices):
    NEWS = "news", _("News")
    STORY = "story", _("Story")
    INTERVIEW = "interview", _("Interview")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    # A partner's post waiting for the Secretariat's review.
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")


def _published_to(qs: Any, user: Any, published: Q) -> Any:
    """Narrow `qs` to the rows `published` selects that `user` may see;
    the Secretariat sees every row, drafts included."""
    seen = visible_q(audience_for(user), group_field=qs.visibility_group_field)
    return qs if seen is None else qs.filter(seen & published)


class PostQuerySet(VisibleQuerySet):
    visibility_group_field = "group"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the posts `user` may see: published ones whose time has
        come and whose visibility admits them; drafts and scheduled posts
        to the Secretariat only."""
        due = Q(status=PostStatus.PUBLISHED, publish_at__lte=timezone.now())
        return _published_to(self, user, due)

    def written_by(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the posts `user` wrote, whatever their status: for the
        author's own pages only (every other way out reads `visible_to`)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(created_by=user)

    def live(self) -> Self:
        """The posts published and due (what the public lists show)."""
        return self.filter(status=PostStatus.PUBLISHED, publish_at__lte=timezone.now())


class Post(Sourced):
    """A news item, story or interview."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    kind = models.CharField(_("kind"), max_length=10, choices=PostKind.choices)
    # Translated (translation.py); none is required: a post may be written
    # in French only.
    title = models.CharField(_("title"), max_length=300, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Markdown: headings, lists, links and emphasis.")
    )
    image = models.FileField(_("lead image"), upload_to="news/", max_length=300, blank=True)
    image_alt = models.CharField(
        _("image description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    image_credit = models.CharField(_("image credit and licence"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("author organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
    )
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="posts"
    )
    countries: models.ManyToManyField[Country, Any] = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="posts"
    )
    groups: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "groups.Group", verbose_name=_("groups"), blank=True, related_name="posts"
    )
    events: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="posts"
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # The group whose members see it when it is for group members only.
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group whose members see it"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members_posts",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publication"),
        null=True,
        blank=True,
        help_text=_("A time to come schedules the post; empty publishes it now."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A partner's post: when it was last submitted, and the Secretariat's
    # reason for returning it (the author reads it).
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    review_note = models.TextField(_("reason for returning it"), blank=True)
    # The email telling the author of the review's decision (core.notices).
    notice = models.CharField(
        _("email to the author"),
        max_length=8,
        choices=NoticeState.choices,
        default=NoticeState.NONE,
        editable=False,
    )
    # The email telling the Secretariat that the post waits for its review
    # (core.notices), once each time it is submitted.
    review_notice = models.CharField(
        _("email to the Secretariat"),
        max_length=8,
        choices=NoticeState.choices,
        default=NoticeState.NONE,
        editable=False,
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = [models.F("publish_at").desc(nulls_first=True), "slug"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["status", "visibility", "publish_at"])]

    def __str__(self) -> str:
        return self.shown("title") or self.slug

    def get_absolute_url(self) -> str:
        return reverse_one("comms:post", self.slug)

    @property
    def languages(self) -> list[str]:
        """The languages the post is written in (those with a title)."""
        return [c for c in LANGUAGE_CODES if (getattr(self, f"title_{c}", "") or "").strip()]

    @property
    def shown_language(self) -> str:
        """The language the post is shown in on a page in the active
        language: that one if the post has it, else English, else the
        first it has."""
        languages = self.languages
        page = page_language()
        if page in languages or not languages:
            return page
        return "en" if "en" in languages else languages[0]

    def shown(self, field: str) -> str:
        """Return `field` in the language the post is shown in."""
        return getattr(self, f"{field}_{self.shown_language}", "") or ""

    @property
    def shown_title(self) -> str:
        return self.shown("title")

    @property
    def shown_summary(self) -> str:
        return self.shown("summary")

    @property
    def in_other_language(self) -> bool:
        """Whether the post is shown in another language than the page's."""
        return self.shown_language != page_language()

    @property
    def is_live(self) -> bool:
        return (
            self.status == PostStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == PostStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def image_href(self) -> str:
        return file_url(self, "image") if self.image else ""


# --- The newsletter ----------------------------------------------------------


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    # Stopped on the mail provider's report (comms/webhooks.py).
    BOUNCED = "bounced", _("Stopped: the address bounces")
    COMPLAINED = "complained", _("Stopped: marked as spam")
    # Temporary bounces, NEWSLETTER_SOFT_BOUNCE_LIMIT of them within
    # NEWSLETTER_SOFT_BOUNCE_DAYS days.
    SOFT_BOUNCED = "soft_bounced", _("Stopped: repeated temporary bounces")


class Subscriber(models.Model):
    """An address that asked for the newsletter, in one language, on some
    topics (none: every issue). Seen by the Secretariat only (the back
    office); nothing on the site tells whether an address is here."""

    email = models.EmailField(_("email address"), unique=True, max_length=254)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, verbose_name=_("topics"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    # A partner who subscribed from their account (their address is
    # verified, so no confirmation is asked).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    unsubscribed_at = models.DateTimeField(
        _("unsubscribed"), null=True, blank=True, editable=False
    )
    # Temporary failures the mail provider reported that count towards
    # stopping (status SOFT_BOUNCED): those within the last
    # NEWSLETTER_SOFT_BOUNCE_DAYS days and after `soft_bounces_since`.
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0, editable=False)
    # When the count last started again: a message reported delivered, or
    # a new confirmation.
    soft_bounces_since = models.DateTimeField(null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self) -> str:
        return self.email


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Issue(models.Model):
    """One issue of the newsletter: a subject and a Markdown text in each
    language (suggested from what is new, edited by hand). Sent issues form
    the public archive; drafts are the Secretariat's."""

    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Markdown: headings, lists, links and emphasis.")
    )
    # Topics: an issue with topics goes to the subscribers who chose one of
    # them or none; an issue without, to every subscriber.
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, verbose_name=_("topics"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IssueStatus.choices, default=IssueStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    # The demo's issue: in the archive, labelled illustrative, never sent.
    illustrative = models.BooleanField(_("illustrative (demo)"), default=False, editable=False)

    objects = HubManager()

    class Meta:
        ordering = [models.F("sent_at").desc(nulls_first=True), "-created"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return self.subject_in(page_language()) or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse_one("comms:archive-issue", str(self.pk))

    def subject_in(self, language: str) -> str:
        """The subject in `language`, else in English."""
        return getattr(self, f"subject_{language}", "") or getattr(self, "subject_en", "") or ""

    def body_in(self, language: str) -> str:
        return getattr(self, f"body_{language}", "") or getattr(self, "body_en", "") or ""


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One issue to one subscriber: made once when the sending starts (one
    per pair), sent at most once. A delivery is claimed (pending to
    sending) by one conditional update before its message is handed to the
    mail server, and marked sent after: a worker stopped in between leaves
    it "being sent", never sent again."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # The sending run that claimed it (tasks.send_issue).
    claim = models.CharField(max_length=32, blank=True, editable=False)

    objects = HubManager()

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="comms_one_delivery_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"


class MailEventKind(models.TextChoices):
    HARD_BOUNCE = "hard_bounce", _("Bounced (permanent)")
    SOFT_BOUNCE = "soft_bounce", _("Bounced (temporary)")
    COMPLAINT = "complaint", _("Marked as spam")
    UNSUBSCRIBE = "unsubscribe", _("Unsubscribed at the provider")


class MailEvent(models.Model):
    """What the mail provider reported about a subscriber's address, read
    from its tracking webhook (comms/webhooks.py). A provider's event is
    recorded once (its id), however often the provider retries."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="mail_events"
    )
    kind = models.CharField(_("event"), max_length=12, choices=MailEventKind.choices)
    provider = models.CharField(_("provider"), max_length=30)
    event_id = models.CharField(max_length=200, blank=True)
    occurred_at = models.DateTimeField(_("reported for"))
    detail = models.CharField(_("provider's detail"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("mail event")
        verbose_name_plural = _("mail events")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"],
                condition=~Q(event_id=""),
                name="comms_mail_event_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id}: {self.kind}"


# --- Surveys -----------------------------------------------------------------

# Breakdowns of results (by stakeholder type, by region) show a group only
# when it holds at least this many respondents, the Hub's small-number rule
# (core.smallcells, which also leaves out a group that would give a smaller
# one away).
MIN_CELL = K


class SurveyMode(models.TextChoices):
    PER_PERSON = "per_person", _("One response per signed-in person")
    ANONYMOUS = "anonymous", _("Anonymous links, one response each")


class SurveyStatus(models.TextChoices):
    """A survey is a draft or published (a post may also be submitted)."""

    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class SurveyQuerySet(VisibleQuerySet):
    visibility_group_field = "group"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the surveys `user` is in the audience of: published ones
        their visibility (the audience) admits; drafts to the Secretariat."""
        return _published_to(self, user, Q(status=SurveyStatus.PUBLISHED))


class Survey(Sourced):
    """A survey for an audience: the public, partners, or the members of one
    group (the GCG is a group), open between two times."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    # The audience: who may answer (and see the survey).
    visibility = models.CharField(
        _("audience"), max_length=12, choices=Visibility.choices, default=Visibility.MEMBERS
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="surveys",
        help_text=_("For an audience of group members: the group (the GCG is one)."),
    )
    mode = models.CharField(
        _("responses"), max_length=12, choices=SurveyMode.choices, default=SurveyMode.PER_PERSON
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    status = models.CharField(
        _("status"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    # When the Secretariat published the results to the survey's audience
    # (None: the Secretariat's only).
    results_published_at = models.DateTimeField(_("results published"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "slug"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_one("comms:survey", self.slug)

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            from django.core.exceptions import ValidationError

            raise ValidationError({"closes_at": _("A survey closes after it opens.")})

    @property
    def is_open(self) -> bool:
        return (
            self.status == SurveyStatus.PUBLISHED
            and self.opens_at <= timezone.now() < self.closes_at
        )


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale")
    TEXT = "text", _("Free text")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help = models.CharField(_("hint"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    scale_min = models.SmallIntegerField(_("scale from"), default=1)
    scale_max = models.SmallIntegerField(_("scale to"), default=5)
    scale_min_label = models.CharField(_("label of the lowest"), max_length=100, blank=True)
    scale_max_label = models.CharField(_("label of the highest"), max_length=100, blank=True)
    # Conditional: asked only when this choice (of an earlier question) was
    # picked.
    shown_if = models.ForeignKey(
        "Choice",
        verbose_name=_("asked only if this was chosen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = HubManager()

    class Meta:
        ordering = ["survey", "order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"

    @property
    def scale_range(self) -> range:
        return range(self.scale_min, self.scale_max + 1)


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("choice"), max_length=300)

    objects = HubManager()

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self) -> str:
        return self.label


class SurveyLink(models.Model):
    """An anonymous link: answers once, tells nothing of who answered. Only
    a hash of its token is kept; the token is shown once, when made."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    used_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    objects = HubManager()

    class Meta:
        verbose_name = _("anonymous link")
        verbose_name_plural = _("anonymous links")

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.token_hash[:8]}"


class Response(models.Model):
    """One submitted response. For a per-person survey it names its
    respondent (once per survey, by a constraint); an anonymous one names
    nobody. The respondent's stakeholder type and region are kept as they
    were when answering, for the breakdowns."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    stakeholder_type = models.CharField(_("stakeholder type"), max_length=30, blank=True)
    region = models.CharField(_("region"), max_length=20, blank=True)
    # Demo responses, labelled as samples wherever results are shown.
    is_sample = models.BooleanField(_("illustrative sample"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)

    objects = HubManager()

    class Meta:
        ordering = ["survey", "pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=Q(respondent__isnull=False),
                name="comms_one_response_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id} #{self.pk}"


class Answer(models.Model):
    """One answer: a chosen choice (one row per choice), a scale value, or
    a text."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.ForeignKey(
        Choice, on_delete=models.CASCADE, null=True, blank=True, related_name="answers"
    )
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)
    # A free-text answer the Secretariat chose to show with the published
    # results (every other text stays the Secretariat's).
    published = models.BooleanField(_("shown with the published results"), default=False)

    objects = HubManager()

    class Meta:
        ordering = ["response", "question", "pk"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"


class Reminder(models.Model):
    """A reminder the Secretariat sent about a per-person survey to those of
    its audience who had not answered: one `ReminderDelivery` per person,
    made when it is sent, each handed to the mail server at most once."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="reminders")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(_("sent"), auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["survey", "-created", "-pk"]
        verbose_name = _("survey reminder")
        verbose_name_plural = _("survey reminders")

    def __str__(self) -> str:
        return f"{self.survey_id}: {self.created:%Y-%m-%d %H:%M}"


class ReminderDelivery(models.Model):
    """One reminder to one person (one per pair, by a constraint); claimed
    by a conditional update before it is handed to the mail server, as
    newsletter deliveries are."""

    reminder = models.ForeignKey(Reminder, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    claim = models.CharField(max_length=32, blank=True, editable=False)

    objects = HubManager()

    class Meta:
        ordering = ["reminder", "pk"]
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["reminder", "user"], name="comms_one_reminder_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reminder_id} → {self.user_id}"
