"""
Accounts (django-allauth): sign in by email, sign up by invitation only,
verified addresses, rate limits, multi-factor authentication that the
Secretariat must use (alliance87.accounts.middleware.require_staff_mfa),
and how passwords are hashed and checked. No environment variable changes
them.
"""

from __future__ import annotations

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "alliance87.accounts.backends.SecretariatPermissions",
]
ACCOUNT_ADAPTER = "alliance87.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "alliance87.accounts.forms.SignInForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/m/ip",
    "reset_password": "10/m/ip,3/5m/key",
    "reset_password_from_key": "10/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# A right code entered twice is told apart from a wrong one.
MFA_FORMS = {
    "authenticate": "alliance87.accounts.forms.SecondFactorForm",
    "reauthenticate": "alliance87.accounts.forms.SecondFactorReauthenticateForm",
    "add_webauthn": "alliance87.accounts.forms.AddKeyForm",
    "edit_webauthn": "alliance87.accounts.forms.RenameKeyForm",
}
MFA_PASSKEY_LOGIN_ENABLED = True
# Never on: it would accept any origin, and python-fido2 already accepts
# http://localhost for a demo.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = False
MFA_TOTP_ISSUER = "Alliance 8.7 Hub"
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
# Argon2id first: memory-hard hashing for every new or upgraded password.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
