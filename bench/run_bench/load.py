"""Load generation for bench/run.py: wrk, or a Python fallback."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from run_bench.config import FALLBACK_WARNING, HOST, WRK_MISSING, BenchError, log

# -- load generation -------------------------------------------------------


@dataclass
class Load:
    """One measurement: `connections` clients hammering one URL."""

    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int  # socket errors, and answers other than 2xx or 3xx
    # CPU time the server's processes spent per request, from /proc: unlike
    # req/s, other work on the machine hardly moves it.
    cpu_ms: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


# url, seconds, connections, Cookie header ("" for an anonymous visitor)
LoadGenerator = Callable[[str, float, int, str], Load]

_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise BenchError(f"cannot read wrk's latency {text!r}")
    return float(match.group(1)) * _WRK_UNITS[match.group(2)]


def parse_wrk(output: str) -> Load:
    """Read wrk's `--latency` report."""
    percentiles = {
        int(m.group(1)): _wrk_ms(m.group(2))
        for m in re.finditer(r"^\s+(\d+)%\s+(\S+)\s*$", output, re.MULTILINE)
    }
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    if total is None or 50 not in percentiles or 99 not in percentiles:
        raise BenchError(f"cannot read wrk's report:\n{output}")
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if sockets:
        errors += sum(int(n) for n in sockets.groups())
    return Load(
        requests=int(total.group(1)),
        seconds=_wrk_ms(total.group(2) + total.group(3)) / 1000,
        p50_ms=percentiles[50],
        p99_ms=percentiles[99],
        errors=errors,
    )


def wrk_load(url: str, seconds: float, connections: int, cookie: str = "") -> Load:
    argv = [
        "wrk",
        "--threads",
        "1",  # one is plenty below 100k req/s, and leaves the servers a core
        "--connections",
        str(connections),
        "--duration",
        f"{max(1, round(seconds))}s",
        "--timeout",
        "5s",
        "--latency",
        "--header",
        "Accept-Encoding: br, gzip",
        *(["--header", f"Cookie: {cookie}"] if cookie else []),
        url,
    ]
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=seconds + 30, check=False
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"wrk on {url} did not finish in {seconds + 30:.0f} s.") from None
    if done.returncode != 0:
        raise BenchError(f"wrk on {url} failed:\n{done.stderr or done.stdout}")
    return parse_wrk(done.stdout)


def python_load(url: str, seconds: float, connections: int, cookie: str = "") -> Load:
    """A bounded keep-alive load generator, for machines without wrk.

    One thread per connection; the GIL makes it much slower than wrk, so it
    caps the throughput it can show, fast pages first.
    """
    parts = urllib.parse.urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.monotonic() + seconds
    max_requests = 200_000  # per connection: a bound, far above reach
    latencies: list[list[float]] = [[] for _ in range(connections)]
    errors = [0] * connections

    def client(i: int) -> None:
        conn = http.client.HTTPConnection(parts.hostname or HOST, parts.port or 80, timeout=5)
        try:
            for _ in range(max_requests):
                if time.monotonic() >= deadline:
                    break
                start = time.perf_counter()
                try:
                    headers = {"Accept-Encoding": "br, gzip"}
                    if cookie:
                        headers["Cookie"] = cookie
                    conn.request("GET", path, headers=headers)
                    response = conn.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    errors[i] += 1
                    conn.close()
                    continue
                latencies[i].append((time.perf_counter() - start) * 1000)
                if response.status >= 400:
                    errors[i] += 1
        finally:
            conn.close()

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 30)
    elapsed = time.monotonic() - started
    merged = sorted(x for per in latencies for x in per)
    if not merged:
        raise BenchError(f"no request to {url} succeeded.")

    def pct(q: float) -> float:
        return merged[min(len(merged) - 1, int(q * len(merged)))]

    return Load(len(merged), elapsed, pct(0.50), pct(0.99), sum(errors))


def choose_load_generator(name: str) -> tuple[str, LoadGenerator]:
    if name in ("auto", "wrk") and shutil.which("wrk"):
        return "wrk (1 thread)", wrk_load
    if name == "wrk":
        raise BenchError(WRK_MISSING)
    if name == "auto":
        log(f"{WRK_MISSING}\n{FALLBACK_WARNING}")
    return "Python threads (fallback; install wrk)", python_load
