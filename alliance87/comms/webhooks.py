"""The mail provider's tracking webhook: bounces, complaints and
unsubscriptions reported for newsletter subscribers.

django-anymail reads each provider's payload into one normalised event
(`AnymailTrackingEvent`) and checks the HTTP basic auth the provider is
configured to send (`MAIL_WEBHOOK_SECRET`). The view below calls its
validators and parser itself rather than its own view, so that a missing
or wrong secret answers 401, and a payload it cannot read 400: never 500
(anymail's view answers 400 for both, and 500 for a body that is not
JSON).

The providers whose webhooks are secured by basic auth alone are
offered (Resend among them: its Svix signature is not checked, which
anymail does only with the svix package, not installed), and two that
also sign each payload: Mailgun with its webhook signing key
(`MAILGUN_WEBHOOK_SIGNING_KEY`; anymail checks the HMAC) and Postal with
its server's private key (`POSTAL_WEBHOOK_KEY`, the public key; anymail
checks the RSA signature). A wrong signature answers 401 like a wrong
secret. Amazon SES is not offered (anymail's view needs boto3, which the
Hub does not install); anymail no longer supports SendGrid.
"""

from __future__ import annotations

import logging
from typing import Any

from anymail.exceptions import AnymailWebhookValidationFailure
from anymail.signals import EventType
from anymail.webhooks.brevo import BrevoTrackingWebhookView
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.mailjet import MailjetTrackingWebhookView
from anymail.webhooks.postal import PostalTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from anymail.webhooks.resend import ResendTrackingWebhookView
from anymail.webhooks.sparkpost import SparkPostTrackingWebhookView
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from alliance87.comms import services
from alliance87.comms.models import MailEventKind

logger = logging.getLogger(__name__)

PROVIDERS: dict[str, Any] = {
    "brevo": BrevoTrackingWebhookView,
    "mailgun": MailgunTrackingWebhookView,
    "mailjet": MailjetTrackingWebhookView,
    "postal": PostalTrackingWebhookView,
    "postmark": PostmarkTrackingWebhookView,
    "resend": ResendTrackingWebhookView,
    "sparkpost": SparkPostTrackingWebhookView,
}
# The providers that sign each payload, and the setting that holds the key
# anymail checks it with (given to the view as this keyword): without it
# their address answers 404.
SIGNING_KEYS = {
    "mailgun": ("MAILGUN_WEBHOOK_SIGNING_KEY", "webhook_signing_key"),
    "postal": ("POSTAL_WEBHOOK_KEY", "webhook_key"),
}

# anymail's normalised event types the newsletter acts on; the others
# (opened, clicked, queued...) are not recorded; "delivered" only restarts
# the count of temporary bounces.
KINDS = {
    EventType.BOUNCED: MailEventKind.HARD_BOUNCE,
    EventType.DEFERRED: MailEventKind.SOFT_BOUNCE,
    EventType.COMPLAINED: MailEventKind.COMPLAINT,
    EventType.UNSUBSCRIBED: MailEventKind.UNSUBSCRIBE,
}


def kind_of(event: Any) -> MailEventKind | None:
    """The kind of `event` for the newsletter, or None to ignore it.

    anymail reports Postmark's "SoftBounce" as bounced; Postmark's own
    type says it is temporary, so it is counted as a soft bounce. anymail
    reports Postal's "HardFail" (delivery failed for good, not retried) as
    failed, which it keeps for a provider's own refusal to send: it is a
    permanent bounce of the address.
    """
    kind = KINDS.get(event.event_type)
    esp_event = event.esp_event if isinstance(event.esp_event, dict) else {}
    if kind == MailEventKind.HARD_BOUNCE and esp_event.get("Type") == "SoftBounce":
        return MailEventKind.SOFT_BOUNCE
    payload = esp_event.get("payload")
    if (
        event.event_type == EventType.FAILED
        and isinstance(payload, dict)
        and payload.get("status") == "HardFail"
    ):
        return MailEventKind.HARD_BOUNCE
    return kind


def _unauthorised() -> HttpResponse:
    response = HttpResponse("Missing or wrong credentials.\n", status=401)
    response["WWW-Authenticate"] = 'Basic realm="mail events"'
    return response


@csrf_exempt  # the provider posts; basic auth is the credential
@require_POST
def mail_events(request: HttpRequest, provider: str) -> HttpResponse:
    """Record the bounces, complaints and unsubscriptions a provider reports."""
    view_class = PROVIDERS.get(provider)
    if view_class is None or not settings.MAIL_WEBHOOK_SECRET:
        raise Http404("No such webhook.")
    # The secret (and key) given to the view itself: anymail's ANYMAIL
    # setting is not used, so no other path can leave its webhooks open.
    credentials = {"webhook_secret": settings.MAIL_WEBHOOK_SECRET}
    if provider in SIGNING_KEYS:
        setting, keyword = SIGNING_KEYS[provider]
        if not getattr(settings, setting):
            raise Http404("No such webhook.")
        credentials[keyword] = getattr(settings, setting)
    view = view_class(**credentials)
    try:
        view.run_validators(request)
    except AnymailWebhookValidationFailure:
        return _unauthorised()
    try:
        events = list(view.parse_events(request))
    except Exception:
        # A forged or broken payload: anymail's parsers raise whatever the
        # bad data makes them raise (JSON, key, type, value errors).
        logger.info("mail events: unreadable %s payload", provider, exc_info=True)
        return HttpResponse("The payload cannot be read.\n", status=400)
    for event in events:
        if event.event_type == EventType.DELIVERED and event.recipient:
            services.record_mail_delivered(
                address=str(event.recipient), occurred_at=event.timestamp, acting_user=None
            )
            continue
        kind = kind_of(event)
        if kind is None or not event.recipient:
            continue
        services.record_mail_event(
            provider=provider,
            kind=kind,
            address=str(event.recipient),
            occurred_at=event.timestamp,
            event_id=str(event.event_id or ""),
            detail=str(event.mta_response or event.description or ""),
            acting_user=None,
        )
    return HttpResponse("OK\n")
