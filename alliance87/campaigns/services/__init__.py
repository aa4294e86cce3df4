"""
Writes of campaigns, one module per use case: `campaign` (its text, date,
address, publishing), `toolkit` (images, key messages), `contributions`
(planned activities, highlights and champions), `review` (publish or
decline them).

Invariants:
- a campaign has an English title and a date: its own, or its calendar
  event's (an international day);
- a toolkit image is a PNG, JPEG or WebP checked by its content
  (core.files), described (alt text, English at least) and licensed; a
  refused image leaves nothing behind; a replaced or removed image's file
  is removed after commit; images are numbered 1, 2, 3… in the order
  shown when one is moved (core.ordering);
- only members of approved partner organisations (and the Secretariat)
  submit highlights and champions and add planned activities, to a
  published campaign open to submissions that they may see; what they
  submit is for the organisation they work for;
- a champion names who is recognised, and the submitter confirms that
  they agree to it being published;
- a submission, and a planned activity, starts pending; only the
  Secretariat and the campaign's reviewing group publish or decline it,
  once: the decision is taken by a conditional update, so two reviewers
  cannot both decide (it is written in the audit log by hand, as an
  update bypasses the log); declining needs a reason, which the submitter
  reads on the campaign's page and in the email the decision queues after
  commit (`tasks.send_decision_notice`, claimed so it is sent once);
- a campaign's address (slug) is changed by the Secretariat only; each
  former address is kept and belongs to that campaign alone, so its links
  redirect to the present one; no campaign takes another's present or
  former address;
- only the Secretariat and the reviewing group write a campaign and its
  toolkit (the views check `may_write`); a published campaign has its
  title, summary and call; returning it to draft hides it again.
"""

from __future__ import annotations

from alliance87.campaigns.services.campaign import (
    RESERVED_SLUGS,
    change_campaign_slug,
    check_campaign_address,
    publish_campaign,
    save_campaign,
    unpublish_campaign,
)
from alliance87.campaigns.services.contributions import (
    add_planned_activity,
    remove_planned_activity,
    save_sample_submission,
    submit,
)
from alliance87.campaigns.services.review import (
    decline_activity,
    decline_submission,
    publish_activity,
    publish_submission,
)
from alliance87.campaigns.services.toolkit import (
    IMAGE_KINDS,
    LANGUAGE_CODES,
    add_campaign_image,
    change_campaign_image,
    move_campaign_image,
    remove_campaign_image,
    remove_message,
    save_message,
)

__all__ = [
    "IMAGE_KINDS",
    "LANGUAGE_CODES",
    "RESERVED_SLUGS",
    "add_campaign_image",
    "add_planned_activity",
    "change_campaign_image",
    "change_campaign_slug",
    "check_campaign_address",
    "decline_activity",
    "decline_submission",
    "move_campaign_image",
    "publish_activity",
    "publish_campaign",
    "publish_submission",
    "remove_campaign_image",
    "remove_message",
    "remove_planned_activity",
    "save_campaign",
    "save_message",
    "save_sample_submission",
    "submit",
    "unpublish_campaign",
]
