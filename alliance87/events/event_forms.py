"""
The Secretariat's form for creating and editing an event, with its
objectives, participants and reported counts as lists of rows (formsets).

Without JavaScript a page cannot add a row by itself: each list shows a few
empty rows, and "More rows" sends the page back with more, keeping what was
typed. An empty row is left out; a row ticked "Remove" is removed.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country, Region
from alliance87.events.models import (
    RESERVED_SLUGS,
    Event,
    EventSeries,
    EventType,
    Participant,
    ReportedCount,
)
from alliance87.events.services import EVENT_TEXTS, RowChange
from alliance87.partners.models import Organisation, Person

# Empty rows each list offers, and how many more "More rows" adds.
EXTRA_ROWS = 2

VISIBILITY = {
    "label": _("Visibility"),
    "choices": Visibility.choices,
    "initial": Visibility.PUBLIC,
}


class EventForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    slug = forms.SlugField(
        label=_("Address"),
        max_length=120,
        required=False,
        help_text=_("The last part of the page's address; left empty, made from the title."),
    )
    event_type = forms.ChoiceField(label=_("Type"), choices=EventType.choices)
    series: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        EventSeries.objects.order_by("name"), label=_("Series"), required=False
    )
    number = forms.IntegerField(label=_("Number in the series"), required=False, min_value=1)
    extraordinary = forms.BooleanField(label=_("Extraordinary session"), required=False)
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    date = forms.DateField(
        label=_("Date"),
        required=False,
        help_text=_("The day, the first day of a range, or any day of the month."),
    )
    date_end = forms.DateField(label=_("Last day of a range"), required=False)
    date_precision = forms.ChoiceField(
        label=_("The date is"), choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    date_tentative = forms.BooleanField(label=_("Tentative"), required=False)
    start_time = forms.TimeField(label=_("Start time"), required=False)
    end_time = forms.TimeField(label=_("End time"), required=False)
    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        required=False,
        help_text=_(
            "An IANA time zone name, such as America/New_York. Leave empty when the "
            "source gives the times without one."
        ),
    )
    online = forms.BooleanField(label=_("Online"), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    country: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        Country.objects.order_by("name"), label=_("Country of the venue"), required=False
    )
    organisers: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        Organisation.objects.order_by("sort_name"), label=_("Organisers"), required=False
    )
    countries: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        Country.objects.order_by("name"), label=_("Related countries"), required=False
    )
    regions = forms.MultipleChoiceField(
        label=_("ILO regions"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        Theme.objects.order_by("kind", "order", "slug"),
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    visibility = forms.ChoiceField(**VISIBILITY)  # type: ignore[arg-type]

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        return {
            "title": event.title,
            "slug": event.slug,
            "event_type": event.event_type,
            "series": event.series_id,
            "number": event.number,
            "extraordinary": event.extraordinary,
            "summary": event.summary,
            "date": event.date_start,
            "date_end": event.date_end,
            "date_precision": event.date_precision,
            "date_tentative": event.date_tentative,
            "start_time": event.start_time,
            "end_time": event.end_time,
            "time_zone": event.time_zone,
            "online": event.online,
            "venue": event.venue,
            "city": event.city,
            "country": event.country_id,
            "organisers": list(event.organisers.values_list("pk", flat=True)),
            "countries": list(event.countries.values_list("pk", flat=True)),
            "regions": list(event.regions.values_list("region", flat=True)),
            "themes": list(event.themes.values_list("pk", flat=True)),
            "visibility": event.visibility,
        }

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug") or slugify(self.data.get("title", ""))[:120]
        if slug in RESERVED_SLUGS:
            raise ValidationError(_("This address is reserved; choose another slug."))
        return slug

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start = data.get("date")
        data["reported_date"] = None
        if start is None:
            return data
        precision = data.get("date_precision") or DatePrecision.DAY
        if precision == DatePrecision.MONTH:
            start = start.replace(day=1)
        end = data.get("date_end") if precision == DatePrecision.RANGE else None
        reported = ReportedDate(start, end, precision, bool(data.get("date_tentative")))
        try:
            reported.validate()
        except ValidationError as e:
            self.add_error("date", e)
        data["reported_date"] = reported
        return data

    def arguments(self) -> dict[str, Any]:
        """Return `write_event`'s arguments but the rows."""
        data = self.cleaned_data
        rd = data["reported_date"]
        fields = {
            name: data[name]
            for name in (
                "slug",
                "event_type",
                "series",
                "number",
                "extraordinary",
                "start_time",
                "end_time",
                "time_zone",
                "online",
                "country",
                "visibility",
            )
        }
        fields.update(
            date_start=rd.start if rd else None,
            date_end=rd.end if rd else None,
            date_precision=rd.precision if rd else DatePrecision.DAY,
            date_tentative=rd.tentative if rd else False,
        )
        return {
            "fields": fields,
            "texts": {name: data[name] or "" for name in EVENT_TEXTS},
            "organisers": list(data["organisers"]),
            "countries": list(data["countries"]),
            "regions": list(data["regions"]),
            "themes": list(data["themes"]),
        }


class RowForm(forms.Form):
    """A row of one of the event's lists; `id` names an existing row."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # The fields copied from an existing row into the form.
    row_fields: tuple[str, ...] = ()

    @classmethod
    def initial_from(cls, row: Any) -> dict[str, Any]:
        initial = {"id": row.pk}
        for name in cls.row_fields:
            field = row._meta.get_field(name)
            initial[name] = getattr(row, field.attname if field.is_relation else name)
        return initial

    def change(self) -> RowChange | None:
        """Return the row's change, or None for a row left empty."""
        data = self.cleaned_data
        pk = data.get("id")
        delete = bool(data.get("DELETE"))
        if pk is None and not self.has_changed():
            return None
        values = {name: data.get(name) for name in self.row_fields}
        return RowChange(values=values, pk=pk, delete=delete)


class ObjectiveRowForm(RowForm):
    text = forms.CharField(
        label=_("Objective"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    visibility = forms.ChoiceField(**VISIBILITY)  # type: ignore[arg-type]
    row_fields = ("text", "visibility")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_changed() and not data.get("DELETE") and not data.get("text"):
            self.add_error("text", _("Write the objective, or tick Remove."))
        return data


class ParticipantRowForm(RowForm):
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        Organisation.objects.order_by("sort_name"), label=_("Organisation"), required=False
    )
    person: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        Person.objects.order_by("name"), label=_("Person"), required=False
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Participant.Role.choices, initial=Participant.Role.PARTICIPANT
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=Participant.Attendance.choices,
        initial=Participant.Attendance.NOT_REPORTED,
    )
    visibility = forms.ChoiceField(**VISIBILITY)  # type: ignore[arg-type]
    row_fields = ("organisation", "person", "role", "attendance", "visibility")


class CountRowForm(RowForm):
    qualifier = forms.ChoiceField(
        label=_("Qualifier"),
        choices=ReportedCount.Qualifier.choices,
        initial=ReportedCount.Qualifier.EXACTLY,
    )
    value = forms.IntegerField(label=_("Number"), min_value=0, required=False)
    counted = forms.ChoiceField(
        label=_("Counted"),
        choices=ReportedCount.Counted.choices,
        initial=ReportedCount.Counted.PARTICIPANTS,
    )
    visibility = forms.ChoiceField(**VISIBILITY)  # type: ignore[arg-type]
    row_fields = ("qualifier", "value", "counted", "visibility")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.has_changed() and not data.get("DELETE") and data.get("value") is None:
            self.add_error("value", _("Give the number, or tick Remove."))
        return data


ObjectiveFormSet = forms.formset_factory(ObjectiveRowForm, extra=EXTRA_ROWS, can_delete=True)
ParticipantFormSet = forms.formset_factory(ParticipantRowForm, extra=EXTRA_ROWS, can_delete=True)
CountFormSet = forms.formset_factory(CountRowForm, extra=EXTRA_ROWS, can_delete=True)

# Each list: its formset, the prefix of its fields, and the rows it edits.
LISTS = (
    ("objectives", ObjectiveFormSet, "objectives"),
    ("participants", ParticipantFormSet, "participants"),
    ("counts", CountFormSet, "counts"),
)


def with_more_rows(data: Any, prefix: str) -> Any:
    """Return a copy of the posted `data` whose list `prefix` has
    EXTRA_ROWS more empty rows (the "More rows" button, without JavaScript)."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, 0))
    except ValueError:
        total = 0
    data[key] = str(min(total + EXTRA_ROWS, 500))
    return data
