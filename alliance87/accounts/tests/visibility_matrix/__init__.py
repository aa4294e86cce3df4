"""
Every persona, every content type, every visibility, every way out.

One world is built per xdist worker (a package-scoped fixture, conftest.py)
inside a transaction that is rolled back at the end; each cell then asks one
page, feed or export as one persona and checks whether the object's marker
is there. What should be there is decided by `kinds.expected()`, written
from the rules in DESIGN.md and issue 6, not from `core.visibility`:

- public: everyone;
- partners: partners and the Secretariat (here the group member and the
  focal point are not partners, so they do not);
- members: members of the group the object belongs to, and the
  Secretariat; an object that belongs to no group is the Secretariat's;
- secretariat: the Secretariat only;
- drafts (events, roadmaps): the Secretariat only, and for roadmaps the
  country's focal points too;
- a focal point sees everything of their own country's pathfinder (the
  pathfinder, its roadmaps, workshops and findings): they edit it;
- the calendar feed carries no session: it is what anonymous visitors see,
  whoever asks;
- the open API (/api/v1/) reads no session either: each persona calls it
  with a personal API token of their own and reads what they read on the
  pages; every endpoint is a way out of the kinds it shows;
- campaigns: the host group reviews every matrix campaign, so the member
  persona sees each one, drafts and every level included; the partner
  submitted every highlight, so sees each one, pending and declined
  included (`Kind.readers`); the review queue opens to reviewers only;
  each matrix campaign was moved from a former address (`former_slug`),
  which sends whoever sees the campaign on to its present one (301: its
  page, its calendar, the API's) and answers 404 to anyone else
  (`Way.moves_to`);
- a safeguarding report: the member persona is the one safeguarding
  officer and reads it; the partner made it and follows its status; nobody
  else sees it, the Secretariat included (`Way.seen_by`: who sees it that
  way, whatever its level);
- a post under a pseudonym: the account behind it is seen by nobody on
  any page, list, search, API answer or inbox, the Secretariat included;
  only the Secretariat's deliberate look (a POST: `Way.method`) shows it,
  to the Secretariat alone (the member persona moderates its space and is
  the safeguarding officer of the report about it);
- a deactivated account (`inactive`: former Secretariat staff of the group
  member's organisation) sees what anonymous visitors see;
- editing pages open to their editors only (`Way.openers`: the member
  persona chairs the host group, the focal point edits their pathfinder,
  the partner owns the action items); to anyone else they answer as a
  missing page does, or send to the login page.

The personas are alliance87/testing's (personas.py); the matrix names them
and builds their world.

- ways/: the personas and levels, the ways out and the world's handle
  (base.py), the ways out several content types share (pages.py), the
  API's writes (writes.py).
- kinds/: the content types and the ways out of each, one module per area
  (events.py, comms.py, community.py...); `expected()`, cells (__init__.py).
- world.py: the world every cell reads; objects/: one object per cell row,
  built by one module per area (the scene and shared helpers: base.py).
- mail.py: the one way in, a reply by email to a thread's signed address:
  posted (or held) only for whoever may post there now, refused with a
  bounce otherwise (`Way.send`, `Way.expect`).
- test_cells.py: persona × object × way.
- test_figures.py: the figures a page shows (how many partners, activities,
  actions, participating organisations) against the objects each persona
  may see.
- test_page_cache.py: the page cache never crosses personas.

`python -m tools.mutations` (tools/mutations/) removes each visibility check of the Hub in
turn and runs this package: docs/visibility-matrix.md says which cell catches
each one, and why the few that no cell can catch are redundant.

A hidden object's own page answers 404, as a missing one does.
Responses are memoised per (user, address) within a run: the world does not
change while the cells read it, and a page is then asked once for all the
objects it may show.
"""
