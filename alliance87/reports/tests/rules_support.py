"""The small directory and helpers the extraction-rule tests share."""

from __future__ import annotations

from alliance87.reports.engine import propose
from alliance87.reports.proposal import Proposal
from alliance87.reports.resolve import CountryEntry, Directory, OrgEntry
from alliance87.reports.text import ReportText

DIRECTORY = Directory(
    [
        OrgEntry(
            "ilo",
            ("International Labour Organization", "Organisation internationale du Travail"),
            ("ILO", "OIT"),
        ),
        OrgEntry("ioe", ("International Organisation of Employers",), ("IOE", "OIE")),
        OrgEntry("ituc", ("International Trade Union Confederation",), ("ITUC", "CSI")),
        OrgEntry("unicef", ("United Nations Children's Fund",), ("UNICEF",)),
        OrgEntry(
            "ohchr",
            ("Office of the United Nations High Commissioner for Human Rights",),
            ("OHCHR",),
        ),
        OrgEntry("global-march", ("Global March Against Child Labour",), ()),
        OrgEntry("unu", ("United Nations University",), ("UNU",)),
        OrgEntry("government-of-fiji", ("Government of Fiji",), (), "FJI", government=True),
        OrgEntry("government-of-mexico", ("Government of Mexico",), (), "MEX", government=True),
        OrgEntry("government-of-nepal", ("Government of Nepal",), (), "NPL", government=True),
    ],
    [
        CountryEntry("FJI", ("Fiji", "Fidji", "Fiyi")),
        CountryEntry("MEX", ("Mexico", "Mexique", "México")),
        CountryEntry("NPL", ("Nepal", "Népal")),
        CountryEntry("CHL", ("Chile", "Chili")),
        CountryEntry("TUN", ("Tunisia", "Tunisie", "Túnez")),
        CountryEntry("VNM", ("Viet Nam",)),
        CountryEntry("GHA", ("Ghana",)),
        CountryEntry("CHE", ("Switzerland", "Suisse", "Suiza")),
    ],
)


def run(text: str) -> Proposal:
    return propose(ReportText(text, "text"), DIRECTORY)


def passage(text: str, element: object) -> str:
    source = element.source  # type: ignore[attr-defined]
    return text[source.start : source.end]
