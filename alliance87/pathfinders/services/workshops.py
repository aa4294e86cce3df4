"""
Strategic planning workshops, hosted by a pathfinder country or a regional
body.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.pathfinders.models import Pathfinder, Workshop
from alliance87.pathfinders.services.base import fill_languages


@service
def save_workshop(workshop: Workshop, *, acting_user: Any) -> Workshop:
    """Validate and save a workshop; a country's workshop is held in that country."""
    if bool(workshop.host_country_id) == bool(workshop.host_organisation_id):
        raise ValidationError(
            _(
                "A workshop has one host: either a country or an organisation "
                "such as a regional body."
            )
        )
    if workshop.pathfinder_id and workshop.host_country_id:
        pathfinder = Pathfinder.objects.get(pk=workshop.pathfinder_id)
        if pathfinder.country_id != workshop.host_country_id:
            raise ValidationError(
                _("A pathfinder's workshop is hosted by that pathfinder's country.")
            )
    workshop.clean_reported_date()
    if (
        workshop.status == Workshop.Status.HELD
        and workshop.date_start
        and workshop.date_start > timezone.localdate()
    ):
        raise ValidationError(_("A workshop cannot have been held on a date still to come."))
    fill_languages(workshop, ("title", "notes"))
    workshop.full_clean()
    workshop.save()
    return workshop
