from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.data.models import Indicator


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File of observations"),
        help_text=_(
            "A tidy CSV file (UTF-8, one observation a row, with the columns of the Global "
            "Estimates file), or an SDMX file: SDMX-CSV, an SDMX-ML 2.1 GenericData or "
            "StructureSpecificData message, an SDMX-ML 3.0 StructureSpecificData message, or "
            "an SDMX-JSON data message (a .json file). The format is read from the content. "
            "Nothing is saved until you have seen the check and chosen to save."
        ),
    )
    structure = forms.FileField(
        label=_("Structure file (SDMX files only)"),
        required=False,
        help_text=_(
            "An SDMX-ML structure message (2.1 or 3.0) with the data structure and its code "
            "lists. With it, every code must be in its code list, and an area or indicator "
            "code the Hub does not know is read by the name its code list gives it."
        ),
    )
    # An SDMX file does not name the publication its figures come from; a
    # tidy CSV file names it on every row, and these stay empty.
    edition = forms.CharField(
        label=_("Edition (SDMX files only)"),
        max_length=300,
        required=False,
        help_text=_(
            "The title of the publication that released the figures, e.g. Global Estimates "
            "of Modern Slavery 2022. An edition already held is added to; a new title makes "
            "a new edition."
        ),
    )
    publisher = forms.CharField(
        label=_("Publisher (SDMX files only)"), max_length=300, required=False
    )
    published = forms.RegexField(
        label=_("Publication date (SDMX files only)"),
        regex=r"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$",
        max_length=10,
        required=False,
        help_text=_("A month (2022-09) or a day (2022-09-12)."),
        error_messages={"invalid": _("Write a month (2022-09) or a day (2022-09-12).")},
    )
    source_url = forms.URLField(
        label=_("Address of the source (SDMX files only)"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Where the figures can be read: every figure is shown with it."),
    )
    indicator = forms.ChoiceField(
        label=_("Indicator (SDMX files only)"),
        required=False,
        help_text=_(
            "Only for a file whose series have no INDICATOR dimension: every figure is of "
            "this indicator."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [  # type: ignore[attr-defined]
            ("", _("From the file (INDICATOR)")),
            *((i.code, i.name) for i in Indicator.objects.all()),
        ]


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
