from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import DatePrecision
from alliance87.core.forms import ChoiceText, TypedDateField
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility, is_secretariat
from alliance87.countries.models import Country, Region
from alliance87.groups.models import Group
from alliance87.library.models import Resource, ResourceType
from alliance87.library.selectors import LibraryFilters, Option, language_names
from alliance87.library.services import Links

SORT_CHOICES = [
    ("newest", _("Newest first")),
    ("oldest", _("Oldest first")),
    ("title", _("Title")),
]


class LibraryFilterForm(forms.Form):
    """The library's filters (a GET form): each choice is a facet's
    option with its count, read from what the user may see; the
    organisation is typed, its matches listed beside the form."""

    type = forms.ChoiceField(label=_("Type"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    # Organisations are too many to list: a slug (a link names one alone)
    # or part of a name, typed (core.forms.read_narrowing).
    organisation = forms.CharField(required=False, widget=forms.HiddenInput)
    organisation_q = ChoiceText(
        label=_("Organisation"),
        help_text=_("Type part of an organisation's name or acronym."),
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=SORT_CHOICES)

    ALL = {
        "type": _("All types"),
        "theme": _("All themes"),
        "country": _("All countries"),
        "region": _("All regions"),
        "language": _("All languages"),
        "year": _("All years"),
    }

    def __init__(self, filters: LibraryFilters, facets: dict[str, list[Option]]) -> None:
        data = {name: str(getattr(filters, name) or "") for name in self.ALL}
        data["sort"] = filters.sort
        narrowing = filters.narrowing
        data["organisation"] = filters.organisation
        data["organisation_q"] = (
            narrowing.chosen if narrowing and filters.organisation else filters.organisation_q
        )
        super().__init__(data)
        for name, all_label in self.ALL.items():
            field: Any = self.fields[name]
            field.choices = [
                ("", all_label),
                *[(o.value, f"{o.label} ({o.count})") for o in facets.get(name, [])],
            ]
            chosen = data[name]
            if chosen and chosen not in {o.value for o in facets.get(name, [])}:
                # A filter that now matches nothing stays chosen, shown as 0.
                field.choices.append((chosen, f"{chosen} (0)"))


class ResourceForm(forms.Form):
    """A resource as a partner submits it, or the Secretariat edits it: its
    text in the page's language, its links, one file in one language."""

    title = forms.CharField(label=_("Title"), max_length=300)
    resource_type = forms.ChoiceField(label=_("Type"), choices=ResourceType.choices)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    body = forms.CharField(
        label=_("Text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: headings, lists, links and emphasis."),
    )
    published_on = TypedDateField(label=_("Publication date"), required=False)
    month_only = forms.BooleanField(
        label=_("Only the month of publication is known"), required=False
    )
    themes: forms.ModelMultipleChoiceField[Theme] = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        required=False,
        queryset=Theme.objects.order_by("kind", "order"),
        widget=forms.CheckboxSelectMultiple,
    )
    countries: forms.ModelMultipleChoiceField[Country] = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        required=False,
        queryset=Country.objects.order_by("name"),
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    regions = forms.MultipleChoiceField(
        label=_("Regions"),
        required=False,
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    url = forms.URLField(label=_("Address where it is published"), required=False, max_length=500)
    url_language = forms.ChoiceField(label=_("Language of that address"), required=False)
    licence = forms.CharField(label=_("Licence"), required=False, max_length=200)
    doi = forms.CharField(label=_("DOI"), required=False, max_length=200)
    isbn = forms.CharField(label=_("ISBN"), required=False, max_length=20)
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, Word, OpenDocument, Excel, PowerPoint, CSV or plain text."),
    )
    file_language = forms.ChoiceField(label=_("Language of the file"), required=False)
    review_note = forms.CharField(
        label=_("Note to the Secretariat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    # The Secretariat's only: who sees it once published, and its group.
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group"), required=False, queryset=Group.objects.none()
    )
    conditionally_required = frozenset({"file_language"})

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if is_secretariat(user):
            group: Any = self.fields["group"]
            group.queryset = Group.objects.visible_to(user).order_by("name")
            group.label_from_instance = lambda g: g.name
        else:
            del self.fields["visibility"]
            del self.fields["group"]
        languages = [("", _("Not said")), *[(c, n) for c, n in language_names()]]
        self.fields["url_language"].choices = languages  # type: ignore[attr-defined]
        self.fields["file_language"].choices = languages  # type: ignore[attr-defined]
        countries: Any = self.fields["countries"]
        countries.label_from_instance = lambda c: c.name
        themes: Any = self.fields["themes"]
        themes.label_from_instance = lambda t: t.name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("file") and not data.get("file_language"):
            self.add_error("file_language", _("Say in which language the file is."))
        if data.get("month_only") and not data.get("published_on"):
            self.add_error("published_on", _("Give the month as a date, such as 1/9/2017."))
        return data

    @classmethod
    def initial_for(cls, resource: Resource) -> dict[str, Any]:
        return {
            "title": resource.title,
            "resource_type": resource.resource_type,
            "summary": resource.summary,
            "body": resource.body,
            "published_on": resource.date_start,
            "month_only": resource.date_precision == DatePrecision.MONTH,
            "themes": list(resource.themes.all()),
            "countries": list(resource.countries.all()),
            "regions": list(resource.regions.values_list("region", flat=True)),
            "url": resource.url,
            "url_language": resource.url_language,
            "licence": resource.licence,
            "doi": resource.doi,
            "isbn": resource.isbn,
            "review_note": resource.review_note,
            "visibility": resource.visibility,
            "group": resource.group_id,
        }

    def apply(self, resource: Resource) -> tuple[dict[str, str], Links]:
        """Set the form's plain fields on `resource`; return its texts and links."""
        data = self.cleaned_data
        for name in ("resource_type", "url", "url_language", "licence", "doi", "isbn"):
            setattr(resource, name, data[name])
        resource.review_note = data["review_note"]
        if "visibility" in self.fields:
            resource.visibility = data["visibility"]
            resource.group = data.get("group")
        day = data.get("published_on")
        if day is None:
            resource.date_start, resource.date_precision = None, DatePrecision.DAY
        elif data.get("month_only"):
            resource.date_start, resource.date_precision = day.replace(day=1), DatePrecision.MONTH
        else:
            resource.date_start, resource.date_precision = day, DatePrecision.DAY
        resource.date_end, resource.date_tentative = None, False
        texts = {"title": data["title"], "summary": data["summary"], "body": data["body"]}
        links = Links(themes=data["themes"], countries=data["countries"], regions=data["regions"])
        return texts, links
