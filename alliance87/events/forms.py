"""The forms of an event's record: agenda items, minutes, exchanges,
decisions, action items (and closing one), documents."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core import files
from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.core.forms import TypedDateField
from alliance87.core.visibility import Visibility
from alliance87.events.models import ActionItem, AgendaItem, Document
from alliance87.events.models import PartyRole as Role
from alliance87.partners.models import Organisation, Person

VISIBILITY_FIELD = {
    "label": _("Who may see it"),
    "choices": Visibility.choices,
    "initial": Visibility.PUBLIC,
}


def _organisations() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Organisation.objects.order_by("sort_name"), required=False, label=_("Organisation")
    )


def _people() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Person.objects.order_by("name"), required=False, label=_("Person")
    )


def _roles(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, required=False, choices=[("", "—"), *Role.choices])


def share_choices(many: Iterable[forms.Form]) -> None:
    """Read the organisations and people offered by many forms of one page
    once, rather than once per select."""
    read: dict[type[models.Model], list[Any]] = {}
    for form in many:
        for field in form.fields.values():
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                model = field.queryset.model
                if model not in read:
                    read[model] = list(cast(Iterable[Any], field.choices))
                field.choices = read[model]


class RecordForm(forms.Form):
    """A form that adds a row of the record and, pre-filled, corrects it."""

    @classmethod
    def initial_from(cls, row: models.Model) -> dict[str, Any]:
        """Return the form's values for `row`, text in the active language."""
        initial: dict[str, Any] = {}
        for name in cls.base_fields:
            try:
                field = row._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not isinstance(field, models.Field):
                continue
            # A foreign key by its id: the choice needs no query of its own.
            initial[name] = getattr(row, field.attname if field.is_relation else name)
        return initial

    def arguments(self) -> dict[str, Any]:
        """Return the cleaned data as the service's keyword arguments."""
        return dict(self.cleaned_data)


class AgendaItemForm(RecordForm):
    number = forms.CharField(
        label=_("Number"), max_length=10, help_text=_("As printed, e.g. “IV”.")
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    presenters_note = forms.CharField(label=_("Presenters"), max_length=300, required=False)
    objective = forms.CharField(
        label=_("Objective of the item"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    duration = forms.IntegerField(
        label=_("Duration in minutes"), required=False, min_value=1, max_value=1440
    )
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    visibility = forms.ChoiceField(**VISIBILITY_FIELD)  # type: ignore[arg-type]


class MinutesForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    presenters_note = forms.CharField(label=_("Presenters"), max_length=300, required=False)
    objective = forms.CharField(
        label=_("Objective of the item"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    duration = forms.IntegerField(
        label=_("Duration in minutes"), required=False, min_value=1, max_value=1440
    )
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)

    @classmethod
    def for_item(cls, item: AgendaItem, **kwargs: Any) -> MinutesForm:
        return cls(
            initial={
                "title": item.title,
                "presenters_note": item.presenters_note,
                "objective": item.objective,
                "duration": item.duration,
                "minutes": item.minutes,
            },
            prefix=f"item{item.pk}",
            **kwargs,
        )


class ExchangeForm(RecordForm):
    # Who asked: one of the three; who answered: one of the three when
    # there is an answer (the service says so).
    conditionally_required = frozenset(
        {
            "asked_by_role",
            "asked_by_organisation",
            "asked_by_person",
            "answered_by_role",
            "answered_by_organisation",
            "answered_by_person",
        }
    )

    asked_by_role = _roles(_("Asked by (function)"))
    asked_by_organisation = _organisations()
    asked_by_person = _people()
    question = forms.CharField(label=_("Question"), widget=forms.Textarea)
    answered_by_role = _roles(_("Answered by (function)"))
    answered_by_organisation = _organisations()
    answered_by_person = _people()
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea, required=False)
    visibility = forms.ChoiceField(**VISIBILITY_FIELD)  # type: ignore[arg-type]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["asked_by_organisation"].label = _("Asked for (organisation)")
        self.fields["asked_by_person"].label = _("Asked by (person)")
        self.fields["answered_by_organisation"].label = _("Answered for (organisation)")
        self.fields["answered_by_person"].label = _("Answered by (person)")


class DecisionForm(RecordForm):
    number = forms.IntegerField(
        label=_("Number in the meeting"),
        required=False,
        min_value=1,
        help_text=_("Leave empty for the next number."),
    )
    identifier = forms.CharField(
        label=_("Reference, as printed"),
        max_length=30,
        required=False,
        help_text=_("Only when the source prints one, e.g. “GCG4/D1”."),
    )
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea)
    visibility = forms.ChoiceField(**VISIBILITY_FIELD)  # type: ignore[arg-type]


class ActionItemForm(RecordForm):
    # A range needs its last day.
    conditionally_required = frozenset({"due_end"})

    text = forms.CharField(label=_("Action"), widget=forms.Textarea)
    owner_role = _roles(_("Owner (function)"))
    owner_organisation = _organisations()
    owner_person = _people()
    owner_note = forms.CharField(label=_("Owner, as reported"), max_length=200, required=False)
    due = TypedDateField(
        label=_("Due"),
        required=False,
        help_text=_("The day, the first day of a range, or any day of the month."),
    )
    due_end = TypedDateField(label=_("Due, last day of a range"), required=False)
    due_precision = forms.ChoiceField(
        label=_("The due date is"), choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    due_tentative = forms.BooleanField(label=_("Tentative"), required=False)
    followed = forms.BooleanField(
        label=_("Still followed"),
        required=False,
        help_text=_(
            "Tick when the owner or a later meeting reported on it. Past its due date, "
            "a followed item is overdue; one nobody follows reads “no report since”."
        ),
    )
    visibility = forms.ChoiceField(**VISIBILITY_FIELD)  # type: ignore[arg-type]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].label = _("Owner (organisation)")
        self.fields["owner_person"].label = _("Owner (person)")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start = data.get("due")
        if start is None:
            data["due_date"] = None
            return data
        precision = data.get("due_precision") or DatePrecision.DAY
        if precision == DatePrecision.MONTH:
            start = start.replace(day=1)
        end = data.get("due_end") if precision == DatePrecision.RANGE else None
        reported = ReportedDate(start, end, precision, bool(data.get("due_tentative")))
        try:
            reported.validate()
        except ValidationError as e:
            self.add_error("due", e)
        data["due_date"] = reported
        return data

    @classmethod
    def initial_from(cls, row: models.Model) -> dict[str, Any]:
        assert isinstance(row, ActionItem)
        initial = super().initial_from(row)
        initial.update(
            due=row.date_start,
            due_end=row.date_end,
            due_precision=row.date_precision,
            due_tentative=row.date_tentative,
        )
        return initial

    def arguments(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        due = data.pop("due_date", None)
        for name in ("due", "due_end", "due_precision", "due_tentative"):
            data.pop(name, None)
        return {**data, "due": due}


class CloseActionItemForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(ActionItem.Status.DONE, _("Done")), (ActionItem.Status.DROPPED, _("Dropped"))],
        initial=ActionItem.Status.DONE,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea,
        help_text=_("One or two sentences the next meeting can read."),
    )


class DocumentForm(RecordForm):
    # An address or a file: one of the two (the service says so).
    conditionally_required = frozenset({"url", "upload"})

    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.URLField(label=_("Address"), required=False, assume_scheme="https")
    upload = forms.FileField(label=_("File"), required=False)
    agenda_number = forms.CharField(
        label=_("Under agenda item"),
        max_length=10,
        required=False,
        help_text=_("The item's number, as printed (e.g. “IV”); empty for the whole meeting."),
    )
    pages = forms.CharField(
        label=_("Pages"),
        max_length=30,
        required=False,
        help_text=_("A page or a range, e.g. “12–15”."),
    )
    visibility = forms.ChoiceField(**VISIBILITY_FIELD)  # type: ignore[arg-type]

    def __init__(self, *args: Any, kept_file: str = "", **kwargs: Any) -> None:
        """`kept_file` names the file of the document being corrected,
        which is kept when neither an address nor a file is given."""
        super().__init__(*args, **kwargs)
        self.kept_file = kept_file
        self.fields["upload"].help_text = _(
            "Accepted: %(kinds)s; up to %(limit)s MB. The content is checked, not the name."
        ) % {"kinds": files.accepted_labels(files.DOCUMENT_KINDS), "limit": settings.FILE_MAX_MB}
        if kept_file:
            self.fields["upload"].help_text = _(
                "Leave empty to keep the file “%(name)s”, or give another file or an address "
                "to replace it."
            ) % {"name": Path(kept_file).name}

    @classmethod
    def initial_from(cls, row: models.Model) -> dict[str, Any]:
        assert isinstance(row, Document)
        initial = super().initial_from(row)
        initial["agenda_number"] = row.agenda_item.number if row.agenda_item else ""
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = bool(data.get("url")), bool(data.get("upload"))
        if all(given) or not (any(given) or self.kept_file):
            raise ValidationError(_("Give either an address or a file, not both or neither."))
        return data
