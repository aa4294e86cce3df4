from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.api.models import Scope
from alliance87.api.services import MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. “ministry monitoring database”."),
    )
    scope = forms.ChoiceField(
        label=_("Scope"),
        choices=Scope.choices,
        initial=Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("Read and write lets the token post progress and close action items."),
    )
    days = forms.IntegerField(
        label=_("Days before it expires"), min_value=1, max_value=MAX_DAYS, initial=90
    )
