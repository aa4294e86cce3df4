"""The charts of the data pages: server-rendered SVG (core.charts), each
shown beside a table of the same numbers. A chart of illustrative figures
says so in its title."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from alliance87.core.charts import TEXT, horizontal_bar_chart, line_chart, svg_open
from alliance87.data import formatting
from alliance87.data.selectors import IndicatorView

# Sequential blues, light to dark; "no figure" is a pale grey.
SHADES = ("#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b")
NO_FIGURE = "#eef1f5"
BORDER = "#4a5568"


def _title(text: str, illustrative: bool) -> str:
    if illustrative:
        # Translators: prefixed to the title of a chart of made-up figures.
        return _("Illustrative, not real figures: %(title)s") % {"title": text}
    return text


def indicator_charts(view: IndicatorView) -> dict[str, Any]:
    """Return the charts /data/ shows for `view` (those it has data for)."""
    name = view.indicator.name
    plain = formatting.plain_numbers()

    def fmt(value: int | float) -> str:
        return plain(Decimal(str(value)))

    shown: dict[str, Any] = {}
    if view.regions:
        shown["bars"] = horizontal_bar_chart(
            [(f.place.name, float(f.value)) for f in view.regions],
            chart_id="data-regions",
            title=_title(
                _("%(indicator)s by region, %(year)s") % {"indicator": name, "year": view.period},
                view.illustrative,
            ),
            description=_(
                "Bars for each region, largest first; the table gives the same figures."
            ),
            width=560,
            label_width=190,
            value_format=fmt,
        )
    if view.countries:
        shown["map"] = choropleth(view)
    if len(view.trend) > 1 and view.trend_geography is not None:
        shown["trend"] = line_chart(
            [(str(f.period), float(f.value)) for f in view.trend],
            chart_id="data-trend",
            title=_title(
                _("%(indicator)s, %(place)s, by reference year")
                % {"indicator": name, "place": view.trend_geography.name},
                any(f.illustrative for f in view.trend),
            ),
            description=_("One point for each reference year; the table gives each edition."),
            value_format=fmt,
        )
    return shown


def _shade(value: Decimal, cuts: list[Decimal]) -> str:
    for index, cut in enumerate(cuts):
        if value <= cut:
            return SHADES[index]
    return SHADES[-1]


def choropleth(view: IndicatorView) -> SafeString:
    """Return a world map with each country shaded by its figure."""
    from alliance87.pathfinders.selectors.overview import world_shapes

    values = sorted(f.value for f in view.countries)
    # Five classes of (about) as many countries each.
    cuts = [values[min(len(values) - 1, (len(values) * k) // 5)] for k in range(1, 5)]
    by_iso = {f.place.iso3: f for f in view.countries if f.place.iso3}
    world = world_shapes()
    width, height = world["width"], world["height"]
    title = _title(
        _("Map of %(indicator)s by country, %(year)s")
        % {"indicator": view.indicator.name, "year": view.period},
        view.illustrative,
    )
    parts = svg_open(
        "data-map",
        width=width,
        height=height,
        title=title,
        description=_("Darker is higher; the table gives each country."),
        css="chart data-map",
    )
    for iso3, path in world["shapes"].items():
        figure = by_iso.get(iso3)
        fill = _shade(figure.value, cuts) if figure is not None else NO_FIGURE
        parts.append(
            f'<path d="{escape(path)}" fill="{fill}" stroke="{BORDER}" stroke-width="0.3"/>'
        )
    y = height - 20
    for index, shade in enumerate(SHADES):
        x = 20 + index * 34
        parts.append(
            f'<rect x="{x}" y="{y}" width="30" height="12" fill="{shade}" stroke="{BORDER}" '
            'stroke-width="0.5"/>'
        )
    parts.append(
        f'<text x="{20 + 5 * 34 + 6}" y="{y + 10}" fill="{TEXT}" font-size="12">'
        f"{escape(_('lower → higher'))}</text>"
    )
    parts.append("</svg>")
    # Every value interpolated above went through escape().
    return mark_safe("".join(parts))
