from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from alliance87.accounts import roles
from alliance87.partners.models import Organisation


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_("The organisation the new account belongs to, if any."),
    )


class PeopleSearchForm(forms.Form):
    """The Secretariat's search for an account, on the accounts page."""

    q = forms.CharField(label=_("Email or name"), required=False, max_length=100)


class RoleAssignForm(forms.Form):
    kind = forms.ChoiceField(label=_("Role"))
    scope = forms.ChoiceField(
        label=_("For"),
        required=False,
        help_text=_(
            "Choose what the role is for: a country for a focal point, a group for a chair "
            "or member, an organisation for a partner."
        ),
        error_messages={"invalid_choice": _("Choose what this role is for from the list.")},
    )
    # A role kind with scopes needs one (checked in clean()).
    conditionally_required = frozenset({"scope"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        kinds = [k for k in roles.kinds() if k.assign is not None]
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)
        kind.choices = [(k.key, k.label) for k in kinds]
        scope = self.fields["scope"]
        assert isinstance(scope, forms.ChoiceField)
        scope.choices = [
            ("", _("(no scope)")),
            *((k.label, k.scopes()) for k in kinds if k.scopes is not None),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = roles.get_kind(data.get("kind", ""))
        if kind is None:
            return data
        scope = data.get("scope", "")
        # A value of no kind's list: the field has said so.
        if kind.scopes is not None and "scope" not in self.errors:
            allowed = dict(kind.scopes())
            if scope not in allowed:
                self.add_error("scope", _("Choose what this role is for from the list."))
        data["kind_obj"] = kind
        return data


class ErasureForm(forms.Form):
    reason = forms.CharField(
        label=_("Anything the Secretariat should know"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account will be deleted and my name removed."),
        required=True,
    )


ALREADY_USED = _(
    "This code has already been used. Wait for your app to show the next code, then enter it."
)


def code_already_used(user: Any, code: str) -> bool:
    """Return True if `code` is a right code of `user`'s authenticator app
    that was already used (each code signs in once)."""
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal import auth
    from allauth.mfa.utils import decrypt

    for authenticator in Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP):
        totp = authenticator.wrap()
        secret = decrypt(authenticator.data["secret"])
        if auth.validate_totp_code(secret, code) and auth.cache.get(
            totp._get_used_cache_key(code)
        ):
            return True
    return False


def _tell_a_used_code_apart(form_class: type[forms.Form]) -> type[forms.Form]:
    """Return a subclass of allauth's second-factor form that says "already
    used" rather than "incorrect" for a right code entered twice."""

    class Form(form_class):  # type: ignore[valid-type,misc]
        def clean_code(self) -> str:
            try:
                return str(super().clean_code())
            except forms.ValidationError:
                if code_already_used(self.user, self.cleaned_data.get("code", "")):
                    raise forms.ValidationError(ALREADY_USED, code="used") from None
                raise

    Form.__name__ = Form.__qualname__ = form_class.__name__
    return Form


def _allauth_forms() -> tuple[type[forms.Form], type[forms.Form]]:
    from allauth.mfa.base.forms import AuthenticateForm, ReauthenticateForm

    return _tell_a_used_code_apart(AuthenticateForm), _tell_a_used_code_apart(ReauthenticateForm)


SecondFactorForm, SecondFactorReauthenticateForm = _allauth_forms()

KEY_NAME = _("Name of the key")
KEY_NAME_HELP = _("So that you can tell your keys apart, e.g. “Work laptop”.")


def _key_forms() -> tuple[type[forms.Form], type[forms.Form]]:
    """Return allauth's forms that add and rename a passkey, in the Hub's
    words (allauth's own labels are missing from its Spanish catalogue)."""
    from allauth.mfa.webauthn.forms import AddWebAuthnForm, EditWebAuthnForm

    class AddKeyForm(AddWebAuthnForm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["name"].label = KEY_NAME
            self.fields["name"].help_text = KEY_NAME_HELP
            if "passwordless" in self.fields:
                self.fields["passwordless"].label = _(
                    "Make it a passkey: sign in with this key alone, without your password"
                )
                self.fields["passwordless"].help_text = _(
                    "The key then asks for your fingerprint, face or PIN each time."
                )

    class RenameKeyForm(EditWebAuthnForm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["name"].label = KEY_NAME
            self.fields["name"].help_text = KEY_NAME_HELP

    return AddKeyForm, RenameKeyForm


AddKeyForm, RenameKeyForm = _key_forms()


def _sign_in_form() -> type[forms.Form]:
    """Return allauth's sign-in form in the Hub's words: labels only, no
    placeholders repeating them (they vanish as one types)."""
    from allauth.account.forms import LoginForm

    class SignInForm(LoginForm):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.fields["login"].label = _("Email address")
            self.fields["remember"].label = _("Keep me signed in on this device")
            for name in ("login", "password"):
                self.fields[name].widget.attrs.pop("placeholder", None)

    return SignInForm


SignInForm = _sign_in_form()
