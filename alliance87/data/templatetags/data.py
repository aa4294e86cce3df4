from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from alliance87.data import formatting, shown
from alliance87.data.models import Observation

register = template.Library()


@register.filter
def figure(obs: Observation) -> str:
    """Return the observation's value with its unit."""
    return formatting.with_unit(obs.value, obs.indicator.unit)


@register.filter
def number(value: Decimal | int | float | None) -> str:
    return "" if value is None else formatting.plain(value)


@register.filter
def breakdown(obs_or_key: Observation | tuple[str, str, str]) -> str:
    """Return "total" or the breakdown's parts ("female, 5-17")."""
    sex, age, sector = (
        (obs_or_key.sex, obs_or_key.age, obs_or_key.sector)
        if isinstance(obs_or_key, Observation)
        else obs_or_key
    )
    parts = []
    if sex != "total":
        parts.append({"male": _("male"), "female": _("female")}.get(sex, sex))
    if age != "all":
        # Translators: an age group, e.g. "aged 5-17".
        parts.append(_("aged %(age)s") % {"age": age})
    if sector != "all":
        parts.append(sector)
    return ", ".join(parts) if parts else _("total")


@register.simple_tag(takes_context=True)
def source(context: template.Context, obs: Observation) -> SafeString:
    """Return the link to an observation's source (naming its edition),
    with its footnote and its status when not an estimate. A tag, not an
    included template, and each edition's label made once a page:
    /data/ shows one on each of hundreds of rows."""
    memo: Any = context.render_context  # one page's render
    labels: dict[int, SafeString] = memo.setdefault("data_source_labels", {})
    label = labels.get(obs.edition_id)
    if label is None:
        label = labels[obs.edition_id] = shown.source_label(obs.edition)
    return shown.source_html(label, obs.source_url, obs.footnote, obs.status)
