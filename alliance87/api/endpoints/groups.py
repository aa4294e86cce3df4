"""Groups and their workplans, and statements with their endorsers."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import ReportedDateOut, absolute, reported_date
from alliance87.groups.members import member_slugs
from alliance87.groups.models import Group, GroupKind
from alliance87.groups.selectors import get_group_for_user, group_page
from alliance87.statements.models import Statement
from alliance87.statements.selectors import endorsers, get_statement_for_user

router = Router(tags=["groups and statements"])

GroupKindName = Literal[tuple(GroupKind.values)]  # type: ignore[valid-type]


class GroupOut(Schema):
    id: str  # slug
    name: str
    short_name: str
    kind: str
    status: str
    summary: str
    url: str


class GroupList(Schema):
    items: list[GroupOut]
    next_cursor: str | None


class ActivityOut(Schema):
    id: int
    area: str | None
    title: str
    description: str
    status: str
    percent_done: int | None
    date: ReportedDateOut
    next_steps: str


class GroupDetail(GroupOut):
    mandate: str
    themes: list[str]
    chairs: list[str]  # organisations' slugs
    members: list[str]  # organisations' slugs
    workplan: list[ActivityOut]
    next_steps: list[str]


def group_out(request: HttpRequest, g: Group) -> dict[str, Any]:
    return {
        "id": g.slug,
        "name": g.name,
        "short_name": g.short_name,
        "kind": g.kind,
        "status": g.status,
        "summary": g.summary,
        "url": absolute(request, g.get_absolute_url()),
    }


@router.get("/groups", response=GroupList, summary="List groups")
def list_groups(
    request: HttpRequest,
    kind: GroupKindName | None = None,  # type: ignore[valid-type]
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> GroupList:
    """The GCG, action groups and working groups, as on /groups/."""
    qs = Group.objects.visible_to(caller(request))
    if kind:
        qs = qs.filter(kind=kind)
    rows, after = cursor_page(qs, cursor, limit)
    return GroupList(items=[GroupOut(**group_out(request, g)) for g in rows], next_cursor=after)


@router.get("/groups/{slug}", response=GroupDetail, summary="One group, with its workplan")
def get_group(request: HttpRequest, slug: str) -> GroupDetail:
    user = caller(request)
    group = get_group_for_user(user, slug)
    page = group_page(user, group)
    activities = list(page.loose_activities)
    for area in page.areas:
        activities.extend(area.visible_activities)  # type: ignore[attr-defined]
    areas = {a.pk: a.title for a in page.areas}
    return GroupDetail(
        **group_out(request, group),
        mandate=group.mandate,
        themes=[t.slug for t in group.themes.all()],
        chairs=[
            t.visible_organisation.slug  # type: ignore[attr-defined]
            for t in page.current_chairs
            if t.visible_organisation  # type: ignore[attr-defined]
        ],
        members=member_slugs(user, group),
        workplan=[
            ActivityOut(
                id=a.pk,
                area=areas.get(a.area_id) if a.area_id else None,
                title=a.title,
                description=a.description,
                status=a.status,
                percent_done=a.percent_done,
                date=reported_date(a),
                next_steps=a.next_steps,
            )
            for a in activities
        ],
        next_steps=[s.text for s in page.next_steps],
    )


class StatementOut(Schema):
    id: str  # slug
    title: str
    issued_by: str
    date: ReportedDateOut
    summary: str
    full_text_url: str
    open_for_endorsement: bool
    url: str


class StatementList(Schema):
    items: list[StatementOut]
    next_cursor: str | None


class StatementDetail(StatementOut):
    endorsers: list[str]  # organisations' slugs


def statement_out(request: HttpRequest, s: Statement) -> dict[str, Any]:
    return {
        "id": s.slug,
        "title": s.title,
        "issued_by": s.issued_by,
        "date": reported_date(s),
        "summary": s.summary,
        "full_text_url": s.url,
        "open_for_endorsement": s.open_for_endorsement,
        "url": absolute(request, s.get_absolute_url()),
    }


@router.get("/statements", response=StatementList, summary="List statements")
def list_statements(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> StatementList:
    rows, after = cursor_page(Statement.objects.visible_to(caller(request)), cursor, limit)
    return StatementList(
        items=[StatementOut(**statement_out(request, s)) for s in rows], next_cursor=after
    )


@router.get("/statements/{slug}", response=StatementDetail, summary="One statement")
def get_statement(request: HttpRequest, slug: str) -> StatementDetail:
    """The statement and the endorsing organisations the caller may see."""
    user = caller(request)
    statement = get_statement_for_user(user, slug)
    found = endorsers(user, statement)
    return StatementDetail(
        **statement_out(request, statement),
        endorsers=[e.organisation.slug for t in found.types for e in t.endorsements],
    )
