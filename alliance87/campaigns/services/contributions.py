"""Write what partners bring to a campaign: planned activities, highlights
and champions, each pending until reviewed (`review`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _

from alliance87.campaigns.models import Campaign, PlannedActivity, Submission, SubmissionKind
from alliance87.campaigns.rules import may_review, may_submit
from alliance87.core.services import service
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, Person


def _organisation_of(user: Any) -> Organisation:
    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None or person.organisation is None:
        raise ValidationError(
            _("Your account is linked to no organisation: ask the Secretariat to link it.")
        )
    return person.organisation


def _refuse_unless_open(campaign: Campaign, user: Any) -> None:
    if not may_submit(user):
        raise Http404("Not found.")
    if Campaign.objects.visible_to(user).filter(pk=campaign.pk).first() is None:
        raise Http404("Not found.")
    if not campaign.is_published or not campaign.call_open:
        raise ValidationError(_("This campaign no longer takes submissions."))


@service
def add_planned_activity(
    campaign: Campaign,
    *,
    acting_user: Any,
    date: dt.date,
    title: str,
    language: str,
    country: Country | None = None,
    link: str = "",
) -> PlannedActivity:
    """Add an activity `acting_user`'s organisation plans for `campaign`:
    it waits for review before it is shown to others."""
    _refuse_unless_open(campaign, acting_user)
    if not title.strip():
        raise ValidationError({"title": _("Give the activity a title.")})
    activity = PlannedActivity(
        campaign=campaign,
        organisation=_organisation_of(acting_user),
        date=date,
        title=title.strip(),
        language=language,
        country=country,
        link=link,
        submitted_by=acting_user,
    )
    activity.full_clean()
    activity.save()
    return activity


@service
def remove_planned_activity(activity: PlannedActivity, *, acting_user: Any) -> None:
    """Take an activity off the calendar: its author or a reviewer."""
    if activity.submitted_by_id != getattr(acting_user, "pk", None) and not may_review(
        acting_user, activity.campaign
    ):
        raise Http404("Not found.")
    activity.delete()


@service
def submit(
    campaign: Campaign,
    *,
    acting_user: Any,
    kind: str,
    title: str,
    text: str,
    language: str,
    country: Country | None = None,
    champion: str = "",
    link: str = "",
    consent: bool = False,
) -> Submission:
    """Submit a highlight or a champion for review."""
    _refuse_unless_open(campaign, acting_user)
    errors: dict[str, str] = {}
    if kind not in SubmissionKind.values:
        errors["kind"] = _("Choose a highlight from a country or a champion.")
    if not title.strip():
        errors["title"] = _("Give your submission a title.")
    if not text.strip():
        errors["text"] = _("Say what happened, or why this champion deserves recognition.")
    if kind == SubmissionKind.CHAMPION:
        if not champion.strip():
            errors["champion"] = _("Name the person or organisation you put forward.")
        if not consent:
            errors["consent"] = _(
                "Confirm that the champion agrees to be named publicly on the Hub."
            )
    if errors:
        raise ValidationError(errors)
    submission = Submission(
        campaign=campaign,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        language=language,
        country=country,
        champion=champion.strip() if kind == SubmissionKind.CHAMPION else "",
        link=link,
        organisation=_organisation_of(acting_user),
        submitted_by=acting_user,
    )
    submission.full_clean()
    submission.save()
    return submission


@service
def save_sample_submission(submission: Submission, *, acting_user: Any) -> Submission:
    """Save a submission as it is (the demo's sample, labelled illustrative)."""
    submission.full_clean()
    submission.save()
    return submission
