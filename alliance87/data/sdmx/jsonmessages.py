"""
Reading an SDMX-JSON data message (1.0, of SDMX 2.1; 2.0 and 2.1, of SDMX
3.0) safely, into the data message sdmx1 makes of it (see __init__.py).

The file is refused unread beyond `max_bytes()` (FILE_MAX_MB: a message
is read whole), and refused when it nests deeper than MAX_DEPTH (an SDMX
data message nests about ten deep; JSON nested thousands deep is an
attack on the parser, which is refused by Python's recursion limit before
this check). Numbers are kept as written (never read as floats), so that
a figure is not rounded and a number of a million digits is text to
refuse, not arithmetic to do.

sdmx1 (2.28) reads SDMX-JSON 1.0 data but drops attributes given for the
data set or a series (only the observation's are kept: a series' unit
would be lost without a word), and does not read SDMX-JSON 2.x data. So
the message is first written again as SDMX-JSON 1.0 with every attribute
given at the level of the observation, one message per data set, and
that is what sdmx1 reads.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sdmx.reader.json
from django.utils.translation import gettext as _

from alliance87.core.files import max_bytes
from alliance87.data.checked import FileRefused

MAX_DEPTH = 32
_LEVELS = ("dataSet", "series", "observation")


def read_json(path: Path, unreadable: Any) -> list[Any]:
    """Return the sdmx1 data messages, one a data set, of the SDMX-JSON
    file at `path`; raise FileRefused when it is too large, too deep, not
    JSON or not an SDMX-JSON data message."""
    tree = load(path)
    messages = []
    for normalized in as_version_1(tree):
        try:
            data = io.BytesIO(json.dumps(normalized).encode())
            messages.append(sdmx.reader.json.Reader().convert(data))
        except Exception as e:  # sdmx1 raises many kinds; each means "unreadable"
            raise unreadable(e) from None
    return messages


def load(path: Path) -> Any:
    """Parse the JSON file at `path` within the bounds of size and depth."""
    limit = max_bytes()
    size = path.stat().st_size
    if size > limit:
        raise FileRefused(
            _(
                "The SDMX-JSON file is %(size)s MB; a JSON message is read whole, so at most "
                "%(limit)s MB is read. Split it, or export it as SDMX-CSV."
            )
            % {"size": f"{size / 1024 / 1024:.1f}", "limit": limit // 1024 // 1024}
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(_("The SDMX-JSON file is not in UTF-8. Export it again.")) from None
    try:
        tree = json.loads(text, parse_float=str, parse_int=str, parse_constant=_no_constant)
    except RecursionError:
        raise _too_deep() from None
    except ValueError as e:
        line, column = getattr(e, "lineno", 0), getattr(e, "colno", 0)
        raise FileRefused(
            _(
                "The file is not well-formed JSON (line %(line)s, column %(column)s): it may "
                "be cut short or not be JSON at all. Export it again."
            )
            % {"line": line, "column": column}
        ) from None
    if _depth(tree) > MAX_DEPTH:
        raise _too_deep()
    if not isinstance(tree, dict):
        raise _not_data()
    return tree


def _no_constant(name: str) -> Any:
    raise ValueError(name)  # NaN, Infinity: not JSON


def _too_deep() -> FileRefused:
    return FileRefused(
        _(
            "The JSON file nests more than %(depth)s levels deep. An SDMX-JSON data message "
            "nests about ten; the file is refused unread."
        )
        % {"depth": MAX_DEPTH}
    )


def _not_data() -> FileRefused:
    return FileRefused(
        _(
            "This JSON file is not an SDMX-JSON data message (it needs its structure and its "
            "data sets). The Hub reads SDMX-JSON 1.0 and 2.x data messages."
        )
    )


def _depth(tree: Any) -> int:
    """Return how deep `tree` nests, without recursion."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            children = node.values() if isinstance(node, dict) else node
            stack.extend((child, depth + 1) for child in children)
    return deepest


# --- Writing the message again as SDMX-JSON 1.0 ---------------------------------


def as_version_1(tree: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Yield one SDMX-JSON 1.0 message per data set of `tree` (1.0 or 2.x),
    every attribute at the level of the observation."""
    if "structure" in tree and "dataSets" in tree:  # 1.0
        structures, datasets = [tree["structure"]], tree["dataSets"]
    elif isinstance(tree.get("data"), dict):  # 2.x
        structures = tree["data"].get("structures") or [tree["data"].get("structure")]
        datasets = tree["data"].get("dataSets")
    else:
        raise _not_data()
    if not isinstance(structures, list) or not isinstance(datasets, list) or not datasets:
        raise _not_data()
    for dataset in datasets:
        if not isinstance(dataset, dict):
            raise _not_data()
        index = _index(dataset.get("structure", "0"))
        if index is None or index >= len(structures) or not isinstance(structures[index], dict):
            raise _malformed(_("a data set refers to a structure the message does not hold"))
        yield _Message(structures[index]).of(dataset)


def _malformed(what: str) -> FileRefused:
    return FileRefused(
        _("The SDMX-JSON message cannot be read: %(what)s. Export it again.") % {"what": what}
    )


def _index(value: Any) -> int | None:
    """Return a position in a list, as the message writes it, or None."""
    if value is None:
        return None
    text = str(value)
    if not text.isdigit() or len(text) > 9:
        raise _malformed(_("“%(value)s” is not a position in a list") % {"value": text[:20]})
    return int(text)


def _id(value: Any) -> str:
    return str(value)[:200] if isinstance(value, str | int) else ""


def _text(value: dict[str, Any]) -> dict[str, str]:
    """Return an attribute's value as sdmx1 reads it: a code's id, or text."""
    if "id" in value:
        return {"id": _id(value["id"])}
    for key in ("value", "name"):
        if isinstance(value.get(key), str | int):
            return {"name": str(value[key])}
    for key in ("values", "names"):  # text in several languages: English, or the first
        texts = value.get(key)
        if isinstance(texts, dict) and texts:
            return {"name": str(texts.get("en") or next(iter(texts.values())))}
    return {"name": ""}


class _Message:
    """One structure of the message, to write its data sets again."""

    def __init__(self, structure: dict[str, Any]) -> None:
        dimensions = structure.get("dimensions")
        attributes = structure.get("attributes") or {}
        if not isinstance(dimensions, dict) or not isinstance(attributes, dict):
            raise _malformed(_("the structure has no dimensions"))
        measures = (structure.get("measures") or {}).get("observation") or [{}]
        if not isinstance(measures, list) or len(measures) != 1:
            raise _malformed(_("an observation has several measures; the Hub reads one"))
        self.dimensions = {level: self._components(dimensions, level) for level in _LEVELS}
        self.attributes = {level: self._components(attributes, level) for level in _LEVELS}
        if attributes.get("dimensionGroup"):
            raise _malformed(_("attributes given for a group of dimensions are not read"))
        for components in (self.dimensions, self.attributes):
            ids = [_id(c["id"]) for level in _LEVELS for c in components[level]]
            if len(set(ids)) != len(ids):
                raise _malformed(_("a dimension or an attribute is declared twice"))

    @staticmethod
    def _components(components: dict[str, Any], level: str) -> list[dict[str, Any]]:
        found = components.get(level) or []
        if not isinstance(found, list) or not all(isinstance(c, dict) for c in found):
            raise _malformed(_("a list of dimensions or attributes is not a list"))
        for component in found:
            values = component.get("values") or []
            if not _id(component.get("id")) or not isinstance(values, list):
                raise _malformed(_("a dimension or an attribute has no id"))
            if not all(isinstance(v, dict) for v in values):
                raise _malformed(_("a value is not an object"))
        return found

    def of(self, dataset: dict[str, Any]) -> dict[str, Any]:
        """Return `dataset` as an SDMX-JSON 1.0 message of its own."""
        attributes = [a for level in _LEVELS for a in self.attributes[level]]
        written: dict[str, Any] = {
            "action": "Delete"
            if str(dataset.get("action", "")).lower() == "delete"
            else ("Information"),
        }
        at_dataset = self._positions("dataSet", dataset.get("attributes"))
        series = dataset.get("series")
        if isinstance(series, dict) and series:
            written["series"] = {}
            for key, elem in series.items():
                if not isinstance(elem, dict):
                    raise _malformed(_("a series is not an object"))
                at_series = self._positions("series", elem.get("attributes"))
                written["series"][self._key("series", key)] = {
                    "observations": self._observations(
                        elem.get("observations"), [*at_dataset, *at_series]
                    )
                }
        else:
            at_series = [None] * len(self.attributes["series"])
            written["observations"] = self._observations(
                dataset.get("observations"), [*at_dataset, *at_series]
            )
        return {
            "header": {"id": "HUB", "prepared": "2000-01-01T00:00:00Z", "sender": {"id": "HUB"}},
            "structure": {
                "dimensions": {
                    level: [
                        {
                            "id": _id(d["id"]),
                            "values": [{"id": _id(v.get("id"))} for v in d.get("values") or []],
                        }
                        for d in self.dimensions[level]
                    ]
                    for level in _LEVELS
                },
                "attributes": {
                    "dataSet": [],
                    "series": [],
                    "observation": [
                        {
                            "id": _id(a["id"]),
                            "name": _id(a["id"]),
                            # sdmx1 drops an attribute without values, and
                            # with it the positions of those after it.
                            "values": [_text(v) for v in a.get("values") or []] or [{"name": ""}],
                        }
                        for a in attributes
                    ],
                },
            },
            "dataSets": [written],
        }

    def _positions(self, level: str, given: Any) -> list[int | None]:
        """Return the positions of the values of `level`'s attributes."""
        given = given if isinstance(given, list) else []
        declared = self.attributes[level]
        positions = [_index(p) for p in given[: len(declared)]]
        positions += [None] * (len(declared) - len(positions))
        for position, attribute in zip(positions, declared, strict=True):
            if position is not None and position >= len(attribute.get("values") or []):
                raise _malformed(
                    _("the attribute %(id)s has no value at position %(position)s")
                    % {"id": _id(attribute["id"]), "position": position}
                )
        return positions

    def _key(self, level: str, key: Any) -> str:
        """Check a key of positions ("0:1") against `level`'s dimensions."""
        parts = str(key).split(":") if str(key) else []
        declared = self.dimensions[level]
        if len(parts) != len(declared):
            raise _malformed(_("the key “%(key)s” does not match the dimensions") % {"key": key})
        for part, dimension in zip(parts, declared, strict=True):
            position = _index(part)
            if position is None or position >= len(dimension.get("values") or []):
                raise _malformed(
                    _("the dimension %(id)s has no value at position %(position)s")
                    % {"id": _id(dimension["id"]), "position": part}
                )
        return ":".join(parts)

    def _observations(self, given: Any, inherited: list[int | None]) -> dict[str, Any]:
        if not isinstance(given, dict):
            raise _malformed(_("a data set or a series has no observations"))
        written = {}
        for key, elem in given.items():
            if not isinstance(elem, list):
                raise _malformed(_("an observation is not a list"))
            value = elem[0] if elem else None
            if value is not None and not isinstance(value, str):
                value = ""  # an object or a list where a figure should be
            at_observation = self._positions("observation", elem[1:])
            written[self._key("observation", key)] = [value, *inherited, *at_observation]
        return written
