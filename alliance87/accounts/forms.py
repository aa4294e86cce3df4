from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.accounts import roles
from alliance87.partners.models import Organisation


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("The organisation the new account belongs to, if any."),
    )


class RoleAssignForm(forms.Form):
    kind = forms.ChoiceField(label=_("Role"))
    scope = forms.CharField(label=_("For"), required=False, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["kind"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [(k.key, k.label) for k in roles.kinds() if k.assign is not None]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = roles.get_kind(data.get("kind", ""))
        if kind is None:
            return data
        scope = data.get("scope", "")
        if kind.scopes is not None:
            allowed = dict(kind.scopes())
            if scope not in allowed:
                self.add_error("scope", _("Choose what this role is for from the list."))
        data["kind_obj"] = kind
        return data


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Anything the Secretariat should know (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and my name removed."),
        required=True,
    )
