"""The one extension mechanism: named, typed hooks that the areas register
on in AppConfig.ready(), idempotently, and that tests change only for the
length of a block."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

from alliance87.core import hooks
from alliance87.core.hooks import Hook

PACKAGE = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Entry:
    key: str
    order: int


def keyed_hook() -> Hook[Entry]:
    return Hook("test", key=lambda e: e.key, order=lambda e: e.order)


def test_items_come_in_their_order_then_as_registered() -> None:
    hook = keyed_hook()
    hook.register(Entry("b", 20))
    hook.register(Entry("c", 10))
    hook.register(Entry("a", 20))
    assert [e.key for e in hook.items()] == ["c", "b", "a"]


def test_registering_the_same_key_again_replaces_the_item() -> None:
    hook = keyed_hook()
    hook.register(Entry("a", 10))
    hook.register(Entry("a", 30))
    assert hook.items() == [Entry("a", 30)]
    assert hook.get("a") == Entry("a", 30)
    assert hook.get("missing") is None


def test_a_callable_is_its_own_key() -> None:
    hook: Hook[object] = Hook("test")

    def provider() -> None:
        pass

    hook.register(provider)
    hook.register(provider)
    assert hook.items() == [provider]


def test_registered_lasts_for_the_block_only() -> None:
    hook = keyed_hook()
    hook.register(Entry("a", 10))
    with hook.registered(Entry("a", 99), Entry("b", 20)):
        assert hook.items() == [Entry("b", 20), Entry("a", 99)]
    assert hook.items() == [Entry("a", 10)]


def test_only_hides_the_other_registrations_for_the_block() -> None:
    hook = keyed_hook()
    hook.register(Entry("a", 10))
    with hook.only(Entry("b", 20)):
        assert hook.items() == [Entry("b", 20)]
    with hook.only():
        assert hook.items() == []
    assert hook.items() == [Entry("a", 10)]


def named_hooks() -> dict[str, Hook[object]]:
    return {name: value for name, value in vars(hooks).items() if isinstance(value, Hook)}


def test_every_hook_is_in_the_modules_table() -> None:
    doc = hooks.__doc__ or ""
    for name in named_hooks():
        assert re.search(rf"^{name}\s", doc, re.MULTILINE), name


def table_column(doc: str, heading: str) -> dict[str, str]:
    """Return each hook's cell of the column `heading` in the table of
    `doc` (a reStructuredText simple table), its lines joined."""
    lines = doc.splitlines()
    rules = [i for i, line in enumerate(lines) if line.startswith("====")]
    spans = [(m.start(), m.end()) for m in re.finditer(r"=+", lines[rules[0]])]
    header = lines[rules[0] + 1]
    start, end = next((a, b) for a, b in spans if header[a:b].strip() == heading)
    cells: dict[str, list[str]] = {}
    hook = ""
    for line in lines[rules[1] + 1 : rules[2]]:
        hook = line[: spans[0][1]].strip() or hook
        cells.setdefault(hook, []).append(line[start : end + 2].strip())
    return {name: " ".join(parts) for name, parts in cells.items()}


def test_the_modules_table_names_every_area_that_registers_into_each_hook() -> None:
    column = table_column(hooks.__doc__ or "", "Registered by")
    for name, hook in named_hooks().items():
        assert re.findall(r"[a-z_]+", column[name]) == hook.registrants(), name


def test_a_hook_knows_which_area_registered_what_it_holds() -> None:
    hook = keyed_hook()
    assert hook.registrants() == []
    hook.register(Entry("a", 10))
    assert hook.registrants() == ["core"]
    with hook.only():
        assert hook.registrants() == []
    assert hook.registrants() == ["core"]


def registered_keys() -> dict[str, list[object]]:
    return {
        name: [hook.key_of(item) for item in hook.items()] for name, hook in named_hooks().items()
    }


def test_running_ready_again_changes_no_hook() -> None:
    before = registered_keys()
    for config in apps.get_app_configs():
        if config.name.startswith("alliance87."):
            config.ready()
    assert registered_keys() == before


def test_the_areas_register_their_contributions() -> None:
    assert [e.url_name for e in hooks.NAVIGATION.items()] == [
        "countries:list",
        "pathfinders:index",
        "events:list",
        "groups:list",
        "statements:list",
        "data:index",
        "library:index",
        "comms:news",
        "community:index",
        "partners:list",
        "applications:apply",
        "applications:review-list",
        "reports:start",
        "data:import",
        "community:slack-import",
    ]
    assert [s.key for s in hooks.COUNTRY_PROFILE_SECTIONS.items()] == [
        "pathfinder",
        "data",
        "events",
        "library",
        "news",
        "organisations",
    ]
    assert [(s.page, s.key) for s in hooks.PAGE_SECTIONS.items()] == [
        ("event", "library"),
        ("group", "library"),
        ("account", "api-tokens"),
        ("event", "campaigns"),
        ("event", "news"),
        ("group", "news"),
        ("organisation", "news"),
        ("secretariat", "community-queue"),
        ("post", "safeguarding"),
        ("organisation", "safeguarding"),
        ("account", "safeguarding"),
    ]
    assert {k.key for k in hooks.ROLE_KINDS.items()} == {
        "secretariat",
        "partner",
        "focal_point",
        "group_chair",
        "group_member",
        "gcg_member",
        "safeguarding_officer",
    }
    assert len(hooks.AUDIENCE_PROVIDERS.items()) == 2
    assert len(hooks.GROUP_MEETINGS.items()) == 1
    assert len(hooks.EVENT_PARTICIPATION.items()) == 1


def test_demo_loaders_come_in_the_order_the_data_needs() -> None:
    modules = [loader.module for loader in hooks.DEMO_LOADERS.items()]
    assert modules == [
        "alliance87.pathfinders.demo",
        "alliance87.groups.demo",
        "alliance87.statements.demo",
        # After groups: meetings are linked to the groups that hold them.
        "alliance87.events.demo",
        # After events and groups: resources are linked to them.
        "alliance87.library.demo",
        "alliance87.data.demo",
        # After events: posts are linked to them.
        "alliance87.comms.demo",
        # After events and groups: the campaign is linked to its day and
        # reviewed by the CEAG.
        "alliance87.campaigns.demo",
        # Demo accounts take roles in what the areas above created.
        "alliance87.accounts.demo",
        # After the accounts: the demo personas write the sample threads.
        "alliance87.community.demo",
        # After the accounts: the demo safeguarding officer is one.
        "alliance87.safeguarding.demo",
    ]
    for module in modules:
        assert callable(importlib.import_module(module).load), module


# Until the split branch replaces them with plain imports (events sits
# above pathfinders in the import contracts).
REACHES_BEING_REMOVED = {"events/selectors.py"}


def test_no_area_reaches_another_through_the_app_registry() -> None:
    """A cross-area edge is an import or a hook, never a name looked up."""
    reach = re.compile(r"apps\.(get_model|is_installed)\(")
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "/migrations/" in relative or relative in REACHES_BEING_REMOVED:
            continue
        if reach.search(path.read_text(encoding="utf-8")):
            found.append(relative)
    assert found == []
