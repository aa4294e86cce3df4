"""A production start with the published demo key refuses to run."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from pytest_django import Settings

from alliance87.core.checks import check_demo_secret_key, refuse_unsafe_start
from alliance87.settings import DEMO_SECRET_KEY

REAL_KEY = secrets.token_urlsafe(50)


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `alliance87 ARGS` in a fresh process, as an operator would."""
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "SECRET_KEY_FILE", "DJANGO_SETTINGS_MODULE"}
    }
    environ.update(env)
    return subprocess.run(
        [sys.executable, "-m", "alliance87.cli", *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestCheck:
    def test_demo_key_with_debug_off_is_critical(self, settings: Settings) -> None:
        settings.DEBUG = False
        settings.SECRET_KEY = DEMO_SECRET_KEY
        problems = check_demo_secret_key()
        assert len(problems) == 1
        assert problems[0].level == checks.CRITICAL
        assert problems[0].id == "alliance87.E001"
        assert "SECRET_KEY" in problems[0].msg

    def test_demo_key_with_debug_on_is_allowed(self, settings: Settings) -> None:
        settings.DEBUG = True
        settings.SECRET_KEY = DEMO_SECRET_KEY
        assert check_demo_secret_key() == []

    def test_another_key_with_debug_off_is_allowed(self, settings: Settings) -> None:
        settings.DEBUG = False
        settings.SECRET_KEY = REAL_KEY
        assert check_demo_secret_key() == []

    def test_check_is_registered_for_every_start(self, settings: Settings) -> None:
        settings.DEBUG = False
        settings.SECRET_KEY = DEMO_SECRET_KEY
        ids = [problem.id for problem in checks.run_checks()]
        assert "alliance87.E001" in ids


class TestRefuseUnsafeStart:
    def test_raises_with_the_demo_key_and_debug_off(self, settings: Settings) -> None:
        settings.DEBUG = False
        settings.SECRET_KEY = DEMO_SECRET_KEY
        with pytest.raises(ImproperlyConfigured, match="SECRET_KEY"):
            refuse_unsafe_start()

    def test_lets_a_real_key_start(self, settings: Settings) -> None:
        settings.DEBUG = False
        settings.SECRET_KEY = REAL_KEY
        refuse_unsafe_start()


class TestCommandLine:
    def test_check_without_secret_key_and_debug_off_exits_with_a_clear_message(self) -> None:
        result = run_cli("check", DEBUG="false")
        assert result.returncode != 0
        assert "alliance87.E001" in result.stderr
        assert "SECRET_KEY is the demo key" in result.stderr
        assert "SECRET_KEY_FILE" in result.stderr  # the hint says how to fix it

    def test_deploy_check_passes_with_production_settings(self) -> None:
        result = run_cli(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DEBUG="false",
            HTTPS="true",
            SECRET_KEY=REAL_KEY,
        )
        assert result.returncode == 0, result.stderr
        assert "no issues" in result.stdout

    def test_deploy_check_warns_when_https_is_off(self) -> None:
        result = run_cli(
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
            DEBUG="false",
            HTTPS="false",
            SECRET_KEY=REAL_KEY,
        )
        assert result.returncode != 0
        assert "security.W008" in result.stderr  # SECURE_SSL_REDIRECT
