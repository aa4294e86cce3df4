"""Reads of events (being split by use case)."""

from alliance87.events.selectors.detail import *  # noqa: F403
