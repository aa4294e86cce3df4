"""The README's demo commands work exactly as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from alliance87.cli import demo_address


def _without_debug() -> dict[str, str]:
    # As a person's shell would have it: no DEBUG, no SECRET_KEY.
    return {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "HTTPS"}}


def test_demototp_prints_a_code_outside_the_demo_server() -> None:
    # `.venv/bin/alliance87 demototp` failed with alliance87.E001 (the demo
    # key with debug off) and printed no code.
    result = subprocess.run(
        [sys.executable, "-c", "from alliance87.cli import main; main()", "demototp"],
        env=_without_debug(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"\d{6}\n", result.stdout)


def test_demo_links_lead_to_the_address_it_is_served_on() -> None:
    assert demo_address(["alliance87", "demo"]) == "127.0.0.1:8000"
    assert demo_address(["alliance87", "demo", "--addr", "0.0.0.0:8123"]) == "0.0.0.0:8123"
    assert demo_address(["alliance87", "demo", "--addr=127.0.0.1:9000"]) == "127.0.0.1:9000"


def test_the_demo_start_sets_site_url_from_its_address() -> None:
    code = (
        "import os, sys; import alliance87.cli as cli; "
        "import django.core.management as m; "
        # Stop before serving: the command line is all this test is about.
        "m.execute_from_command_line = lambda argv: print(os.environ['SITE_URL']); "
        "cli.main(['alliance87', 'demo', '--addr', '127.0.0.1:8123'])"
    )
    env = {k: v for k, v in _without_debug().items() if k != "SITE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "http://127.0.0.1:8123"
