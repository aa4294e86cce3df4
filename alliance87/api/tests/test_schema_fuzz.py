"""
Schemathesis against /api/v1/openapi.json, in process, on the demo data:
for each persona (anonymous, partner, focal point, Secretariat, each
with a token that may write), every operation is called with requests
generated from the schema, and every answer must be no server error and
must match the schema (status, content type, body, headers).

`make test` runs it on SQLite only (not again on PostgreSQL) with
API_FUZZ_EXAMPLES=2 examples per operation and persona. Schemathesis's
coverage phase (boundary values, missing and wrong-typed fields: some 300
cases for a large body) is nearly all of the cost; `make test` runs it for
the anonymous visitor (every refusal before the handler) and the
Secretariat (who reaches every handler past validation, which the API
does before the handler for every persona alike), and the partner and
focal point get the generated examples only. `make fuzz-api`
(API_FUZZ_EXAMPLES=60, API_FUZZ_COVERAGE=all) runs the coverage phase for
all four and 60 generated cases per operation (68 operations x 60 = 4,080
a persona). Each run prints how many cases each persona sent. Every
operation of the schema is taken (`schema.parametrize()`): an endpoint
joins by being in the schema.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings

from alliance87.api.api import api
from alliance87.api.services import create_token

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "2"))
pytestmark = pytest.mark.api_fuzz
SENT: Counter[str] = Counter()
DEMO = "demo.alliance87.example"
PERSONAS = {
    "anonymous": None,
    "partner": f"partner@{DEMO}",
    "focal point": f"focal-point@{DEMO}",
    "secretariat": f"secretariat@{DEMO}",
}

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
# The same schema, its coverage phase left to `make fuzz-api`.
generated_only = schemathesis.openapi.from_dict(api.get_openapi_schema())
generated_only.config.phases.coverage.enabled = (
    os.environ.get("API_FUZZ_COVERAGE", "some") == "all"
)
COVERED = ["anonymous", "secretariat"]
# The WSGI application itself, every middleware included (the project's
# wsgi module refuses to start with the demo key, as a production start
# must).
application = get_wsgi_application()


@pytest.fixture
def calls_for(demo: None, settings: Any) -> Any:
    # The rate limits are checked elsewhere (test_writes.py); here they
    # would only stop the generated calls.
    settings.API_RATE_PER_ADDRESS = 10**9
    settings.API_RATE_PER_TOKEN = 10**9
    tokens: dict[str, dict[str, str]] = {}

    def headers(persona: str) -> dict[str, str]:
        email = PERSONAS[persona]
        if email is None:
            return {}
        if persona not in tokens:
            user = get_user_model().objects.get(email=email)
            secret = create_token(user, name="fuzz", scope="write", days=1, acting_user=user)[1]
            tokens[persona] = {"Authorization": f"Bearer {secret}"}
        return tokens[persona]

    return headers


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)


@schema.parametrize()
@pytest.mark.parametrize("persona", COVERED)
@FUZZ
def test_every_answer_matches_the_schema(case: Any, persona: str, calls_for: Any) -> None:
    check_answer(case, persona, calls_for)


@generated_only.parametrize()
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p not in COVERED])
@FUZZ
def test_every_answer_to_generated_calls_matches_the_schema(
    case: Any, persona: str, calls_for: Any
) -> None:
    check_answer(case, persona, calls_for)


def check_answer(case: Any, persona: str, calls_for: Any) -> None:
    # Schemathesis's WSGI transport asks for gzip and does not unzip it.
    headers = {"Accept-Encoding": "identity", **calls_for(persona)}
    SENT[persona] += 1
    response = case.call(app=application, base_url="https://localhost", headers=headers)
    if response.status_code == 413:
        # Refused for its size before it is read (core's body limit): a
        # refusal, which schemathesis's negative-data check does not count
        # as one. The answer is still a problem document.
        assert response.json()["status"] == 413
        return
    case.validate_response(response)


def teardown_module() -> None:
    print(f"\nschemathesis cases sent, by persona: {dict(SENT)}")
