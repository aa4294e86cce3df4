"""The GET forms that filter the events list, the action-item tracker and
the decisions register (choices built from what the viewer may see; the
tracker's owners and the bodies, too many to list, are typed:
core.forms.narrow)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.core.forms import ChoiceText, Narrowing, narrow
from alliance87.core.models import Theme
from alliance87.countries.models import Country, Region
from alliance87.events import selectors
from alliance87.events.models import EventType
from alliance87.events.selectors import DecisionFilters, EventFilters, TrackerFilters


def _choices(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


# The Body filter: a slug (a link names one body alone), or part of a name
# typed in the text box (at the sizes of issue 16, a select of the bodies
# was 1,000 options, most of each page's HTML and rendering).
def _series_field() -> forms.CharField:
    return forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)


def _series_text() -> ChoiceText:
    return ChoiceText(label=_("Body"), help_text=_("Type part of the body's name."))


def _bodies() -> Narrowing:
    return Narrowing("series", "series_q", everyone=_("All bodies"))


def _narrow_bodies(form: forms.Form, bodies: Narrowing) -> Narrowing:
    return narrow(
        form, bodies, name_of=selectors.get_series_name, matches_of=selectors.match_series
    )


class EventFilterForm(forms.Form):
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *EventType.choices]
    )
    series = _series_field()
    series_q = _series_text()
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={
            "invalid": _("Enter a year as four digits, such as 2019."),
            "min_value": _("Enter a year from 2000 onwards."),
            "max_value": _("Enter a year before 2100."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = _bodies()
        countries = sorted(
            Country.objects.only("iso3", "name", "name_en", "name_fr", "name_es"),
            key=lambda c: c.name,
        )
        _choices(self, "country").choices = [
            ("", _("All countries")),
            *[(c.iso3.lower(), c.name) for c in countries],
        ]
        _choices(self, "theme").choices = [
            ("", _("All themes")),
            *[(t.slug, t.name) for t in Theme.objects.order_by("kind", "order")],
        ]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        self.bodies = _narrow_bodies(self, self.bodies)
        return data

    def filters(self) -> EventFilters:
        if not self.is_bound or not self.is_valid():
            return EventFilters()
        data = self.cleaned_data
        return EventFilters(
            event_type=data["type"],
            region=data["region"],
            country=data["country"],
            theme=data["theme"],
            series=self.bodies.value,
            series_q=self.bodies.text,
            year=data["year"],
        )


class TrackerFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("open", _("Open")),
            ("overdue", _("Overdue (still followed)")),
            ("unreported", _("Past due, no report since")),
            ("done", _("Done")),
            ("dropped", _("Dropped")),
            ("all", _("All")),
        ],
    )
    series = _series_field()
    series_q = _series_text()
    # The owner: a slug (a link names one owner alone), or part of a name
    # typed in the text box (at 50,000 organisations, a select of the
    # owners was 22,370 options and 2 MB of HTML).
    owner = forms.CharField(required=False, max_length=100, widget=forms.HiddenInput)
    owner_q = ChoiceText(
        label=_("Owner"), help_text=_("Type part of an organisation's name or acronym.")
    )
    group = forms.ChoiceField(
        label=_("Group by"),
        required=False,
        choices=[("body", _("Body")), ("owner", _("Owner"))],
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.bodies = _bodies()
        self.owners = Narrowing("owner", "owner_q", everyone=_("All owners"))

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        # Only owners the visitor may see, of items the visitor may see.
        self.owners = narrow(
            self,
            self.owners,
            name_of=lambda slug: selectors.get_tracker_owner_name(self.user, slug),
            matches_of=lambda text, n: selectors.match_tracker_owners(self.user, text, n),
        )
        self.bodies = _narrow_bodies(self, self.bodies)
        return data

    def filters(self) -> TrackerFilters:
        if not self.is_bound or not self.is_valid():
            return TrackerFilters()
        data = self.cleaned_data
        return TrackerFilters(
            state=data["state"] or "open",
            owner=self.owners.value,
            owner_q=self.owners.text,
            series=self.bodies.value,
            series_q=self.bodies.text,
            group_by=data["group"] or "body",
        )


class DecisionFilterForm(forms.Form):
    q = forms.CharField(label=_("Words or identifier"), required=False, max_length=100)
    series = _series_field()
    series_q = _series_text()
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=2000,
        max_value=2100,
        error_messages={"invalid": _("Enter a year as four digits, such as 2019.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies = _bodies()

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        self.bodies = _narrow_bodies(self, self.bodies)
        return data

    def filters(self) -> DecisionFilters:
        if not self.is_bound or not self.is_valid():
            return DecisionFilters()
        data = self.cleaned_data
        return DecisionFilters(
            series=self.bodies.value,
            series_q=self.bodies.text,
            year=data["year"],
            q=data["q"].strip(),
        )


# Recording a meeting (the secretariat) ------------------------------------
