"""The forms of the Secretariat's survey builder: a survey, a question,
and the opening date of a copy."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.comms.forms.base import LANGUAGES
from alliance87.comms.models import Choice, Question, QuestionKind, Survey, SurveyMode
from alliance87.core.forms import TypedDateField
from alliance87.groups.models import Group

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


class SurveyCopyForm(forms.Form):
    """The day a copy of a survey opens (today unless changed): its closing,
    and its times of day, follow (`services.copy_survey`)."""

    opens_on = TypedDateField(
        label=_("The copy opens on"),
        help_text=_("Its closing date moves by as many days, so it stays open as long (UTC)."),
    )


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
