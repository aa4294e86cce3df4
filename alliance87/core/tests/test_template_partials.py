"""The shared partials: breadcrumb trail and filter form."""

from __future__ import annotations

import pytest
from django import forms
from django.template import TemplateSyntaxError, engines


def render(source: str, **context: object) -> str:
    return engines["django"].from_string("{% load hub %}" + source).render(context)


def test_breadcrumbs_are_an_ordered_list_ending_at_the_current_page() -> None:
    html = render('{% breadcrumbs _("Events") "/en/events/" title %}', title="GCG <meeting>")
    assert html == (
        '<nav aria-label="Breadcrumb" class="breadcrumbs"><ol>'
        '<li><a href="/en/events/">Events</a></li>'
        '<li aria-current="page">GCG &lt;meeting&gt;</li></ol></nav>'
    )


def test_breadcrumbs_leave_out_an_absent_parent() -> None:
    html = render(
        '{% breadcrumbs "Groups" "/g/" parent.name parent.url "Here" extra_class="x" %}',
        parent=None,
    )
    assert html.count("<li>") == 1
    assert 'class="breadcrumbs x"' in html


def test_breadcrumbs_refuse_a_label_without_its_url() -> None:
    with pytest.raises(TemplateSyntaxError):
        render('{% breadcrumbs "Groups" "Here" "Extra" "More" %}')


class Filters(forms.Form):
    q = forms.CharField(label="Name", required=False, help_text="Part of the name")
    region = forms.ChoiceField(label="Region", required=False, choices=[("", "All")])


FILTER = '{% include "core/_filter_form.html" with clear_url="/en/x/" label="Filter" %}'


def test_filter_form_is_a_get_search_landmark_without_optional_markers() -> None:
    html = render(FILTER, form=Filters({}))
    assert '<form method="get" class="filters" role="search" aria-label="Filter">' in html
    assert "optional" not in html
    assert 'aria-describedby="id_q_helptext"' in html
    assert 'id="id_q_helptext"' in html
    assert '<button type="submit">Filter</button>' in html
    assert "Clear filters" not in html


def test_filter_form_offers_to_clear_only_when_filtered() -> None:
    html = render(FILTER, form=Filters({"q": "a"}), filtered=True, submit_label="Search")
    assert '<a href="/en/x/">Clear filters</a>' in html
    assert '<button type="submit">Search</button>' in html
