"""The `alliance87` command: Django's manage.py, plus demo, loaddemo, serve,
worker, import-report, import-data."""

from __future__ import annotations

import os
import sys

# The demo's replies by email come back to addresses at this domain: a
# notification printed on the console can be answered by piping the answer
# into `alliance87 inbound_mail` (README).
DEMO_REPLY_DOMAIN = "reply.demo.alliance87.example"


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is the one start allowed to use debug mode and the
        # public demo key, over plain HTTP on loopback.
        os.environ.setdefault("DEBUG", "true")
        os.environ.setdefault("HTTPS", "false")
        # Links in the demo's emails (invitations) lead to where it is served.
        os.environ.setdefault("SITE_URL", f"http://{demo_address(argv)}")
        os.environ.setdefault("REPLY_EMAIL_DOMAIN", DEMO_REPLY_DOMAIN)
    if len(argv) > 1 and argv[1] in ("import-report", "import-data"):
        # The issues name them with a hyphen; Django's commands are modules.
        argv[1] = argv[1].replace("-", "_")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance87.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


def demo_address(argv: list[str]) -> str:
    """Return the HOST:PORT given to `alliance87 demo --addr`, or its default."""
    for i, arg in enumerate(argv):
        if arg == "--addr" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--addr="):
            return arg.split("=", 1)[1]
    return "127.0.0.1:8000"


if __name__ == "__main__":
    main()
