"""Writes to events (being split by use case)."""

from alliance87.events.services.record import *  # noqa: F403
