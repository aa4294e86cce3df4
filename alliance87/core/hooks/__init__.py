"""
The one way an area contributes to another: named, typed hooks.

A lower area (or core) that wants contributions declares nothing itself: it
reads one of the hooks below. A higher area contributes by registering an
item in its `AppConfig.ready()`:

    from alliance87.core import hooks

    hooks.NAVIGATION.register(
        hooks.NavEntry(_("Events"), "events:list", section="events", order=40)
    )

Registering is idempotent: an item whose key is already registered replaces
the earlier one in place (a callable is its own key), so `ready()` may run
twice. Items come back in their `order`, then in the order registered.
Tests register temporarily with `hook.registered(item)` or replace every
registration with `hook.only(item)`; both restore the hook when they end.
Core imports no area, so each hook's item types live here, in this
package: `base` (the hook), `newsletter`, `pages`, `people`, `records` and
`search`.
The table's "Registered by" is what `hook.registrants()` answers; a test
holds the two together.

========================  ===========================  ====================  ======================
Hook                      Item registered              Registered by         Read by
========================  ===========================  ====================  ======================
NAVIGATION                NavEntry(label, url_name,    applications, comms,  core.navigation (the
                          section, order, visible);    community,            header, entries the
                          visible(user) -> bool; key   countries, data,      user may see)
                          url_name                     events, groups,
                                                       library, partners,
                                                       pathfinders,
                                                       reports, statements
PERMISSION_RULES          PermissionRule(action,       api, applications,    core.permissions
                          model, rule); rule(user,     campaigns,
                          obj) -> bool; key (action,   community, data,
                          model)                       events, groups,
                                                       library,
                                                       pathfinders,
                                                       statements
AUDIENCE_PROVIDERS        AudienceProvider: (user) ->  groups, partners      core.visibility
                          {is_partner, group_ids};                           (audience_for; for a
                          or BatchedAudience(one,                            chunk of people,
                          many); many(users) -> {user                        audiences_for)
                          id: {is_partner,
                          group_ids}}
COUNTRY_PROFILE_SECTIONS  ProfileSection(key, order,   comms, data, events,  countries.profile
                          template, context);          library, partners,
                          context(user, country) ->    pathfinders
                          dict or None
PAGE_SECTIONS             PageSection(page, key,       api, campaigns,       {% page_sections %}:
                          order, template, context);   comms, community,     the event page
                          page "event", "group",       library,              ("event"), the group
                          "organisation", "account",   safeguarding          page ("group"), an
                          "secretariat" or "post";                           organisation's page
                          context(user, obj) -> dict                         ("organisation"), the
                          or None; key (page, key)                           account page
                                                                             ("account") and its
                                                                             list of Secretariat
                                                                             pages
                                                                             ("secretariat"), each
                                                                             post of a thread
                                                                             ("post")
PERSONAL_DATA             PersonalData(key, export,    applications, comms,  accounts.personal_data
                          erase, covers);              community,            and accounts.services
                          export(user, person),        safeguarding
                          erase(user, person); covers
                          the models the export
                          speaks for (left out of the
                          rows pointing at the
                          account)
ROLE_KINDS                RoleKind(key, label, order,  accounts, groups,     accounts.roles and
                          holdings, assign, scopes,    pathfinders,          accounts.services
                          end); holdings(user) ->      safeguarding
                          [Holding]
EVENT_PARTICIPATION       EventParticipationProvider:  events                groups.analytics
                          (user) ->
                          [EventParticipation]
GROUP_MEETINGS            MeetingProvider: (user,      events                groups.meetings
                          group) -> [Meeting]
FILE_OWNERS               FileOwner(label, visible,    campaigns, comms,     core.files (the file
                          field, title, search);       community, events,    view; the Sources
                          visible(user) -> owners the  library               page's document
                          user may see; search, title:                       search)
                          a citable document's folded
                          search_names and title
                          lookups; key label
SEARCH_PROVIDERS          SearchProvider(kind, label,  campaigns, comms,     search (the index, the
                          model, rows, entry,          community,            reindex command, the
                          visible, url, depends,       countries, events,    /search/ page)
                          order); entry(obj) ->        groups, library,
                          SearchEntry or None; key     partners,
                          kind                         pathfinders,
                                                       statements
SEARCH_AUDIENCE           SearchAudience: (user) ->    pathfinders           search.query
                          {pathfinder_ids}
NEWSLETTER_SECTIONS       NewsletterSection(key,       campaigns             comms.selectors
                          title, lines, order);                              (suggest_issue: the
                          lines(since) -> [(text,                            text suggested for a
                          path)]; key key                                    new issue)
MAIL_LANGUAGES            MailLanguage(key, language,  comms, community      core.text
                          order); language(user) ->                          (mail_language: the
                          code or ""; key key                                language every area
                                                                             writes email in)
DEMO_LOADERS              DemoLoader(module, order);   accounts, campaigns,  demo.services
                          the module has               comms, community,
                          load(report); key module     data, events,
                                                       groups, library,
                                                       pathfinders,
                                                       safeguarding,
                                                       statements
========================  ===========================  ====================  ======================
"""

from alliance87.core.hooks.base import Hook
from alliance87.core.hooks.newsletter import NEWSLETTER_SECTIONS, NewsletterSection, SuggestedLines
from alliance87.core.hooks.pages import (
    AUDIENCE_PROVIDERS,
    COUNTRY_PROFILE_SECTIONS,
    NAVIGATION,
    PAGE_SECTIONS,
    PERMISSION_RULES,
    AudienceProvider,
    BatchedAudience,
    ManyAudienceProvider,
    NavEntry,
    NavVisibility,
    PageSection,
    PermissionRule,
    ProfileSection,
    Rule,
    SectionContext,
)
from alliance87.core.hooks.people import (
    MAIL_LANGUAGES,
    PERSONAL_DATA,
    ROLE_KINDS,
    Assign,
    ChosenLanguage,
    End,
    Eraser,
    Exporter,
    Holding,
    Holdings,
    MailLanguage,
    PersonalData,
    RoleKind,
    Scopes,
)
from alliance87.core.hooks.records import (
    DEMO_LOADERS,
    EVENT_PARTICIPATION,
    FILE_OWNERS,
    GROUP_MEETINGS,
    DemoLoader,
    EventParticipation,
    EventParticipationProvider,
    FileOwner,
    Meeting,
    MeetingProvider,
    VisibleOwners,
)
from alliance87.core.hooks.search import (
    SEARCH_AUDIENCE,
    SEARCH_PROVIDERS,
    SearchAccess,
    SearchAudience,
    SearchEntry,
    SearchEntryOf,
    SearchFacet,
    SearchProvider,
    SearchRows,
    SearchUrl,
)

__all__ = [
    "AUDIENCE_PROVIDERS",
    "COUNTRY_PROFILE_SECTIONS",
    "DEMO_LOADERS",
    "EVENT_PARTICIPATION",
    "FILE_OWNERS",
    "GROUP_MEETINGS",
    "MAIL_LANGUAGES",
    "NAVIGATION",
    "NEWSLETTER_SECTIONS",
    "PAGE_SECTIONS",
    "PERMISSION_RULES",
    "PERSONAL_DATA",
    "ROLE_KINDS",
    "SEARCH_AUDIENCE",
    "SEARCH_PROVIDERS",
    "Assign",
    "AudienceProvider",
    "BatchedAudience",
    "ChosenLanguage",
    "DemoLoader",
    "End",
    "Eraser",
    "EventParticipation",
    "EventParticipationProvider",
    "Exporter",
    "FileOwner",
    "Holding",
    "Holdings",
    "Hook",
    "MailLanguage",
    "ManyAudienceProvider",
    "Meeting",
    "MeetingProvider",
    "NavEntry",
    "NavVisibility",
    "NewsletterSection",
    "PageSection",
    "PermissionRule",
    "PersonalData",
    "ProfileSection",
    "RoleKind",
    "Rule",
    "Scopes",
    "SearchAccess",
    "SearchAudience",
    "SearchEntry",
    "SearchEntryOf",
    "SearchFacet",
    "SearchProvider",
    "SearchRows",
    "SearchUrl",
    "SectionContext",
    "SuggestedLines",
    "VisibleOwners",
]
