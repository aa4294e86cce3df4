"""
Reading the structure file uploaded with an SDMX data file: an SDMX-ML 2.1
or 3.0 structure message holding a data structure (DSD) and the code lists
of its dimensions and attributes (see __init__.py).

The file is parsed by defusedxml first, as a data message is, and only
then by sdmx1. What the Hub keeps of it is, for each coded concept
(REF_AREA, INDICATOR, UNIT_MEASURE...), its code list: each code's id and
its names. mapping.py then refuses a code its list does not hold, and
reads an area or an indicator the fixed mapping does not know by the name
the code list gives it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sdmx.message
import sdmx.reader.xml
from django.utils.translation import gettext as _

from alliance87.data.checked import FileRefused
from alliance87.data.sdmx.messages import STRUCTURE_MESSAGES, check_xml


@dataclass(frozen=True)
class CodeList:
    id: str
    names: dict[str, tuple[str, ...]]  # code id: its names, in every language given

    def name(self, code: str) -> str:
        names = self.names.get(code, ())
        return names[0] if names else ""


@dataclass
class Structure:
    """The code lists of a data structure, by the concept each codes."""

    id: str = ""
    code_lists: dict[str, CodeList] = field(default_factory=dict)


def read_structure(path: Path) -> Structure:
    """Return the code lists of the data structure in the structure message
    at `path`; raise FileRefused when it is unsafe, not a structure message,
    holds no data structure, or lacks a code list its structure names."""
    check_xml(path, STRUCTURE_MESSAGES)
    try:
        with path.open("rb") as f:
            message = sdmx.reader.xml.Reader().convert(f)
    except Exception as e:  # sdmx1 raises many kinds; each means "unreadable"
        raise FileRefused(
            _("The structure file could not be read (%(error)s). Export it again.")
            % {"error": f"{e.__class__.__name__}: {e}"[:300]}
        ) from None
    structures = (
        list(message.structure.values())
        if isinstance(message, sdmx.message.StructureMessage)
        else []
    )
    if len(structures) != 1:
        raise FileRefused(
            _(
                "The structure file must hold one data structure (DSD) with its code lists; "
                "it holds %(count)s."
            )
            % {"count": len(structures)}
        )
    dsd = structures[0]
    found = Structure(id=str(dsd.id))
    for component in (*dsd.dimensions, *dsd.attributes):
        code_list = _enumeration(component)
        if code_list is None:
            continue
        codes = {str(code.id): _names(code) for code in code_list}
        if not codes:
            raise FileRefused(
                _(
                    "The code list %(list)s of %(concept)s is named by the data structure but "
                    "not given in the structure file: export the structure with its code "
                    "lists (in SDMX terms, with its references or descendants)."
                )
                % {"list": code_list.id, "concept": component.id}
            )
        found.code_lists[str(component.id)] = CodeList(id=str(code_list.id), names=codes)
    return found


def _enumeration(component: Any) -> Any:
    for representation in (
        getattr(component, "local_representation", None),
        getattr(getattr(component, "concept_identity", None), "core_representation", None),
    ):
        enumerated = getattr(representation, "enumerated", None)
        if enumerated is not None:
            return enumerated
    return None


def _names(code: Any) -> tuple[str, ...]:
    localizations = getattr(getattr(code, "name", None), "localizations", {}) or {}
    english = localizations.get("en")
    names = [english] if english else []
    names += [str(n) for lang, n in localizations.items() if lang != "en" and n]
    return tuple(n.strip() for n in names if n and n.strip())
