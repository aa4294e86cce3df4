"""The "Sources" page of a record: every citation of the record and of its
fields, a form to cite a source for one of them, and a button to remove
one (docs/provenance.md). It is reached from the quiet source line beside
each fact (`{% source %}`), which offers it to those who may cite.

Who may cite a record's sources is the "cite" permission
(core/permissions.py): the Secretariat, and whoever an area's rule names.
Anyone else gets the same 404 as a missing record. Works without
JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.core import files, permissions
from alliance87.core.forms import (
    ChoiceText,
    Narrowing,
    TypedDateField,
    add_service_errors,
    read_narrowing,
)
from alliance87.core.models import Basis, Citation, Sourced
from alliance87.core.provenance import citable_fields, cite, document_addresses, uncite
from alliance87.core.text import marked, page_language, parse_id, shown_language

WHOLE_RECORD = "-"


class CitationForm(forms.Form):
    """One source of one fact. The basis "illustrative" is the demo's
    alone: it is not offered here."""

    conditionally_required = frozenset({"source_title", "note"})

    field = forms.ChoiceField(label=gettext_lazy("Which fact"))
    basis = forms.ChoiceField(
        label=gettext_lazy("Basis"),
        choices=[
            (Basis.REPORTED, gettext_lazy("Reported: the source says so")),
            (Basis.INFERRED, gettext_lazy("Inferred: a person concluded it")),
        ],
        widget=forms.RadioSelect,
        initial=Basis.REPORTED,
    )
    source_title = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "The document's title, as its readers would find it. Required for a reported "
            "fact unless an address is given."
        ),
    )
    # A Hub document found by the search of the same form
    # (DocumentSearchForm): a choice among the documents found, each named
    # as core.files.match_documents gives it; offered only when a search
    # found some, or one was chosen.
    document = forms.ChoiceField(
        label=gettext_lazy("Hub document"),
        required=False,
        widget=forms.RadioSelect,
        help_text=gettext_lazy("Cites the document chosen, as its file's address would."),
        error_messages={
            "invalid_choice": gettext_lazy("That document is not available: find it again.")
        },
    )
    url = forms.URLField(
        label=gettext_lazy("Address of the source"),
        max_length=500,
        required=False,
        help_text=gettext_lazy(
            "The address of a file held in the Hub (a library file, a meeting document) "
            "cites it as a Hub document: readers follow it only if they may see it."
        ),
    )
    locator = forms.CharField(
        label=gettext_lazy("Page or paragraph"),
        max_length=100,
        required=False,
        help_text=gettext_lazy("E.g. “p. 3”, “para. 12”."),
    )
    note = forms.CharField(
        label=gettext_lazy("Inferred from"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=gettext_lazy("Required for an inferred fact: from what, and by whom."),
    )
    value = forms.CharField(
        label=gettext_lazy("Value, as this source gives it"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Only when sources disagree: what this one says. The page then shows the "
            "sources side by side."
        ),
    )
    as_of = TypedDateField(
        label=gettext_lazy("As of"),
        required=False,
        help_text=gettext_lazy(
            "The day the source says this state was true, for a state that can change."
        ),
    )
    as_of_month_only = forms.BooleanField(
        label=gettext_lazy("The source gives the month only"),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        fields: list[tuple[str, str]],
        documents: Sequence[tuple[str, str]] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["field"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(WHOLE_RECORD, _("The record as a whole")), *fields]
        if documents:
            document = self.fields["document"]
            assert isinstance(document, forms.ChoiceField)
            document.choices = list(documents)
        elif not self.data.get("document"):
            del self.fields["document"]


def _typed(data: Any) -> dict[str, Any]:
    """Return what was typed in the citation form's fields, posted with a
    search, as the initial values of the form shown again: kept, not
    checked, not saved."""
    return {name: data[name] for name in CitationForm.base_fields if data.get(name)}


class DocumentSearchForm(forms.Form):
    """Find a Hub document to cite by part of what it is found by. Its box
    sits inside the citation form, whose "Find" button sends it with the
    fields typed so far; a GET query (`?document_q=`) searches too. The
    first matches become the choices of the citation form's "Hub
    document"."""

    document_q = ChoiceText(
        label=gettext_lazy("Find a Hub document"),
        help_text=gettext_lazy(
            "Type part of its title, of its meeting's name or of its file's name."
        ),
    )


def _found(user: Any, query: Any) -> tuple[DocumentSearchForm, Narrowing]:
    """Read the document search of `query` (the page's query, or the form
    posted): the first `MATCHES_LISTED` documents the user may see that
    match the text typed (core.forms.read_narrowing, as the tracker's
    owners)."""
    search = DocumentSearchForm(query if "document_q" in query else None)
    found = Narrowing("document", "document_q", everyone="")
    if search.is_bound and search.is_valid():
        read_narrowing(
            found,
            query,
            value="",
            text=search.cleaned_data["document_q"],
            name_of=lambda value: None,
            matches_of=lambda text, n: files.match_documents(user, text, n),
        )
    return search, found


def _record(kind: int, pk: int, user: Any) -> models.Model:
    """Return the sourced record named by its content type and id (as a
    citation names it), or 404 alike when there is none or `user` may not
    cite its sources."""
    kind_id, row_id = parse_id(kind), parse_id(pk)
    if kind_id is None or row_id is None:  # beyond what a row id can be
        raise Http404("No such record.")
    try:
        model = ContentType.objects.get_for_id(kind_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404("No such record.") from None
    if model is None or not issubclass(model, Sourced):
        raise Http404("No such record.")
    record = get_object_or_404(model._default_manager, pk=row_id)
    permissions.require(user, "cite", record)
    return record


def sources_url(record: models.Model, field: str = "") -> str:
    kind = ContentType.objects.get_for_model(record).pk
    url = reverse("core:sources", args=[kind, record.pk])
    return f"{url}?field={field}" if field else url


def may_cite(user: Any, record: Any) -> bool:
    return isinstance(record, Sourced) and permissions.may(user, "cite", record)


@dataclass
class Fact:
    """One row of the page: a fact of the record and its citations."""

    field: str
    label: str
    value: str
    citations: list[Citation]


# How much of a long value the page shows beside its sources; how many
# rows of a list (an event's organisers).
VALUE_SHOWN = 200
LISTED = 10


def _shown_value(record: models.Model, name: str) -> str:
    """Return the value of field `name` as a person reads it (a choice's
    label, a related row's name, in the page's language, or marked with
    the language it falls back to), shortened; HTML."""
    display = getattr(record, f"get_{name}_display", None)
    value = display() if callable(display) else getattr(record, name, "")
    if isinstance(value, models.Model):  # a related record: its own name
        return _record_name(value)
    if isinstance(value, models.Manager):  # a list of records: the first names
        listed = list(value.all()[: LISTED + 1])
        names = [_record_name(r) for r in listed[:LISTED]]
        if len(listed) > LISTED:
            names.append("…")
        return format_html_join(", ", "{}", ((n,) for n in names))
    text = "" if value is None else str(value)
    if len(text) > VALUE_SHOWN:
        text = text[: VALUE_SHOWN - 1] + "…"
    shown = shown_language(record, name) if not callable(display) else ""
    if text and shown and shown != page_language():
        return format_html('<span lang="{}">{}</span>', shown, text)
    return conditional_escape(text)


def _record_name(record: models.Model) -> str:
    """Return the record's title or name as its pages show it; HTML."""
    for name in ("title", "name"):
        if name in {f.name for f in record._meta.concrete_fields}:
            shown = marked(record, name)
            if shown:
                return shown
    return conditional_escape(str(record))


def _back(record: models.Model) -> str:
    get_url = getattr(record, "get_absolute_url", None)
    return get_url() if callable(get_url) else ""


def _cited(request: HttpRequest, record: models.Model, form: CitationForm) -> bool:
    """Cite the source the valid `form` describes; False, with the form's
    errors, when it cannot be cited. An address of a file held in the Hub
    cites that document (shown to each reader only if they may see it)."""
    data = form.cleaned_data
    chosen = data.get("document") or ""
    if chosen and data["url"]:
        form.add_error("document", _("Choose a Hub document or give an address, not both."))
        return False
    if chosen:
        document = files.document_named(request.user, chosen)
        if document is None:
            form.add_error("document", _("That document is not available: find it again."))
            return False
    else:
        try:
            document = (
                files.document_at(data["url"], request.get_host(), request.user)
                if data["url"]
                else None
            )
        except files.NotAHubDocument:
            form.add_error(
                "url", _("No document of the Hub is at this address. Copy its link again.")
            )
            return False
    try:
        cite(
            record,
            acting_user=request.user,
            basis=data["basis"],
            field="" if data["field"] == WHOLE_RECORD else data["field"],
            source_title=data["source_title"] or (str(document) if document else ""),
            url="" if document is not None else data["url"],
            document=document,
            locator=data["locator"],
            note=data["note"],
            value=data["value"],
            as_of=data["as_of"],
            as_of_precision="month" if data["as_of_month_only"] else "day",
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    return True


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sources(request: HttpRequest, kind: int, pk: int) -> HttpResponse:
    record = _record(kind, pk, request.user)
    fields = citable_fields(type(record))
    labels = dict(fields)
    chosen = request.GET.get("field", "")
    initial = {"field": chosen if chosen in labels else WHOLE_RECORD}
    posting = request.method == "POST"
    # "Find" posts the citation form: the search runs, and what was typed
    # in the other fields comes back as typed, nothing saved.
    finding = posting and "find" in request.POST
    search, found = _found(request.user, request.POST if posting else request.GET)
    documents = list(found.matches)
    posted = request.POST.get("document", "") if posting else ""
    shown = files.document_named(request.user, posted) if posted else None
    if shown is not None and posted not in dict(documents):  # the choice made, kept
        documents.insert(0, (posted, str(shown)))
    if finding:
        form = CitationForm(fields=fields, documents=documents, initial=_typed(request.POST))
    else:
        form = CitationForm(
            request.POST if posting else None, fields=fields, documents=documents, initial=initial
        )
    if posting and not finding and form.is_valid() and _cited(request, record, form):
        messages.success(request, _("The source is recorded."))
        return redirect(sources_url(record))
    cited: dict[str, list[Citation]] = {}
    citations = list(
        Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk
        ).order_by("order", "pk")
    )
    addresses = document_addresses(request.user, citations)
    for citation in citations:
        if citation.document_owner:
            key = (citation.document_owner, citation.document_id or 0)
            citation.document_href = addresses.get(key, "")
        cited.setdefault(citation.field, []).append(citation)
    whole = _("The record as a whole")
    heading = _record_name(record)
    rows = [Fact("", str(whole), heading, cited.pop("", []))]
    for name, label in fields:
        rows.append(Fact(name, label, _shown_value(record, name), cited.pop(name, [])))
    # A citation of a field no longer offered (renamed since) stays listed.
    rows += [Fact(name, name, "", found) for name, found in cited.items()]
    return render(
        request,
        "core/sources.html",
        {
            "record": record,
            "name": heading,
            "rows": rows,
            "cited": any(row.citations for row in rows),
            "form": form,
            "search": search,
            "found": found,
            # The search box sits just before the documents it finds.
            "search_before": "document" if "document" in form.fields else "url",
            "back": _back(record),
        },
    )


@require_POST
def remove_source(request: HttpRequest, pk: int) -> HttpResponse:
    row_id = parse_id(pk)
    if row_id is None:
        raise Http404("No such source.")
    citation = get_object_or_404(Citation, pk=row_id)
    record = citation.target
    if record is None:
        raise Http404("No such record.")
    permissions.require(request.user, "cite", record)
    uncite(citation, acting_user=request.user)
    messages.success(request, _("The source is removed."))
    return redirect(sources_url(record))
