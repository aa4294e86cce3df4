"""
Propose the record of a meeting from the text of its report.

`propose(report, directory)` runs the rules in order (the agenda first:
the other rules place what they find under its items) and returns a
`Proposal`. It writes nothing; saving a reviewed proposal is the events
services' work.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import (
    CountryMention,
    OrganisationMention,
    Party,
    Proposal,
    Source,
)
from alliance87.reports.resolve import Directory
from alliance87.reports.rules import (
    agenda,
    documents,
    exchanges,
    meeting,
    outcomes,
    participants,
    setting,
)
from alliance87.reports.rules.base import Context
from alliance87.reports.text import ReportText

LANGUAGES = ("en", "fr", "es")
# Names that stand for people in a function, not for an organisation to
# create: "Action Group Chairs", "National Focal Points in ...".
_ROLE_LIKE = re.compile(r"\bchairs?\b|\bfocal points?\b|\bmembers\b|\brepresentatives?\b", re.I)


def propose(report: ReportText, directory: Directory, *, language: str = "en") -> Proposal:
    """Return what the rules find in `report`; unknown values stay None."""
    ctx = Context(report.text, directory)
    proposal = Proposal(format=report.format, language=language)
    if language != "en":
        proposal.warnings.append(
            "The phrase rules read English; in a report in another language only names, "
            "countries, organisations, dates and numbered lists are found."
        )
    proposal.agenda = agenda.agenda_items(ctx)
    proposal.objectives = agenda.meeting_objectives(ctx)
    proposal.title = meeting.title(ctx)
    proposal.series = meeting.series(ctx, proposal.title)
    if proposal.title is None and proposal.series is not None:
        s = proposal.series
        proposal.title = meeting.Scalar(
            ctx.text[s.source.start : s.source.end], s.source, "title_from_series"
        )
    proposal.kind = meeting.kind(proposal.title, proposal.series)
    proposal.extraordinary = meeting.extraordinary(ctx)
    proposal.start, proposal.end, tentative = meeting.dates(ctx)
    if tentative:
        proposal.warnings.append(tentative)
    proposal.time = setting.time(ctx)
    proposal.online = setting.online(ctx)
    proposal.venue = setting.venue(ctx)
    proposal.chair = setting.chair(ctx)
    proposal.reported_counts = setting.counts(ctx)
    proposal.exchanges = exchanges.exchanges(ctx)
    proposal.decisions = outcomes.decisions(ctx)
    proposal.action_items = outcomes.action_items(ctx)
    proposal.documents = documents.documents(ctx)
    proposal.participants = participants.merge(
        [
            participants.attendance_lists(ctx),
            participants.remote_inputs(ctx, proposal.agenda),
            participants.spoke_at_meeting(
                ctx, proposal.agenda, proposal.exchanges, proposal.chair
            ),
            participants.speakers(ctx),
        ]
    )
    proposal.country_mentions = [
        CountryMention(iso3, report.text[s:e], Source(s, e), "country_name")
        for iso3, s, e in directory.find_countries(report.text)
    ]
    proposal.organisations = _organisations(proposal, directory, report.text)
    if proposal.is_empty():
        proposal.warnings.append(
            "Nothing about a meeting was found in this report: no title, date, place, "
            "agenda, exchange, decision or action item."
        )
    return proposal


def _organisations(
    proposal: Proposal, directory: Directory, text: str
) -> list[OrganisationMention]:
    """Every organisation the report names: those the directory knows, and
    the unresolved names of speakers and owners (slug None), which the
    reviewer may create."""
    found: list[OrganisationMention] = []
    seen: set[str] = set()
    for slug, s, e, match in directory.find_organisations(text):
        if slug not in seen:
            seen.add(slug)
            found.append(
                OrganisationMention(text[s:e], slug, match, Source(s, e), "directory_name")
            )
    parties: list[tuple[Party, Source]] = []
    for item in proposal.agenda:
        parties.extend((p, item.source) for p in item.presenters)
    for exchange in proposal.exchanges:
        parties.append((exchange.asked_by, exchange.source))
        if exchange.answered_by:
            parties.append((exchange.answered_by, exchange.source))
    for action in proposal.action_items:
        if action.owner:
            parties.append((action.owner, action.source))
    for party, source in parties:
        ref = party.organisation
        if party.role or ref is None or _ROLE_LIKE.search(ref.name):
            continue
        key = ref.slug or f"name:{ref.name.lower()}"
        if key in seen:
            continue
        seen.add(key)
        _ref, how = directory.resolve(ref.name)
        found.append(OrganisationMention(ref.name, ref.slug, how, source, "party_name"))
    return sorted(found, key=lambda m: m.source.start)
