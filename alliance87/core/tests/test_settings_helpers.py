"""The typed readers of environment variables refuse what they cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from alliance87.environment import envbool, envint, envsecret

NAME = "A87_TEST_VARIABLE"


@pytest.fixture(autouse=True)
def _unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NAME, raising=False)
    monkeypatch.delenv(f"{NAME}_FILE", raising=False)


class TestEnvbool:
    def test_unset_gives_the_default(self) -> None:
        assert envbool(NAME, True) is True
        assert envbool(NAME, False) is False

    @pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on", " true "])
    def test_reads_yes(self, monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
        monkeypatch.setenv(NAME, raw)
        assert envbool(NAME, False) is True

    @pytest.mark.parametrize("raw", ["0", "false", "False", "NO", "off"])
    def test_reads_no(self, monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
        monkeypatch.setenv(NAME, raw)
        assert envbool(NAME, True) is False

    @pytest.mark.parametrize("raw", ["maybe", "2", "ture", "y es"])
    def test_refuses_anything_else_naming_the_variable(
        self, monkeypatch: pytest.MonkeyPatch, raw: str
    ) -> None:
        monkeypatch.setenv(NAME, raw)
        with pytest.raises(ImproperlyConfigured, match=NAME):
            envbool(NAME, True)


class TestEnvint:
    def test_unset_or_empty_gives_the_default(self, monkeypatch: pytest.MonkeyPatch) -> None:
        assert envint(NAME, 300) == 300
        monkeypatch.setenv(NAME, "  ")
        assert envint(NAME, 300) == 300

    def test_reads_a_whole_number(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(NAME, "42")
        assert envint(NAME, 300) == 42

    @pytest.mark.parametrize("raw", ["forty", "4.5", "1e3"])
    def test_refuses_what_is_not_a_whole_number_naming_the_variable(
        self, monkeypatch: pytest.MonkeyPatch, raw: str
    ) -> None:
        monkeypatch.setenv(NAME, raw)
        with pytest.raises(ImproperlyConfigured, match=f"{NAME} must be a whole number"):
            envint(NAME, 300)

    def test_refuses_a_number_below_the_minimum_naming_the_variable(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv(NAME, "0")
        with pytest.raises(ImproperlyConfigured, match=f"{NAME} must be at least 1"):
            envint(NAME, 2, minimum=1)

    def test_refuses_a_negative_number_by_default(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(NAME, "-5")
        with pytest.raises(ImproperlyConfigured, match=NAME):
            envint(NAME, 300)


class TestEnvsecret:
    def test_unset_gives_the_default(self) -> None:
        assert envsecret(NAME, "fallback") == "fallback"

    def test_reads_the_variable(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv(NAME, "s3cret")
        assert envsecret(NAME, "fallback") == "s3cret"

    def test_reads_the_file_named_by_name_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        secret = tmp_path / "secret"
        secret.write_text("from-the-file\n")
        monkeypatch.setenv(f"{NAME}_FILE", str(secret))
        assert envsecret(NAME, "fallback") == "from-the-file"

    def test_file_wins_over_the_variable(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        secret = tmp_path / "secret"
        secret.write_text("from-the-file")
        monkeypatch.setenv(NAME, "from-the-variable")
        monkeypatch.setenv(f"{NAME}_FILE", str(secret))
        assert envsecret(NAME) == "from-the-file"

    def test_refuses_a_file_it_cannot_read_naming_the_variable(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        monkeypatch.setenv(f"{NAME}_FILE", str(tmp_path / "missing"))
        with pytest.raises(ImproperlyConfigured, match=f"{NAME}_FILE"):
            envsecret(NAME, "fallback")
