"""The pages the browser sweep (test_pages.py) visits: for each run, a
persona's pages, each path (after the language prefix) with the status it
answers with; {names} are filled in by `sweep_data.ids()`. A new page type
gets a line here."""

from __future__ import annotations

PAGES: dict[str, list[tuple[str, int]]] = {
    # The anonymous visitor's pages come in two runs ("anonymous 2"), which
    # pytest-xdist gives to both processes.
    "anonymous": [
        ("/", 200),
        ("/countries/", 200),
        ("/countries/npl/", 200),
        ("/partners/", 200),
        ("/partners/ituc/", 200),
        ("/pathfinders/", 200),
        ("/events/", 200),
        ("/events/gcg-5/", 200),
        ("/events/action-items/", 200),
        ("/events/decisions/", 200),
    ],
    # The pages that show the most sources beside their facts (issue 11):
    # Madagascar's roadmap actions and the GCG's chairs and seats.
    "anonymous 3": [
        ("/countries/mdg/", 200),
        ("/groups/global-coordinating-group/", 200),
        ("/partners/iom/", 200),
        # A closed public survey (a copy of the demo's, opened and closed).
        ("/surveys/{closed_survey}/", 200),
    ],
    "anonymous 2": [
        ("/groups/", 200),
        ("/groups/migration/", 200),
        ("/groups/engagement/", 200),
        ("/statements/", 200),
        ("/statements/bangkok-statement/", 200),
        ("/search/?q=forced+labour", 200),
        ("/search/?q=%22unbalanced+NEAR(*", 200),
        ("/library/", 200),
        ("/library/?type=report&sort=title", 200),
        ("/library/global-supply-chains-report/", 200),
        ("/library/glossary/", 200),
        ("/api/", 200),
        ("/news/", 200),
        ("/news/?language=fr&country=zzz", 200),
        ("/news/four-more-pathfinder-workshops/", 200),
        ("/news/bangkok-statement-endorsed/", 200),
        ("/community/", 200),
        ("/newsletter/", 200),
        ("/newsletter/thank-you/", 200),
        ("/newsletter/archive/", 200),
        ("/community/unsubscribe/not-a-token/", 404),
        ("/apply/", 200),
        ("/accounts/login/", 200),
        ("/accounts/password/reset/", 200),
        ("/accounts/password/reset/done/", 200),
        ("/accounts/password/reset/key/1-no-such-key/", 200),
        ("/accounts/signup/", 200),
        ("/no-such-page/", 404),
    ],
    # The data pages: an indicator given by world figures, one given by
    # regions (a bar chart), a region, what changed, Nepal's data section.
    "anonymous 4": [
        ("/data/", 200),
        ("/data/?indicator=modern_slavery_prevalence", 200),
        ("/data/?indicator=children_in_child_labour&breakdown=female|5-17|all", 200),
        ("/data/places/asia_pacific/", 200),
        ("/data/places/world/", 200),
        ("/data/changes/", 200),
    ],
    # Campaigns: the list and the World Day against Child Labour's page
    # (toolkit, activities, the sample highlight).
    "anonymous 5": [
        ("/campaigns/", 200),
        ("/campaigns/world-day-against-child-labour/", 200),
    ],
    "outsider": [
        ("/account/", 200),
        ("/api/tokens/", 200),
        ("/statements/bangkok-statement/", 200),
    ],
    "partner": [
        ("/", 200),
        ("/library/submit/", 200),
        ("/account/", 200),
        ("/partners/ituc/", 200),
        ("/statements/bangkok-statement/", 200),
    ],
    # A partner's campaign forms: a highlight or champion, an activity.
    "partner 2": [
        ("/campaigns/world-day-against-child-labour/", 200),
        ("/campaigns/world-day-against-child-labour/submit/", 200),
        ("/campaigns/world-day-against-child-labour/activities/new/", 200),
    ],
    "member": [
        ("/groups/migration/", 200),
        ("/account/", 200),
    ],
    "chair": [
        ("/groups/migration/workplan/", 200),
        ("/groups/migration/workplan/activities/new/", 200),
        ("/groups/migration/workplan/areas/new/", 200),
        ("/groups/migration/members/", 200),
    ],
    "focal_point": [
        ("/countries/npl/", 200),
        ("/search/?q=nepal+roadmap", 200),
        ("/pathfinders/npl/edit/", 200),
        ("/pathfinders/npl/stages/", 200),
        ("/pathfinders/npl/roadmaps/new/", 200),
        ("/pathfinders/npl/findings/new/", 200),
        ("/data/replies/npl/", 200),
        ("/accounts/password/change/", 200),
        ("/accounts/email/", 200),
        ("/accounts/2fa/", 200),
        ("/pathfinders/chl/roadmaps/{roadmap}/print/", 200),
    ],
    "secretariat": [
        ("/", 200),
        ("/account/people/", 200),
        ("/account/people/invite/", 200),
        ("/applications/", 200),
        ("/events/gcg-5/record/", 200),
        ("/library/pathfinder-toolkit/", 200),
        ("/library/review/", 200),
        ("/library/pathfinder-toolkit/edit/", 200),
        ("/news/new/", 200),
        ("/newsletter/", 200),
        ("/newsletter/issues/", 200),
        ("/surveys/", 200),
        ("/surveys/online-community-priorities/", 200),
        ("/surveys/online-community-priorities/results/", 200),
        ("/news/four-more-pathfinder-workshops/edit/", 200),
        ("/events/new/", 200),
        ("/events/gcg-5/edit/", 200),
        ("/events/action-items/", 200),
        ("/account/people/{user}/roles/", 200),
        ("/accounts/2fa/", 200),
        ("/accounts/2fa/webauthn/", 200),
        ("/accounts/reauthenticate/", 200),
    ],
    # The community: the spaces, the Migration space, a sample thread, the
    # forms of a new thread and of an edit, a post's history; the
    # Secretariat's space and moderator forms.
    "member 2": [
        ("/community/", 200),
        ("/community/migration/", 200),
        ("/community/migration/{community_thread}/", 200),
        ("/community/migration/new/", 200),
        ("/community/posts/{community_reply}/edit/", 200),
        ("/community/posts/{community_reply}/history/", 200),
        ("/community/inbox/", 200),
        ("/community/settings/", 200),
    ],
    # Safeguarding: the report forms (a post, an organisation and its
    # people), the reporter's reports and one's confirmation; the officer's
    # list, report and log, and the account page with their links.
    "member 3": [
        ("/safeguarding/report/post/{community_reply}/", 200),
        ("/safeguarding/report/organisation/ituc/", 200),
        ("/safeguarding/my-reports/", 200),
        ("/safeguarding/my-reports/{safeguarding_report}/", 200),
    ],
    "safeguarding": [
        ("/safeguarding/reports/", 200),
        ("/safeguarding/reports/{safeguarding_report}/", 200),
        ("/safeguarding/log/", 200),
        ("/account/", 200),
    ],
    # The reviewers' queue (the Secretariat reviews too), a toolkit image,
    # and the writing pages: a new campaign, the demo's, a toolkit text.
    "secretariat 4": [
        ("/campaigns/world-day-against-child-labour/review/", 200),
        ("/campaigns/world-day-against-child-labour/images/new/", 200),
        ("/campaigns/world-day-against-child-labour/images/{campaign_image}/", 200),
        ("/campaigns/new/", 200),
        ("/campaigns/world-day-against-child-labour/edit/", 200),
        ("/campaigns/world-day-against-child-labour/messages/new/", 200),
    ],
    # The survey builder: a new survey, the demo survey's management page,
    # its settings, a question's form and the preview.
    "secretariat 6": [
        ("/surveys/new/", 200),
        ("/surveys/online-community-priorities/manage/", 200),
        ("/surveys/online-community-priorities/edit/", 200),
        ("/surveys/online-community-priorities/questions/new/", 200),
        ("/surveys/online-community-priorities/?preview=1", 200),
    ],
    # Moderation: the demo chair moderates the Migration space; its queue
    # holds the sample flagged reply. The queue (flagged, awaiting review),
    # the flagged post's decision page, the suspensions; a member's flag form.
    "chair 2": [
        ("/community/migration/queue/", 200),
        ("/community/migration/queue/?show=held", 200),
        ("/community/posts/{community_flagged}/moderate/", 200),
        ("/community/migration/suspensions/", 200),
    ],
    "member 4": [
        ("/community/posts/{community_opening}/flag/", 200),
    ],
    "secretariat 3": [
        ("/community/new/", 200),
        ("/community/migration/edit/", 200),
        ("/community/migration/moderators/", 200),
        ("/community/commons/", 200),
        # The Secretariat's queue across spaces (the demo's sample flag).
        ("/community/queue/", 200),
        ("/community/queue/?show=held&space=migration", 200),
    ],
    # The report import: the upload page, a short report under review,
    # the edit of its meeting, an agenda item and a question.
    "secretariat 2": [
        ("/reports/import/", 200),
        ("/reports/import/{report_import}/", 200),
        ("/reports/import/{report_import}/rows/meeting/", 200),
        ("/reports/import/{report_import}/rows/agenda-1/", 200),
        ("/reports/import/{report_import}/rows/exchanges-0/", 200),
        ("/reports/import/{report_import}/rows/action_items-0/", 200),
        # The data import: the upload page, a file refused with its errors.
        ("/data/import/", 200),
        ("/data/import/{data_import}/", 200),
        # Background work: an email waiting for the mail server, with a
        # retry button, and one a worker left half-sent, without.
        ("/secretariat/tasks/", 200),
    ],
    # The Sources page of the 4th GCG meeting (its facts and their
    # citations, the form to cite one, a search for a document); the Slack import's upload page; a
    # thread made an action item or a library resource.
    "secretariat 5": [
        ("/sources/{event_kind}/{gcg4}/", 200),
        # Its search for a Hub document to cite, the matches as choices.
        ("/sources/{event_kind}/{gcg4}/?field=-&document_q=report", 200),
        ("/community/import/slack/", 200),
        ("/community/migration/{community_thread}/action-item/", 200),
        ("/community/migration/{community_thread}/resource/", 200),
    ],
}
