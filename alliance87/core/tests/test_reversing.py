"""reverse_one gives the URL reverse() gives, in every language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from alliance87.core.reversing import reverse_one


@pytest.mark.parametrize("language", ["en", "fr", "es"])
@pytest.mark.parametrize(
    ("viewname", "arg"),
    [
        ("countries:detail", "npl"),
        ("countries:detail", "a bç"),  # quoted as reverse() quotes it
        ("partners:detail", "walk-free"),
        ("partners:detail", "x_1"),
    ],
)
def test_reverse_one_matches_reverse(viewname: str, arg: str, language: str) -> None:
    with translation.override(language):
        assert reverse_one(viewname, arg) == reverse(viewname, args=[arg])


def test_each_language_keeps_its_own_prefix() -> None:
    with translation.override("fr"):
        french = reverse_one("countries:detail", "chl")
    with translation.override("es"):
        spanish = reverse_one("countries:detail", "chl")
    assert (french, spanish) == ("/fr/countries/chl/", "/es/countries/chl/")
