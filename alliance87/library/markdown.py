"""A resource's text is rendered by core/markdown.py, shared with the
community; these names stay here for code written against them."""

from alliance87.core.markdown import plain_text, render

__all__ = ["plain_text", "render"]
