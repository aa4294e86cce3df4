"""A visitor who is not signed in is sent to sign in first, and back to the
page they asked for (with its query) afterwards, from every campaign page
that needs an account; the method a page refuses is refused before that."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client

CAMPAIGN = "/en/campaigns/any-campaign/"

READ_AND_WRITE = [
    "/en/campaigns/new/",
    CAMPAIGN + "edit/",
    CAMPAIGN + "submit/",
    CAMPAIGN + "activities/new/",
    CAMPAIGN + "images/new/",
    CAMPAIGN + "images/3/",
    CAMPAIGN + "messages/new/",
    CAMPAIGN + "messages/3/",
]
READ_ONLY = [CAMPAIGN + "review/"]
WRITE_ONLY = [
    CAMPAIGN + "publish/",
    CAMPAIGN + "activities/3/remove/",
    CAMPAIGN + "review/3/",
    CAMPAIGN + "images/3/remove/",
    CAMPAIGN + "messages/3/remove/",
    CAMPAIGN + "review/activities/3/",
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path"),
    [("get", p) for p in READ_AND_WRITE + READ_ONLY]
    + [("post", p) for p in READ_AND_WRITE + WRITE_ONLY],
)
def test_a_visitor_is_sent_to_sign_in_and_back(method: str, path: str) -> None:
    response = getattr(Client(), method)(path + "?from=list")
    assert response.status_code == 302
    assert response["Location"] == (
        "/en/accounts/login/?next=" + quote(path + "?from=list", safe="/")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("path", WRITE_ONLY)
def test_a_page_that_only_takes_a_form_refuses_a_visit_before_asking_to_sign_in(
    path: str,
) -> None:
    assert Client().get(path).status_code == 405
