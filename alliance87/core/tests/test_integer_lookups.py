"""A number no column can hold finds nothing; it never breaks the query."""

from __future__ import annotations

import pytest
from django import forms

from alliance87.core.models import Theme

pytestmark = pytest.mark.django_db

HUGE = 99999999999999999999999


def test_in_with_a_huge_number_finds_nothing() -> None:
    theme = Theme.objects.create(slug="t", name="T", kind=Theme.Kind.TOPIC)
    assert list(Theme.objects.filter(pk__in=[HUGE])) == []
    assert list(Theme.objects.filter(pk__in=[HUGE, -HUGE, theme.pk])) == [theme]


def test_a_multi_select_refuses_a_huge_id_with_a_message() -> None:
    class Pick(forms.Form):
        themes: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
            queryset=Theme.objects.all()
        )

    form = Pick(data={"themes": [str(HUGE)]})
    assert not form.is_valid()
    assert "not one of the available choices" in str(form.errors["themes"])
