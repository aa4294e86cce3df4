from alliance87.groups.tests.fixtures import world  # noqa: F401
