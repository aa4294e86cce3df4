"""
The French and Spanish catalogues: complete, faithful to their placeholders,
current with the code, and what a French or Spanish reader actually sees.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from pytest_django import Settings

LANGUAGES = ("fr", "es")
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
# %(name)s and %s style, then str.format's {name}; "%%" is a literal percent.
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[#0 +-]*\d*(?:\.\d+)?[sdifr]|\{\w*\}")


def catalogue_path(language: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(catalogue_path(language)))


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")))


def makefile_ignore_patterns() -> list[str]:
    """Return the --ignore patterns of the Makefile's `messages` target."""
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    target = re.search(r"^messages:.*?(?=^\S|\Z)", makefile, re.MULTILINE | re.DOTALL)
    assert target, "The Makefile has no `messages` target."
    patterns = re.findall(r'--ignore "([^"]+)"', target.group())
    assert patterns, "The Makefile's `messages` target ignores nothing."
    return patterns


def key(entry: polib.POEntry) -> tuple[str | None, str, str]:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language: str) -> None:
    po = catalogue(language)
    assert not po.metadata_is_fuzzy, f"The {language} header is marked fuzzy."
    live = [e for e in po if not e.obsolete]
    assert live, f"The {language} catalogue is empty."
    untranslated = [e.msgid for e in live if not e.translated() and "fuzzy" not in e.flags]
    fuzzy = [e.msgid for e in live if "fuzzy" in e.flags]
    assert not untranslated, f"Untranslated in {language}: {untranslated}"
    assert not fuzzy, f"Fuzzy in {language}: {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_source(language: str) -> None:
    mismatches = []
    for entry in catalogue(language):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            wanted = placeholders(entry.msgid_plural)
            if placeholders(entry.msgid) != wanted:
                mismatches.append(f"{entry.msgid!r}: singular and plural differ")
            for form, text in sorted(entry.msgstr_plural.items()):
                if placeholders(text) != wanted:
                    mismatches.append(f"{entry.msgid!r} msgstr[{form}]: {text!r}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            mismatches.append(f"{entry.msgid!r}: {entry.msgstr!r}")
    assert not mismatches, f"Placeholders changed in {language}:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_are_those_of_the_language(language: str) -> None:
    assert catalogue(language).metadata["Plural-Forms"] == PLURAL_FORMS[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language: str) -> None:
    po = catalogue(language)
    mo_path = catalogue_path(language).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`."
    mo = {key(e): (e.msgstr, e.msgstr_plural) for e in polib.mofile(str(mo_path))}
    po_entries = {
        key(e): (e.msgstr, e.msgstr_plural) for e in po.translated_entries() if not e.obsolete
    }
    stale = sorted(k[1] for k, v in po_entries.items() if mo.get(k) != v)
    assert not stale, f"{mo_path.name} is older than the .po, run `make messages`: {stale}"


def test_makemessages_finds_nothing_missing_from_the_catalogues(
    tmp_path: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = {lang: catalogue_path(lang) for lang in LANGUAGES}
    real = {lang: path.read_bytes() for lang, path in paths.items()}
    known = {lang: {key(e) for e in catalogue(lang) if not e.obsolete} for lang in LANGUAGES}
    # Extract afresh, as `make messages` does (from the repository root,
    # with the same --ignore list), into a throw-away locale folder. Any
    # folder named "locale" is skipped too: makemessages writes the strings
    # of the files below such a folder into it, whatever LOCALE_PATHS says.
    monkeypatch.chdir(settings.BASE_DIR)
    settings.LOCALE_PATHS = [tmp_path]
    call_command(
        "makemessages",
        locale=["fr"],
        ignore_patterns=[*makefile_ignore_patterns(), "locale"],
        verbosity=0,
    )
    fresh = polib.pofile(str(tmp_path / "fr" / "LC_MESSAGES" / "django.po"))
    assert real == {lang: path.read_bytes() for lang, path in paths.items()}, (
        "makemessages wrote into the real catalogues."
    )

    missing = [e for e in fresh if any(key(e) not in known[lang] for lang in LANGUAGES)]
    report = "\n".join(
        f"  {e.msgid!r}  ({', '.join(f'{path}:{line}' for path, line in e.occurrences)})"
        for e in missing
    )
    if missing:
        pytest.fail(
            f"{len(missing)} strings in the code are missing from the catalogues; "
            f"run `make messages` and translate them:\n{report}",
            pytrace=False,
        )


class PageText(HTMLParser):
    """Collect the visible text of a page, and of its main navigation apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.nav: list[str] = []
        self.lang = ""
        self._nav_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang") or ""
        if tag == "nav" and "site-nav" in (a.get("class") or "").split():
            self._nav_depth = 1
        elif tag == "nav" and self._nav_depth:
            self._nav_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1

    def handle_data(self, data: str) -> None:
        words = " ".join(data.split())
        if words:
            self.text.append(words)
            if self._nav_depth:
                self.nav.append(words)


# English that must not survive on a French or Spanish page.
ENGLISH = ["Skip to main content", "Key figures", "Partner directory"]
ENGLISH_NAV = ["Countries"]

PAGES = [
    (
        "/fr/",
        ["Aller au contenu principal", "Chiffres clés", "Annuaire des partenaires", "millions"],
        ["Pays"],
    ),
    (
        "/es/",
        ["Ir al contenido principal", "Cifras clave", "Directorio de socios", "millones"],
        ["Países"],
    ),
    ("/fr/countries/", ["Aller au contenu principal", "Annuaire des partenaires"], ["Pays"]),
    ("/es/partners/", ["Ir al contenido principal", "Directorio de socios"], ["Países"]),
]


@pytest.mark.parametrize(("path", "phrases", "nav_entries"), PAGES)
def test_pages_read_in_their_language(
    demo: None, client: Client, path: str, phrases: list[str], nav_entries: list[str]
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    page = PageText()
    page.feed(response.content.decode())
    text = "\n".join(page.text)
    assert page.lang == path.split("/")[1]
    for english in ENGLISH:
        assert english not in text, f"{path} still says {english!r}."
    for english in ENGLISH_NAV:
        assert english not in page.nav, f"{path} navigation still says {english!r}."
    for phrase in phrases:
        assert phrase in text, f"{path} does not say {phrase!r}."
    for entry in nav_entries:
        assert entry in page.nav, f"{path} navigation lacks {entry!r}: {page.nav}"
