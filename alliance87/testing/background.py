"""Tasks for the tests of retries, the schedule and the workers
(core/tests/test_worker.py, test_rq.py): each leaves a line in a file, so
that a test sees which runs happened, even in a worker of its own."""

from __future__ import annotations

from pathlib import Path

from alliance87.core.tasks import task


def _runs(path: str) -> int:
    file = Path(path)
    return len(file.read_text().splitlines()) if file.exists() else 0


@task()
def fail_first(path: str, failures: int) -> int:
    """Fail the first `failures` runs, then succeed; return the run's number."""
    with Path(path).open("a", encoding="utf-8") as f:
        f.write("run\n")
    runs = _runs(path)
    if runs <= failures:
        raise ConnectionError(f"run {runs} of {failures} failing")
    return runs


@task()
def leave_a_mark(path: str) -> None:
    """Leave a line: the schedule's test job."""
    with Path(path).open("a", encoding="utf-8") as f:
        f.write("ran\n")
