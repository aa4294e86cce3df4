from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.countries.models import Region


class CountryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        choices=[("", _("All regions")), *Region.choices],
    )
