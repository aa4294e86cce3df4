"""The forms a group's chairs and the Secretariat fill in. They parse and
present; the services in groups/services.py decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance87.core.visibility import Visibility, is_secretariat
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    Group,
    Membership,
    MembershipRole,
    NextStep,
    WorkplanArea,
)
from alliance87.partners.models import Organisation, Person

PERCENT_MESSAGE = _("Give a percentage done between 0 and 100, or leave it empty.")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class WorkplanAreaForm(forms.ModelForm):
    class Meta:
        model = WorkplanArea
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = [
            "area",
            "title",
            "description",
            "owners",
            "date_start",
            "date_precision",
            "date_end",
            "date_tentative",
            "status",
            "percent_done",
            "next_steps",
            "visibility",
        ]
        labels = {
            "date_start": _("Date"),
            "date_precision": _("The date is"),
            "date_end": _("Last day of the range"),
            "date_tentative": _("Tentative (to be confirmed)"),
        }
        help_texts = {
            "date_start": _("For a month, any day of that month; for a range, its first day."),
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "date_start": DateInput(),
            "date_end": DateInput(),
            "owners": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {
            "percent_done": {
                "min_value": PERCENT_MESSAGE,
                "max_value": PERCENT_MESSAGE,
                "invalid": PERCENT_MESSAGE,
            }
        }

    def __init__(self, *args: Any, group: Group, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = group.workplan_areas.order_by("order", "pk")  # type: ignore[attr-defined]
        self.fields["owners"].queryset = Organisation.objects.visible_to(user).order_by(  # type: ignore[attr-defined]
            "sort_name"
        )
        if not is_secretariat(user):
            # A chair publishes to the public, the partners or the group;
            # only the Secretariat keeps an activity to itself.
            self.fields["visibility"].choices = [  # type: ignore[attr-defined]
                c for c in Visibility.choices if c[0] != Visibility.SECRETARIAT
            ]


class ProgressForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=ActivityStatus.choices)
    percent_done = forms.IntegerField(
        label=_("Percentage done"),
        required=False,
        help_text=_("Leave empty when no figure has been reported."),
        error_messages={"invalid": PERCENT_MESSAGE},
    )
    next_steps = forms.CharField(
        label=_("Next steps"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NextStepForm(forms.ModelForm):
    class Meta:
        model = NextStep
        fields = ["text", "done"]


class AddMemberForm(forms.Form):
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=MembershipRole.choices, initial=MembershipRole.MEMBER
    )
    starts_on = forms.DateField(label=_("Member since"), required=False, widget=DateInput())

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.visible_to(user).order_by(  # type: ignore[attr-defined]
            "sort_name"
        )
        self.fields["starts_on"].initial = timezone.localdate()


class EndMembershipForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Ends on"),
        widget=DateInput(),
        help_text=_("From this day on, the organisation is no longer a member."),
    )


class RepresentativesForm(forms.Form):
    representatives: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("Representatives"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, membership: Membership, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["representatives"]
        field.queryset = (  # type: ignore[attr-defined]
            Person.objects.visible_to(user)
            .filter(organisation_id=membership.organisation_id)
            .order_by("name")
        )
        # The organisation's name is part of the message, not a parameter:
        # escape it for the formatting Django applies.
        name = str(membership.organisation).replace("%", "%%")
        field.error_messages["invalid_choice"] = _(
            "Only people who work for %(organisation)s can represent it."
        ) % {"organisation": name}
