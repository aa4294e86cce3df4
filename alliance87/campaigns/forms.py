"""The campaign forms partners, reviewers and the Secretariat fill in;
each works without JavaScript. Checks a person can act on live in
services.py; the forms only read the values."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alliance87.campaigns.models import SubmissionKind
from alliance87.core.forms import TypedDateField
from alliance87.countries.models import Country


def _countries() -> forms.ModelChoiceField[Country]:
    return forms.ModelChoiceField(
        label=_("Country"),
        required=False,
        queryset=Country.objects.order_by("name"),
        empty_label=_("No one country"),
    )


def _language() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Language you write in"),
        choices=settings.LANGUAGES,
        help_text=_("Your text is shown as you wrote it, marked with its language."),
    )


class SubmissionForm(forms.Form):
    """A highlight from a country, or a champion, for the CEAG to review."""

    kind = forms.ChoiceField(
        label=_("What you submit"), choices=SubmissionKind.choices, widget=forms.RadioSelect
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        help_text=_(
            "A highlight: what happened, where and who took part. A champion: "
            "what they did to end child labour, forced labour, modern slavery "
            "or human trafficking."
        ),
    )
    language = _language()
    country = _countries()
    champion = forms.CharField(
        label=_("Champion's name"),
        required=False,
        max_length=200,
        help_text=_("For a champion: the person or organisation you put forward."),
    )
    consent = forms.BooleanField(
        label=_("The champion agrees to be named publicly on the Hub."),
        required=False,
    )
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        help_text=_("A page with more, e.g. https://example.org/news/…"),
    )
    conditionally_required = frozenset({"champion", "consent"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("language", (get_language() or "en")[:2])
        super().__init__(*args, **kwargs)


class ActivityForm(forms.Form):
    """An activity a partner plans for the campaign."""

    date = TypedDateField(label=_("Date"))
    title = forms.CharField(label=_("Title"), max_length=200)
    language = _language()
    country = _countries()
    link = forms.URLField(
        label=_("Link"),
        required=False,
        max_length=500,
        help_text=_("The activity's page, e.g. https://example.org/events/…"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("language", (get_language() or "en")[:2])
        super().__init__(*args, **kwargs)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("The submitter reads it on the campaign's page."),
    )


class ImageForm(forms.Form):
    """An image of the toolkit (the Secretariat)."""

    image = forms.FileField(label=_("Image"), help_text=_("PNG, JPEG or WebP."))
    alt_en = forms.CharField(
        label=_("Description (alt text) in English"),
        max_length=300,
        widget=forms.TextInput(attrs={"lang": "en"}),
        help_text=_("What the image shows, for those who cannot see it."),
    )
    alt_fr = forms.CharField(
        label=_("Description (alt text) in French"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"lang": "fr"}),
    )
    alt_es = forms.CharField(
        label=_("Description (alt text) in Spanish"),
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"lang": "es"}),
    )
    licence = forms.CharField(
        label=_("Licence"),
        max_length=200,
        help_text=_("Under which terms partners may reuse it, e.g. CC BY 4.0."),
    )
    credit = forms.CharField(label=_("Credit"), max_length=200, required=False)
