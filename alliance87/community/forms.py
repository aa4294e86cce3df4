"""The community's forms: a space (the Secretariat's), a thread, a reply,
an edit, a moderator."""

from __future__ import annotations

from typing import Any, cast
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance87.community import attachments
from alliance87.community.conversions import SUMMARY_MAX_CHARS, no_wider_than
from alliance87.community.models import (
    POST_MAX_CHARS,
    PSEUDONYM_MAX_CHARS,
    TITLE_MAX_CHARS,
    FlagReason,
    Level,
    Preferences,
    Space,
    ThreadKind,
)
from alliance87.core import permissions
from alliance87.core.forms import InLanguageModelChoiceField
from alliance87.core.visibility import Visibility
from alliance87.events.forms import ActionItemForm
from alliance87.events.models import Event
from alliance87.library.models import ResourceType

MARKDOWN_HINT = _(
    "Markdown: *italics*, **bold**, [a link](https://…), lists with “- ”. "
    "A link to a page of the Hub (an event, a resource, a group) shows as a card. "
    "Name someone with @ and their username, an organisation with @org: and the last "
    "part of its page's address (@org:ilo for …/partners/ilo/), and a pseudonym that writes "
    'in the thread with @ and the pseudonym in quotation marks (@"…").'
)


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files chosen in one box (a list, empty when none)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Files"))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        one = super().clean
        if isinstance(data, list | tuple):
            return [one(d, initial) for d in data if d]
        return [one(data, initial)] if data else []


class WithAttachments(forms.Form):
    """A post's form: its files, with the limits in their hint."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if attachments.max_count():
            self.fields["attachments"] = AttachmentsField(help_text=attachments.limits_hint())


class SpaceForm(forms.ModelForm):
    class Meta:
        model = Space
        fields = ["name", "slug", "description", "kind", "group", "country", "theme", "visibility"]
        help_texts = {
            "slug": _("The space's address: lower-case letters, digits and hyphens."),
            "visibility": _(
                "Who sees the space and its threads. A members-only space is seen by "
                "the members of its group."
            ),
        }


def offer_pseudonym(form: forms.Form, pseudonym: Any, label: str, initial: bool) -> None:
    """Add to `form` the choice to sign under `pseudonym` (None: the person
    may not, and the form has no such field)."""
    if pseudonym is None:
        return
    form.fields["under_pseudonym"] = forms.BooleanField(
        label=label % {"name": pseudonym.name},
        required=False,
        initial=initial,
        help_text=_(
            "Shown under your pseudonym instead of your name, in the thread, emails, "
            "search and the API. Only the Secretariat can tell that it is you."
        ),
    )


class ThreadForm(WithAttachments):
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=ThreadKind.choices,
        initial=ThreadKind.DISCUSSION,
        widget=forms.RadioSelect,
        help_text=_("A question can have an accepted answer."),
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_CHARS)
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=POST_MAX_CHARS,
        help_text=MARKDOWN_HINT,
    )

    def __init__(self, *args: Any, pseudonym: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_pseudonym(
            self, pseudonym, gettext("Start this thread under my pseudonym, %(name)s"), False
        )


class PostForm(WithAttachments):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=POST_MAX_CHARS,
        help_text=MARKDOWN_HINT,
    )

    def __init__(
        self, *args: Any, pseudonym: Any = None, pseudonymous: bool = False, **kwargs: Any
    ) -> None:
        """`pseudonymous`: the choice ticked at first (as the person last
        wrote in the thread)."""
        super().__init__(*args, **kwargs)
        offer_pseudonym(
            self, pseudonym, gettext("Post this reply under my pseudonym, %(name)s"), pseudonymous
        )


class PseudonymForm(forms.Form):
    name = forms.CharField(
        label=_("Your pseudonym"),
        max_length=PSEUDONYM_MAX_CHARS,
        help_text=_(
            "3 to 40 letters, digits, spaces and . ' - _. Not your name, your username "
            "or anything that could lead to you."
        ),
    )


class EditPostForm(PostForm):
    def __init__(self, *args: Any, current: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Text")
        if "attachments" in self.fields:
            self.fields["attachments"].label = _("Add files")
        choices = [(str(a.pk), a.name) for a in current]
        if choices:
            self.fields["remove"] = forms.TypedMultipleChoiceField(
                label=_("Take off files"),
                choices=choices,
                coerce=int,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("The post's history keeps the files taken off."),
            )


# What a thread becomes (community/conversions.py) ----------------------------

# The meetings offered: the space's group's first, then the latest (of
# those whose title or address holds the words searched for, if any).
MEETINGS_OFFERED = 100
# The longest search for a meeting, in characters (more is cut off).
MEETING_SEARCH_MAX_CHARS = 100


def meeting_search(raw: str) -> str:
    """Return the search for a meeting written in `raw` (a GET parameter),
    cleaned: spaces folded, NUL left out (PostgreSQL refuses it), cut to
    MEETING_SEARCH_MAX_CHARS."""
    return " ".join(raw.replace("\x00", "").split())[:MEETING_SEARCH_MAX_CHARS]


def _titled(search: str) -> Q:
    """Match the meetings whose title, in any language, or address holds
    every word of `search` (ignoring case)."""
    match = Q()
    for word in search.split():
        any_field = Q(slug__icontains=word)
        for code, _name in settings.LANGUAGES:
            any_field |= Q(**{f"title_{code}__icontains": word})
        match &= any_field
    return match


class ActionItemFromThreadForm(ActionItemForm):
    """An action item of a meeting the person may record, from a thread:
    the record page's own fields, with the meeting to add it to; the
    visibilities offered are the thread's space's and narrower."""

    event = InLanguageModelChoiceField(
        queryset=Event.objects.none(),
        label=_("Meeting"),
        label_field="title",
        help_text=_("The meetings you may record: the space's group's first, then the latest."),
    )
    field_order = ["event", "text"]

    def __init__(
        self, *args: Any, user: Any, thread: Any, search: str = "", **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        space = thread.space
        of_group = Event.groups.through.objects.filter(event=OuterRef("pk"), group=space.group_id)
        candidates = (
            Event.objects.visible_to(user)
            .annotate(of_group=Exists(of_group))
            .order_by("-of_group", F("date_start").desc(nulls_last=True), "slug")
        )
        if search:
            # An older meeting, found by its title or address: still only
            # those the person may see and record.
            candidates = candidates.filter(_titled(search))
        allowed = [
            e.pk for e in candidates[:MEETINGS_OFFERED] if permissions.may(user, "record", e)
        ]
        # Whether any meeting is offered (the page says so when none is).
        self.meetings_offered = bool(allowed)
        event_field = cast(forms.ModelChoiceField, self.fields["event"])
        event_field.queryset = candidates.filter(pk__in=allowed)
        if search:
            event_field.help_text = gettext(
                "The meetings you may record whose title or address holds “%(search)s”: "
                "the space's group's first, then the latest."
            ) % {"search": search}
        levels = no_wider_than(space.visibility)
        visibility = cast(forms.ChoiceField, self.fields["visibility"])
        visibility.choices = [(v, Visibility(v).label) for v in levels]
        visibility.initial = levels[0]
        visibility.help_text = _("No wider than the thread's space.")

    def arguments(self) -> dict[str, Any]:
        data = super().arguments()
        data.pop("event", None)
        return data


class ResourceFromThreadForm(forms.Form):
    """A library resource from a thread: its title, type, summary and the
    language they are written in."""

    title = forms.CharField(label=_("Title"), max_length=300)
    resource_type = forms.ChoiceField(
        label=_("Type"), choices=ResourceType.choices, initial=ResourceType.OTHER
    )
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=SUMMARY_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Taken from the opening post: shorten or rewrite it as a summary."),
    )
    language = forms.ChoiceField(
        label=_("Language of the title and summary"), choices=settings.LANGUAGES
    )


class ModeratorForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the new moderator"),
        help_text=_("The address they sign in with."),
    )

    def clean_email(self) -> Any:
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this email address."))
        return user


class LevelForm(forms.Form):
    level = forms.ChoiceField(label=_("What you hear about"), choices=Level.choices)


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Preferences
        fields = ["language", "time_zone", "digest", "quiet_from", "quiet_until"]
        widgets = {
            "language": forms.Select(choices=settings.LANGUAGES),
            "quiet_from": forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
            "quiet_until": forms.TimeInput(format="%H:%M", attrs={"type": "time"}),
        }
        help_texts = {
            "quiet_from": _(
                "Optional, with the end below: no email between these times of your time "
                "zone, e.g. 22:00 to 07:00; what comes meanwhile is emailed when they end. "
                "Your inbox on the site is kept up to date at every hour."
            ),
            "quiet_until": _("Optional, with the start above; a time such as 07:00."),
            "time_zone": _(
                "As the IANA time-zone database names it, e.g. Pacific/Fiji or Africa/Nairobi: "
                "digests cover whole days of your time zone."
            ),
            "digest": _("For the spaces whose level is “A digest by email”."),
        }

    def clean_time_zone(self) -> str:
        name = self.cleaned_data["time_zone"].strip()
        if name not in available_timezones():
            raise forms.ValidationError(
                _("Unknown time zone “%(name)s”: write Region/City, e.g. Asia/Kathmandu.")
                % {"name": name}
            )
        return name

    def clean_language(self) -> str:
        code = self.cleaned_data["language"]
        if code not in dict(settings.LANGUAGES):
            raise forms.ValidationError(_("Choose one of the languages offered."))
        return code


# --- Moderation ----------------------------------------------------------------------


class FlagForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with this post?"),
        choices=FlagReason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Anything the moderators should know"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Needed for “Something else”. Only the space's moderators and the Secretariat "
            "read it. To report a risk to someone's safety, use “Report a concern” instead."
        ),
    )


class ModerationForm(forms.Form):
    """A moderator's decision on one post: hide, restore, approve, reject or
    dismiss its flags (the button pressed), with a reason for the author."""

    reason = forms.CharField(
        label=_("Reason, shown to the author"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Needed to hide, restore or reject a post."),
    )


class SuspendAuthorForm(forms.Form):
    """Suspend the author of a post written under a pseudonym, from the
    post's moderation page: the moderator never learns who they are."""

    post = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason, shown to the person"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ends = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The suspension ends at the start of this day (UTC). Empty: until lifted."),
    )


class SuspensionForm(forms.Form):
    person = forms.CharField(
        label=_("Username or email address of the person"),
        max_length=254,
        help_text=_("The username people mention them by (without the @), or their address."),
    )
    reason = forms.CharField(
        label=_("Reason, shown to the person"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    ends = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The suspension ends at the start of this day (UTC). Empty: until lifted."),
    )

    def clean_person(self) -> Any:
        given = self.cleaned_data["person"].strip().lstrip("@")
        people = get_user_model().objects.filter(is_active=True)
        user = (
            people.filter(email__iexact=given).first()
            if "@" in given
            else people.filter(username__iexact=given).first()
        )
        if user is None:
            raise forms.ValidationError(
                _("No active account has the username or address “%(given)s”.") % {"given": given}
            )
        return user
