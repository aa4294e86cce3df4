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
- the Secretariat writes and publishes posts; a partner writes drafts by
  their organisation and submits them, and changes them only while they
  are drafts (returned ones included); a submitted post waits for the
  Secretariat, who publishes it or returns it with a reason the author
  reads. Until published it is seen by the Secretariat and, on their own
  pages, by its author only;
- each submission emails the Secretariat once, and each decision the
  author once, queued after commit (core.notices).

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
- unsubscribing takes effect at once, for the deliveries still waiting too;
- what the mail provider reports is recorded once per provider's event: a
  permanent bounce or a complaint stops sending to the address (its
  waiting deliveries dropped), a temporary bounce is counted;
- the Secretariat starts sending again only to an address stopped by
  temporary bounces that was confirmed before (its count started again);
  never to one that bounces for good, complained or unsubscribed.

Surveys:
- answers are accepted only while the survey is open (published, between
  its opening and closing times), and only from its audience;
- a per-person survey takes one response per person (a constraint backs
  the check); an anonymous link answers once (claimed by a conditional
  update) and only a hash of its token is kept;
- a response is all or nothing: every required question that was asked
  answered, every choice one of its question's, every scale value in its
  range; answers to a question whose condition was not met are dropped;
- a question's condition is a choice of an earlier question of the same
  survey: saving, moving or removing a question that would break this is
  refused, and so is removing a choice a condition names;
- once a survey has responses, its questions are not added, removed or
  changed (kind, choices, scale, required, condition): only reworded, so
  that the answers given keep their meaning; how it is answered (per
  person or anonymous links) no longer changes either, nor does it return
  to draft (it is closed instead);
- a reminder goes to the audience of an open per-person survey (partners,
  a group) who have not answered: one delivery per person (a constraint),
  each claimed by a conditional update before it is sent, queued on
  commit; one reminder an hour at most, taken under a lock of the survey;
- results reach the audience only once the Secretariat publishes them; a
  free-text answer only when published itself;
- a copy of a survey is a new draft with its questions, choices,
  conditions and sources, and none of its answers; asked a day (not in
  the past), it opens then and its closing moves as far.

One module per use case: `posts`, `newsletter`, `surveys` (answering),
`survey_builder` (the Secretariat's: a survey, its opening, reminders and
results) and `survey_questions` (its questions); `base` holds what the
builder's two share. The names
below are the package's public writes; import them from here.
"""

from alliance87.comms.services.newsletter import (
    RESEND_AFTER,
    confirm_subscription,
    file_illustrative_issue,
    record_mail_delivered,
    record_mail_event,
    restart_refusal,
    restart_subscriber,
    save_issue,
    send_test_issue,
    start_sending,
    subscribe,
    subscribe_account,
    unsubscribe,
)
from alliance87.comms.services.posts import (
    IMAGE_KINDS,
    PostLinks,
    publish_post,
    return_post,
    save_partner_post,
    save_post,
    submit_post,
    unpublish_post,
)
from alliance87.comms.services.survey_builder import (
    close_survey,
    copy_survey,
    open_survey,
    publish_results,
    publish_text_answer,
    return_to_draft,
    save_survey,
    send_reminder,
)
from alliance87.comms.services.survey_questions import (
    move_question,
    remove_question,
    save_question,
)
from alliance87.comms.services.surveys import (
    make_survey_links,
    refuse_unless_open,
    submit_response,
)

__all__ = [
    "IMAGE_KINDS",
    "RESEND_AFTER",
    "PostLinks",
    "close_survey",
    "confirm_subscription",
    "copy_survey",
    "file_illustrative_issue",
    "make_survey_links",
    "move_question",
    "open_survey",
    "publish_post",
    "publish_results",
    "publish_text_answer",
    "record_mail_delivered",
    "record_mail_event",
    "refuse_unless_open",
    "remove_question",
    "restart_refusal",
    "restart_subscriber",
    "return_post",
    "return_to_draft",
    "save_issue",
    "save_partner_post",
    "save_post",
    "save_question",
    "save_survey",
    "send_reminder",
    "send_test_issue",
    "start_sending",
    "submit_post",
    "submit_response",
    "subscribe",
    "subscribe_account",
    "unpublish_post",
    "unsubscribe",
]
