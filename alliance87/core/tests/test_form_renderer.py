"""The Hub's form renderer writes select boxes exactly as Django's templates do."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from alliance87.core.forms import HubFormRenderer


class Sample(forms.Form):
    plain = forms.ChoiceField(
        choices=[("", "All"), ("npl", "Nepal"), ("civ", "Côte d'Ivoire <&>")], required=False
    )
    grouped = forms.ChoiceField(
        choices=[("Africa", [("mdg", "Madagascar"), ("mrt", "Mauritania")]), ("x", "Other")]
    )
    many = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", 'B "quoted"')],
        widget=forms.SelectMultiple(attrs={"aria-describedby": "hint", "data-x": True}),
    )
    number = forms.TypedChoiceField(choices=[(1, "One"), (2, "Two")], coerce=int)


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"plain": "civ", "grouped": "mrt", "many": ["a", "b"], "number": "2"},
        {"plain": "nowhere", "grouped": "", "many": ["zz"], "number": "x"},
    ],
)
def test_select_markup_is_identical_to_djangos(data: dict[str, object]) -> None:
    ours = Sample(data or None, renderer=HubFormRenderer())
    django = Sample(data or None, renderer=DjangoTemplates())
    for name in ours.fields:
        assert str(ours[name]) == str(django[name]), name


def test_labels_and_values_are_escaped() -> None:
    html = str(Sample(renderer=HubFormRenderer())["plain"])
    assert "Côte d&#x27;Ivoire &lt;&amp;&gt;" in html
    assert "<&>" not in html


def test_other_widgets_still_use_the_templates() -> None:
    class Text(forms.Form):
        name = forms.CharField(max_length=5)

    assert str(Text(renderer=HubFormRenderer())["name"]) == str(
        Text(renderer=DjangoTemplates())["name"]
    )
