"""
The Secretariat's forms for importing a report: the upload or paste, the
edit of one proposed row (its fields, in the proposal's JSON shape), and
the answer for a name the directory does not know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance87.core.files import max_bytes
from alliance87.countries.models import Country
from alliance87.events.models import EventType, Participant, PartyRole, ReportedCount
from alliance87.partners.models import StakeholderType
from alliance87.reports.engine import LANGUAGES
from alliance87.reports.resolve import Directory

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_TIME = re.compile(r"^\d{2}:\d{2}$")
_QUALIFIER_WORDS = {
    ReportedCount.Qualifier.EXACTLY: None,
    ReportedCount.Qualifier.ABOUT: "about",
    ReportedCount.Qualifier.MORE_THAN: "more than",
    ReportedCount.Qualifier.AT_LEAST: "at least",
    ReportedCount.Qualifier.FEWER_THAN: "fewer than",
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Report file"),
        required=False,
        help_text=_("Word (.docx), PDF, plain text or Markdown."),
    )
    text = forms.CharField(
        label=_("Or paste the report's text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        initial="en",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload, text = data.get("file"), (data.get("text") or "")
        if upload and text.strip():
            raise ValidationError(_("Give a file or pasted text, not both."))
        if not upload and not text.strip():
            raise ValidationError(
                _("The report is empty: choose a file or paste the report's text.")
            )
        if len(text.encode()) > max_bytes():
            raise ValidationError(
                _("The pasted text is over the upload limit of %(limit)s MB.")
                % {"limit": max_bytes() // (1024 * 1024)}
            )
        return data


def _optional_choices(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("Not stated")), *choices]


def _date(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _DATE.match(value):
        raise ValidationError(_("Write the date as YYYY-MM-DD, or YYYY-MM for a month."))
    return value


def _clock(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _TIME.match(value):
        raise ValidationError(_("Write the time as HH:MM, e.g. 09:30."))
    return value


def _text_field(label: Any, *, required: bool = False, long: bool = False, **kw: Any) -> Any:
    widget = forms.Textarea(attrs={"rows": 4}) if long else None
    return forms.CharField(label=label, required=required, widget=widget, **kw)


def _org_field(label: Any) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        max_length=200,
        help_text=_("Its name or acronym as the directory holds it."),
    )


def _section_fields(section: str, agenda_numbers: list[str]) -> dict[str, Any]:
    agenda = forms.ChoiceField(
        label=_("Agenda item"),
        required=False,
        choices=[("", _("None")), *[(n, n) for n in agenda_numbers]],
    )
    role: dict[str, Any] = {"required": False, "choices": _optional_choices(PartyRole.choices)}
    if section == "meeting":
        kinds = [c for c in EventType.choices if c[0] != EventType.PATHFINDER_WORKSHOP]
        return {
            "title": _text_field(_("Title"), required=True, max_length=300),
            "kind": forms.ChoiceField(
                label=_("Type"), required=False, choices=_optional_choices(kinds)
            ),
            "start": _text_field(_("First day (or month)"), help_text=_("YYYY-MM-DD or YYYY-MM.")),
            "end": _text_field(_("Last day"), help_text=_("YYYY-MM-DD; empty for one day.")),
            "time_start": _text_field(_("Start time"), help_text=_("HH:MM.")),
            "time_end": _text_field(_("End time"), help_text=_("HH:MM.")),
            "online": forms.ChoiceField(
                label=_("Online or in person"),
                required=False,
                choices=_optional_choices([("yes", _("Online")), ("no", _("In person"))]),
            ),
            "city": _text_field(_("City"), max_length=100),
            "country": forms.ChoiceField(
                label=_("Country of the venue"),
                required=False,
                choices=_optional_choices(
                    [(c.iso3, c.name) for c in Country.objects.order_by("name")]
                ),
            ),
        }
    if section == "objectives":
        return {"text": _text_field(_("Objective"), required=True, long=True)}
    if section == "reported_counts":
        return {
            "qualifier": forms.ChoiceField(
                label=_("Qualifier"), choices=ReportedCount.Qualifier.choices
            ),
            "value": forms.IntegerField(label=_("Number"), min_value=0),
            "what": forms.ChoiceField(
                label=_("What is counted"), choices=ReportedCount.Counted.choices
            ),
        }
    if section == "participants":
        return {
            "organisation": _org_field(_("Organisation")),
            "role": forms.ChoiceField(label=_("Role"), choices=Participant.Role.choices),
            "attendance": forms.ChoiceField(
                label=_("Attendance"), choices=Participant.Attendance.choices
            ),
        }
    if section == "agenda":
        return {
            "number": _text_field(_("Number"), required=True, max_length=10),
            "title": _text_field(_("Title"), required=True, max_length=300),
            "objective": _text_field(_("Objective"), long=True),
            "duration_minutes": forms.IntegerField(
                label=_("Duration in minutes"), required=False, min_value=1, max_value=32767
            ),
            "minutes": _text_field(_("Minutes"), long=True),
        }
    if section == "exchanges":
        return {
            "agenda_number": agenda,
            "asked_by_role": forms.ChoiceField(label=_("Asked by (function)"), **role),
            "asked_by_organisation": _org_field(_("Asked by (organisation)")),
            "question": _text_field(_("Question"), required=True, long=True),
            "answered_by_role": forms.ChoiceField(label=_("Answered by (function)"), **role),
            "answered_by_organisation": _org_field(_("Answered by (organisation)")),
            "answer": _text_field(_("Answer"), long=True),
        }
    if section == "decisions":
        return {
            "number": _text_field(_("Number, as printed"), max_length=30),
            "agenda_number": agenda,
            "text": _text_field(_("Decision"), required=True, long=True),
        }
    if section == "action_items":
        return {
            "text": _text_field(_("Action"), required=True, long=True),
            "owner_role": forms.ChoiceField(label=_("Owner (function)"), **role),
            "owner_organisation": _org_field(_("Owner (organisation)")),
            "owner_name": _text_field(
                _("Owner, as reported"),
                max_length=200,
                help_text=_("When the owner is neither a function nor in the directory."),
            ),
            "due": _text_field(_("Due"), help_text=_("YYYY-MM-DD or YYYY-MM.")),
            "agenda_number": agenda,
        }
    return {
        "title": _text_field(_("Title"), required=True, max_length=300),
        "url": forms.URLField(label=_("Address"), required=False, max_length=500),
        "pages": _text_field(_("Pages"), max_length=30),
        "agenda_number": agenda,
    }


def _party_initial(party: Mapping[str, Any] | None, prefix: str, out: dict[str, Any]) -> None:
    party = party or {}
    out[f"{prefix}_role"] = party.get("role") if party.get("role") in PartyRole.values else ""
    organisation = party.get("organisation") or {}
    out[f"{prefix}_organisation"] = "" if out[f"{prefix}_role"] else organisation.get("name", "")


class RowForm(forms.Form):
    """One proposed row's fields; `values()` gives them back in the
    proposal's JSON shape, organisations resolved against the directory."""

    def __init__(
        self,
        *args: Any,
        section: str,
        row: Mapping[str, Any],
        agenda_numbers: list[str],
        **kw: Any,
    ) -> None:
        kw["initial"] = self.initial_of(section, row)
        super().__init__(*args, **kw)
        self.section = section
        self.row = row
        self.fields.update(_section_fields(section, agenda_numbers))
        self._directory: Directory | None = None

    @staticmethod
    def initial_of(section: str, row: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {k: v for k, v in row.items() if isinstance(v, str | int)}
        if section == "meeting":
            time = row.get("time") or {}
            venue = row.get("venue") or {}
            out.update(
                time_start=time.get("start") or "",
                time_end=time.get("end") or "",
                city=venue.get("city") or "",
                country=venue.get("country") or "",
                online={True: "yes", False: "no"}.get(bool(row["online"]), "")
                if row.get("online") is not None
                else "",
                kind=EventType.COMMITTEE_MEETING
                if row.get("kind") == "committee"
                else row.get("kind") or "",
            )
        elif section == "reported_counts":
            words = {v: k for k, v in _QUALIFIER_WORDS.items()}
            out["qualifier"] = words.get(row.get("qualifier"), ReportedCount.Qualifier.ABOUT)
        elif section == "participants":
            out["organisation"] = (row.get("organisation") or {}).get("name", "")
            out["role"] = row.get("role") or Participant.Role.PARTICIPANT
            out["attendance"] = row.get("attendance") or Participant.Attendance.NOT_REPORTED
        elif section == "exchanges":
            _party_initial(row.get("asked_by"), "asked_by", out)
            _party_initial(row.get("answered_by"), "answered_by", out)
        elif section == "action_items":
            _party_initial(row.get("owner"), "owner", out)
            owner = row.get("owner") or {}
            if not out["owner_role"] and not (owner.get("organisation") or {}).get("slug"):
                out["owner_name"] = owner.get("name", "")
        return out

    def _organisation(self, name: str, field: str) -> dict[str, Any] | None:
        name = name.strip()
        if not name:
            return None
        if self._directory is None:
            self._directory = Directory.from_db()
        ref, _how = self._directory.resolve(name)
        if ref.slug is None:
            self.add_error(
                field,
                _("The directory does not know “%(name)s”: check the spelling, or leave it empty.")
                % {"name": name},
            )
            return None
        return {"name": name, "slug": ref.slug, "country": None}

    def _party(self, prefix: str) -> dict[str, Any] | None:
        role = self.cleaned_data.get(f"{prefix}_role") or ""
        organisation = self._organisation(
            self.cleaned_data.get(f"{prefix}_organisation") or "", f"{prefix}_organisation"
        )
        if role:
            return {
                "name": str(PartyRole(role).label),
                "role": role,
                "person": None,
                "organisation": None,
            }
        if organisation:
            return {
                "name": organisation["name"],
                "role": None,
                "person": None,
                "organisation": organisation,
            }
        return None

    def values(self) -> dict[str, Any]:
        """Return the edited row in the proposal's shape; errors are added
        to the form (check `is_valid()` again after)."""
        d = self.cleaned_data
        s = self.section
        if s == "meeting":
            out: dict[str, Any] = {"title": d["title"], "kind": d["kind"] or None}
            for name in ("start", "end"):
                try:
                    out[name] = _date(d[name])
                except ValidationError as e:
                    self.add_error(name, e)
            try:
                start, end = _clock(d["time_start"]), _clock(d["time_end"])
            except ValidationError as e:
                self.add_error("time_start", e)
                start = end = None
            time = dict(self.row.get("time") or {})
            out["time"] = {**time, "start": start, "end": end} if start else None
            out["online"] = {"yes": True, "no": False}.get(d["online"])
            venue = dict(self.row.get("venue") or {})
            venue.update(
                city=d["city"] or None,
                country=d["country"] or None,
                as_written=d["city"] or venue.get("as_written") or "",
            )
            venue.setdefault("host", None)
            out["venue"] = venue if d["city"] or d["country"] else None
            return out
        if s == "reported_counts":
            return {
                "qualifier": _QUALIFIER_WORDS[d["qualifier"]],
                "value": d["value"],
                "what": d["what"],
            }
        if s == "participants":
            organisation = self._organisation(d["organisation"], "organisation")
            return {"organisation": organisation, "role": d["role"], "attendance": d["attendance"]}
        if s == "exchanges":
            out = {k: d[k] or None for k in ("agenda_number", "question", "answer")}
            out.update(asked_by=self._party("asked_by"), answered_by=self._party("answered_by"))
            if out["asked_by"] is None:
                self.add_error("asked_by_role", _("Say who asked the question."))
            if out["answer"] and out["answered_by"] is None:
                self.add_error("answered_by_role", _("Say who answered the question."))
            return out
        if s == "action_items":
            owner = self._party("owner")
            if owner is None and d["owner_name"].strip():
                owner = {
                    "name": d["owner_name"].strip(),
                    "role": None,
                    "person": None,
                    "organisation": None,
                }
            try:
                due = _date(d["due"])
            except ValidationError as e:
                self.add_error("due", e)
                due = None
            return {
                "text": d["text"],
                "owner": owner,
                "due": due,
                "agenda_number": d["agenda_number"] or None,
            }
        return {k: (v if v != "" else None) for k, v in d.items()}


class NameForm(forms.Form):
    """What to do with a name the directory does not know."""

    choice = forms.ChoiceField(
        label=_("What is it?"),
        widget=forms.RadioSelect,
        choices=[
            ("leave", _("Leave it unresolved (rows that need it are not saved)")),
            ("pick", _("An organisation the directory holds")),
            ("create", _("A new organisation, created with the draft")),
        ],
        initial="leave",
    )
    organisation = _org_field(_("The directory's organisation"))
    stakeholder_type = forms.ChoiceField(
        label=_("Stakeholder type of the new organisation"),
        required=False,
        choices=[("", "—"), *StakeholderType.choices],
    )

    def answer(self) -> dict[str, Any] | None:
        d = self.cleaned_data
        if d["choice"] == "pick":
            name = d["organisation"].strip()
            ref, _how = Directory.from_db().resolve(name) if name else (None, None)
            if ref is None or ref.slug is None:
                self.add_error("organisation", _("Name an organisation the directory holds."))
                return None
            return {"slug": ref.slug, "name": name}
        if d["choice"] == "create":
            if not d["stakeholder_type"]:
                self.add_error("stakeholder_type", _("Choose the new organisation's type."))
                return None
            return {"create": d["stakeholder_type"]}
        return None
