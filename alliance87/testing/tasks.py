"""A task for the tests of the task mechanism (core/tests/test_tasks.py):
it leaves a line in a file, so that a test sees that a worker ran it."""

from __future__ import annotations

from pathlib import Path

from alliance87.core.tasks import task


@task()
def leave_a_line(path: str, line: str) -> str:
    with Path(path).open("a", encoding="utf-8") as f:
        f.write(line + "\n")
    return line
