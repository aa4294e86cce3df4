"""Growing the directory for bench/scale.py: organisations, accounts,
pathfinders with their roadmaps (through the pathfinders' services), the
statement's endorsements and the group's members."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from decimal import Decimal

from scale_bench.config import ENDORSING_SHARE, MEMBER_SHARE, NEPAL_SHARE, PATHFINDERS
from scale_bench.rows import PLACES, WORDS, _create, _name


def grow_organisations(rng: random.Random, count: int) -> list[int]:
    """Add `count` organisations: their search and sort names as
    partners.services sets them; a share in Nepal, partners, or shown to
    partners only."""
    from alliance87.core.models import Theme
    from alliance87.core.visibility import Visibility
    from alliance87.countries.models import Country
    from alliance87.partners.models import Organisation, StakeholderType
    from alliance87.partners.services import organisation_search_names, set_sort_names

    countries = list(Country.objects.order_by("iso3"))
    nepal = next(c for c in countries if c.iso3 == "NPL")
    types = list(StakeholderType.values)
    objs = []
    for i in range(count):
        name = _name(rng, i)
        acronym = "".join(w[0] for w in name.split()[:4]).upper()
        org = Organisation(
            slug=f"scale-org-{i:05d}",
            name=name,
            name_en=name,
            acronym=acronym,
            acronym_en=acronym,
            stakeholder_type=rng.choice(types),
            country=nepal if rng.random() < NEPAL_SHARE else rng.choice(countries),
            is_partner=rng.random() < 0.3,
            visibility=Visibility.PARTNERS if rng.random() < 0.1 else Visibility.PUBLIC,
            description=f"An organisation of the scale bench ({i}).",
            description_en=f"An organisation of the scale bench ({i}).",
        )
        org.search_names = organisation_search_names(org)
        set_sort_names(org)
        objs.append(org)
    made = _create(Organisation, objs)
    themes = list(Theme.objects.order_by("pk").values_list("pk", flat=True))
    through = Organisation.themes.through
    links = [
        through(organisation_id=o.pk, theme_id=t) for o in made for t in rng.sample(themes, 2)
    ]
    _create(through, links)
    return [o.pk for o in made]


def grow_accounts(rng: random.Random, count: int, organisations: list[int]) -> list[int]:
    """Add `count` user accounts (no usable password), each the person of
    an organisation; return the people's ids."""
    from django.contrib.auth import get_user_model

    from alliance87.partners.models import Person

    user_model = get_user_model()
    users = _create(
        user_model,
        [
            user_model(
                username=f"scale-user-{i:05d}",
                email=f"scale-user-{i:05d}@scale.example",
                password="!scale-bench",
                first_name=rng.choice(PLACES).title(),
                last_name=f"Person {i}",
            )
            for i in range(count)
        ],
    )
    people = _create(
        Person,
        [
            Person(
                slug=f"scale-person-{i:05d}",
                name=f"{u.first_name} {u.last_name}",
                organisation_id=rng.choice(organisations),
                position="Officer",
                user_id=u.pk,
            )
            for i, u in enumerate(users)
        ],
    )
    return [p.pk for p in people]


def grow_pathfinders(rng: random.Random, actions_each: int) -> None:
    """Bring the pathfinders to PATHFINDERS, each with an adopted roadmap of
    about `actions_each` actions, through the pathfinders' services."""
    from django.core.exceptions import ValidationError

    from alliance87.core.dates import ReportedDate
    from alliance87.countries.models import Country
    from alliance87.partners.models import Organisation
    from alliance87.pathfinders import services
    from alliance87.pathfinders.models import Action, Pathfinder, PriorityArea, Roadmap, Stage

    have = set(Pathfinder.objects.values_list("country_id", flat=True))
    for country in Country.objects.exclude(pk__in=have).order_by("iso3"):
        if Pathfinder.objects.count() >= PATHFINDERS:
            break
        with contextlib.suppress(ValidationError):
            p = services.create_pathfinder(country=country, acting_user=None)
            held = ReportedDate(dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(700)))
            services.record_stage(p, stage=Stage.WORKSHOP_HELD, date=held, acting_user=None)
    responsible = list(Organisation.objects.order_by("pk").values_list("pk", flat=True)[:500])
    for p in Pathfinder.objects.order_by("pk"):
        roadmap = p.roadmaps.filter(status=Roadmap.Status.ADOPTED).order_by("pk").first()
        if roadmap is None:
            if not p.milestones.filter(stage=Stage.WORKSHOP_HELD).exists():
                held = ReportedDate(dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(700)))
                try:
                    services.record_stage(
                        p, stage=Stage.WORKSHOP_HELD, date=held, acting_user=None
                    )
                except ValidationError:
                    continue  # a path this bench cannot extend: left as it is
            roadmap = Roadmap(
                pathfinder=p, title="National roadmap", period_start=2022, period_end=2026
            )
            adopted = ReportedDate(dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(700)))
            try:
                roadmap = services.adopt_roadmap(roadmap, date=adopted, acting_user=None)
            except ValidationError:  # a demo path with later stages
                roadmap.pk = None
                last = ReportedDate(dt.date(2026, 1, 1))
                roadmap = services.adopt_roadmap(roadmap, date=last, acting_user=None)
        have_actions = Action.objects.filter(priority__roadmap=roadmap).count()
        number = (
            roadmap.priorities.order_by("-number").values_list("number", flat=True)[:1] or [0]
        )[0]
        priority = None
        for n in range(have_actions, actions_each):
            if priority is None or n % 20 == 0:
                number += 1
                priority = services.save_priority_area(
                    PriorityArea(roadmap=roadmap, number=number, title=f"Priority {number}"),
                    acting_user=None,
                )
            status = rng.choice(("planned", "in_progress", "delayed", "done"))
            services.save_action(
                Action(
                    priority=priority,
                    number=n + 1,
                    title=f"Action {n + 1}: {rng.choice(WORDS)} and {rng.choice(WORDS)}",
                    responsible_id=rng.choice(responsible),
                    currency="USD",
                    budget_needed=Decimal(1000 * rng.randrange(1, 500)),
                    budget_secured=Decimal(500 * rng.randrange(0, 200)),
                    status=status,
                    percent_done=100 if status == "done" else None,
                ),
                acting_user=None,
            )


def grow_endorsements_and_members(rng: random.Random, organisations: list[int]) -> None:
    """A share of the new organisations endorse the Bangkok Statement and
    join the Action Group on Migration."""
    from alliance87.groups.models import Group, Membership
    from alliance87.statements.models import Endorsement, Statement

    statement = Statement.objects.get(slug="bangkok-statement")
    group = Group.objects.get(slug="migration")
    taken = set(statement.endorsements.values_list("organisation_id", flat=True))
    endorsing = [o for o in organisations if rng.random() < ENDORSING_SHARE and o not in taken]
    _create(
        Endorsement,
        [
            Endorsement(
                statement=statement,
                organisation_id=o,
                endorsed_on=dt.date(2024, 1, 1),
                source=Endorsement.Source.SECRETARIAT,
            )
            for o in endorsing
        ],
    )
    members = set(group.memberships.values_list("organisation_id", flat=True))
    joining = [o for o in organisations if rng.random() < MEMBER_SHARE and o not in members]
    _create(
        Membership,
        [
            Membership(group=group, organisation_id=o, starts_on=dt.date(2023, 1, 1))
            for o in joining
        ],
    )
