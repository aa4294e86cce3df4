from __future__ import annotations

from typing import Any

import pytest
from allauth.account.models import EmailAddress

from alliance87.test import totp_code


def verified(user: Any) -> Any:
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def current_code() -> str:
    return totp_code()


@pytest.fixture
def accounts(personas: Any) -> Any:
    for user in (personas.secretariat, personas.partner, personas.outsider):
        verified(user)
    return personas
