from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, StakeholderType


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name or acronym"), required=False, max_length=100)
    type = forms.ChoiceField(label=_("Stakeholder type"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the countries that have an organisation the user may
        # see: for each country, its first such organisation (from the
        # country's index), not every organisation one may see (SQLite read
        # them all for `pk__in`: 8 ms at 5,000 organisations, 0.4 now).
        based_there = Organisation.objects.visible_to(user).filter(country=OuterRef("pk"))
        countries = Country.objects.filter(Exists(based_there))
        ordered = sorted(((c.iso3.lower(), c.name) for c in countries), key=lambda p: p[1])
        choices: dict[str, list[tuple[str, Any]]] = {
            "type": [("", _("All types")), *StakeholderType.choices],
            "country": [("", _("All countries")), *ordered],
            "theme": [("", _("All themes"))] + [(t.slug, t.name) for t in Theme.objects.all()],
        }
        for name, values in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = values
