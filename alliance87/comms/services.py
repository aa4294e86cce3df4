"""
Writes of communications.

Invariants:
- a post is written in at least one language (a title in it), and says
  which (`Post.languages`);
- a post's lead image is a PNG, JPEG or WebP checked by its content
  (core.files), and is described (alt text) in each of the post's
  languages; a refused image leaves the post as it was;
- a members-only post names the group whose members see it;
- a published post has a publication time; one to come is scheduled: a
  task queued on commit refreshes the cached pages when it comes;
- only the Secretariat writes posts (the views check it).

The newsletter:
- an address is held once (lower case); asking again for an address that
  is subscribed changes nothing and sends nothing, so the answer, the same
  for every address, reveals nothing;
- an address receives issues only once confirmed: through the link sent
  to it (double opt-in), or by a signed-in partner for their own verified
  address;
- an issue is sent once: starting makes one delivery per confirmed
  subscriber (one per pair, by a constraint) and queues the sending on
  commit; each delivery is claimed by a conditional update before it is
  handed to the mail server, so no address receives an issue twice;
- unsubscribing takes effect at once, for the deliveries still waiting too.

Surveys:
- answers are accepted only while the survey is open (published, between
  its opening and closing times), and only from its audience;
- a per-person survey takes one response per person (a constraint backs
  the check); an anonymous link answers once (claimed by a conditional
  update) and only a hash of its token is kept;
- a response is all or nothing: every required question that was asked
  answered, every choice one of its question's, every scale value in its
  range; answers to a question whose condition was not met are dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.comms import mail
from alliance87.comms.models import (
    Answer,
    Delivery,
    DeliveryStatus,
    Issue,
    IssueStatus,
    Post,
    PostStatus,
    Question,
    QuestionKind,
    Response,
    Subscriber,
    SubscriberStatus,
    Survey,
    SurveyLink,
    SurveyMode,
)
from alliance87.comms.tasks import post_due, send_confirmation, send_issue, send_test
from alliance87.core.files import JPEG, PNG, WEBP, store_upload
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.text import parse_id, set_translations
from alliance87.core.visibility import Visibility

IMAGE_KINDS = (PNG, JPEG, WEBP)


@dataclass(frozen=True)
class PostLinks:
    """What a post is linked to; None leaves a relation as it is."""

    themes: Iterable[Any] | None = None
    countries: Iterable[Any] | None = None
    groups: Iterable[Any] | None = None
    events: Iterable[Any] | None = None


def _check(post: Post, *, has_image: bool) -> None:
    languages = post.languages
    if not languages:
        raise ValidationError({"title": _("Give the post a title in at least one language.")})
    if has_image:
        missing = [c for c in languages if not (getattr(post, f"image_alt_{c}", "") or "").strip()]
        if missing:
            raise ValidationError(
                {
                    "image_alt": _(
                        "Describe the lead image (alt text) in each language of the post."
                    )
                }
            )
    if post.visibility == Visibility.MEMBERS and post.group_id is None:
        raise ValidationError(
            {"group": _("A post for group members only needs the group whose members see it.")}
        )


def _set_links(post: Post, links: PostLinks) -> None:
    for name in ("themes", "countries", "groups", "events"):
        wanted = getattr(links, name)
        if wanted is None:
            continue
        wanted = list(wanted)
        manager = getattr(post, name)
        if set(manager.values_list("pk", flat=True)) != {o.pk for o in wanted}:
            manager.set(wanted)


def _free_slug(title: str) -> str:
    base = slugify(title)[:100] or "post"
    slug, n = base, 1
    while Post.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@service
def save_post(
    post: Post,
    *,
    acting_user: Any,
    links: PostLinks | None = None,
    image: UploadedFile | None = None,
) -> Post:
    """Validate and save `post`, its links and a new lead image."""
    _check(post, has_image=bool(image) or bool(post.image))
    if not post.slug:
        post.slug = _free_slug(next(getattr(post, f"title_{c}") for c in post.languages))
    if post.pk is None and post.created_by_id is None and getattr(acting_user, "pk", None):
        post.created_by = acting_user
    was_due = None
    if post.pk is not None:
        was_due = Post.objects.filter(pk=post.pk).values_list("publish_at", flat=True).first()
    if post.status == PostStatus.PUBLISHED and post.publish_at is None:
        post.publish_at = timezone.now()
    post.full_clean(exclude=["image"])
    if image is not None:
        post.image.name = store_upload(image, folder="news", kinds=IMAGE_KINDS)
    post.save()
    if links is not None:
        _set_links(post, links)
    if post.is_scheduled and post.publish_at != was_due:
        enqueue_on_commit(post_due.using(run_after=post.publish_at), post.pk)
    return post


@service
def publish_post(post: Post, *, acting_user: Any, at: Any = None) -> Post:
    """Publish `post` now, or schedule it for `at`."""
    post.status = PostStatus.PUBLISHED
    post.publish_at = at or timezone.now()
    return save_post(post, acting_user=acting_user)


@service
def unpublish_post(post: Post, *, acting_user: Any) -> Post:
    """Take `post` off the site: a draft again."""
    post.status = PostStatus.DRAFT
    post.publish_at = None
    return save_post(post, acting_user=acting_user)


# --- The newsletter ----------------------------------------------------------

# A confirmation is sent again for a pending address at most this often.
RESEND_AFTER = dt.timedelta(minutes=10)


def _set_themes(row: Any, themes: Iterable[Any] | None) -> None:
    if themes is None:
        return
    wanted = list(themes)
    if set(row.themes.values_list("pk", flat=True)) != {t.pk for t in wanted}:
        row.themes.set(wanted)


@service
def subscribe(
    *, email: str, language: str, acting_user: Any, themes: Iterable[Any] | None = None
) -> None:
    """Ask for the newsletter at `email`: a new, pending or unsubscribed
    address is sent a link to confirm; a subscribed one is left as it is.
    Return nothing: the caller says the same to everyone."""
    address = email.strip().lower()
    row = Subscriber.objects.filter(email=address).first()
    if row is not None and row.status == SubscriberStatus.CONFIRMED:
        return
    now = timezone.now()
    if row is None:
        row = Subscriber(email=address)
    elif (
        row.status == SubscriberStatus.PENDING
        and row.confirmation_sent_at
        and now - row.confirmation_sent_at < RESEND_AFTER
    ):
        return
    row.language = language
    row.status = SubscriberStatus.PENDING
    row.confirmation_sent_at = now
    row.full_clean(validate_unique=False)
    row.save()
    _set_themes(row, themes)
    enqueue_on_commit(send_confirmation, row.pk)


@service
def confirm_subscription(token: str, *, acting_user: Any) -> Subscriber:
    """Confirm the subscription a link names, or refuse a link that is
    forged, expired or for an address since changed."""
    read = mail.read_confirm_token(token)
    row = None
    if read is not None:
        row = Subscriber.objects.filter(pk=read[0], email=read[1]).first()
    if row is None:
        raise ValidationError(
            _("This confirmation link is not valid or has expired. Subscribe again.")
        )
    if row.status != SubscriberStatus.CONFIRMED:
        row.status = SubscriberStatus.CONFIRMED
        row.confirmed_at = timezone.now()
        row.unsubscribed_at = None
        row.save()
    return row


@service
def subscribe_account(
    user: Any, *, language: str, acting_user: Any, themes: Iterable[Any] | None = None
) -> Subscriber:
    """Subscribe a signed-in partner's own address (verified when they
    signed up, so confirmed at once), or change their language and topics."""
    address = (user.email or "").strip().lower()
    if not address:
        raise ValidationError(_("Your account has no email address."))
    row = Subscriber.objects.filter(email=address).first() or Subscriber(email=address)
    row.user = user
    row.language = language
    if row.status != SubscriberStatus.CONFIRMED:
        row.status = SubscriberStatus.CONFIRMED
        row.confirmed_at = timezone.now()
        row.unsubscribed_at = None
    row.full_clean(validate_unique=False)
    row.save()
    _set_themes(row, themes)
    return row


@service
def unsubscribe(subscriber: Subscriber, *, acting_user: Any) -> Subscriber:
    """Stop sending to `subscriber`, the deliveries still waiting too."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save()
    subscriber.deliveries.filter(status=DeliveryStatus.PENDING).update(
        status=DeliveryStatus.FAILED, error="unsubscribed before it was sent"
    )
    return subscriber


@service
def save_issue(
    issue: Issue,
    *,
    acting_user: Any,
    subjects: dict[str, str] | None = None,
    bodies: dict[str, str] | None = None,
    themes: Iterable[Any] | None = None,
) -> Issue:
    """Save a draft issue's subject, text and topics in each language."""
    if issue.pk is not None and issue.status != IssueStatus.DRAFT:
        raise ValidationError(_("This issue is already sent; it can no longer change."))
    if subjects is not None:
        set_translations(issue, "subject", subjects)
    if bodies is not None:
        set_translations(issue, "body", bodies)
    if not (issue.subject_en or "").strip() or not (issue.body_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError(_("Give the issue a subject and a text in English at least."))
    if issue.pk is None and getattr(acting_user, "pk", None):
        issue.created_by = acting_user
    issue.full_clean()
    issue.save()
    _set_themes(issue, themes)
    return issue


@service
def send_test_issue(issue: Issue, *, to: str, language: str, acting_user: Any) -> None:
    """Send the issue to `to` alone, marked as a test (in the background)."""
    enqueue_on_commit(send_test, issue.pk, to, language)


def _recipients(issue: Issue) -> Any:
    rows = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED)
    theme_ids = list(issue.themes.values_list("pk", flat=True))
    if theme_ids:
        chose = Subscriber.objects.filter(themes__in=theme_ids).values("pk")
        chose_none = Subscriber.objects.filter(themes__isnull=True).values("pk")
        rows = rows.filter(Q(pk__in=chose) | Q(pk__in=chose_none))
    return rows


@service
def start_sending(issue: Issue, *, acting_user: Any) -> int:
    """Send the issue to its subscribers in the background; return how
    many. Refused for an issue already sent or being sent."""
    claimed = Issue.objects.filter(pk=issue.pk, status=IssueStatus.DRAFT).update(
        status=IssueStatus.SENDING, sending_started_at=timezone.now()
    )
    if not claimed:
        raise ValidationError(_("This issue is already sent or being sent."))
    issue.refresh_from_db()
    ids = list(_recipients(issue).values_list("pk", flat=True))
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, subscriber_id=pk) for pk in ids], ignore_conflicts=True
    )
    enqueue_on_commit(send_issue, issue.pk)
    return len(ids)


# --- Surveys -----------------------------------------------------------------


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@service
def make_survey_links(survey: Survey, *, count: int, acting_user: Any) -> list[str]:
    """Make `count` anonymous links; return their tokens (kept nowhere)."""
    if survey.mode != SurveyMode.ANONYMOUS:
        raise ValidationError(_("This survey takes one response per signed-in person."))
    if not 1 <= count <= 1000:
        raise ValidationError(_("Make between 1 and 1,000 links at a time."))
    tokens = [secrets.token_urlsafe(24) for _n in range(count)]
    SurveyLink.objects.bulk_create(
        [SurveyLink(survey=survey, token_hash=_hash_token(t)) for t in tokens]
    )
    return tokens


def refuse_unless_open(survey: Survey) -> None:
    now = timezone.now()
    when = timezone.localtime
    if now < survey.opens_at:
        raise ValidationError(
            _("This survey opens on %(when)s.")
            % {"when": f"{when(survey.opens_at):%Y-%m-%d %H:%M}"},
            code="not_open",
        )
    if now >= survey.closes_at:
        raise ValidationError(
            _("This survey closed on %(when)s; answers are no longer accepted.")
            % {"when": f"{when(survey.closes_at):%Y-%m-%d %H:%M}"},
            code="closed",
        )


def _answers(questions: list[Question], data: dict[str, Any]) -> list[Answer]:
    """Check the submitted `data` ({field name: value or list}) against
    the questions; return the answers, unsaved, or raise with the problem
    of each question."""
    chosen: set[int] = set()
    answers: list[Answer] = []
    problems: dict[str, str] = {}
    for question in questions:
        if question.shown_if_id is not None and question.shown_if_id not in chosen:
            continue  # not asked: its condition was not met
        raw = data.get(question.field_name)
        values = [v for v in (raw if isinstance(raw, list) else [raw]) if v not in (None, "")]
        if not values:
            if question.required:
                problems[question.field_name] = _("Answer this question.")
            continue
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            ids = {c.pk: c for c in question.choices.all()}
            picked = [parse_id(v) for v in values]
            if any(p not in ids for p in picked) or (
                question.kind == QuestionKind.SINGLE and len(picked) > 1
            ):
                problems[question.field_name] = _("Choose among the choices given.")
                continue
            for pk in dict.fromkeys(picked):
                assert pk is not None
                chosen.add(pk)
                answers.append(Answer(question=question, choice=ids[pk]))
        elif question.kind == QuestionKind.SCALE:
            value = parse_id(values[0])
            if value is None or not question.scale_min <= value <= question.scale_max:
                problems[question.field_name] = _("Choose a value from %(low)s to %(high)s.") % {
                    "low": question.scale_min,
                    "high": question.scale_max,
                }
                continue
            answers.append(Answer(question=question, value=value))
        else:
            text = str(values[0]).strip()[:5000]
            answers.append(Answer(question=question, text=text))
    if problems:
        raise ValidationError(problems)
    return answers


def _profile(user: Any) -> tuple[str, str]:
    from alliance87.partners.models import Person

    person = (
        Person.objects.filter(user=user).select_related("organisation__country").first()
        if user is not None and user.is_authenticated
        else None
    )
    organisation = person.organisation if person else None
    if organisation is None:
        return "", ""
    country = organisation.country
    return organisation.stakeholder_type or "", country.region if country else ""


@service
def submit_response(
    survey: Survey, *, acting_user: Any, data: dict[str, Any], token: str = ""
) -> Response:
    """Record one response to `survey`, all or nothing; refuse it when the
    survey is not open, the person answered already, or the link is not
    good."""
    refuse_unless_open(survey)
    questions = list(survey.questions.prefetch_related("choices"))
    answers = _answers(questions, data)
    response = Response(survey=survey)
    if survey.mode == SurveyMode.ANONYMOUS:
        link = SurveyLink.objects.filter(survey=survey, token_hash=_hash_token(token)).first()
        if not token or link is None:
            raise ValidationError(_("This survey link is not valid."), code="forged")
        claimed = SurveyLink.objects.filter(pk=link.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not claimed:
            raise ValidationError(_("This survey link has already been used."), code="double")
    else:
        if acting_user is None or not acting_user.is_authenticated:
            raise ValidationError(_("Sign in to answer this survey."), code="sign_in")
        if Response.objects.filter(survey=survey, respondent=acting_user).exists():
            raise ValidationError(_("You have already answered this survey."), code="double")
        response.respondent = acting_user
        response.stakeholder_type, response.region = _profile(acting_user)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:
        raise ValidationError(
            _("You have already answered this survey."), code="double"
        ) from error
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    return response
