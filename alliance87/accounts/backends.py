"""The Secretariat's rights in the back office come from its role alone."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import BaseBackend

from alliance87.core.visibility import is_secretariat


class SecretariatPermissions(BaseBackend):
    """Grant every model permission to the Secretariat (active staff).

    The role is the single source of the Secretariat's rights: no
    per-model permission to keep in step when a model is added.
    """

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return is_secretariat(user_obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return is_secretariat(user_obj)
