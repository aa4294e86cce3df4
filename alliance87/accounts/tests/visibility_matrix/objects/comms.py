"""The matrix news, newsletter, campaigns and surveys."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, country
from alliance87.accounts.tests.visibility_matrix.ways import (
    EVENT_COUNTRY,
    HOST_CAMPAIGN,
    Item,
    former_slug,
)
from alliance87.campaigns import services as campaigns
from alliance87.campaigns.models import Campaign, PlannedActivity
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


def host_campaign(scene: Scene) -> Campaign:
    """The public campaign the partner persona submits to and every matrix
    organisation plans an activity for, made the first time it is asked for."""
    return Campaign.objects.filter(slug=HOST_CAMPAIGN).first() or campaigns.save_campaign(
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


def plan_activity(scene: Scene, title: str) -> PlannedActivity:
    """An activity the partner persona plans for the host campaign (pending)."""
    return campaigns.add_planned_activity(
        host_campaign(scene),
        acting_user=scene.personas.partner,
        date=dt.date(2027, 6, 12),
        title=title,
        language="en",
    )


def plan_host_activity(scene: Scene, organisation: Any, title: str) -> PlannedActivity:
    """A published activity `organisation` plans for the host campaign: its
    page, calendar and API show it to whoever may see the organisation.
    Added as the partner persona (the service takes the author's own
    organisation), then given to `organisation`, which has no account."""
    activity = plan_activity(scene, title)
    PlannedActivity.objects.filter(pk=activity.pk).update(organisation=organisation)
    activity.refresh_from_db()
    return campaigns.publish_activity(activity, acting_user=scene.secretariat)


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "post":
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
    elif item.kind == "scheduledpost":
        # Published, for a time not yet come; linked to nothing, so that it
        # takes no place in the pages that show a few latest posts.
        post = Post(
            slug=item.key,
            kind="news",
            title_en=m,
            visibility=level,
            status="published",
            publish_at=dt.datetime(2999, 1, 1, tzinfo=dt.UTC),
        )
        obj = save_post(post, acting_user=None)
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
    elif item.kind == "campaign":
        # Built at a former address, then moved to its present one (the
        # row's key): both answer, each as it may.
        obj = campaigns.save_campaign(
            Campaign(
                slug=former_slug(item),
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
        campaigns.change_campaign_slug(obj, slug=item.key, acting_user=scene.secretariat)
    elif item.kind == "submission":
        obj = campaigns.submit(
            host_campaign(scene),
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
    elif item.kind == "plannedactivity":
        obj = plan_activity(scene, m)
        if item.status == "published":
            campaigns.publish_activity(obj, acting_user=scene.secretariat)
        elif item.status == "declined":
            campaigns.decline_activity(obj, acting_user=scene.secretariat, reason="Declined.")
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
    else:
        return None
    return obj
