"""The audit log: every change to every model of the Hub, with its author.

django-auditlog records each create, update and delete with the fields
before and after; its middleware attributes the change to the signed-in
user. Passwords and session data are never recorded.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model

# Fields never written into the log: what proves a secret.
SECRET_FIELDS = {"accounts.invitation": ["token_hash"], "api.apitoken": ["token_hash"]}


def register_models() -> None:
    from auditlog.registry import auditlog

    for model in apps.get_models():
        label = model._meta.label_lower
        if not model.__module__.startswith("alliance87."):
            continue
        if model._meta.auto_created or auditlog.contains(model):
            continue
        m2m = {f.name for f in model._meta.local_many_to_many}
        auditlog.register(model, m2m_fields=m2m, exclude_fields=SECRET_FIELDS.get(label, []))
    user_model = get_user_model()
    if not auditlog.contains(user_model):
        auditlog.register(
            user_model,
            exclude_fields=["password", "last_login"],
            m2m_fields={"groups"},
        )
