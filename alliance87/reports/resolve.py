"""
Resolve the names a report uses against the directory.

Countries by their names in English, French and Spanish; organisations by
their names and acronyms in the three languages, by the start of a longer
name ("the Global March" for the Global March against Child Labour), by a
country's name (the government speaking), and by close spelling (difflib).
A name that matches nothing stays unresolved (its slug is None): the
reviewer can create it.

`Directory` is a snapshot of the directory taken once per import; it can
also be built from plain entries, so that the rules run without a database.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from alliance87.reports.proposal import OrgRef, Party

# Below this similarity a spelling is not "close": "UN Women" and "UNICEF"
# must stay apart, "Organisation" and "Organization" must meet.
CLOSE_SPELLING = 0.88

# A name an organisation could bear, though the directory does not know
# it: capitalised words, one of them a word organisations are named with.
ORG_WORDS = (
    r"ministry|organi[sz]ation|union|council|government|association|federation|network|"
    r"office|department|foundation|commission|committee|university|institute|agency|bank|"
    r"platform|confederation|centre|center|mission|embassy|programme|fund|coalition|society|trust"
)
_ORG_WORD = re.compile(r"(?:" + ORG_WORDS + r")s?", re.I)
_CONNECTORS = {"of", "for", "on", "and", "the", "de", "du", "des", "la", "del", "against", "in"}


def org_shaped(name: str) -> bool:
    """Return True for "Walk Free Foundation", "Ministry of Labour": words
    that begin with a capital (or join them), one naming a kind of body."""
    words = name.split()
    if len(words) < 2 or words[0][:1].islower():
        return False
    if not all(w[:1].isupper() or w in _CONNECTORS or w[:1].isdigit() for w in words):
        return False
    return any(_ORG_WORD.fullmatch(w.strip(".,")) for w in words)


_ROLE_WORDS = (
    (re.compile(r"\bco-?chairs?\b", re.I), None),
    (re.compile(r"\bsecretariat\b", re.I), "secretariat"),
    (re.compile(r"\b(?:the )?chair(?:person|man|woman)?\b(?! of the \w+ group)", re.I), "chair"),
    (re.compile(r"^(?:all |the )?(?:\w+ )?members\b", re.I), "members"),
)


@functools.lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Return `ch` in lower case without accent, always one character."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c)
    )
    if ch == "\u2019":
        return "'"
    return folded if len(folded) == 1 else ch.lower()[:1] or ch


def fold_same_length(text: str) -> str:
    """Return `text` folded character by character, so offsets carry over."""
    return "".join(fold_char(ch) for ch in text)


def fold(text: str) -> str:
    return " ".join(fold_same_length(text).split())


@dataclass(frozen=True)
class OrgEntry:
    slug: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]
    country: str | None = None
    government: bool = False


@dataclass(frozen=True)
class CountryEntry:
    iso3: str
    names: tuple[str, ...]


class Directory:
    """The organisations and countries that names are resolved against."""

    def __init__(self, organisations: Iterable[OrgEntry], countries: Iterable[CountryEntry]):
        self.organisations = list(organisations)
        self.countries = list(countries)
        self._by_acronym: dict[str, OrgEntry] = {}
        self._by_name: dict[str, OrgEntry] = {}
        self._government: dict[str, OrgEntry] = {}
        for org in self.organisations:
            for acronym in org.acronyms:
                if acronym:
                    self._by_acronym.setdefault(acronym, org)
            for name in org.names:
                if name:
                    self._by_name.setdefault(_key(name), org)
            if org.government and org.country:
                self._government.setdefault(org.country, org)
        self._country_by_name: dict[str, CountryEntry] = {}
        for country in self.countries:
            for name in country.names:
                if name:
                    self._country_by_name.setdefault(_key(name), country)
                    self._country_by_name.setdefault(_key(name).replace(" ", ""), country)
        names = sorted(
            {fold(n) for c in self.countries for n in c.names if len(n) >= 4}
            # "Vietnam" for "Viet Nam".
            | {
                fold(n).replace(" ", "")
                for c in self.countries
                for n in c.names
                if len(n.split()) == 2
            },
            key=len,
            reverse=True,
        )
        self._country_pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")
            if names
            else None
        )
        acronyms = sorted(
            (a for a in self._by_acronym if len(a) >= 2 and not a.isdigit()), key=len, reverse=True
        )
        self._acronym_pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, acronyms)) + r")(?![\w-])")
            if acronyms
            else None
        )
        long_names = sorted(
            {fold(n) for o in self.organisations for n in o.names if len(n.split()) >= 2},
            key=len,
            reverse=True,
        )
        self._name_pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, long_names)) + r")(?![\w-])")
            if long_names
            else None
        )

    @classmethod
    def from_db(cls) -> Directory:
        """Take the directory as the database holds it now (all of it: the
        import is the Secretariat's tool, and proposes, never shows)."""
        from alliance87.countries.models import Country
        from alliance87.partners.models import Organisation, StakeholderType

        countries = [
            CountryEntry(c.iso3, _distinct(c.name_en, c.name_fr, c.name_es, c.name))  # type: ignore[attr-defined]
            for c in Country.objects.all()
        ]
        organisations = [
            OrgEntry(
                slug=o.slug,
                names=_distinct(o.name_en, o.name_fr, o.name_es, o.name),  # type: ignore[attr-defined]
                acronyms=_distinct(o.acronym_en, o.acronym_fr, o.acronym_es, o.acronym),  # type: ignore[attr-defined]
                country=o.country.iso3 if o.country else None,
                government=o.stakeholder_type == StakeholderType.GOVERNMENT,
            )
            for o in Organisation.objects.select_related("country")
        ]
        return cls(organisations, countries)

    # Countries --------------------------------------------------------

    def country(self, name: str) -> CountryEntry | None:
        """Return the country `name` is the name of, in any language."""
        key = _key(_strip_article(name))
        return self._country_by_name.get(key) or self._country_by_name.get(key.replace(" ", ""))

    def find_countries(self, text: str) -> list[tuple[str, int, int]]:
        """Return (ISO3, start, end) for every country name in `text`,
        written with a capital as names are."""
        if self._country_pattern is None:
            return []
        folded = fold_same_length(text)
        found = []
        for m in self._country_pattern.finditer(folded):
            if not text[m.start()].isupper():
                continue
            key = " ".join(m.group().split())
            country = self._country_by_name.get(key) or self._country_by_name.get(
                key.replace(" ", "")
            )
            if country:
                found.append((country.iso3, m.start(), m.end()))
        return found

    # Organisations ----------------------------------------------------

    def find_organisations(self, text: str) -> list[tuple[str, int, int, str]]:
        """Return (slug, start, end, match) for every acronym (as written,
        case and all) and every name of two words or more in `text`."""
        found: list[tuple[str, int, int, str]] = []
        if self._acronym_pattern is not None:
            for m in self._acronym_pattern.finditer(text):
                found.append((self._by_acronym[m.group()].slug, m.start(), m.end(), "acronym"))
        if self._name_pattern is not None:
            folded = fold_same_length(text)
            for m in self._name_pattern.finditer(folded):
                org = self._by_name.get(_key(m.group()))
                if org:
                    found.append((org.slug, m.start(), m.end(), "name"))
        return sorted(found, key=lambda f: f[1])

    def resolve(self, name: str) -> tuple[OrgRef, str | None]:
        """Return the organisation `name` stands for and how it was matched
        ("acronym", "name", "country_government", "name_prefix",
        "close_spelling"), or an unresolved OrgRef and None."""
        cleaned = _strip_article(name.strip(" .,;:()"))
        ref = OrgRef(name=cleaned)
        if not cleaned:
            return ref, None
        org = self._by_acronym.get(cleaned)
        if org:
            ref.slug = org.slug
            return ref, "acronym"
        key = _key(cleaned)
        # "UN University" for the United Nations University.
        org = self._by_name.get(key) or self._by_name.get(re.sub(r"^un ", "united nations ", key))
        if org:
            ref.slug = org.slug
            return ref, "name"
        # "Ministry of Labour of Ghana": ministries fold into the government.
        ministry = re.match(
            r"(?:ministry|department|office of the president)\b.*\bof\s+(?P<c>[A-Z][\w’' -]+)$",
            cleaned,
            re.I,
        )
        country = self.country(cleaned) or (
            self.country(ministry.group("c")) if ministry else None
        )
        if country:
            ref.country = country.iso3
            government = self._government.get(country.iso3)
            if government:
                ref.slug = government.slug
            return ref, "country_government"
        if len(key.split()) >= 2:
            starts = {o.slug for k, o in self._by_name.items() if k.startswith(key + " ")}
            if len(starts) == 1:
                ref.slug = starts.pop()
                return ref, "name_prefix"
        if len(key) >= 5:
            close = difflib.get_close_matches(key, list(self._by_name), n=1, cutoff=CLOSE_SPELLING)
            if close:
                ref.slug = self._by_name[close[0]].slug
                return ref, "close_spelling"
        return ref, None

    def party(self, name: str) -> Party:
        """Return the party `name` stands for: a function, or an organisation."""
        text = " ".join(name.split()).strip(" .,;:")
        for pattern, role in _ROLE_WORDS:
            if pattern.search(text):
                if role is None:
                    break
                return Party(name=text, role=role)
        ref, _match = self.resolve(text)
        return Party(name=text, organisation=ref)

    def is_party(self, name: str) -> bool:
        """Return True when `name` reads as someone who can speak or act: a
        function, a known organisation or country, or an acronym."""
        text = _strip_article(" ".join(name.split()).strip(" .,;:"))
        if not text:
            return False
        if any(p.search(text) and r for p, r in _ROLE_WORDS):
            return True
        if re.fullmatch(r"[A-Z][A-Z0-9&-]{1,9}", text):
            return True
        if org_shaped(text):
            return True
        _ref, match = self.resolve(text)
        return match is not None


def _distinct(*values: str | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _key(name: str) -> str:
    return fold(name).strip(" .,;:")


def _strip_article(name: str) -> str:
    return re.sub(r"^(?:the|la|le|les|l'|el|los|las)\s*", "", name.strip(), flags=re.I)
