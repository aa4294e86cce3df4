"""Register the Hub's test support for every test folder.

The fixtures live in alliance87/testing/fixtures.py, the personas and
factories beside them; pytest honours `pytest_plugins` only here, in the
root conftest.
"""

import pytest

# The helpers' own asserts report their values, as a test's do.
pytest.register_assert_rewrite("alliance87.testing")

pytest_plugins = [
    "alliance87.testing.fixtures",
    # Every audit entry a service writes must name the service's acting_user.
    "alliance87.testing.audit_actor",
]
