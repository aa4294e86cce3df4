"""Reads of the pathfinder countries (being split by use case)."""

from alliance87.pathfinders.selectors.overview import *  # noqa: F403
