"""Views of events (being split by use case)."""

from alliance87.events.views.record import *  # noqa: F403
