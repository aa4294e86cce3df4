"""Test support lives in alliance87/testing/: no module imports from a
conftest.py or from a test module (test_*.py). A test module imported by
another is collected and run twice, its fixtures are registered where
nobody looks for them, and moving a test breaks the tests that borrowed
from it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SEARCHED = ("alliance87", "bench")


def _is_test_support(dotted: str) -> bool:
    last = dotted.rsplit(".", 1)[-1]
    return last.startswith("test_") or last == "conftest"


def forbidden_imports(source: str) -> list[tuple[int, str]]:
    """Return (line, module) for each import of a conftest or test module
    in the Python `source`: `import a.test_b`, `from a.test_b import c`,
    `from a import test_b` (relative imports too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            joined = module if module.endswith(".") else f"{module}."
            modules = [module] + [joined + alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, m) for m in modules if _is_test_support(m)]
    return found


def python_files() -> list[Path]:
    files = [ROOT / "conftest.py"]
    for folder in SEARCHED:
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def test_no_module_imports_from_a_conftest_or_a_test_module() -> None:
    offences = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in python_files()
        for line, module in forbidden_imports(path.read_text(encoding="utf-8"))
    ]
    assert not offences, (
        "Shared test support goes in alliance87/testing/ (fixtures registered by "
        "a conftest.py, or imported from there):\n" + "\n".join(offences)
    )


def test_every_form_of_such_an_import_is_found() -> None:
    source = "\n".join(
        (
            "import alliance87.data.tests.test_sdmx_import",
            "from alliance87.comms.tests.test_news import png",
            "from alliance87.community.tests import test_digests",
            "from .test_surveys import make_survey",
            "from . import conftest",
            "from alliance87.community.tests.conftest import scene",
            # Test support in its place, and look-alikes, are fine.
            "from alliance87.testing.png import png",
            "from alliance87.community.tests.smtp import smtp",
            "from django.test import TestCase",
            "from pytest_django import Settings",
            "import pytest",
        )
    )
    assert forbidden_imports(source) == [
        (1, "alliance87.data.tests.test_sdmx_import"),
        (2, "alliance87.comms.tests.test_news"),
        (3, "alliance87.community.tests.test_digests"),
        (4, ".test_surveys"),
        (5, ".conftest"),
        (6, "alliance87.community.tests.conftest"),
    ]


def test_the_search_covers_the_test_folders() -> None:
    files = {path.relative_to(ROOT).as_posix() for path in python_files()}
    assert "alliance87/comms/tests/test_news.py" in files
    assert "alliance87/community/tests/conftest.py" in files
    assert "bench/run.py" in files
