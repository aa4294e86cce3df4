"""Template filters and tags shared by every area."""

from __future__ import annotations

import hashlib
from dataclasses import astuple
from typing import Any
from urllib.parse import urlencode

from django import template
from django.forms import BoundField
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from alliance87.core import hooks
from alliance87.core.provenance import Sources, merged_sources
from alliance87.core.sources import may_cite, sources_url
from alliance87.core.tables import label_cells
from alliance87.core.text import marked, page_language, shown_language, written_in

register = template.Library()


@register.filter
def compact_number(value: int | float | None) -> str:
    """Return 152000000 as "152 million", 40300000 as "40.3 million",
    localised ("40,3 millions", "40,3 millones")."""
    if value is None:
        return ""
    if abs(value) < 1_000_000:
        return number_format(value, force_grouping=True)
    millions = round(value / 1_000_000, 1)
    decimals = 0 if millions == int(millions) else 1
    shown = number_format(millions, decimal_pos=decimals, force_grouping=True)
    count = int(millions) if decimals == 0 else 2
    return ngettext("%(number)s million", "%(number)s million", count) % {"number": shown}


@register.filter
def is_optional(field: BoundField) -> bool:
    """Return whether a person may leave `field` empty whatever else they
    answer: not required, and not named in the form's
    `conditionally_required` (fields a rule elsewhere demands in some
    cases, which "(optional)" would misrepresent)."""
    if field.field.required:
        return False
    return field.name not in getattr(field.form, "conditionally_required", ())


@register.filter
def input_id(field: BoundField) -> str:
    """Return the id of the first control of `field`, the target of a link
    from the error summary: for a group of radios, the first radio's."""
    if field.id_for_label:
        return field.id_for_label
    for subwidget in field.subwidgets:
        if subwidget.id_for_label:
            return subwidget.id_for_label
    return field.auto_id or ""


@register.simple_tag
def field_group(field: BoundField, *, optional_marker: bool = True) -> str:
    """Render `field` through the form renderer's field template, as
    `{{ field.as_field_group }}` does; `optional_marker=False` leaves out
    "(optional)", noise on a filter form whose fields are all optional."""
    context = {"field": field, "optional_marker": optional_marker}
    return field.render(context=context)


@register.inclusion_tag("core/_breadcrumbs.html")
def breadcrumbs(*trail: Any, extra_class: str = "") -> dict[str, Any]:
    """Render the breadcrumb trail: labels and URLs in turn, then the
    current page's label, e.g.
    `{% breadcrumbs _("Events") events_url event|translated:"title" %}`.
    A pair whose label or URL is empty (an absent parent) is left out."""
    *pairs, current = trail
    if len(pairs) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes label, URL pairs, then a label")
    links = [
        (label, url) for label, url in zip(pairs[::2], pairs[1::2], strict=True) if label and url
    ]
    return {"links": links, "current": current, "extra_class": extra_class}


@register.inclusion_tag("core/_source.html", takes_context=True)
def source(context: template.Context, row: Any, *fields: str) -> dict[str, Any]:
    """Render, quietly beside a fact, where it comes from: the citations of
    `row` (or of its `fields`, merged, each source once: a place's city and
    country) that `provenance.attach_sources` hung on it.

    Renders nothing for a row whose sources were not read or that has none,
    but to those who may cite its sources (core/sources.py): for them, at
    the row's first fact on the page, a link to the record's Sources page,
    where every fact of the record is cited (one link per record, however
    many of its facts the page shows)."""
    sources = getattr(row, "sources", None)
    found = merged_sources([sources.get(f) for f in fields or ("",)]) if sources else None
    request = context.get("request")
    user = getattr(request, "user", None)
    edit_url = ""
    if sources is not None and user is not None and may_cite(user, row):
        linked = getattr(request, "_rows_linked_to_sources", None)
        if linked is None:
            linked = request._rows_linked_to_sources = set()  # type: ignore[union-attr]
        if (type(row), row.pk) not in linked:
            linked.add((type(row), row.pk))
            edit_url = sources_url(row)
    anchor, again = _first_shown(request, found)
    return {
        "sources": found,
        "edit_url": edit_url,
        "cited": bool(sources),
        "anchor": anchor,
        "again": again,
    }


def _first_shown(request: Any, found: Sources | None) -> tuple[str, bool]:
    """Return the anchor of the first place on the page that shows the
    same sources as `found`, and whether this is a later place: a table of
    twenty rows inferred from one sentence of a report says it once, then
    "as above" (not a link: a target that small beside the row's own links
    fails WCAG 2.2's target size). A conflict, or a line naming no source
    (illustrative demo content), is always shown in full."""
    if request is None or found is None or not found.items or found.conflict:
        return "", False
    if not any(s.title or s.href or s.note or s.passage or s.withheld for s in found.items):
        return "", False
    key = repr([astuple(s) for s in found.items])
    anchor = "source-" + hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:10]
    shown = getattr(request, "_sources_shown", None)
    if shown is None:
        shown = request._sources_shown = set()
    if anchor in shown:
        return anchor, True
    shown.add(anchor)
    return anchor, False


class LabelledTablesNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        return mark_safe(label_cells(self.nodelist.render(context)))


@register.tag
def labelled_tables(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    """Render the block with each table cell labelled with its column's
    header (core.tables), for the stacked tables of narrow screens."""
    nodelist = parser.parse(("endlabelled_tables",))
    parser.delete_first_token()
    return LabelledTablesNode(nodelist)


@register.filter
def translated(obj: Any, field: str) -> str:
    """Return `obj`'s translated `field` as the page shows it, in a
    `<span lang>` when it is text of another language (nothing was written
    in the page's language, so it falls back to English)."""
    return marked(obj, field)


@register.filter(name="written_in")
def written_in_filter(text: Any, lang: str) -> str:
    """Return `text`, held in `lang` only, as the page shows it: in a
    `<span lang>` when the page is in another language."""
    return written_in(text, lang)


@register.simple_tag
def lang_unless_page(lang: str) -> str:
    """Return ` lang="<lang>"` when the page is in another language, else
    "": for an element (an `<option>`) holding text written in `lang` only,
    where a span cannot go."""
    if lang and lang != page_language():
        return format_html(' lang="{}"', lang)
    return ""


@register.simple_tag
def lang_of(obj: Any, field: str) -> str:
    """Return ` lang="<code>"` for an element holding `obj`'s translated
    `field` when the text shown is not in the page's language, else "".
    For a block of text (`<div{% lang_of group "mandate" %}>`), where a
    span would not fit."""
    shown = shown_language(obj, field) if obj is not None else ""
    if shown and shown != page_language():
        return format_html(' lang="{}"', shown)
    return ""


@register.simple_tag(takes_context=True)
def page_sections(context: template.Context, page: str, obj: Any) -> str:
    """Render the sections other areas add to `page` for `obj`
    (hooks.PAGE_SECTIONS), as the signed-in user may see them."""
    from django.template.loader import render_to_string

    request = context.get("request")
    user = getattr(request, "user", None)
    parts = []
    for section in hooks.PAGE_SECTIONS.items():
        if section.page != page:
            continue
        data = section.context(user, obj)
        if data is not None:
            parts.append(render_to_string(section.template, data, request=request))
    return mark_safe("".join(parts))


# The scopes a feed may be narrowed by (api.feeds.Scope).
FEED_SCOPES = ("country", "group", "theme")


@register.inclusion_tag("core/_feed_links.html")
def feed_links(
    kind: str, title: str, scope: Any = None, label: str = "", **given: str
) -> dict[str, str]:
    """Announce the Atom and RSS feeds of `kind` (events, decisions, library,
    news) in a page's head, narrowed as the page is: by the country, group
    and theme of `scope` (a list's filters) or of `given` (a country's or
    group's page), the feeds knowing no other filter. `label` names the
    narrowing in the titles."""
    pairs = {key: given.get(key) or getattr(scope, key, "") or "" for key in FEED_SCOPES}
    query = urlencode({key: value for key, value in pairs.items() if value})
    return {
        "atom": reverse(f"feed-{kind}-atom") + (f"?{query}" if query else ""),
        "rss": reverse(f"feed-{kind}-rss") + (f"?{query}" if query else ""),
        "title": f"{title}: {label}" if label else title,
    }
