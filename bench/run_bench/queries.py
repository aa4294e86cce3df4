"""The query counts of bench/run.py: each page's queries for an anonymous
visitor, on the demo and on a copy grown by EXTRA_ORGANISATIONS, and the
signed-in persona's cookie."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from run_bench.config import EXTRA_ORGANISATIONS, QUERY_CEILING, SCRUBBED_ENV, BenchError
from run_bench.setup import Setup

# -- queries ---------------------------------------------------------------


@dataclass
class QueryCount:
    path: str
    demo: int | None = None  # cold page cache, the demo data
    grown: int | None = None  # cold page cache, EXTRA_ORGANISATIONS more
    cached: int | None = None  # a page cache hit, the demo data
    error: str = ""
    grown_sql: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            not self.error
            and self.demo is not None
            and self.demo == self.grown
            and self.demo <= QUERY_CEILING
        )


@contextlib.contextmanager
def database_file(path: Path) -> Iterator[None]:
    """Point the default connection at another SQLite file for a while, as
    Django's test runner does when it creates the test database."""
    from django.db import connections

    conn = connections["default"]
    conn.close()
    previous = conn.settings_dict["NAME"]
    conn.settings_dict["NAME"] = str(path)
    try:
        yield
    finally:
        conn.close()
        conn.settings_dict["NAME"] = previous


def grow_directory(count: int) -> None:
    """Add `count` public organisations, through the partners' service,
    with themes, a tenth of them in Nepal (the measured country page)."""
    from django.db import transaction
    from django.utils import translation

    from alliance87.core.models import Theme
    from alliance87.countries.models import Country
    from alliance87.partners.models import Organisation, StakeholderType
    from alliance87.partners.services import save_organisation

    countries = list(Country.objects.order_by("iso3"))
    nepal = next(c for c in countries if c.iso3 == "NPL")
    themes = list(Theme.objects.all())
    types = list(StakeholderType.values)
    with translation.override("en"), transaction.atomic():
        for i in range(count):
            name = f"Bench organisation {i:03d}"
            org = Organisation(
                slug=f"bench-organisation-{i:03d}",
                name=name,
                name_en=name,
                acronym=f"BO{i}",
                acronym_en=f"BO{i}",
                stakeholder_type=types[i % len(types)],
                country=nepal if i % 10 == 0 else countries[i % len(countries)],
                is_partner=i % 2 == 0,
                description=f"An organisation the bench adds ({i}).",
            )
            save_organisation(org, acting_user=None)
            if themes:
                org.themes.set(themes[i % len(themes) :][:3] or themes[:3])


def write_queries(counts: Sequence[QueryCount], path: Path) -> None:
    """Keep the SQL of each page (grown database) for whoever reads a count."""
    with path.open("w") as out:
        for qc in counts:
            out.write(f"# {qc.path}: {len(qc.grown_sql)} queries, grown database\n")
            out.writelines(f"{sql}\n" for sql in qc.grown_sql)
            out.write("\n")


def count_queries(paths: Sequence[str], setup: Setup) -> list[QueryCount]:
    """Count each page's queries for an anonymous visitor, cold page cache,
    on the demo database and on a copy grown by EXTRA_ORGANISATIONS."""
    for name in SCRUBBED_ENV:
        os.environ.pop(name, None)
    os.environ.update(setup.env())
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection, connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()  # lets the test client's host in
    client = Client()
    counts = [QueryCount(path) for path in paths]

    def run(path: str, *, clear: bool) -> tuple[int, list[str]]:
        if clear:
            # Render once first, so that what a worker does only once (a
            # template compiled, a lookup memoised) is not counted.
            cache.clear()
            client.get(path)
            cache.clear()
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        if response.status_code != 200:
            raise BenchError(f"{path} answered {response.status_code} to the test client.")
        return len(ctx.captured_queries), [q["sql"] for q in ctx.captured_queries]

    connection.ensure_connection()  # not counted: a deployed worker holds one
    for qc in counts:
        try:
            qc.demo = run(qc.path, clear=True)[0]
            qc.cached = run(qc.path, clear=False)[0]
        except Exception as e:
            qc.error = f"{type(e).__name__}: {e}"
    with database_file(setup.grown_database):
        grow_directory(EXTRA_ORGANISATIONS)
        connection.ensure_connection()
        for qc in counts:
            if qc.error:
                continue
            try:
                qc.grown, qc.grown_sql = run(qc.path, clear=True)
            except Exception as e:
                qc.error = f"{type(e).__name__}: {e}"
    cache.clear()
    connections.close_all()
    return counts


def signed_in_cookie(email: str) -> str:
    """Sign the demo persona `email` in (a session in the bench database, as
    a sign-in through the form leaves it) and return its Cookie header, with
    the CSRF cookie its first page sets. Runs after count_queries, which set
    Django up on the demo database."""
    from django.contrib.auth import get_user_model
    from django.db import connections
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    if client.get("/en/").status_code != 200:
        raise BenchError(f"{email} could not open the home page.")
    names = ("sessionid", "csrftoken")
    missing = [n for n in names if n not in client.cookies]
    if missing:
        raise BenchError(f"signing {email} in set no {', '.join(missing)} cookie.")
    connections.close_all()
    return "; ".join(f"{n}={client.cookies[n].value}" for n in names)
