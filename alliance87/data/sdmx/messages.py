"""
Reading an SDMX file with sdmx1 into a data message: SDMX-ML after
defusedxml has parsed it safely, SDMX-JSON within bounds of size and depth
(jsonmessages.py), SDMX-CSV with the structure its header shows (see
__init__.py).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
import defusedxml.ElementTree
import sdmx.message
import sdmx.reader.csv
import sdmx.reader.xml
import sdmx.reader.xml.v30  # before any read: see below
from django.utils.translation import gettext as _
from sdmx.model import v30

from alliance87.data.checked import FileRefused
from alliance87.data.models import ImportRun
from alliance87.data.sdmx.jsonmessages import read_json

Format = ImportRun.Format

# sdmx1 (2.28) builds its SDMX-ML 3.0 reader, on first import, from the 2.1
# reader's parsers; reading a 2.1 StructureSpecificData message adds a
# parser under the structure's URN, which that import cannot map, so a
# process that read a 2.1 file before its first 3.0 file refused every 3.0
# file after it. Importing the 3.0 reader above, before any read, avoids it.

# The SDMX-ML data messages sdmx1 (2.28) reads, by namespace: those of
# SDMX 2.1, and the one data message of SDMX 3.0 (which has no generic
# data message).
_V21_MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
_V30_MESSAGE = "http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message"
DATA_MESSAGES: dict[str, tuple[str, ...]] = {
    _V21_MESSAGE: (
        "GenericData",
        "StructureSpecificData",
        "GenericTimeSeriesData",
        "StructureSpecificTimeSeriesData",
    ),
    _V30_MESSAGE: ("StructureSpecificData",),
}
# The structure messages (a data structure and its code lists) read with
# the data (structure.py).
STRUCTURE_MESSAGES: dict[str, tuple[str, ...]] = {
    _V21_MESSAGE: ("Structure",),
    _V30_MESSAGE: ("Structure",),
}
# The SDMX-CSV column that numbers the rows as the file does (added here).
ROW_COLUMN = "HUB_ROW_NUMBER_"


# Free text in SDMX-CSV, never "CODE: label".
TEXT_COLUMNS = (
    "OBS_VALUE",
    "OBS_COMMENT",
    "COMMENT_OBS",
    "COMMENT",
    "LOWER_BOUND",
    "CI_LOWER",
    "UPPER_BOUND",
    "CI_UPPER",
)


def sniff_format(path: Path) -> str:
    """Return the format the content of `path` shows: SDMX-ML (markup),
    SDMX-CSV (a first column DATAFLOW or STRUCTURE) or tidy CSV."""
    with path.open("rb") as f:
        head = f.read(4096).decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if head.startswith("<"):
        return Format.SDMX_ML
    if head.startswith("{"):
        return Format.SDMX_JSON
    first = head.split("\n", 1)[0].strip().strip('"').upper()
    if first.startswith(("DATAFLOW", "STRUCTURE")):
        return Format.SDMX_CSV
    return Format.CSV


def read_message(path: Path, fmt: str) -> Any:
    """Return the sdmx1 data message of the SDMX file at `path`; raise
    FileRefused when it cannot be read whole, or is unsafe XML."""
    if fmt == Format.SDMX_JSON:
        return _Messages(read_json(path, unreadable))
    return _read_xml(path) if fmt == Format.SDMX_ML else _read_csv(path)


class _Messages:
    """The data sets of several messages (SDMX-JSON: one per data set), read
    as those of one."""

    def __init__(self, messages: list[Any]) -> None:
        self.data = [dataset for message in messages for dataset in message.data]


# --- SDMX-ML -------------------------------------------------------------------


def check_xml(path: Path, messages: dict[str, tuple[str, ...]] | None = None) -> None:
    """Parse the file at `path` with defusedxml, forbidding a DTD, entities
    and external references; raise FileRefused unless it is well-formed XML
    whose root is one of `messages` (by namespace; an SDMX data message
    unless given)."""
    messages = DATA_MESSAGES if messages is None else messages
    root = ""
    try:
        for event, element in defusedxml.ElementTree.iterparse(
            str(path),
            events=("start", "end"),
            forbid_dtd=True,
            forbid_entities=True,
            forbid_external=True,
        ):
            root = root or element.tag
            if event == "end":
                element.clear()  # memory holds the path to one element
    except defusedxml.DefusedXmlException:
        raise FileRefused(
            _(
                "The file declares a document type (DTD), entities or external references. "
                "SDMX needs none, and they can make a reader open the server's files or "
                "swell a few bytes into gigabytes (XXE, “billion laughs”): the file is "
                "refused unread. Export it again without a DOCTYPE."
            )
        ) from None
    except ParseError as e:
        line, column = getattr(e, "position", (0, 0))
        raise FileRefused(
            _(
                "The file is not well-formed XML (line %(line)s, column %(column)s): it may "
                "be cut short or not be XML at all. Export it again."
            )
            % {"line": line, "column": column}
        ) from None
    namespace, _sep, name = root[1:].partition("}") if root.startswith("{") else ("", "", root)
    if name in messages.get(namespace, ()):
        return
    if messages is DATA_MESSAGES:
        raise FileRefused(
            _(
                "This XML file is not an SDMX data message (its root element is “%(root)s”). "
                "The Hub reads SDMX-ML 2.1 GenericData and StructureSpecificData messages, "
                "SDMX-ML 3.0 StructureSpecificData messages, SDMX-JSON, SDMX-CSV and its own "
                "tidy CSV."
            )
            % {"root": name or root}
        )
    raise FileRefused(
        _(
            "The structure file is not an SDMX-ML 2.1 or 3.0 structure message (its root "
            "element is “%(root)s”)."
        )
        % {"root": name or root}
    )


def _read_xml(path: Path) -> Any:
    check_xml(path)
    try:
        with path.open("rb") as f:
            message = sdmx.reader.xml.Reader().convert(f)
    except Exception as e:  # sdmx1 raises many kinds; each means "unreadable"
        raise unreadable(e) from None
    if not isinstance(message, sdmx.message.DataMessage):
        raise FileRefused(_("This SDMX message holds no data."))
    return message


def unreadable(error: Exception) -> FileRefused:
    return FileRefused(
        _("The SDMX message could not be read (%(error)s). Export it again.")
        % {"error": f"{error.__class__.__name__}: {error}"[:300]}
    )


# --- SDMX-CSV ------------------------------------------------------------------


def _read_csv(path: Path) -> Any:
    """Read SDMX-CSV 1.0 or 2.0 with sdmx1, whose reader wants SDMX-CSV 2.0
    and the data structure: the structure is the header's, and a 1.0 file
    is given the columns of 2.0. A column numbers the rows as the file does."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(_("The SDMX-CSV file is not in UTF-8. Export it again.")) from None
    try:
        data, structure = _as_version_2(text)
    except csv.Error as e:
        raise FileRefused(
            _("The file could not be read as CSV (%(error)s).") % {"error": e}
        ) from None
    try:
        return sdmx.reader.csv.Reader().convert(io.BytesIO(data.encode()), structure=structure)
    except Exception as e:  # sdmx1 raises many kinds; each means "unreadable"
        raise unreadable(e) from None


def _as_version_2(text: str) -> tuple[str, Any]:
    """Return SDMX-CSV `text` as SDMX-CSV 2.0 with a row-number column, and
    the data structure its header shows."""
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(lines, delimiter=delimiter)
    labelled = next(reader, [])
    header = [_code(h) for h in labelled]
    if not header:
        raise FileRefused(_("The file is empty: its first line must name the columns."))
    if header[0].upper() == "DATAFLOW":
        fixed = 1
    elif header[0].upper().startswith("STRUCTURE") and header[1:2] == ["STRUCTURE_ID"]:
        if "STRUCTURE_NAME" in header:
            raise FileRefused(
                _("Export the SDMX-CSV file with codes (labels=id or both), not names.")
            )
        fixed = 3 if header[2:3] == ["ACTION"] else 2
    else:
        raise FileRefused(_("An SDMX-CSV file begins with a DATAFLOW or STRUCTURE column."))
    components = header[fixed:]
    if "OBS_VALUE" not in components:
        raise FileRefused(_("The SDMX-CSV file has no OBS_VALUE column."))
    split = components.index("OBS_VALUE")
    # With labels=both, a header is "REF_AREA: Reference area" and a code
    # "NPL: Nepal".
    labels = any(": " in h for h in labelled)
    coded = [labels and c not in TEXT_COLUMNS for c in components]
    structure = v30.DataStructureDefinition(id="HEADER")
    for concept in components[:split]:
        structure.dimensions.getdefault(concept)
    structure.measures.getdefault("OBS_VALUE")
    for concept in (*components[split + 1 :], ROW_COLUMN):
        structure.attributes.getdefault(concept)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    # sdmx1 needs ACTION (its reader fails without it): "I" (information)
    # where the file gives none.
    writer.writerow(["STRUCTURE", "STRUCTURE_ID", "ACTION", *components, ROW_COLUMN])
    number = 1
    for values in reader:
        number += 1
        if not any(v.strip() for v in values):
            continue
        values = [v.replace("\n", " ").replace("\r", " ") for v in values]
        values += [""] * (len(header) - len(values))
        start = ["dataflow", values[0], "I"] if fixed == 1 else _target(values[:fixed])
        cells = [
            _code(v) if is_code else v.strip()
            for v, is_code in zip(values[fixed:], coded, strict=False)
        ]
        writer.writerow([*start, *cells, str(number)])
    return out.getvalue(), structure


def _code(text: str) -> str:
    return text.strip().split(": ", 1)[0].strip()


def _target(values: list[str]) -> list[str]:
    """Return STRUCTURE, STRUCTURE_ID and ACTION as sdmx1 reads them (it
    asserts their values), or refuse the file."""
    kind, structure_id, *rest = (v.strip() for v in values)
    action = (rest[0].upper() if rest else "") or "I"  # none: information
    if kind.lower() not in ("dataflow", "dataprovision", "datastructure") or action not in (
        "A",
        "D",
        "I",
        "R",
    ):
        raise FileRefused(
            _(
                "STRUCTURE must be dataflow, dataprovision or datastructure, and ACTION one "
                "of A, R, I or D (here: “%(given)s”)."
            )
            % {"given": ", ".join(values)}
        )
    return [kind.lower(), structure_id, action]
