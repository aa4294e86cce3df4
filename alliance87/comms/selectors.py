"""
Reads of communications: the news list with its filters, one post's page,
and what other pages show of the news (an event's, a group's, a country's),
each read from `Post.objects.visible_to(user)` only: a hidden post changes
no count and brings no choice of filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils.translation import gettext as _

from alliance87.comms.models import LANGUAGE_CODES, Post, PostKind
from alliance87.core import hooks
from alliance87.core.forms import QueryFilters
from alliance87.core.markdown import render
from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.partners.models import Organisation

PAGE_SIZE = 20
SECTION_LIMIT = 10
DIMENSIONS = ("kind", "theme", "country", "organisation", "language", "year")
MAX_VALUE = 100


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class NewsFilters:
    kind: str = ""
    theme: str = ""
    country: str = ""  # iso3, lower case
    organisation: str = ""
    language: str = ""
    year: int | None = None
    problems: tuple[str, ...] = field(default=(), compare=False)

    def as_query(self) -> dict[str, str]:
        pairs = {d: str(getattr(self, d) or "") for d in DIMENSIONS}
        return {k: v for k, v in pairs.items() if v}


def language_names() -> dict[str, str]:
    return {"en": _("English"), "fr": _("French"), "es": _("Spanish")}


def parse_filters(user: Any, data: Mapping[str, Any]) -> NewsFilters:
    """Return the filters the query string asks for; a value that cannot
    be understood is dropped with a message."""
    labels = {
        "kind": _("kind"),
        "theme": _("theme"),
        "country": _("country"),
        "organisation": _("organisation"),
        "language": _("language"),
        "year": _("year"),
    }

    filters = QueryFilters(data, DIMENSIONS, max_length=MAX_VALUE, label_of=labels.__getitem__)
    raw, values, problems, keep = filters.raw, filters.values, filters.problems, filters.keep

    keep("kind", raw["kind"] in PostKind.values, raw["kind"])
    keep("language", raw["language"] in LANGUAGE_CODES, raw["language"])
    if raw["theme"]:
        keep("theme", Theme.objects.filter(slug=raw["theme"]).exists(), raw["theme"])
    if raw["country"]:
        iso3 = raw["country"].lower()
        exists = len(iso3) == 3 and Country.objects.filter(iso3=iso3.upper()).exists()
        keep("country", exists, iso3)
    if raw["organisation"]:
        seen = Organisation.objects.visible_to(user).filter(slug=raw["organisation"]).exists()
        keep("organisation", seen, raw["organisation"])
    year = raw["year"]
    year_ok = year.isascii() and year.isdigit() and len(year) == 4 and 1900 <= int(year) <= 2200
    keep("year", year_ok, int(year) if year_ok else None)
    return NewsFilters(**values, problems=tuple(problems))


def _filtered(user: Any, filters: NewsFilters) -> QuerySet[Post]:
    qs = Post.objects.visible_to(user)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.year:
        qs = qs.filter(publish_at__year=filters.year)
    if filters.language:
        qs = qs.filter(**{f"title_{filters.language}__gt": ""})
    if filters.theme:
        qs = qs.filter(pk__in=Post.objects.filter(themes__slug=filters.theme).values("pk"))
    if filters.country:
        iso3 = filters.country.upper()
        qs = qs.filter(pk__in=Post.objects.filter(countries__iso3=iso3).values("pk"))
    if filters.organisation:
        qs = qs.filter(organisation__slug=filters.organisation)
    return qs


def facets(user: Any) -> dict[str, list[Option]]:
    """Return the choices of each filter, with the number of posts `user`
    may see for each."""
    visible = Post.objects.visible_to(user)
    ids = visible.values("pk")
    by_kind = dict(visible.order_by().values_list("kind").annotate(n=Count("pk")))
    out: dict[str, list[Option]] = {
        "kind": [
            Option(v, str(label), by_kind[v]) for v, label in PostKind.choices if v in by_kind
        ]
    }
    themes = (
        Theme.objects.filter(posts__in=ids)
        .annotate(n=Count("posts", distinct=True))
        .order_by("kind", "order", "slug")
    )
    out["theme"] = [Option(t.slug, t.name, t.n) for t in themes]
    countries = Country.objects.filter(posts__in=ids).annotate(n=Count("posts", distinct=True))
    out["country"] = sorted(
        (Option(c.iso3.lower(), c.name, c.n) for c in countries), key=lambda o: o.label
    )
    organisations = (
        Organisation.objects.visible_to(user)
        .filter(posts__in=ids)
        .annotate(n=Count("posts", distinct=True))
    )
    out["organisation"] = sorted(
        (Option(o.slug, str(o), o.n) for o in organisations), key=lambda o: o.label
    )
    languages = visible.aggregate(
        **{c: Count("pk", filter=Q(**{f"title_{c}__gt": ""})) for c in LANGUAGE_CODES}
    )
    names = language_names()
    out["language"] = [Option(c, names[c], languages[c]) for c in LANGUAGE_CODES if languages[c]]
    years = (
        visible.order_by()
        .annotate(y=ExtractYear("publish_at"))
        .values_list("y")
        .annotate(n=Count("pk"))
        .order_by("-y")
    )
    out["year"] = [Option(str(y), str(y), n) for y, n in years if y]
    return out


def posts(user: Any, filters: NewsFilters) -> QuerySet[Post]:
    """Every post `user` may see that the filters keep, newest first, each
    with its author only if `user` may see it: the list's rows, and what
    its downloads hold (api.opendata)."""
    return _filtered(user, filters).prefetch_related(
        Prefetch("organisation", queryset=Organisation.objects.visible_to(user))
    )


def list_posts(user: Any, filters: NewsFilters, page_number: Any = 1) -> Page:
    """Return one page of the posts `user` may see, newest first."""
    return Paginator(posts(user, filters), PAGE_SIZE).get_page(page_number)


def get_post_for_user(user: Any, slug: str) -> Post:
    """Return the post, or 404 alike when it is missing or hidden."""
    post = Post.objects.visible_to(user).filter(slug=slug[:120]).first()
    if post is None:
        raise Http404("No such post.")
    return post


def post_page(user: Any, post: Post) -> dict[str, Any]:
    """Return what the post's page shows: its text in the language it is
    shown in, and only the linked rows `user` may see."""
    from alliance87.core.provenance import attach_sources

    organisation = (
        Organisation.objects.visible_to(user).filter(pk=post.organisation_id).first()
        if post.organisation_id
        else None
    )
    attach_sources(user, [post])
    names = language_names()
    return {
        "post": post,
        "title": post.shown("title"),
        "summary": post.shown("summary"),
        "body": render(post.shown("body")),
        "image_alt": post.shown("image_alt"),
        "lang": post.shown_language,
        "language_names": [names[c] for c in post.languages],
        "organisation": organisation,
        "themes": list(post.themes.all()),
        "countries": sorted(post.countries.all(), key=lambda c: c.name),
        "groups": list(Group.objects.visible_to(user).filter(posts=post).order_by("name")),
        "events": list(Event.objects.visible_to(user).filter(posts=post).order_by("-date_start")),
    }


def _section(qs: QuerySet[Post]) -> dict[str, Any] | None:
    rows = list(qs[:SECTION_LIMIT])
    return {"posts": rows} if rows else None


def event_section(user: Any, event: Any) -> dict[str, Any] | None:
    """The posts about a meeting, for its page."""
    return _section(Post.objects.visible_to(user).filter(events=event))


def group_section(user: Any, group: Any) -> dict[str, Any] | None:
    """The posts linked to a group, or for its members, for its page."""
    linked = Post.objects.filter(Q(groups=group) | Q(group=group)).values("pk")
    return _section(Post.objects.visible_to(user).filter(pk__in=linked))


def organisation_section(user: Any, organisation: Any) -> dict[str, Any] | None:
    """The posts an organisation wrote, for its page in the directory."""
    return _section(Post.objects.visible_to(user).filter(organisation=organisation))


def country_section(user: Any, country: Any) -> dict[str, Any] | None:
    """The posts about a country, for its profile."""
    data = _section(Post.objects.visible_to(user).filter(countries=country))
    if data is not None:
        data["country"] = country
    return data


def recent_posts(user: Any, since: Any) -> list[Post]:
    """The posts `user` may see published since `since`, newest first."""
    return list(Post.objects.visible_to(user).live().filter(publish_at__gte=since))


# --- The newsletter ----------------------------------------------------------

SUGGESTED = 5


def newsletter_since() -> Any:
    """The start of what a new issue covers: the last issue's sending, or
    thirty days ago."""
    import datetime as dt

    from django.utils import timezone

    from alliance87.comms.models import Issue, IssueStatus

    last = (
        Issue.objects.filter(status=IssueStatus.SENT, illustrative=False)
        .order_by("-sent_at")
        .values_list("sent_at", flat=True)
        .first()
    )
    return last or timezone.now() - dt.timedelta(days=30)


def suggest_issue(since: Any) -> dict[str, str]:
    """Suggest an issue's text in each language (Markdown): the public
    posts published since `since`, the coming public events, the library's
    public resources published since, and the decisions of public meetings
    held since. The Secretariat edits it by hand."""
    from django.urls import reverse
    from django.utils import timezone, translation

    from alliance87.comms.mail import absolute
    from alliance87.events.models import Decision
    from alliance87.library.models import Resource

    today = timezone.localdate()
    posts = list(Post.objects.visible_to(None).filter(publish_at__gte=since)[:SUGGESTED])
    events = list(
        Event.objects.visible_to(None)
        .filter(date_start__gte=today)
        .order_by("date_start")[:SUGGESTED]
    )
    resources = list(
        Resource.objects.visible_to(None)
        .filter(published_at__gte=since)
        .order_by("-published_at")[:SUGGESTED]
    )
    decisions = list(
        Decision.objects.visible_to(None)
        .filter(event__date_start__gte=since.date())
        .select_related("event")
        .order_by("event__date_start", "number")[:SUGGESTED]
    )
    texts: dict[str, str] = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            parts: list[str] = []
            _section_of(
                parts,
                _("News and stories"),
                [f"- [{p.shown_title}]({absolute(p.get_absolute_url())})" for p in posts],
            )
            _section_of(
                parts,
                _("Coming up"),
                [
                    f"- {e.date_start:%Y-%m-%d}: [{e.title}]({absolute(e.get_absolute_url())})"
                    for e in events
                ],
            )
            _section_of(
                parts,
                _("New in the library"),
                [f"- [{r.title}]({absolute(r.get_absolute_url())})" for r in resources],
            )
            _section_of(
                parts,
                _("Decisions"),
                [
                    f"- {d.text} ([{d.event.title}]({absolute(d.event.get_absolute_url())}))"
                    for d in decisions
                ],
            )
            # Sections other areas add (campaigns: hooks.NEWSLETTER_SECTIONS).
            for section in hooks.NEWSLETTER_SECTIONS.items():
                _section_of(
                    parts,
                    str(section.title),
                    [f"- [{text}]({absolute(path)})" for text, path in section.lines(since)],
                )
            if not parts:
                parts.append(_("Nothing new was published since the last issue."))
            parts.append(_("[All the news]({url})").format(url=absolute(reverse("comms:news"))))
            texts[code] = "\n\n".join(parts)
    return texts


def _section_of(parts: list[str], title: str, lines: list[str]) -> None:
    if lines:
        parts.append(f"## {title}\n\n" + "\n".join(lines))


def delivery_counts(issue: Any) -> dict[str, int]:
    """How many of the issue's deliveries are in each state."""
    from alliance87.comms.models import DeliveryStatus

    counts = dict(issue.deliveries.order_by().values_list("status").annotate(n=Count("pk")))
    out = {s: counts.get(s, 0) for s in DeliveryStatus.values}
    out["total"] = sum(out.values())
    return out


SUBSCRIBERS_PAGE_SIZE = 50


def list_subscribers(status: str, page_number: Any) -> Page[Any]:
    """A page of subscribers (the Secretariat's), of one status or all,
    each with the last event the mail provider reported (`last_event`):
    two queries whatever the page holds."""
    from alliance87.comms.models import MailEvent, Subscriber

    rows = Subscriber.objects.order_by("email")
    if status:
        rows = rows.filter(status=status)
    page = Paginator(rows, SUBSCRIBERS_PAGE_SIZE).get_page(page_number)
    last: dict[int, Any] = {}
    events = MailEvent.objects.filter(subscriber__in=[s.pk for s in page.object_list])
    for event in events.order_by("subscriber", "-occurred_at", "-pk"):
        last.setdefault(event.subscriber_id, event)
    for row in page.object_list:
        row.last_event = last.get(row.pk)
    return page
