"""
Every form of every area, rendered through the Hub's field template, names
only ids that exist on the page: each `aria-describedby`, each label's
`for` and each link of the error summary. A group of radios or checkboxes
sits in a fieldset with a legend, and "(optional)" marks only a field that
no rule requires.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.forms import BaseForm
from django.template import engines
from django.test import Client
from django.urls import reverse

from alliance87.core.templatetags.hub import is_optional

PAGE = engines["django"].from_string('{% include "core/_form_errors.html" %}{{ form }}')


class FormAudit(HTMLParser):
    """Collect the ids a form's markup defines and the ids it refers to."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()
        self.described_by: list[str] = []
        self.labels_for: list[str] = []
        self.summary_links: list[str] = []
        self.loose_choices: list[str] = []
        self.choices_with_maxlength: list[str] = []
        self.fieldsets_without_legend = 0
        self._fieldsets: list[bool] = []  # whether each open fieldset has a legend

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.ids[a["id"]] += 1
        self.described_by += a.get("aria-describedby", "").split()
        if tag == "label" and "for" in a:
            self.labels_for.append(a["for"])
        elif tag == "a" and a.get("href", "").startswith("#"):
            self.summary_links.append(a["href"][1:])
        elif tag == "fieldset":
            self._fieldsets.append(False)
        elif tag == "legend" and self._fieldsets:
            self._fieldsets[-1] = True
        elif tag == "input" and a.get("type") in {"radio", "checkbox"}:
            grouped = a.get("name", "") and self._fieldsets and self._fieldsets[-1]
            if a["type"] == "radio" and not grouped:
                self.loose_choices.append(a.get("id", ""))
            if "maxlength" in a:  # a text box's attribute: invalid on a choice
                self.choices_with_maxlength.append(a.get("id", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "fieldset" and self._fieldsets and not self._fieldsets.pop():
            self.fieldsets_without_legend += 1

    def problems(self) -> list[str]:
        found = []
        found += [f"duplicate id {i}" for i, n in self.ids.items() if n > 1]
        found += [
            f"aria-describedby names missing #{i}" for i in self.described_by if not self.ids[i]
        ]
        found += [f"label for missing #{i}" for i in self.labels_for if not self.ids[i]]
        found += [
            f"error summary links to missing #{i}" for i in self.summary_links if not self.ids[i]
        ]
        found += [f"radio #{i} outside a fieldset with legend" for i in self.loose_choices]
        found += [f"choice #{i} with a maxlength" for i in self.choices_with_maxlength]
        if self.fieldsets_without_legend:
            found.append("fieldset without legend")
        return found


def audit(html: str) -> list[str]:
    parser = FormAudit()
    parser.feed(html)
    parser.close()
    return parser.problems()


def every_form_class() -> Iterator[type[BaseForm]]:
    """Yield each form class defined in an area's forms module."""
    for config in apps.get_app_configs():
        if not config.name.startswith("alliance87."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseForm)
                and value.__module__ == module.__name__
            ):
                yield value


def every_form_named(name: str) -> type[BaseForm]:
    return next(c for c in every_form_class() if c.__name__ == name)


def build(form_class: type[BaseForm], data: dict[str, str] | None) -> BaseForm | None:
    """Return the form, or None when it needs arguments the test cannot guess."""
    try:
        return form_class(data=data)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


@pytest.mark.django_db
def test_every_form_names_only_ids_that_exist() -> None:
    checked = []
    datas: tuple[dict[str, str] | None, ...] = (None, {})
    for form_class in every_form_class():
        for data in datas:  # unbound, then bound and empty: every error shown
            form = build(form_class, data)
            if form is None:
                continue
            form.is_valid()
            problems = audit(PAGE.render({"form": form}))
            assert not problems, (form_class.__qualname__, problems)
            checked.append(form_class)
    # The forms of the applications, accounts, events, groups, pathfinders
    # and filter pages, at least: a change that stops collecting them fails.
    assert len(set(checked)) >= 20, sorted(c.__qualname__ for c in set(checked))


@pytest.mark.django_db
def test_optional_marks_only_fields_no_rule_requires() -> None:
    conditional = build(every_form_named("ApplicationForm"), None)
    assert conditional is not None
    assert not is_optional(conditional["country"])
    assert is_optional(conditional["message"])
    for form_class in every_form_class():
        form = build(form_class, None)
        if form is None:
            continue
        for field in form.visible_fields():
            marked = 'class="optional"' in str(field.as_field_group())
            # A single checkbox left unticked is an answer: never marked.
            expected = is_optional(field) and field.widget_type != "checkbox"
            assert marked == expected, (form_class.__qualname__, field.name)


@pytest.mark.django_db
def test_apply_form_with_errors_links_hints_and_radio_group() -> None:
    response = Client().post(reverse("applications:apply"), {})
    html = response.content.decode()
    assert audit(html) == []
    # The error summary leads to the first radio of the group, not to "#".
    assert 'href="#id_kind_0"' in html
    assert 'href="#"' not in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'id="id_country_helptext"' in html
    # Country is required for a pathfinder application: not "(optional)".
    label = html.split('for="id_country"', 1)[1].split("</label>", 1)[0]
    assert "optional" not in label


def test_a_hint_that_is_a_list_stays_inside_its_hint() -> None:
    """Django's password rules come as a <ul>: inside a <p>, a browser ends
    the paragraph before the list, and the field's aria-describedby names
    an empty hint."""
    from django import forms
    from django.utils.safestring import mark_safe

    class PasswordForm(forms.Form):
        password = forms.CharField(
            help_text=mark_safe("<ul><li>At least 12 characters.</li></ul>")
        )

    html = PAGE.render({"form": PasswordForm()})
    assert '<p class="hint"' not in html
    assert 'id="id_password_helptext"><ul>' in html


# Fields a service or clean() requires in some cases (issue 10, item 12):
# "(optional)" would tell a person they may leave them empty.
REQUIRED_IN_SOME_CASES = [
    ("ActionItemForm", "due_end"),  # for a range
    ("ExchangeForm", "asked_by_role"),  # who asked: one of three
    ("ExchangeForm", "asked_by_organisation"),
    ("ExchangeForm", "asked_by_person"),
    ("ExchangeForm", "answered_by_person"),  # who answered, with an answer
    ("DocumentForm", "url"),  # an address or a file
    ("DocumentForm", "upload"),
    ("StageForm", "date_end"),  # for a range
    ("RoadmapForm", "date_end"),
    ("ActionForm", "currency"),  # with a budget
    ("RoleAssignForm", "scope"),  # for a role held for a group or country
    ("SubmissionForm", "champion"),  # for a champion (campaigns)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("form_name", "field_name"), REQUIRED_IN_SOME_CASES)
def test_a_field_required_in_some_cases_is_not_marked_optional(
    form_name: str, field_name: str
) -> None:
    form_class = every_form_named(form_name)
    assert field_name in form_class.base_fields  # type: ignore[attr-defined]
    assert field_name in getattr(form_class, "conditionally_required", ())


@pytest.mark.django_db
def test_no_label_writes_optional_itself() -> None:
    """The field template adds "(optional)": a label that says it too shows
    it twice."""
    for form_class in every_form_class():
        for name, field in form_class.base_fields.items():  # type: ignore[attr-defined]
            assert "optional" not in str(field.label or "").lower(), (form_class.__name__, name)


@pytest.mark.django_db
def test_the_accounts_search_and_the_role_scope_go_through_the_form_renderer(personas) -> None:
    """The Secretariat's account search is the shared filter form, and the
    role's scope a select box with a group per kind of role, both rendered
    by the field template."""
    client = Client()
    client.force_login(personas.secretariat)
    html = client.get("/en/account/people/", {"q": "part"}).content.decode()
    assert audit(html) == []
    assert 'role="search"' in html and 'id="id_q"' in html and 'value="part"' in html
    assert "Clear filters" in html
    url = f"/en/account/people/{personas.outsider.pk}/roles/"
    html = client.post(url, {"kind": "partner", "scope": "nowhere"}).content.decode()
    assert audit(html) == []
    assert 'aria-describedby="id_scope_helptext id_scope_error"' in html
    assert "<optgroup" in html and "(no scope)" in html
    # "For" is required for some roles only: not marked "(optional)".
    label = html.split('for="id_scope"', 1)[1].split("</label>", 1)[0]
    assert "optional" not in label
