"""
What several pages of events share: today's date, an event as a row of a
list, the people and organisations a row names, and who may close an
action item.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _

from alliance87.core.text import marked
from alliance87.core.visibility import audience_for
from alliance87.events.models import ActionItem, Event, Exchange, Participant, PartyRole
from alliance87.events.selectors import following
from alliance87.partners.models import Organisation, Person


def today() -> dt.date:
    return timezone.localdate()


# Parties --------------------------------------------------------------------


# The people and organisations a row names, by field.
PARTIES: dict[type[Any], dict[str, type[Any]]] = {
    Exchange: {
        "asked_by_organisation": Organisation,
        "asked_by_person": Person,
        "answered_by_organisation": Organisation,
        "answered_by_person": Person,
    },
    ActionItem: {"owner_organisation": Organisation, "owner_person": Person},
    Participant: {"organisation": Organisation, "person": Person},
}


def with_parties(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """Select the people and organisations the rows of `qs` name, each with
    a flag (`<field>_shown`) saying whether `user` may see it.

    The flags are asked in the rows' own query, through the one
    `visible_to` rule, rather than in a query per kind of party.
    """
    parties = PARTIES[qs.model]
    flags = {
        f"{name}_shown": Exists(model.objects.visible_to(user).filter(pk=OuterRef(name)))
        for name, model in parties.items()
    }
    return qs.select_related(*parties).annotate(**flags)


class PartyNames:
    """Name who spoke or owns, leaving out people and organisations the
    user may not see (a person's name is partners' content by default).

    The rows come from `with_parties`, whose flags say what the user may see.
    """

    def __init__(self, *row_lists: Iterable[Any]) -> None:
        self.people: set[int] = set()
        self.orgs: set[int] = set()
        for rows in row_lists:
            for row in rows:
                for name, model in PARTIES[type(row)].items():
                    if getattr(row, f"{name}_shown"):
                        seen = self.people if model is Person else self.orgs
                        seen.add(getattr(row, f"{name}_id"))

    def name(
        self, role: str, organisation: Organisation | None, person: Person | None, body: str = ""
    ) -> str:
        parts: list[str] = []
        if role == PartyRole.MEMBERS and body:
            parts.append(_("%(body)s members") % {"body": body})
        elif role:
            parts.append(str(PartyRole(role).label))
        if organisation is not None and organisation.pk in self.orgs:
            parts.append(organisation.acronym or organisation.name)
        if person is not None and person.pk in self.people:
            parts.append(person.name)
        return ", ".join(parts)

    def link(self, organisation: Organisation | None) -> str:
        if organisation is not None and organisation.pk in self.orgs:
            return organisation.get_absolute_url()
        return ""


def body_of(event: Event) -> str:
    if event.series is None:
        return ""
    return event.series.body_short or event.series.body


def label_action_items(items: list[ActionItem], names: PartyNames, now: dt.date) -> None:
    for item in items:
        owner = names.name(
            item.owner_role, item.owner_organisation, item.owner_person, body_of(item.event)
        )
        # The note is prose that may be shown in another language than the
        # page's: it is marked with its language.
        note = marked(item, "owner_note")
        label = format_html("{} ({})", owner, note) if owner and note else owner or note
        item.owner_label = label  # type: ignore[attr-defined]
        state = following.follow_state(item, now)
        item.overdue = state == following.OVERDUE  # type: ignore[attr-defined]
        item.unreported = state == following.UNREPORTED  # type: ignore[attr-defined]


# Who may close an action item ---------------------------------------------


def _owns(person: Person | None, item: ActionItem) -> bool:
    """Return True if `person` is the owner of `item` or works for its
    owning organisation: the one rule for closing an action item."""
    if person is None:
        return False
    if item.owner_person_id is not None and item.owner_person_id == person.pk:
        return True
    return (
        item.owner_organisation_id is not None
        and person.organisation_id == item.owner_organisation_id
    )


def _person_of(user: Any) -> Person | None:
    return Person.objects.filter(user=user).only("pk", "organisation_id").first()


def is_action_item_owner(user: Any, item: ActionItem) -> bool:
    """Return True if `user` owns `item` (the permission rule for "close")."""
    return _owns(_person_of(user), item)


def mark_closable(user: Any, items: list[ActionItem]) -> None:
    """Set `may_close` on each item, with one query for the user's person."""
    audience = audience_for(user)
    signed_in = user is not None and user.is_authenticated
    person = _person_of(user) if signed_in and not audience.is_secretariat else None
    for item in items:
        item.may_close = (  # type: ignore[attr-defined]
            item.is_open and signed_in and (audience.is_secretariat or _owns(person, item))
        )


# Rows of a list -------------------------------------------------------------

_ROW_FIELDS = (
    "slug",
    "title",
    "title_en",
    "title_fr",
    "title_es",
    "event_type",
    "status",
    "visibility",
    "date_start",
    "date_end",
    "date_precision",
    "date_tentative",
    "last_day",
    "online",
    "number",
    "city",
    "city_en",
    "city_fr",
    "city_es",
    "recurs_yearly",
    "series__slug",
    "series__name",
    "series__name_en",
    "series__name_fr",
    "series__name_es",
    "country__iso3",
    "country__name",
    "country__name_en",
    "country__name_fr",
    "country__name_es",
)


def event_rows(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.select_related("series", "country").only(*_ROW_FIELDS)
