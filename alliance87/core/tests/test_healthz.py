"""/healthz tells a load balancer whether this process can serve."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.utils import ConnectionHandler
from django.test import Client
from pytest_django import Settings

pytestmark = pytest.mark.django_db


def unreachable_databases(settings: Settings) -> ConnectionHandler:
    """Return connections whose default database, of the engine under test,
    is at an address where nothing answers."""
    engine = settings.DATABASES["default"]["ENGINE"]
    if engine.endswith("sqlite3"):
        default = {"ENGINE": engine, "NAME": "/nonexistent/folder/hub.sqlite3"}
    else:
        default = {
            "ENGINE": engine,
            "NAME": "alliance87",
            "USER": "nobody",
            "HOST": "127.0.0.1",
            "PORT": "1",  # nothing listens on port 1
            "OPTIONS": {"connect_timeout": 2},
        }
    return ConnectionHandler({"default": default})


def test_healthz_answers_200_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_is_never_cached(client: Client) -> None:
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_over_plain_http_with_the_https_redirect_on(
    client: Client, settings: Settings
) -> None:
    # Load balancers probe the process directly, without TLS.
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz")
    assert response.status_code == 200


def test_healthz_answers_503_when_the_database_is_unreachable(
    client: Client, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("alliance87.core.views.connections", unreachable_databases(settings))
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_answers_503_when_queries_fail(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An outage of an open connection: the server went away mid-session.
    def cursor(self: Any) -> Any:
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "unreachable"
