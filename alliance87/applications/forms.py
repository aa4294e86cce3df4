"""
The public application form and the Secretariat's review form.

Spam protection asks nothing of a person and calls no third party:

- a honeypot field, hidden from people by CSS and from screen readers, that
  bots fill in;
- a signed timestamp issued with the form: a post sooner than
  MIN_SECONDS after the form was issued, or later than MAX_AGE, is refused
  (a person reads the form; a bot posts at once or replays an old one);
- a per-address rate limit, in the view.
"""

from __future__ import annotations

import time
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from alliance87.applications.models import Application
from alliance87.core.forms import InLanguageModelChoiceField
from alliance87.countries.models import Country
from alliance87.groups.models import Group, GroupKind, Seat
from alliance87.partners.models import Organisation, StakeholderType

SALT = "alliance87.applications.form"
MIN_SECONDS = 3
MAX_AGE = 24 * 60 * 60
EXPIRED = _("This form was opened more than a day ago. Check your answers and send it again.")


def issue_token() -> str:
    """Return a signed record of the moment the form was shown."""
    return signing.dumps({"t": time.time()}, salt=SALT)


class ApplicationForm(forms.Form):
    # Required for some kinds of application (the service says which):
    # the field template does not mark them "(optional)".
    conditionally_required = frozenset({"country", "group"})

    kind = forms.ChoiceField(
        label=_("What would you like to apply for?"),
        choices=Application.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you would like to apply for.")},
    )
    organisation_name = forms.CharField(
        label=_("Name of your organisation"),
        max_length=200,
        error_messages={"required": _("Enter the name of your organisation.")},
    )
    stakeholder_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", _("Choose a type")), *StakeholderType.choices],
        error_messages={"required": _("Choose the type of your organisation.")},
    )
    country: forms.ModelChoiceField[Country] = forms.ModelChoiceField(
        label=_("Country"),
        queryset=Country.objects.order_by("name"),
        required=False,
        empty_label=_("Choose a country"),
        help_text=_("Where your organisation is based; for a pathfinder, the country."),
    )
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group you would like to join"),
        queryset=Group.objects.none(),
        required=False,
        empty_label=_("Choose a group"),
        help_text=_("Only when applying to join a group."),
    )
    seat: forms.ModelChoiceField[Seat] = InLanguageModelChoiceField(
        label_field="label",
        label=_("GCG seat"),
        queryset=Seat.objects.none(),
        required=False,
        empty_label=_("Any seat for my constituency"),
        help_text=_("Only when applying for a seat on the Global Coordinating Group."),
    )
    contact_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={"required": _("Enter your name, so that we know whom to answer.")},
    )
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We write to you here at each step. It is never published."),
        error_messages={
            "required": _("Enter your email address, so that we can answer you."),
            "invalid": _("Enter an email address like name@example.org."),
        },
    )
    message = forms.CharField(
        label=_("Tell us about your organisation's work on Target 8.7"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        required=False,
    )
    # The honeypot. Its name invites bots; people never see it.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        group_field = self.fields["group"]
        seat_field = self.fields["seat"]
        assert isinstance(group_field, forms.ModelChoiceField)
        assert isinstance(seat_field, forms.ModelChoiceField)
        group_field.queryset = (
            Group.objects.visible_to(None).exclude(kind=GroupKind.GCG).order_by("order", "slug")
        )
        seat_field.queryset = Seat.objects.filter(
            open_for_nominations=True, group__in=Group.objects.visible_to(None)
        ).order_by("order")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("website"):
            raise forms.ValidationError(
                _(
                    "This form could not be accepted. If you filled in the field "
                    "“Leave this field empty”, empty it and send the form again."
                ),
                code="honeypot",
            )
        try:
            issued = signing.loads(data.get("started") or "", salt=SALT, max_age=MAX_AGE)
            age = time.time() - float(issued["t"])
        except signing.SignatureExpired:
            raise forms.ValidationError(
                EXPIRED,
                code="expired",
            ) from None
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            raise forms.ValidationError(
                _("This form could not be checked. Reload the page and send it again."),
                code="bad_token",
            ) from None
        if age > MAX_AGE:
            raise forms.ValidationError(
                EXPIRED,
                code="expired",
            )
        if age < MIN_SECONDS:
            raise forms.ValidationError(
                _(
                    "This form was sent too quickly after it was opened. Check your answers "
                    "and send it again."
                ),
                code="too_fast",
            )
        return data


class ReviewForm(forms.Form):
    DECISIONS = [
        ("review", _("Start the review (the applicant is told)")),
        ("accept", _("Accept")),
        ("decline", _("Decline")),
    ]
    conditionally_required = frozenset({"reason"})  # to decline

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a decision.")},
    )
    reason = forms.CharField(
        label=_("Reason or note for the applicant"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=_("Required to decline: the applicant reads it in the email."),
    )
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Existing directory entry"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Find by name, or create a new entry"),
        help_text=_("On acceptance, the Hub updates this entry instead of creating one."),
    )
    seat: forms.ModelChoiceField[Seat] = InLanguageModelChoiceField(
        label_field="label",
        label=_("GCG seat"),
        queryset=Seat.objects.none(),
        required=False,
        empty_label=_("The seat the applicant chose"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        org_field = self.fields["organisation"]
        seat_field = self.fields["seat"]
        assert isinstance(org_field, forms.ModelChoiceField)
        assert isinstance(seat_field, forms.ModelChoiceField)
        org_field.queryset = Organisation.objects.order_by("sort_name")
        seat_field.queryset = Seat.objects.select_related("group").order_by("group", "order")
