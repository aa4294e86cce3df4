"""
Outgoing email (settings.py's header: EMAIL_*, DEFAULT_FROM_EMAIL): SMTP
when EMAIL_HOST is set, else the console; and the mail provider's tracking
webhook's secret (MAIL_WEBHOOK_SECRET) and Mailgun's webhook signing key
(MAILGUN_WEBHOOK_SIGNING_KEY).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from alliance87.environment import env, envbool, envint, envsecret

EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = envint("EMAIL_PORT", 25, minimum=1)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    # Django's defaults: the console reads none of them.
    EMAIL_PORT = 25
    EMAIL_HOST_USER = ""
    EMAIL_HOST_PASSWORD = ""
    EMAIL_USE_TLS = False
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Alliance 8.7 Hub <hub@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The mail provider's tracking webhook (comms/webhooks.py, read through
# django-anymail, which is given it there): its basic-auth secret,
# "user:password".
MAIL_WEBHOOK_SECRET = envsecret("MAIL_WEBHOOK_SECRET", "")
if MAIL_WEBHOOK_SECRET and ":" not in MAIL_WEBHOOK_SECRET:
    raise ImproperlyConfigured("MAIL_WEBHOOK_SECRET must be user:password.")
# Mailgun's "HTTP webhook signing key" (its control panel, Webhooks): the
# key of the HMAC it signs each webhook payload with. Without it the
# webhook's mailgun address answers 404.
MAILGUN_WEBHOOK_SIGNING_KEY = envsecret("MAILGUN_WEBHOOK_SIGNING_KEY", "")
# Postal's webhook public key (its server's settings, or its DNS record
# rp._domainkey's "p=" value: base64, no PEM lines): Postal signs each
# webhook payload with the matching private key (RSA, SHA-1). Without it
# the webhook's postal address answers 404; a key that is not one stops
# the Hub at start rather than at the first webhook.
POSTAL_WEBHOOK_KEY = "".join(envsecret("POSTAL_WEBHOOK_KEY", "").split())
if POSTAL_WEBHOOK_KEY:
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        load_pem_public_key(
            f"-----BEGIN PUBLIC KEY-----\n{POSTAL_WEBHOOK_KEY}\n-----END PUBLIC KEY-----".encode()
        )
    except ValueError as error:
        raise ImproperlyConfigured(
            "POSTAL_WEBHOOK_KEY must be Postal's public key (base64)."
        ) from error
# The newsletter stops sending to an address the provider reports
# NEWSLETTER_SOFT_BOUNCE_LIMIT temporary bounces for within
# NEWSLETTER_SOFT_BOUNCE_DAYS days (comms/services/newsletter.py).
NEWSLETTER_SOFT_BOUNCE_LIMIT = envint("NEWSLETTER_SOFT_BOUNCE_LIMIT", 3, minimum=1)
NEWSLETTER_SOFT_BOUNCE_DAYS = envint("NEWSLETTER_SOFT_BOUNCE_DAYS", 30, minimum=1)
