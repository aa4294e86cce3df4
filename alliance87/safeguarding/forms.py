"""The report form (anyone signed in who sees what it is about) and the
officers' handling form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.safeguarding.models import (
    NOTE_MAX_CHARS,
    WHAT_HAPPENED_MAX_CHARS,
    Category,
    Contact,
    Status,
)


class ReportForm(forms.Form):
    category = forms.ChoiceField(
        label=_("What kind of concern is it?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
    )
    what_happened = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=WHAT_HAPPENED_MAX_CHARS,
        help_text=_(
            "In your own words: what you saw or were told, when, and who may be at risk. "
            "Only the safeguarding officers will read it."
        ),
    )
    contact = forms.ChoiceField(
        label=_("May the officers contact you?"),
        choices=Contact.choices,
        widget=forms.RadioSelect,
        required=False,
    )


class PersonReportForm(ReportForm):
    """A report from an organisation's page: about it or one of its people."""

    about = forms.ChoiceField(label=_("Who is it about?"), widget=forms.RadioSelect)

    field_order = ["about", "category", "what_happened", "contact"]

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        about = self.fields["about"]
        assert isinstance(about, forms.ChoiceField)
        about.choices = choices
        about.initial = choices[0][0]


class HandlingForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=NOTE_MAX_CHARS,
        required=False,
        help_text=_("Read by the safeguarding officers only, never by the reporter."),
    )
    action_taken = forms.CharField(
        label=_("Action taken"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=NOTE_MAX_CHARS,
        required=False,
        help_text=_("What was done: who was contacted, what was removed or referred."),
    )
