"""The Hub seen through a real browser: the browser tests live in tests/."""
