"""
Demo data for statements: the Bangkok Statement of the Freedom from Slavery
Forum (December 2018), from the report of the 4th GCG meeting.

The report says more than 70 stakeholders endorsed it but names none, so
the published count is stored as reported and the two endorsements below
are marked as a demonstration sample, shown with that label.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from alliance87.core.dates import DatePrecision
from alliance87.demo.loading import LoadReport, translated, upsert, write
from alliance87.partners.models import Organisation
from alliance87.statements import services
from alliance87.statements.models import Endorsement, Statement

SAMPLE_ENDORSERS = ["global-march-against-child-labour", "walk-free-foundation"]


def load(report: LoadReport) -> None:
    """Write the Bangkok Statement; running it twice changes nothing."""
    statement, created, changed = upsert(
        Statement,
        {"slug": "bangkok-statement"},
        {
            "date_start": dt.date(2018, 12, 1),
            "date_end": None,
            "date_precision": DatePrecision.MONTH,
            "date_tentative": False,
            "published_endorsements": 70,
            "open_for_endorsement": True,
            **translated(
                "title",
                {
                    "en": "The Bangkok Statement",
                    "fr": "La Déclaration de Bangkok",
                    "es": "La Declaración de Bangkok",
                },
            ),
            **translated(
                "issued_by",
                {
                    "en": "Freedom from Slavery Forum",
                    "fr": "Forum « Freedom from Slavery »",
                    "es": "Foro «Freedom from Slavery»",
                },
            ),
            **translated("place", {"en": "Bangkok", "fr": "Bangkok", "es": "Bangkok"}),
            **translated(
                "summary",
                {
                    "en": (
                        "A set of guidelines and principles on how civil society can engage "
                        "with other partners on SDG target 8.7, adopted at the Freedom from "
                        "Slavery Forum, where civil society organisations interested in "
                        "partnering with the Alliance convened. The Forum discussed how to "
                        "strengthen national coalitions; how to link the forced labour, child "
                        "labour and trafficking in persons communities; how to improve the "
                        "dissemination of information among partners; how to bring more "
                        "organisations to the movement; and how to mobilise resources for "
                        "their work."
                    ),
                    "fr": (
                        "Un ensemble de lignes directrices et de principes sur la manière dont "
                        "la société civile peut collaborer avec les autres partenaires sur la "
                        "cible 8.7 des ODD, adopté au Forum « Freedom from Slavery », qui a "
                        "réuni les organisations de la société civile souhaitant s'associer à "
                        "l'Alliance. Le Forum a débattu des moyens de renforcer les coalitions "
                        "nationales ; de relier les communautés du travail forcé, du travail "
                        "des enfants et de la traite des personnes ; de mieux diffuser "
                        "l'information entre partenaires ; d'attirer davantage d'organisations "
                        "dans le mouvement ; et de mobiliser des ressources pour leur travail."
                    ),
                    "es": (
                        "Un conjunto de directrices y principios sobre cómo la sociedad civil "
                        "puede colaborar con otros socios en la meta 8.7 de los ODS, adoptado en "
                        "el Foro «Freedom from Slavery», que reunió a las organizaciones de la "
                        "sociedad civil interesadas en asociarse con la Alianza. El Foro debatió "
                        "cómo fortalecer las coaliciones nacionales; cómo vincular a las "
                        "comunidades del trabajo forzoso, el trabajo infantil y la trata de "
                        "personas; cómo mejorar la difusión de información entre socios; cómo "
                        "sumar más organizaciones al movimiento; y cómo movilizar recursos para "
                        "su labor."
                    ),
                },
            ),
            **translated(
                "published_endorsements_note",
                {
                    "en": "more than 70 stakeholders (GCG report, 2019)",
                    "fr": "plus de 70 parties prenantes (rapport du GCG, 2019)",
                    "es": "más de 70 partes interesadas (informe del GCM, 2019)",
                },
            ),
        },
        save=services.save_statement,
    )
    report.count("statement", created, changed)
    for slug in SAMPLE_ENDORSERS:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        _e, created, changed = write(
            Endorsement,
            {"statement": statement, "organisation": organisation},
            {},
            create=partial(
                services.endorse_statement,
                statement,
                organisation=organisation,
                source=Endorsement.Source.SAMPLE,
                date_unknown=True,
                acting_user=None,
            ),
        )
        report.count("endorsement", created, changed)
