from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of observations"),
        help_text=_(
            "UTF-8, one observation a row, with the columns of the Global Estimates file "
            "(docs/data.md). Nothing is saved until you have seen the check and chosen to save."
        ),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("The government's reply"),
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        help_text=_(
            "Published in full beside the country's figures, dated, once the Secretariat "
            "publishes it. Earlier replies stay published."
        ),
    )
