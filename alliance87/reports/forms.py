"""
The Secretariat's forms for importing a report: the upload or paste, the
edit of one proposed row (its fields, in the proposal's JSON shape), and
the answer for a name the directory does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance87.core.files import max_bytes
from alliance87.events.models import EventType, Participant, PartyRole, ReportedCount
from alliance87.partners.models import StakeholderType
from alliance87.reports.engine import LANGUAGES
from alliance87.reports.resolve import Directory
from alliance87.reports.row_fields import clock, org_field, reported_day, section_fields

LANGUAGE_NAMES = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
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
        self.fields.update(section_fields(section, agenda_numbers))
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
                    out[name] = reported_day(d[name])
                except ValidationError as e:
                    self.add_error(name, e)
            try:
                start, end = clock(d["time_start"]), clock(d["time_end"])
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
                due = reported_day(d["due"])
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
    organisation = org_field(_("The directory's organisation"))
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
