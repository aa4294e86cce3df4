"""
No form answers bad input with a server error.

Each persona walks the demo site as a person would, collects every form it
is offered (the forms themselves, read from the pages: nothing to register
when a form is added), and Hypothesis posts to each one values a person, a
broken client or an attacker might send: huge and odd numbers, Unicode
digits, dates in every order, very long text, NUL characters, option values
that are not offered, and CSV files with such cells. Any 5xx fails, with the
smallest input that causes it.

`FUZZ_EXAMPLES` sets the examples per form (default 6; `make fuzz` runs
200).
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "6"))
MAX_PAGES = 400
MAX_PER_KIND = 6
SKIP_SUFFIXES = (".csv", ".ics", ".json", ".svg", ".png", ".pdf")
# Forms whose post ends the persona's visit; they are fuzzed by their own tests.
SKIP_ACTIONS = ("/accounts/logout/", "/i18n/setlang/")
WRITING_WORDS = ("edit", "record", "new", "add", "apply", "endorse", "invite", "review", "close")
PERSONAS = ["anonymous", "outsider", "partner", "member", "chair", "focal-point", "secretariat"]

# Values that broke forms before, and their kin.
NASTY = [
    "99999999999999999999999",
    "-99999999999999999999999",
    "9" * 5000,
    "²",
    "١٢٣",
    "1e309",
    "NaN",
    "-1",
    "0",
    "",
    " ",
    "\x00",
    "a\x00b",
    "30/04/2027",
    "04/30/2027",
    "2027-02-30",
    "0000-00-00",
    "9999-12-31",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "x" * 10_000,
    "🙂" * 50,
    '=HYPERLINK("http://x")',
]
junk = st.one_of(st.sampled_from(NASTY), st.text(max_size=60), st.integers().map(str))


@dataclass
class Control:
    name: str
    kind: str  # input type, "select", "textarea"
    options: list[str] = field(default_factory=list)
    multiple: bool = False


@dataclass
class Form:
    page: str
    action: str
    enctype: str
    controls: dict[str, Control] = field(default_factory=dict)


class FormCollector(HTMLParser):
    """Collect the POST forms and the internal links of one page."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None
        self._select: Control | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            if a.get("method", "get").lower() == "post":
                self._form = Form(self.page, a.get("action") or self.page, a.get("enctype", ""))
        elif self._form is None:
            return
        elif tag in {"input", "textarea"} and a.get("name"):
            kind = a.get("type", "text").lower() if tag == "input" else "textarea"
            if kind in {"submit", "button", "image", "reset"}:
                return
            control = self._form.controls.setdefault(a["name"], Control(a["name"], kind))
            if kind in {"checkbox", "radio", "hidden"} and "value" in a:
                control.options.append(a["value"])
        elif tag == "select" and a.get("name"):
            self._select = Control(a["name"], "select", multiple="multiple" in a)
            self._form.controls[a["name"]] = self._select
        elif tag == "option" and self._select is not None:
            self._select.options.append(a.get("value", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None


def shape(path: str) -> str:
    """Return the kind of page `path` is: its area and use, not which object
    (/en/pathfinders/*/roadmaps/#/edit/)."""
    parts = urlsplit(path).path.split("/")
    return "/".join(
        "#" if p.isdigit() else "*" if i == 3 and len(parts) > 4 else p
        for i, p in enumerate(parts)
    )


def collect_forms(client: Client) -> list[Form]:
    """Walk the site from /en/ and return each distinct form once."""
    # Every area's front page first, then whatever they lead to.
    start = ["/en/", "/en/account/", "/en/applications/", "/en/events/", "/en/pathfinders/"]
    queue, seen = list(start), set(start)
    kinds: Counter[str] = Counter()
    forms: dict[tuple[str, tuple[str, ...]], Form] = {}
    visited = 0
    while queue and visited < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        visited += 1
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        collector = FormCollector(url)
        collector.feed(response.content.decode())
        for form in collector.forms:
            if any(skip in form.action for skip in SKIP_ACTIONS):
                continue
            forms.setdefault((shape(form.action), tuple(sorted(form.controls))), form)
        for href in collector.links:
            target, _ = urldefrag(href)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not target.startswith("/en/"):
                continue
            if target.endswith(SKIP_SUFFIXES) or target in seen or "logout" in target:
                continue
            kind = shape(parts.path)
            if kinds[kind] >= MAX_PER_KIND:
                continue
            kinds[kind] += 1
            seen.add(target)
            # Pages where people write come first: the walk is bounded.
            if any(word in parts.path for word in WRITING_WORDS):
                queue.insert(0, target)
            else:
                queue.append(target)
    return list(forms.values())


def csv_files() -> st.SearchStrategy[bytes]:
    """CSV files whose cells hold the nasty values (the roadmap import)."""
    header = "action_id,status,percent_done,new_progress_note,title\n"
    action_id = st.sampled_from(NASTY)
    row = st.tuples(action_id, st.lists(junk, min_size=4, max_size=4)).map(
        lambda cells: ",".join('"' + c.replace('"', '""') + '"' for c in [cells[0], *cells[1]])
    )
    return st.one_of(
        st.lists(row, min_size=1, max_size=3).map(lambda rows: header + "\n".join(rows)),
        st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
    ).map(lambda text: text.encode("utf-8", "surrogatepass"))


def value_for(control: Control) -> st.SearchStrategy[Any]:
    offered = [o for o in control.options if o]
    if control.kind == "file":
        return csv_files().map(lambda data: SimpleUploadedFile("fuzz.csv", data, "text/csv"))
    if control.kind == "hidden" and control.name == "csrfmiddlewaretoken":
        return st.just(control.options[0] if control.options else "")
    choices = st.sampled_from(offered) if offered else junk
    single = st.one_of(choices, junk) if offered else junk
    if control.multiple or control.kind == "checkbox":
        return st.lists(single, max_size=3)
    return single


def post_data(form: Form) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({name: value_for(c) for name, c in form.controls.items()})


def sign_in_as(client: Client, persona: str) -> None:
    if persona == "anonymous":
        return
    from alliance87.accounts.demo import email_of

    client.force_login(get_user_model().objects.get(email=email_of(persona)))


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_form_answers_bad_input_with_a_server_error(persona: str) -> None:
    client = Client(raise_request_exception=False)
    sign_in_as(client, persona)
    forms = collect_forms(client)
    if persona in {"secretariat", "focal-point", "chair"}:
        assert len(forms) >= 3, f"{persona} was offered too few forms: {forms}"
    posts = Counter[str]()
    for form in forms:
        fuzz(client, persona, form, posts)
    print(f"{persona}: {len(forms)} forms, {sum(posts.values())} posts")


def fuzz(client: Client, persona: str, form: Form, posts: Counter[str]) -> None:
    """Post generated data to `form` as `persona`; fail on any 5xx."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=post_data(form))
    def posting_never_fails(data: dict[str, Any]) -> None:
        sign_in_as(client, persona)
        response = client.post(form.action, data)
        posts[form.action] += 1
        assert response.status_code < 500, (
            f"{persona} posting to {form.action} (form on {form.page}) got "
            f"{response.status_code} with {data!r}"
        )

    posting_never_fails()
