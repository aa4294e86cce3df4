"""The OpenAPI schema of a thread's posts says which post a moderator hid:
`hidden`, a boolean every item carries (its text and author are then
empty: test_community_reads.py)."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_schema_marks_every_post_hidden_or_not() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    path = schema["paths"]["/api/v1/community/spaces/{slug}/threads/{thread_id}/posts"]
    listed = path["get"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    components = schema["components"]["schemas"]
    items = components[listed.rsplit("/", 1)[1]]["properties"]["items"]["items"]["$ref"]
    post = components[items.rsplit("/", 1)[1]]
    assert post["properties"]["hidden"]["type"] == "boolean"
    assert {"hidden", "author", "text", "html"} <= set(post["required"])
