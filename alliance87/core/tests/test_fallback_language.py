"""Text written only in English and shown on a French or Spanish page says
so with `lang="en"`, so that a screen reader reads it as English (issue 10,
item 14); text written in the page's language carries no `lang` of its own."""

from __future__ import annotations

import pytest
from django import forms
from django.template import engines
from django.test import Client
from django.utils import translation
from modeltranslation.translator import translator

from alliance87.core.forms import InLanguageModelChoiceField
from alliance87.core.invalidation import bump_content_version
from alliance87.groups.models import Constituency, Seat
from alliance87.pathfinders import services as pathfinders
from alliance87.statements.models import Statement
from alliance87.testing.factories import make_group, make_pathfinder, make_statement
from alliance87.testing.languages import NAMES, english_only_texts, unmarked
from alliance87.testing.pages import crawl
from alliance87.testing.personas import make_user

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
    assert '<p><span lang="en">A summary written in English.</span>' in html


def _write_only_english(language: str) -> None:
    """Empty every translated prose field in `language`, as if all of the
    demo had been typed in English only (names stay: they need no lang)."""
    for model in translator.get_registered_models():
        for field in translator.get_options_for_model(model).fields:  # type: ignore[attr-defined]
            if field in NAMES:
                continue
            column = model._meta.get_field(f"{field}_{language}")
            model._base_manager.update(**{column.name: None if column.null else ""})  # type: ignore[union-attr]
    bump_content_version()


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize("staff", [False, True], ids=["visitor", "secretariat"])
def test_every_page_marks_english_only_text_with_its_language(
    demo: None, client: Client, language: str, staff: bool
) -> None:
    _write_only_english(language)
    texts = english_only_texts(language)
    assert len(texts) > 100, "the demo should hold much prose to look for"
    if staff:
        client.force_login(make_user("lang-secretariat", staff=True))
    report = crawl(client, f"/{language}/", check=lambda html, lang: unmarked(html, texts, lang))
    assert len(report) > 50, f"the walk reached too few pages: {len(report)}"
    failing = {url: found for url, found in report.items() if found}
    assert not failing, "\n".join(f"{url}: {found[:3]}" for url, found in failing.items())


def test_the_check_finds_english_text_outside_an_english_element() -> None:
    texts = {"Written in English only, at length."}
    html = (
        '<html lang="fr"><body><p>Written in English only, at length.</p>'
        '<p lang="en"><span>Written in English only, at length.</span></p>'
        '<div lang="en"><br><p>x</p></div><p>Written in English only, at length.</p>'
        "<title>Written in English only, at length.</title></body></html>"
    )
    assert unmarked(html, texts, "fr") == [
        "Written in English only, at length.",
        "Written in English only, at length.",
    ]
    assert unmarked(html.replace('lang="fr"', 'lang="en"'), texts, "en") == []


def test_an_option_in_english_on_a_french_form_carries_lang() -> None:
    seat = Seat.objects.create(
        group=make_group("seats", "Seats"),
        constituency=Constituency.PATHFINDER,
        label_en="A seat named in English",
        order=1,
    )
    field = InLanguageModelChoiceField(queryset=Seat.objects.all(), label_field="label")

    class SeatForm(forms.Form):
        seat = field

    with translation.override("fr"):
        html = str(SeatForm()["seat"])
    assert f'<option value="{seat.pk}" lang="en">A seat named in English</option>' in html
    with translation.override("en"):
        html = str(SeatForm()["seat"])
    assert f'<option value="{seat.pk}">A seat named in English</option>' in html
