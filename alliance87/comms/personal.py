"""What communications hold about a person, for their data export and
their erasure (hooks.PERSONAL_DATA): their newsletter subscription (found
by their account's address, or by the account) with what the mail
provider reported about the address, their survey responses and the
survey reminders sent to them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q


def _subscriptions(user: Any) -> Any:
    from alliance87.comms.models import Subscriber

    email = (getattr(user, "email", "") or "").strip().lower()
    found = Q(user=user.pk) | Q(email=email) if email else Q(user=user.pk)
    return Subscriber.objects.filter(found)


def export(user: Any, person: Any) -> dict[str, Any]:
    from alliance87.accounts.personal_data import row
    from alliance87.comms.models import Answer, ReminderDelivery

    return {
        "newsletter": [
            {
                **row(s),
                "topics": [t.slug for t in s.themes.all()],
                "mail_events": [row(e) for e in s.mail_events.order_by("pk")],
            }
            for s in _subscriptions(user).order_by("pk")
        ],
        "survey_answers": [
            row(a) for a in Answer.objects.filter(response__respondent=user.pk).order_by("pk")
        ],
        "survey_reminders": [
            {**row(d), "survey": d.reminder.survey.slug}
            for d in ReminderDelivery.objects.filter(user=user.pk)
            .select_related("reminder__survey")
            .order_by("pk")
        ],
    }


def erase(user: Any, person: Any) -> None:
    """Remove the subscription and the record of reminders sent to them;
    survey responses stay, named by no one (their respondent is cleared
    when the account is deleted)."""
    from alliance87.comms.models import ReminderDelivery

    _subscriptions(user).delete()
    ReminderDelivery.objects.filter(user=user.pk).delete()
