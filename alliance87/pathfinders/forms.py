from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.partners.models import Organisation
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Stage,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class ReportedDateMixin(forms.Form):
    """The four parts of a reported date, and their check."""

    # A range needs its last day.
    conditionally_required = frozenset({"date_end"})

    date_start = forms.DateField(
        label=_("Date"),
        required=False,
        widget=DateInput(),
        help_text=_("For a month, any day of that month; for a range, its first day."),
    )
    date_precision = forms.ChoiceField(
        label=_("The date is"), choices=DatePrecision.choices, initial=DatePrecision.DAY
    )
    date_end = forms.DateField(
        label=_("Last day of the range"), required=False, widget=DateInput()
    )
    date_tentative = forms.BooleanField(label=_("Tentative (to be confirmed)"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_start"), data.get("date_end")
        precision = data.get("date_precision") or DatePrecision.DAY
        if start is None:
            if end:
                self.add_error("date_start", _("Give the first day of the range."))
            data["reported_date"] = None
            return data
        if precision == DatePrecision.MONTH:
            start, end = start.replace(day=1), None
        elif precision == DatePrecision.DAY:
            end = None
        date = ReportedDate(start, end, precision, bool(data.get("date_tentative")))
        try:
            date.validate()
        except ValidationError as e:
            self.add_error("date_end" if precision == DatePrecision.RANGE else "date_start", e)
        data["reported_date"] = date
        return data


def initial_date(obj: Any) -> dict[str, Any]:
    return {
        "date_start": obj.date_start,
        "date_end": obj.date_end,
        "date_precision": obj.date_precision,
        "date_tentative": obj.date_tentative,
    }


class PathfinderForm(forms.ModelForm):
    class Meta:
        model = Pathfinder
        fields = ["summary", "lead_organisation", "participants", "ministries"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "ministries": forms.Textarea(attrs={"rows": 4}),
            "participants": forms.SelectMultiple(attrs={"size": 10}),
        }

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("sort_name")
        for name in ("lead_organisation", "participants"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = organisations
        # The form offers only the organisations `user` may see; those it
        # does not show, it leaves as they are: a lead `user` may not see
        # stays the lead (the field is left out), participants `user` may
        # not see stay beside those chosen.
        lead_id = self.instance.lead_organisation_id
        if lead_id is not None and not organisations.filter(pk=lead_id).exists():
            del self.fields["lead_organisation"]
        self.kept_participants: list[Organisation] = []
        if self.instance.pk is not None:
            self.kept_participants = list(
                self.instance.participants.exclude(pk__in=organisations.values("pk"))
            )

    def clean_participants(self) -> list[Organisation]:
        return [*self.cleaned_data["participants"], *self.kept_participants]


class StageForm(ReportedDateMixin, forms.Form):
    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    evidence = forms.CharField(
        label=_("Evidence"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where this is recorded, e.g. a meeting report."),
    )
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    field_order = [
        "stage",
        "date_start",
        "date_precision",
        "date_end",
        "date_tentative",
        "evidence",
        "evidence_url",
    ]


class FindingForm(forms.ModelForm):
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")

    class Meta:
        model = Finding
        fields = ["kind", "heading", "text", "evidence_url"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class RoadmapForm(ReportedDateMixin, forms.ModelForm):
    document_url = forms.URLField(label=_("Document"), required=False, assume_scheme="https")

    class Meta:
        model = Roadmap
        fields = ["title", "period_start", "period_end", "status", "document_url", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}
        labels = {"date_start": _("Adoption date")}

    field_order = [
        "title",
        "period_start",
        "period_end",
        "status",
        "date_start",
        "date_precision",
        "date_end",
        "date_tentative",
        "document_url",
        "note",
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["date_start"].label = _("Adoption date")
        if self.instance.pk:
            self.initial.update(initial_date(self.instance))


class PriorityAreaForm(forms.ModelForm):
    class Meta:
        model = PriorityArea
        fields = ["number", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ActionForm(forms.ModelForm):
    # A budget needs its currency (the service says so).
    conditionally_required = frozenset({"currency"})

    class Meta:
        model = Action
        fields = [
            "priority",
            "number",
            "title",
            "responsible",
            "partners",
            "start",
            "end",
            "currency",
            "budget_needed",
            "budget_secured",
            "budget_illustrative",
            "indicator",
            "status",
            "percent_done",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "partners": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args: Any, roadmap: Roadmap, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.visible_to(user).order_by("sort_name")
        for name, queryset in (
            ("priority", PriorityArea.objects.filter(roadmap=roadmap)),
            ("responsible", organisations),
            ("partners", organisations),
        ):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = queryset
        # The form offers only the organisations `user` may see; those it
        # does not show, it leaves as they are: a responsible organisation
        # `user` may not see stays responsible (the field is left out),
        # partners `user` may not see stay beside those chosen.
        responsible_id = self.instance.responsible_id
        if responsible_id is not None and not organisations.filter(pk=responsible_id).exists():
            del self.fields["responsible"]
        self.kept_partners: list[Organisation] = []
        if self.instance.pk is not None:
            self.kept_partners = list(
                self.instance.partners.exclude(pk__in=organisations.values("pk"))
            )

    def clean_partners(self) -> list[Organisation]:
        return [*self.cleaned_data["partners"], *self.kept_partners]


class ProgressForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput(), initial=dt.date.today)
    text = forms.CharField(label=_("Progress made"), widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.URLField(label=_("Evidence link"), required=False, assume_scheme="https")
    status = forms.ChoiceField(label=_("Status now"), choices=Action.Status.choices)
    percent_done = forms.IntegerField(
        label=_("Percentage done now"), required=False, min_value=0, max_value=100
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("The file you downloaded, with the status, percentage or notes changed."),
    )
