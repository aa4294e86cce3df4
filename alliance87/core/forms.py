"""
The form renderer: Django's own, with the Hub's field template and select
boxes written in Python.

Every form renders its fields through one template, `core/_field.html`
(`{{ form }}` and `{{ field.as_field_group }}` both reach it): label,
"(optional)" marker, hint, errors and control, with the ids that Django's
`BoundField.aria_describedby` names (`<id>_helptext`, `<id>_error`), and a
fieldset with a legend for a group of radios or checkboxes.

A filter form with the 196 countries renders one template include per
option; on the directory and events pages that was a third of the page's
cost. `HubFormRenderer` writes `<select>` and its options directly, with
the same markup as Django's templates (tests compare both), and leaves
every other widget to the templates.

A filter among more choices than a page can list (an action item's owner
among thousands of organisations) is a text box, `ChoiceText`, where a
person types part of a name: the list shows every choice it matches, and
`narrow()` reads which choice holds; `core/_narrowing.html` lists the
first matches as links that narrow the list to one (or, once one is
chosen, a link back to all). Plain links and a GET form: it works without
JavaScript, and the page stays small whatever the number of choices.

`save_posted` is the posted form's one path to its service: valid, saved,
or shown again with the service's refusal beside the field it names.

`TypedDateField` is a date typed in a text box: it reads the active
language's formats (day first in all three, alliance87/formats/) and ISO
dates, and its hint and error say the format expected, in the page's
language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.http import HttpRequest, QueryDict
from django.utils.formats import get_format
from django.utils.functional import Promise, lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from alliance87.core.text import fold, in_language

SELECT_TEMPLATES = frozenset({"django/forms/widgets/select.html"})
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _attrs(attrs: dict[str, Any]) -> str:
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def _lang_of(label: object) -> str:
    """` lang="en"` for an option whose text is of another language than
    the page's (a `core.text.InLanguage`), else ""."""
    lang = getattr(label, "lang", "")
    return format_html(' lang="{}"', lang) if lang else ""


class InLanguageLabels:
    """Label a model choice by a translated field (`label_field`): an
    option whose text falls back to another language carries its `lang`."""

    def __init__(self, *args: Any, label_field: str, **kwargs: Any) -> None:
        self.label_field = label_field
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj: Any) -> str:
        return in_language(obj, self.label_field)


class InLanguageModelChoiceField(InLanguageLabels, forms.ModelChoiceField):
    """A model choice labelled by a translated field, in its language."""


class InLanguageModelMultipleChoiceField(InLanguageLabels, forms.ModelMultipleChoiceField):
    """Model choices labelled by a translated field, each in its language."""


def render_select(widget: dict[str, Any]) -> SafeString:
    """Return the markup of Django's select.html for `widget`'s context."""
    out = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            out.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            if option.get("template_name", OPTION_TEMPLATE) != OPTION_TEMPLATE:
                raise LookupError(option["template_name"])
            out.append(
                format_html('\n  <option value="{}"', str(option["value"]))
                + _attrs(option["attrs"])
                + _lang_of(option["label"])
                + format_html(">{}</option>\n", option["label"])
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return mark_safe("".join(out))


class HubFormRenderer(DjangoTemplates):
    form_template_name = "core/_fields.html"
    field_template_name = "core/_field.html"

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        if template_name in SELECT_TEMPLATES:
            try:
                return render_select(context["widget"])
            except LookupError:  # a custom option template: let Django render it
                pass
        return super().render(template_name, context, request=request)


# --- Dates typed in a text box -------------------------------------------

EXAMPLE_DATE = dt.date(2027, 4, 30)


def date_format_hint() -> str:
    """Return the sentence that says how to type a date, in the active
    language, with an example written in the format it reads first."""
    example = EXAMPLE_DATE.strftime(get_format("DATE_INPUT_FORMATS")[0])
    # Translators: DD/MM/YYYY names the parts of a date typed day first.
    return gettext("Type the date as %(format)s, for example %(example)s.") % {
        "format": gettext("DD/MM/YYYY"),
        "example": example,
    }


def _hint_after(help_text: str | Promise) -> str:
    return " ".join(part for part in (str(help_text), date_format_hint()) if part)


def _invalid_date() -> str:
    return " ".join((gettext("Enter a valid date."), date_format_hint()))


_lazy_hint_after = lazy(_hint_after, str)
_lazy_invalid_date = lazy(_invalid_date, str)


class TypedDateField(forms.DateField):
    """A date typed in a text box, in the active language's format or as
    YYYY-MM-DD; its hint says which format."""

    widget = forms.DateInput

    def __init__(self, *, help_text: str | Promise = "", **kwargs: Any) -> None:
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("invalid", _lazy_invalid_date())
        super().__init__(help_text=_lazy_hint_after(help_text), **kwargs)


# --- A choice among too many to list --------------------------------------

# How many matches of the typed text are listed as links; more than that
# and the person is asked to type more of the name.
MATCHES_LISTED = 20


class ChoiceText(forms.CharField):
    """The text box of a filter among more choices than a page can list:
    part of a name, typed (`narrow()` reads it)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off"}))
        super().__init__(**kwargs)


class QueryFilters:
    """A list page's filters read from its query string `data`: `raw`, each
    of `names`' value stripped and cut to `max_length` characters; `keep`
    keeps in `values` a value that is understood and drops one that is not
    with a message in `problems` naming the filter (`label_of(name)`), so
    that a bad value is a message, never a 500."""

    def __init__(
        self,
        data: Mapping[str, Any],
        names: Iterable[str],
        *,
        max_length: int,
        label_of: Callable[[str], str],
    ) -> None:
        self.raw = {k: str(data.get(k, "") or "").strip()[:max_length] for k in names}
        self.values: dict[str, Any] = {}
        self.problems: list[str] = []
        self._label_of = label_of

    def keep(self, name: str, ok: bool, value: Any) -> None:
        """Keep `value` for the filter `name` when `ok`; say it is ignored
        when not. Nothing when the query string leaves the filter empty."""
        if not self.raw[name]:
            return
        if ok:
            self.values[name] = value
        else:
            self.problems.append(
                gettext("The %(filter)s “%(value)s” was not understood and is ignored.")
                % {"filter": self._label_of(name), "value": self.raw[name]}
            )


@dataclass
class Narrowing:
    """What a filter among too many choices to list shows beside the form:
    the choice made and a link back to all, or the first choices whose name
    matches the text typed, each a link that narrows the list to it."""

    param: str  # the parameter that names one choice ("owner": a slug)
    text_param: str  # the text box's ("owner_q")
    everyone: str | Promise  # the text of the link back to all ("All owners")
    query: Mapping[str, Any] = field(default_factory=dict)  # the page's parameters
    value: str = ""  # the choice asked for, when it holds
    chosen: str = ""  # its name, when it is one the visitor may choose
    text: str = ""  # the text typed, when no choice holds
    matches: Sequence[tuple[str, str]] = ()  # (value, name), the first ones
    more: bool = False  # more than `matches` match

    def _url(self, **pairs: str) -> str:
        query = QueryDict(mutable=True)
        for key, values in _lists(self.query):
            if key not in (self.param, self.text_param, "page"):
                query.setlist(key, values)
        query.update(pairs)
        return "?" + query.urlencode()

    def list_matches(self, found: Sequence[tuple[str, str]]) -> None:
        """List the first of `found`, the first `MATCHES_LISTED + 1`
        (value, name) matching the text (one more tells that more match)."""
        self.matches = list(found[:MATCHES_LISTED])
        self.more = len(found) > MATCHES_LISTED

    @property
    def links(self) -> list[tuple[str, str]]:
        """Return (name, address) of each match: the list narrowed to it."""
        return [(name, self._url(**{self.param: value})) for value, name in self.matches]

    @property
    def clear_url(self) -> str:
        return self._url()


def _lists(query: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    if isinstance(query, QueryDict):
        return list(query.lists())
    return [(key, [str(value)]) for key, value in query.items()]


def read_narrowing(
    narrowing: Narrowing,
    query: Mapping[str, Any],
    *,
    value: str,
    text: str,
    name_of: Callable[[str], str | None],
    matches_of: Callable[[str, int], Sequence[tuple[str, str]]] | None = None,
) -> Narrowing:
    """Read a filter among too many choices to list: `value`, the choice
    that `query`'s `param` names, and `text`, what its `text_param` holds.

    The choice holds when `query` has no `text_param` (a link names the
    choice alone) or it still reads the choice's name (the form sent back
    unchanged). Otherwise the text typed selects every choice whose name
    matches it, and the first `MATCHES_LISTED` of them are listed; an
    emptied text box selects all. `name_of(value)` returns a choice's
    name, or None when the visitor may not choose it (missing and hidden
    alike); `matches_of(text, n)` the first `n` (value, name) matching
    (without it, the caller lists them later: `list_matches()`).
    """
    narrowing.query = query
    name = name_of(value) if value else None
    sent = narrowing.text_param in query
    if value and (not sent or (name is not None and fold(text) == fold(name))):
        narrowing.value = value
        narrowing.chosen = name or ""
    elif text.strip():
        narrowing.text = text.strip()
        if matches_of is not None:
            narrowing.list_matches(list(matches_of(narrowing.text, MATCHES_LISTED + 1)))
    return narrowing


def narrow(
    form: forms.Form,
    narrowing: Narrowing,
    *,
    name_of: Callable[[str], str | None],
    matches_of: Callable[[str, int], Sequence[tuple[str, str]]],
) -> Narrowing:
    """Read a filter among too many choices to list from `form`, cleaned
    (its `param` field a hidden slug, its `text_param` a `ChoiceText`):
    `read_narrowing()`. The text box then shows the chosen name, and the
    hidden field keeps only a choice that holds."""
    narrowing.query = form.data
    if form.errors:  # the list is not filtered: nothing to narrow
        return narrowing
    data = form.cleaned_data
    read_narrowing(
        narrowing,
        form.data,
        value=str(data.get(narrowing.param) or ""),
        text=str(data.get(narrowing.text_param) or ""),
        name_of=name_of,
        matches_of=matches_of,
    )
    shown = form.data.copy() if isinstance(form.data, QueryDict) else dict(form.data)
    shown[narrowing.param] = narrowing.value
    if narrowing.value:
        shown[narrowing.text_param] = narrowing.chosen
    form.data = shown
    return narrowing


def add_service_errors(
    form: forms.BaseForm,
    error: ValidationError,
    *,
    unnamed: str | None = None,
    field_for: Callable[[str], str] | None = None,
) -> None:
    """Show a service's refusal on its form: beside the field it names when
    the form has that field, above the form otherwise. A refusal that names
    no field goes beside `unnamed` (None: above the form); `field_for` maps
    a model field's name to the form's (a translated field's `title_en`)."""
    if not hasattr(error, "error_dict"):
        form.add_error(unnamed, error)
        return
    for name, errors in error.error_dict.items():
        shown = field_for(name) if field_for else name
        form.add_error(shown if shown in form.fields else None, errors)


def save_posted(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[Any], object],
    **shown: Any,
) -> bool:
    """Return whether `request` posts `form` valid and `save(form)` (a call
    of a service) accepts it. A refusal (ValidationError) is shown on the
    form as `add_service_errors` does, with `shown` as its options; a GET,
    an invalid form and a refusal all answer False: show the form again."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        save(form)
    except ValidationError as error:
        add_service_errors(form, error, **shown)
        return False
    return True
