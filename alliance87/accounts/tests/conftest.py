"""The accounts' own fixture: the personas, with verified email addresses."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.testing.personas import verified


@pytest.fixture
def accounts(personas: Any) -> Any:
    for user in (personas.secretariat, personas.partner, personas.outsider):
        verified(user)
    return personas
