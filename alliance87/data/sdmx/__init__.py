"""
Reading SDMX data messages as the tidy rows that importing.py checks
(docs/data.md, "SDMX"): one mechanism, whatever the format.

- **SDMX-ML**: a GenericData or StructureSpecificData message of SDMX
  2.1, or a StructureSpecificData message of SDMX 3.0 (which has no
  generic data message). Every XML file is first parsed, whole, by
  defusedxml, which refuses a DTD, an entity and an external reference: an
  XXE or "billion laughs" payload is refused before sdmx1 (and lxml) reads
  a byte of it. The root must be one of those data messages.
- **SDMX-JSON**: a data message of 1.0 or 2.x, read within bounds of size
  and depth and written again as 1.0 for sdmx1 (jsonmessages.py).
- **SDMX-CSV**: version 1.0 (a DATAFLOW column) or 2.0 (STRUCTURE,
  STRUCTURE_ID, optionally ACTION). The file carries no structure, so it
  is read from the header, as SDMX-CSV writes it: the columns before
  OBS_VALUE are dimensions, the columns after it attributes.

`messages.py` reads them with sdmx1 into observations; `mapping.py` turns
each observation into one row of the tidy columns (MAPPING, shown in
docs/data.md), reading its codes as the Hub's with `codes.py`. A
structure file uploaded with the data (an SDMX-ML structure message,
`structure.py`) gives the code lists of its data structure: a code its
list does not hold is an error of its row, and an area or an indicator is
also read by the name its code list gives it.

An SDMX message does not name the publication, so the edition, its
publisher, date and address come from the import page, and so does the
indicator when the series have no INDICATOR dimension. A code the mapping
does not know is an error of its row, naming the code and the
observation's key; importing.py checks everything else as it checks a
tidy CSV row (units, numbers, years, duplicates, the edition).

sdmx1 reads a message whole (and SDMX-JSON is parsed whole): an SDMX file
is held in memory while it is read (an upload is at most FILE_MAX_MB),
unlike a tidy CSV file, which is streamed.
"""

from alliance87.data.sdmx.codes import OPTIONS
from alliance87.data.sdmx.mapping import MAPPING, read
from alliance87.data.sdmx.messages import check_xml, sniff_format

__all__ = ["MAPPING", "OPTIONS", "check_xml", "read", "sniff_format"]
