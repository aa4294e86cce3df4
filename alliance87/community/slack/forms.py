"""The Slack import page's forms: the upload, and the space each channel
goes into."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance87.community.models import Space


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Slack export (zip)"),
        help_text=gettext_lazy(
            "The zip that Slack's “Export data” gives, as it is. Nothing is imported yet: "
            "the Hub checks it and shows you what it would import."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        limit = settings.SLACK_IMPORT_MAX_MB
        if upload.size is not None and upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the largest export accepted is %(limit)s MB.")
                % {"size": f"{upload.size / 1024 / 1024:.1f}", "limit": limit}
            )
        return upload


class SpacesForm(forms.Form):
    """One choice of space per channel found in the export (by channel id),
    and whether the other public channels get open spaces of their own."""

    create_spaces = forms.BooleanField(
        label=gettext_lazy(
            "Give every other public channel with messages an open space of its own "
            "(slack-<channel>, seen by partners)"
        ),
        required=False,
    )

    def __init__(self, *args: Any, found: list[dict[str, Any]], spaces: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        choices = [("", _("Not into a space of the Hub"))] + [
            (space.slug, space.name) for space in spaces
        ]
        self.channel_fields: list[tuple[str, dict[str, Any]]] = []
        fields = {}
        for channel in found:
            key = f"channel_{channel['id']}"
            label = f"#{channel['name']}"
            if channel["private"]:
                label = _("%(channel)s (private channel)") % {"channel": label}
            fields[key] = forms.ChoiceField(label=label, choices=choices, required=False)
            self.channel_fields.append((key, channel))
        # The channels first, then the checkbox.
        create = self.fields.pop("create_spaces")
        self.fields.update(fields)
        self.fields["create_spaces"] = create

    def space_map(self) -> dict[str, str]:
        """Return the spaces chosen: channel id -> space slug."""
        return {
            channel["id"]: self.cleaned_data[key]
            for key, channel in self.channel_fields
            if self.cleaned_data.get(key)
        }


def spaces_form(data: Any, *, row: Any, user: Any) -> SpacesForm | None:
    """Return the form of spaces for `row`'s channels (None when no check
    has listed them yet), filled with the spaces last checked."""
    found = (row.report or {}).get("found") or []
    if not found:
        return None
    spaces = Space.objects.visible_to(user).open().order_by("name")
    initial: dict[str, Any] = {"create_spaces": row.create_spaces}
    for channel in found:
        initial[f"channel_{channel['id']}"] = row.space_map.get(channel["id"], "")
    return SpacesForm(data, found=found, spaces=spaces, initial=initial)
