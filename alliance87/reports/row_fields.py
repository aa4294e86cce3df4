"""
The fields of one proposed row of an imported report, by section (the
meeting, objectives, counts, participants, agenda, exchanges, decisions,
action items, documents): what reports/forms.RowForm shows for the row it
edits, each field named as the proposal's JSON names it.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from alliance87.countries.models import Country
from alliance87.events.models import EventType, Participant, PartyRole, ReportedCount

_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")
_TIME = re.compile(r"^\d{2}:\d{2}$")


def optional_choices(choices: Any) -> list[tuple[str, Any]]:
    return [("", _("Not stated")), *choices]


def reported_day(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _DATE.match(value):
        raise ValidationError(_("Write the date as YYYY-MM-DD, or YYYY-MM for a month."))
    return value


def clock(value: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if not _TIME.match(value):
        raise ValidationError(_("Write the time as HH:MM, e.g. 09:30."))
    return value


def _text_field(label: Any, *, required: bool = False, long: bool = False, **kw: Any) -> Any:
    widget = forms.Textarea(attrs={"rows": 4}) if long else None
    return forms.CharField(label=label, required=required, widget=widget, **kw)


def org_field(label: Any) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        max_length=200,
        help_text=_("Its name or acronym as the directory holds it."),
    )


def section_fields(section: str, agenda_numbers: list[str]) -> dict[str, Any]:
    agenda = forms.ChoiceField(
        label=_("Agenda item"),
        required=False,
        choices=[("", _("None")), *[(n, n) for n in agenda_numbers]],
    )
    role: dict[str, Any] = {"required": False, "choices": optional_choices(PartyRole.choices)}
    if section == "meeting":
        kinds = [c for c in EventType.choices if c[0] != EventType.PATHFINDER_WORKSHOP]
        return {
            "title": _text_field(_("Title"), required=True, max_length=300),
            "kind": forms.ChoiceField(
                label=_("Type"), required=False, choices=optional_choices(kinds)
            ),
            "start": _text_field(_("First day (or month)"), help_text=_("YYYY-MM-DD or YYYY-MM.")),
            "end": _text_field(_("Last day"), help_text=_("YYYY-MM-DD; empty for one day.")),
            "time_start": _text_field(_("Start time"), help_text=_("HH:MM.")),
            "time_end": _text_field(_("End time"), help_text=_("HH:MM.")),
            "online": forms.ChoiceField(
                label=_("Online or in person"),
                required=False,
                choices=optional_choices([("yes", _("Online")), ("no", _("In person"))]),
            ),
            "city": _text_field(_("City"), max_length=100),
            "country": forms.ChoiceField(
                label=_("Country of the venue"),
                required=False,
                choices=optional_choices(
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
            "organisation": org_field(_("Organisation")),
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
            "asked_by_organisation": org_field(_("Asked by (organisation)")),
            "question": _text_field(_("Question"), required=True, long=True),
            "answered_by_role": forms.ChoiceField(label=_("Answered by (function)"), **role),
            "answered_by_organisation": org_field(_("Answered by (organisation)")),
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
            "owner_organisation": org_field(_("Owner (organisation)")),
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
