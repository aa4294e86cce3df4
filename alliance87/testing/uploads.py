"""Small files for the tests that upload them: bytes that pass (or fail)
the content checks of core.files, and what a test finds stored."""

from __future__ import annotations

from pathlib import Path

PDF = b"%PDF-1.4\n% a small report\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
EXE = b"MZ\x90\x00\x03\x00\x00\x00 a program"


def stored_files(media: Path) -> list[Path]:
    """Every file under `media` (the `media` fixture's MEDIA_ROOT)."""
    return [p for p in media.rglob("*") if p.is_file()]
