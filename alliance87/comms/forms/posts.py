"""The news list's filters and the forms of a post: the Secretariat's, a
partner's, and returning one to its author."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.comms.forms.base import LANGUAGES
from alliance87.comms.models import Post, PostKind
from alliance87.comms.selectors import NewsFilters, Option
from alliance87.comms.services import PostLinks
from alliance87.core.forms import InLanguageModelMultipleChoiceField
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.partners.models import Organisation


class NewsFilterForm(forms.Form):
    """The news list's filters (a GET form): each choice read from the
    posts the user may see, with its count."""

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    ALL = {
        "kind": _("All kinds"),
        "theme": _("All themes"),
        "country": _("All countries"),
        "organisation": _("All organisations"),
        "language": _("All languages"),
        "year": _("All years"),
    }

    def __init__(self, filters: NewsFilters, facets: dict[str, list[Option]]) -> None:
        data = {name: str(getattr(filters, name) or "") for name in self.ALL}
        super().__init__(data)
        for name, all_label in self.ALL.items():
            field: Any = self.fields[name]
            options = facets.get(name, [])
            field.choices = [
                ("", all_label),
                *[(o.value, f"{o.label} ({o.count})") for o in options],
            ]
            if data[name] and data[name] not in {o.value for o in options}:
                field.choices.append((data[name], f"{data[name]} (0)"))


class PostForm(forms.Form):
    """A post as the Secretariat writes it: its texts in each language it
    is written in (leave a language empty: the post says it is not in it),
    its links, its lead image, who sees it and when."""

    kind = forms.ChoiceField(label=_("Kind"), choices=PostKind.choices)
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Author organisation"), required=False, queryset=Organisation.objects.none()
    )
    image = forms.FileField(
        label=_("Lead image"), required=False, help_text=_("PNG, JPEG or WebP.")
    )
    image_credit = forms.CharField(
        label=_("Image credit and licence"), required=False, max_length=200
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
    groups: forms.ModelMultipleChoiceField[Group] = forms.ModelMultipleChoiceField(
        label=_("Groups"), required=False, queryset=Group.objects.none()
    )
    events: forms.ModelMultipleChoiceField[Event] = InLanguageModelMultipleChoiceField(
        label=_("Events"), required=False, queryset=Event.objects.none(), label_field="title"
    )
    visibility = forms.ChoiceField(label=_("Who sees it"), choices=Visibility.choices)
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group whose members see it"), required=False, queryset=Group.objects.none()
    )
    publish_at = forms.DateTimeField(
        label=_("Publish at (UTC)"),
        required=False,
        help_text=_("E.g. 2026-06-12 09:00. Empty: now, when you publish."),
    )

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The texts of each language, in the order of the page's languages.
        for code, name in LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"summary_{code}"] = forms.CharField(
                label=_("Summary (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 8, "lang": code}),
                help_text=_("Markdown: headings, lists, links and emphasis."),
            )
            self.fields[f"image_alt_{code}"] = forms.CharField(
                label=_("Image description, alt text (%(language)s)") % {"language": name},
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"lang": code}),
            )
        organisation: Any = self.fields["organisation"]
        organisation.queryset = Organisation.objects.visible_to(user).order_by("name")
        for name in ("groups", "group"):
            field: Any = self.fields[name]
            field.queryset = Group.objects.visible_to(user).order_by("name")
            field.label_from_instance = lambda g: g.name
        events: Any = self.fields["events"]
        events.queryset = Event.objects.visible_to(user).order_by("-date_start")
        for name in ("countries", "themes"):
            choice: Any = self.fields[name]
            choice.label_from_instance = lambda o: o.name

    @classmethod
    def initial_for(cls, post: Post) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": post.kind,
            "organisation": post.organisation_id,
            "image_credit": post.image_credit,
            "themes": list(post.themes.all()),
            "countries": list(post.countries.all()),
            "groups": list(post.groups.all()),
            "events": list(post.events.all()),
            "visibility": post.visibility,
            "group": post.group_id,
            "publish_at": post.publish_at,
        }
        for code, _name in LANGUAGES:
            for field in ("title", "summary", "body", "image_alt"):
                initial[f"{field}_{code}"] = getattr(post, f"{field}_{code}")
        return initial

    def apply(self, post: Post) -> PostLinks:
        """Set the form's fields on `post`; return its links."""
        data = self.cleaned_data
        post.kind = data["kind"]
        post.organisation = data.get("organisation")
        post.image_credit = data["image_credit"]
        post.visibility = data["visibility"]
        post.group = data.get("group")
        post.publish_at = data.get("publish_at") or post.publish_at
        for code, _name in LANGUAGES:
            for field in ("title", "summary", "body", "image_alt"):
                setattr(post, f"{field}_{code}", data[f"{field}_{code}"].strip())
        return PostLinks(
            themes=data["themes"],
            countries=data["countries"],
            groups=data["groups"],
            events=data["events"],
        )


class PartnerPostForm(PostForm):
    """A post as a partner writes it: the same texts, links, image and
    audience; by their organisation, and published by the Secretariat."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["organisation"]
        del self.fields["publish_at"]

    def apply(self, post: Post) -> PostLinks:
        self.cleaned_data.setdefault("organisation", post.organisation)
        self.cleaned_data["publish_at"] = None
        return super().apply(post)


class ReturnPostForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning it (the author reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
