"""The campaign forms partners, reviewers and the Secretariat fill in;
each works without JavaScript. Checks a person can act on live in
services.py; the forms only read the values."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alliance87.campaigns.models import MessageKind, SubmissionKind
from alliance87.core.forms import TypedDateField
from alliance87.countries.models import Country
from alliance87.groups.models import Group


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

    def __init__(self, *args: Any, replacing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if replacing:
            # Correcting an image: its file stays unless another is given.
            image = self.fields["image"]
            image.required = False
            image.label = _("Replace the image")
            image.help_text = _("PNG, JPEG or WebP. Leave empty to keep the current image.")


def _translated(label: str | Any, *, required_en: bool, textarea: bool, max_length: int) -> dict:
    """One field per language of a translated text (English first)."""
    fields: dict[str, forms.Field] = {}
    for code, name in (("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))):
        attrs = {"lang": code}
        if textarea:
            attrs["rows"] = "4"
        fields[code] = forms.CharField(
            label=format_lazy("{} ({})", label, name),
            required=required_en and code == "en",
            max_length=max_length,
            widget=forms.Textarea(attrs=attrs) if textarea else forms.TextInput(attrs=attrs),
        )
    return fields


class CampaignForm(forms.Form):
    """A campaign: its texts in three languages, its date, its reviewers."""

    slug = forms.SlugField(
        label=_("Address"),
        max_length=120,
        required=False,
        help_text=_(
            "The last part of the campaign's address, e.g. world-day-2027 "
            "(letters, digits and hyphens). Left empty: made from the English title."
        ),
    )
    event = forms.SlugField(
        label=_("Calendar event"),
        max_length=200,
        required=False,
        help_text=_(
            "The address name of the calendar's event (the part after /events/), "
            "e.g. an international day. Leave empty for a date of its own."
        ),
    )
    date = TypedDateField(
        label=_("Date"),
        required=False,
        help_text=_("Required when the campaign is linked to no calendar event."),
    )
    review_group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group that reviews submissions"), queryset=Group.objects.none()
    )
    visibility = forms.ChoiceField(label=_("Who sees it once published"), choices=())
    call_open = forms.BooleanField(
        label=_("Open to submissions"),
        required=False,
        initial=True,
        help_text=_("Whether partners may still submit highlights, champions and activities."),
    )

    def __init__(self, *args: Any, groups: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from alliance87.core.visibility import Visibility

        self.fields["review_group"].queryset = groups  # type: ignore[attr-defined]
        self.fields["visibility"].choices = Visibility.choices  # type: ignore[attr-defined]
        if editing:
            del self.fields["slug"]
        for name, label, textarea, length in (
            ("title", _("Title"), False, 200),
            ("summary", _("Summary"), True, 5000),
            ("call", _("The call to partners"), True, 5000),
        ):
            for code, field in _translated(
                label, required_en=name == "title", textarea=textarea, max_length=length
            ).items():
                self.fields[f"{name}_{code}"] = field
        order = ["slug", "title_en", "title_fr", "title_es", "summary_en", "summary_fr"]
        order += ["summary_es", "call_en", "call_fr", "call_es", "event", "date"]
        order += ["review_group", "visibility", "call_open"]
        self.order_fields(order)


class CampaignAddressForm(forms.Form):
    """A campaign's new address (the Secretariat's)."""

    slug = forms.SlugField(
        label=_("Address"),
        max_length=120,
        help_text=_(
            "The last part of the campaign's address, e.g. world-day-2027 "
            "(letters, digits and hyphens). The former address keeps leading here."
        ),
    )


class MessageForm(forms.Form):
    """A key message or a social media text, in three languages."""

    kind = forms.ChoiceField(
        label=_("Kind"), choices=MessageKind.choices, widget=forms.RadioSelect
    )
    order = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        max_value=1000,
        initial=0,
        help_text=_("Texts are shown from the smallest number."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, field in _translated(
            _("Text"), required_en=True, textarea=True, max_length=2000
        ).items():
            self.fields[f"text_{code}"] = field
