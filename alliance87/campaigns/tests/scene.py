"""The campaign tests' scene: the CEAG with a chair and a member, and the
World Day against Child Labour in the calendar with its campaign (test
helpers, not fixtures: tests call `make_scene()` themselves)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from alliance87.campaigns import services
from alliance87.campaigns.models import Campaign
from alliance87.core.dates import ReportedDate
from alliance87.groups.models import Group
from alliance87.testing.factories import make_event, make_group, make_organisation
from alliance87.testing.personas import make_chair, make_member


@dataclass
class Scene:
    ceag: Group
    chair: Any
    member: Any
    campaign: Campaign


def make_scene(**values: Any) -> Scene:
    ceag = make_group(
        "communications-and-engagement", "Communications and Engagement Action Group"
    )
    chair = make_chair(
        ceag, make_organisation("chair-org", "Chair Org", is_partner=True), "ceag-chair"
    )
    member = make_member(ceag, acting_user=None)
    day = make_event(
        "world-day-against-child-labour",
        acting_user=None,
        title="World Day against Child Labour",
        event_type="international_day",
        recurs_yearly=True,
        date=ReportedDate(dt.date(2017, 6, 12)),
    )
    values.setdefault("status", "published")
    campaign = Campaign(
        slug="world-day-against-child-labour",
        title="World Day against Child Labour",
        title_en="World Day against Child Labour",
        call_en="Share highlights from countries and champions.",
        event=day,
        review_group=ceag,
        **values,
    )
    services.save_campaign(campaign, acting_user=None)
    return Scene(ceag=ceag, chair=chair, member=member, campaign=campaign)
