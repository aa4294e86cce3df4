from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.comms.models import (
    Choice,
    Post,
    PostKind,
    Question,
    QuestionKind,
    Survey,
    SurveyMode,
)
from alliance87.comms.selectors import NewsFilters, Option
from alliance87.comms.services import PostLinks
from alliance87.core.forms import InLanguageModelMultipleChoiceField
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.partners.models import Organisation

LANGUAGES: tuple[tuple[str, Any], ...] = (
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
)


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


# --- The newsletter ----------------------------------------------------------


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


# --- Surveys (the Secretariat's builder) -------------------------------------

SURVEY_AUDIENCES: tuple[tuple[str, Any], ...] = (
    ("public", _("The public (anyone, signed in to answer once each)")),
    ("partners", _("All partners")),
    ("members", _("The members of one group (the GCG is one)")),
)


class SurveyForm(forms.Form):
    """A survey's texts in each language (English required), audience,
    dates and how it is answered."""

    visibility = forms.ChoiceField(label=_("Audience"), choices=SURVEY_AUDIENCES)
    group: forms.ModelChoiceField[Group] = forms.ModelChoiceField(
        label=_("Group"),
        required=False,
        queryset=Group.objects.none(),
        help_text=_("For an audience of group members."),
    )
    mode = forms.ChoiceField(label=_("Responses"), choices=SurveyMode.choices)
    opens_at = forms.DateTimeField(label=_("Opens (UTC)"), help_text=_("E.g. 2027-03-01 09:00."))
    closes_at = forms.DateTimeField(label=_("Closes (UTC)"), help_text=_("E.g. 2027-03-31 18:00."))

    def __init__(self, *args: Any, user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in LANGUAGES:
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                required=code == "en",
                max_length=300,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"intro_{code}"] = forms.CharField(
                label=_("Introduction (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )
        group: Any = self.fields["group"]
        group.queryset = Group.objects.visible_to(user).order_by("name")
        group.label_from_instance = lambda g: g.name
        self.order_fields([*[f"{f}_{c}" for f in ("title", "intro") for c, _n in LANGUAGES]])

    @classmethod
    def initial_for(cls, survey: Survey) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "visibility": survey.visibility,
            "group": survey.group_id,
            "mode": survey.mode,
            "opens_at": survey.opens_at,
            "closes_at": survey.closes_at,
        }
        for code, _name in LANGUAGES:
            for field in ("title", "intro"):
                initial[f"{field}_{code}"] = getattr(survey, f"{field}_{code}") or ""
        return initial

    def apply(self, survey: Survey) -> None:
        data = self.cleaned_data
        survey.visibility = data["visibility"]
        survey.group = data.get("group")
        survey.mode = data["mode"]
        survey.opens_at = data["opens_at"]
        survey.closes_at = data["closes_at"]
        for code, _name in LANGUAGES:
            for field in ("title", "intro"):
                setattr(survey, f"{field}_{code}", data[f"{field}_{code}"].strip())


class QuestionForm(forms.Form):
    """A question: its kind, wording in each language (English required),
    its choices (one a line, the lines of each language in the same
    order), its scale, whether it is required and its condition."""

    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    required = forms.BooleanField(label=_("Required"), required=False)
    scale_min = forms.IntegerField(label=_("Scale from"), initial=1, min_value=-10, max_value=10)
    scale_max = forms.IntegerField(label=_("Scale to"), initial=5, min_value=-10, max_value=20)
    shown_if = forms.TypedChoiceField(
        label=_("Ask only if this was chosen"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("A choice of an earlier question; empty: always asked."),
    )

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in LANGUAGES:
            language = {"language": name}
            self.fields[f"text_{code}"] = forms.CharField(
                label=_("Question (%(language)s)") % language,
                required=code == "en",
                max_length=500,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"help_{code}"] = forms.CharField(
                label=_("Hint (%(language)s)") % language,
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"choices_{code}"] = forms.CharField(
                label=_("Choices (%(language)s)") % language,
                required=False,
                widget=forms.Textarea(attrs={"rows": 5, "lang": code}),
                help_text=_("For one or several choices: one choice a line."),
            )
            self.fields[f"scale_min_label_{code}"] = forms.CharField(
                label=_("Label of the lowest value (%(language)s)") % language,
                required=False,
                max_length=100,
                widget=forms.TextInput(attrs={"lang": code}),
            )
            self.fields[f"scale_max_label_{code}"] = forms.CharField(
                label=_("Label of the highest value (%(language)s)") % language,
                required=False,
                max_length=100,
                widget=forms.TextInput(attrs={"lang": code}),
            )
        # The choices of the questions before this one.
        earlier = Choice.objects.filter(question__survey=question.survey_id).select_related(
            "question"
        )
        if question.pk:
            earlier = earlier.filter(question__order__lt=question.order)
        shown_if: Any = self.fields["shown_if"]
        shown_if.choices = [("", "—")] + [
            (c.pk, f"{c.question.order}. {c.question.text} → {c.label}")
            for c in earlier.order_by("question__order", "order", "pk")
        ]
        self.order_fields(
            [
                "kind",
                *[f"text_{c}" for c, _n in LANGUAGES],
                *[f"help_{c}" for c, _n in LANGUAGES],
                "required",
                *[f"choices_{c}" for c, _n in LANGUAGES],
                "scale_min",
                "scale_max",
            ]
        )

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "kind": question.kind,
            "required": question.required,
            "scale_min": question.scale_min,
            "scale_max": question.scale_max,
            "shown_if": question.shown_if_id,
        }
        choices = list(question.choices.order_by("order", "pk")) if question.pk else []
        for code, _name in LANGUAGES:
            for field in ("text", "help", "scale_min_label", "scale_max_label"):
                initial[f"{field}_{code}"] = getattr(question, f"{field}_{code}") or ""
            initial[f"choices_{code}"] = "\n".join(
                getattr(c, f"label_{code}") or "" for c in choices
            )
        return initial

    def apply(self, question: Question) -> list[dict[str, str]]:
        """Set the form's fields on `question`; return its choices."""
        data = self.cleaned_data
        question.kind = data["kind"]
        question.required = data["required"]
        question.scale_min = data["scale_min"]
        question.scale_max = data["scale_max"]
        question.shown_if_id = data.get("shown_if")
        for code, _name in LANGUAGES:
            for field in ("text", "help", "scale_min_label", "scale_max_label"):
                setattr(question, f"{field}_{code}", data[f"{field}_{code}"].strip())
        lines = {
            code: [line.strip() for line in data[f"choices_{code}"].splitlines()]
            for code, _name in LANGUAGES
        }
        for code in lines:  # blank lines at the end are no choices
            while lines[code] and not lines[code][-1]:
                lines[code].pop()
        count = max(len(v) for v in lines.values())
        return [
            {code: (v[n] if n < len(v) else "") for code, v in lines.items()} for n in range(count)
        ]
