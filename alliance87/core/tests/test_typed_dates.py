"""A date typed in a text box is read in the page language's format, day
first in all three (30/04/2027), or as YYYY-MM-DD; the hint and the error
say which format (issue 10, item 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.utils import translation

from alliance87.core.forms import TypedDateField

APRIL_30 = dt.date(2027, 4, 30)


class DueForm(forms.Form):
    due = TypedDateField(label="Due", required=False, help_text="The day.")


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize("typed", ["30/04/2027", "2027-04-30"])
def test_the_day_first_and_iso_are_read_in_every_language(language: str, typed: str) -> None:
    with translation.override(language):
        form = DueForm({"due": typed})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["due"] == APRIL_30


def test_english_reads_the_day_first_not_the_month() -> None:
    with translation.override("en"):
        form = DueForm({"due": "05/04/2027"})
        assert form.is_valid()
        assert form.cleaned_data["due"] == dt.date(2027, 4, 5)
        form = DueForm({"due": "04/30/2027"})
        assert not form.is_valid()
        assert "Type the date as DD/MM/YYYY, for example 30/04/2027." in form.errors["due"][0]


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("en", "The day. Type the date as DD/MM/YYYY, for example 30/04/2027."),
        ("fr", "JJ/MM/AAAA"),
        ("es", "DD/MM/AAAA"),
    ],
)
def test_the_hint_says_the_format_in_the_page_language(language: str, hint: str) -> None:
    with translation.override(language):
        html = str(DueForm()["due"].as_field_group())
    assert hint in html
    assert 'aria-describedby="id_due_helptext"' in html


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_a_saved_date_is_shown_back_in_the_format_it_is_read(language: str) -> None:
    with translation.override(language):
        html = str(DueForm(initial={"due": APRIL_30})["due"])
    assert 'value="30/04/2027"' in html
