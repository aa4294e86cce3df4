from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.partners.models import Organisation


class EndorseForm(forms.Form):
    """A partner confirms; the Secretariat also picks the organisation."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("The organisation whose endorsement you are recording."),
    )
    confirm = forms.BooleanField(
        label=_("I am authorised to endorse this statement on behalf of my organisation."),
        error_messages={"required": _("Tick the box to confirm that you may endorse it.")},
    )

    def __init__(self, *args: Any, secretariat: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if secretariat:
            field = self.fields["organisation"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Organisation.objects.order_by("sort_name")
            self.fields["confirm"].label = _(
                "The organisation has endorsed this statement, and I am recording it."
            )
        else:
            del self.fields["organisation"]
