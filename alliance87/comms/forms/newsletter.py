"""The newsletter's forms: subscribing (anyone, or an account), an issue,
and a test send."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.comms.forms.base import LANGUAGES
from alliance87.core.models import Theme


def _topics() -> forms.ModelMultipleChoiceField[Theme]:
    field: Any = forms.ModelMultipleChoiceField(
        label=_("Topics"),
        required=False,
        queryset=Theme.objects.filter(kind=Theme.Kind.TARGET).order_by("order", "slug"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None chosen: every issue."),
    )
    field.label_from_instance = lambda t: t.name
    return field


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGES)
    themes = _topics()


class AccountSubscriptionForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGES)
    themes = _topics()


class IssueForm(forms.Form):
    """An issue's subject and text in each language (English required: it
    is sent to those whose language has no text), and its topics."""

    themes = _topics()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject (%(language)s)") % {"language": name},
                required=code == "en",
                max_length=200,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                required=code == "en",
                widget=forms.Textarea(attrs={"rows": 14, "lang": code}),
                help_text=_("Markdown: headings, lists, links and emphasis."),
            )
        self.order_fields([*[f"{f}_{c}" for c, _n in LANGUAGES for f in ("subject", "body")]])

    def texts(self, field: str) -> dict[str, str]:
        return {c: self.cleaned_data[f"{field}_{c}"].strip() for c, _n in LANGUAGES}


class TestSendForm(forms.Form):
    to = forms.EmailField(label=_("Send a test to"), max_length=254)
    language = forms.ChoiceField(label=_("In"), choices=LANGUAGES)
