"""The `alliance87` command: Django's manage.py, plus demo, loaddemo, serve."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] == "demo":
        # The demo is the one start allowed to use debug mode and the
        # public demo key, over plain HTTP on loopback.
        os.environ.setdefault("DEBUG", "true")
        os.environ.setdefault("HTTPS", "false")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance87.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
