"""Text written only in English and shown on a French or Spanish page says
so with `lang="en"`, so that a screen reader reads it as English (issue 10,
item 14); text written in the page's language carries no `lang` of its own."""

from __future__ import annotations

import pytest
from django.template import engines
from django.test import Client
from django.utils import translation

from alliance87.pathfinders import services as pathfinders
from alliance87.statements.models import Statement
from alliance87.testing.factories import make_pathfinder, make_statement

pytestmark = pytest.mark.django_db

TEMPLATE = engines["django"].from_string(
    '{% load hub %}<h1{% lang_of s "title" %}>{{ s.title }}</h1><p>{{ s|translated:"title" }}</p>'
)


def render(statement: Statement, language: str) -> str:
    with translation.override(language):
        return TEMPLATE.render({"s": statement})


def test_english_only_text_on_a_french_page_is_marked_english() -> None:
    statement = make_statement(title="Tom & Jerry's <statement>")
    html = render(statement, "fr")
    assert '<h1 lang="en">Tom &amp; Jerry&#x27;s &lt;statement&gt;</h1>' in html
    assert '<p><span lang="en">Tom &amp; Jerry&#x27;s &lt;statement&gt;</span></p>' in html
    assert 'lang="en"' in render(statement, "es")


def test_text_in_the_page_language_carries_no_lang() -> None:
    statement = make_statement()
    assert "lang=" not in render(statement, "en")
    statement.title_fr = "La Déclaration de Bangkok"  # type: ignore[attr-defined]
    html = render(statement, "fr")
    assert "lang=" not in html
    assert "La Déclaration de Bangkok" in html


def test_a_statement_page_in_french_marks_its_english_title(client: Client) -> None:
    make_statement(summary_en="Written in English only.")
    html = client.get("/fr/statements/bangkok-statement/").content.decode()
    assert '<h1 lang="en">The Bangkok Statement</h1>' in html
    assert '<div lang="en"><p>Written in English only.</p></div>' in html
    html = client.get("/en/statements/bangkok-statement/").content.decode()
    assert "<h1>The Bangkok Statement</h1>" in html


def test_the_country_page_in_spanish_marks_an_english_summary(client: Client) -> None:
    pathfinder = make_pathfinder("CHL")
    pathfinder.summary_en = "A summary written in English."  # type: ignore[attr-defined]
    pathfinders.update_pathfinder(pathfinder, acting_user=None)
    html = client.get("/es/countries/chl/").content.decode()
    assert '<p lang="en">A summary written in English.</p>' in html
