"""A visitor who is not signed in is sent to sign in first, and back to the
page they asked for (with its query) afterwards, from every library page
that needs an account."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/en/library/submit/"),
        ("post", "/en/library/submit/"),
        ("get", "/en/library/any-resource/edit/"),
        ("post", "/en/library/any-resource/edit/"),
        ("get", "/en/library/review/"),
    ],
)
def test_a_visitor_is_sent_to_sign_in_and_back(method: str, path: str) -> None:
    response = getattr(Client(), method)(path + "?from=list")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=" + quote(
        path + "?from=list", safe="/"
    )
