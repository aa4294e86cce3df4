"""On a phone a table stacks and hides its header row: each data cell
carries its column's header as `data-label`, which the stylesheet shows
before it (issue 10, item 13). The frame labels every page's tables."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.tables import label_cells

TABLE = (
    '<table class="table"><caption>Actions</caption>'
    '<thead><tr><th scope="col">Action</th><th scope="col" colspan="2">Budget '
    '<span class="visually-hidden">(USD &amp; EUR)</span></th>'
    '<th scope="col">Owner</th></tr></thead>'
    '<tbody><tr><th scope="row">Survey</th><td class="num">10</td><td>20</td>'
    "<td>—</td></tr></tbody></table>"
)


def test_each_data_cell_is_labelled_with_its_column() -> None:
    html = label_cells(TABLE)
    assert '<td class="num" data-label="Budget (USD &amp; EUR)">10</td>' in html
    assert '<td data-label="Budget (USD &amp; EUR)">20</td>' in html
    assert '<td data-label="Owner">—</td>' in html
    # The row's own header needs no label; the header row is unchanged.
    assert '<th scope="row">Survey</th>' in html
    assert '<th scope="col">Action</th>' in html


def test_a_chart_between_tables_is_left_alone_and_the_cells_after_it_labelled() -> None:
    # The labelling reads only the tags of tables: a map's paths, and tags
    # whose names begin like a table's (<tbody>, <track>, <tfoot>), change
    # nothing; tags are read in any case.
    chart = (
        '<figure><svg viewBox="0 0 10 10"><title>Map: th, td</title>'
        '<path d="M0 0L10 10Z" data-x="&lt;td&gt;"/><text>tr</text></svg></figure>'
    )
    other = (
        "<TABLE><THEAD><TR><TH>Year</TH></TR></THEAD><tbody><TR><TD>2021</TD></TR></tbody>"
        "<tfoot><tr><td>all</td></tr></tfoot></TABLE>"
    )
    html = label_cells(TABLE + chart + other)
    assert chart in html
    assert '<td class="num" data-label="Budget (USD &amp; EUR)">10</td>' in html
    assert '<TD data-label="Year">2021</TD>' in html
    assert '<td data-label="Year">all</td>' in html


def test_markup_without_a_header_row_is_left_alone() -> None:
    facts = '<table class="table"><tr><th>Year</th><td>2019</td></tr></table>'
    assert label_cells(facts) == facts
    assert label_cells("<p>No table</p>") == "<p>No table</p>"


def test_a_quote_in_a_header_cannot_break_out_of_the_attribute() -> None:
    html = label_cells('<table><thead><tr><th>A "b"</th></tr></thead><tr><td>x</td></tr></table>')
    assert '<td data-label="A &quot;b&quot;">x</td>' in html


@pytest.mark.django_db
def test_the_frame_labels_the_tables_of_a_page(client: Client, personas) -> None:
    html = client.get("/fr/partners/").content.decode()
    row = html.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert row.count("<td") == 2
    assert row.count("data-label=") == 2
    assert 'data-label="Pays"' in row
