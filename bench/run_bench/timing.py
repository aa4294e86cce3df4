"""The page timing of bench/run.py: each page (a cell) measured in
rounds, with the CPU time of its server and of the rest of the machine."""

from __future__ import annotations

import os
import resource
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from run_bench.config import BenchError, log
from run_bench.load import Load, LoadGenerator
from run_bench.servers import Server, http_get


@dataclass
class Cell:
    """One URL on one server, measured over several rounds."""

    server: Server
    path: str
    rounds: list[Load] = field(default_factory=list)
    cookie: str = ""  # a signed-in visitor's session, or "" for anonymous

    @property
    def url(self) -> str:
        return self.server.base + self.path

    @property
    def rps(self) -> float:
        return statistics.median(r.rps for r in self.rounds)

    @property
    def p50_ms(self) -> float:
        return statistics.median(r.p50_ms for r in self.rounds)

    @property
    def p99_ms(self) -> float:
        return statistics.median(r.p99_ms for r in self.rounds)

    @property
    def tail(self) -> float:
        """p99 over p50, the median of the rounds' own ratios."""
        return statistics.median(r.p99_ms / r.p50_ms for r in self.rounds)

    @property
    def cpu_ms(self) -> float | None:
        values = [r.cpu_ms for r in self.rounds if r.cpu_ms is not None]
        return statistics.median(values) if values else None

    @property
    def cores(self) -> float | None:
        """Return how many cores the server kept busy: the median of the
        rounds' req/s times CPU per request."""
        values = [r.rps * r.cpu_ms / 1000 for r in self.rounds if r.cpu_ms is not None]
        return statistics.median(values) if values else None

    def share_of(self, other: Cell) -> float:
        """Return this cell's req/s over `other`'s: the median of the ratios
        of each round, whose two measurements were taken seconds apart."""
        return statistics.median(
            a.rps / b.rps for a, b in zip(self.rounds, other.rounds, strict=True)
        )

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.rounds)

    @property
    def spread(self) -> str:
        values = [r.rps for r in self.rounds]
        return f"{min(values):,.0f}–{max(values):,.0f}"


def check_url(url: str, cookie: str = "") -> dict[str, str]:
    status, headers, _ = http_get(url, {"Cookie": cookie} if cookie else None)
    if status != 200:
        raise BenchError(f"{url} answered {status}, not 200: nothing to measure.")
    return headers


def measure(
    cells: Sequence[Cell],
    load: LoadGenerator,
    *,
    seconds: float,
    rounds: int,
    connections: int,
    others: list[float],
) -> None:
    """Warm every cell up, then measure them in rounds, the order reversed
    each round so that a drift of the machine's load falls on all alike."""
    for cell in cells:
        check_url(cell.url, cell.cookie)
        load(cell.url, 1, connections, cell.cookie)
    for n in range(rounds):
        order = list(cells) if n % 2 == 0 else list(reversed(cells))
        for cell in order:
            cell.server.check_alive()
            before = CpuSnapshot.take(cell.server)
            result = load(cell.url, seconds, connections, cell.cookie)
            after = CpuSnapshot.take(cell.server)
            cell.server.check_alive()
            server_seconds, others_cores = after.since(before)
            if server_seconds is not None:
                result.cpu_ms = server_seconds * 1000 / max(1, result.requests)
            if others_cores is not None:
                others.append(others_cores)
            log(
                f"round {n + 1}/{rounds} {cell.server.name} {cell.path}: "
                f"{result.rps:,.0f} req/s, p50 {result.p50_ms:.2f} ms, "
                f"p99 {result.p99_ms:.2f} ms, CPU {fmt_ms(result.cpu_ms)} ms/request, "
                f"errors {result.errors}, other processes {fmt_ms(others_cores)} cores"
            )
            cell.rounds.append(result)


@dataclass(frozen=True)
class CpuSnapshot:
    """CPU seconds used so far by a server, by the bench and its finished
    children (wrk), and by the whole machine; None where /proc is missing."""

    at: float
    server: float | None
    own: float
    machine: float | None

    @classmethod
    def take(cls, server: Server) -> CpuSnapshot:
        return cls(
            time.monotonic(), server.cpu_seconds(), own_cpu_seconds(), machine_cpu_seconds()
        )

    def since(self, before: CpuSnapshot) -> tuple[float | None, float | None]:
        """Return the server's CPU seconds since `before`, and the cores the
        rest of the machine kept busy meanwhile."""
        server = None
        if self.server is not None and before.server is not None:
            # Less than before: a worker died and took its count with it.
            server = self.server - before.server if self.server >= before.server else None
        others = None
        if server is not None and self.machine is not None and before.machine is not None:
            ours = server + (self.own - before.own)
            spent = self.machine - before.machine
            others = max(0.0, spent - ours) / max(0.001, self.at - before.at)
        return server, others


def own_cpu_seconds() -> float:
    """Return the CPU time of this process and its finished children (wrk)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def machine_cpu_seconds() -> float | None:
    """Return the busy CPU time of the whole machine, from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def fmt_ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def fmt_cpu(cell: Cell) -> str:
    """Return CPU ms per request, with the cores the server kept busy."""
    if cell.cpu_ms is None or cell.cores is None:
        return "–"
    return f"{cell.cpu_ms:.2f} ({cell.cores:.1f})"
