"""Writes to the pathfinder countries (being split by use case)."""

from alliance87.pathfinders.services.path import *  # noqa: F403
