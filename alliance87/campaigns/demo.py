"""
Load the demo's campaign: the World Day against Child Labour (12 June).

What is reported comes from the report of the 4th GCG meeting (seed
document 004, item VI, discussion): the day's name and date, and the idea
of using the CEAG's communications toolkit on that day "to share different
highlights from countries and to give recognition to individuals/champions
working on eradicating child labour". The key messages, the social media
text and the one highlight are sample content for the demo, say so in
their text, and are cited as illustrative; they state no fact. The day's
calendar event and the CEAG come from the events' and groups' demo data.
Idempotent: found by slug and key, written only when they differ.
"""

from __future__ import annotations

from typing import Any

from alliance87.campaigns import services
from alliance87.campaigns.models import (
    Campaign,
    CampaignStatus,
    Message,
    MessageKind,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from alliance87.core.models import Basis
from alliance87.core.provenance import cite
from alliance87.demo.loading import LoadReport, translated, upsert
from alliance87.events.demo import GCG4_REPORT
from alliance87.events.models import Event
from alliance87.groups.models import Group
from alliance87.partners.models import Organisation

SLUG = "world-day-against-child-labour"
EVENT = "world-day-against-child-labour"  # demo/data/events.json
REVIEWERS = "communications-and-engagement"  # demo/data/groups.json
SAMPLE = "Sample content for the demo"
LOCATOR = "item VI, discussion (USDOL's question and the Secretariat's answer)"

# The day's name in three languages, as the events' demo data holds it.
TITLE = {
    "en": "World Day against Child Labour",
    "fr": "Journée mondiale contre le travail des enfants",
    "es": "Día Mundial contra el Trabajo Infantil",
}
CALL = {
    "en": "At the 4th Global Coordinating Group meeting, USDOL asked whether the "
    "communications toolkit could be used for the World Day against Child Labour "
    "(12 June) to share highlights from countries and to give recognition to "
    "individuals and champions working to eradicate child labour; the Secretariat "
    "answered that this was exactly the kind of activity where further engagement "
    "from partners is required.\n\nPartners: submit a highlight from your country or "
    "put forward a champion, and add the activities you plan.",
    "fr": "À la 4e réunion du Groupe de coordination mondial, le Département du Travail "
    "des États-Unis a demandé si la boîte à outils de communication pouvait servir pour "
    "la Journée mondiale contre le travail des enfants (12 juin), pour partager des temps "
    "forts des pays et saluer les personnes et champions qui œuvrent à éradiquer le "
    "travail des enfants ; le Secrétariat a répondu que c'était exactement le type "
    "d'activité qui demande un engagement accru des partenaires.\n\nPartenaires : "
    "proposez un temps fort de votre pays ou un champion, et ajoutez les activités que "
    "vous prévoyez.",
    "es": "En la 4.ª reunión del Grupo de Coordinación Mundial, el Departamento de Trabajo "
    "de los Estados Unidos preguntó si el conjunto de herramientas de comunicación podía "
    "utilizarse para el Día Mundial contra el Trabajo Infantil (12 de junio), a fin de "
    "compartir experiencias destacadas de los países y reconocer a las personas y "
    "referentes que trabajan para erradicar el trabajo infantil; la Secretaría respondió "
    "que es exactamente el tipo de actividad que requiere una mayor participación de los "
    "asociados.\n\nAsociados: envíen una experiencia destacada de su país o propongan a "
    "un referente, y añadan las actividades que planean.",
}
SUMMARY = {
    "en": "Sample content for the demo: the campaign's toolkit, partners' planned "
    "activities, and the highlights from countries and champions partners share.",
    "fr": "Contenu d'exemple pour la démonstration : la boîte à outils de la campagne, "
    "les activités prévues par les partenaires, et les temps forts des pays et les "
    "champions qu'ils partagent.",
    "es": "Contenido de ejemplo para la demostración: el conjunto de herramientas de la "
    "campaña, las actividades previstas por los asociados y las experiencias destacadas "
    "de los países y los referentes que comparten.",
}

MESSAGES: list[dict[str, Any]] = [
    {
        "key": "sample-key-message-1",
        "kind": MessageKind.KEY_MESSAGE,
        "order": 1,
        "text": {
            "en": "Sample content for the demo: a key message of the campaign, for partners "
            "to use in their own words.",
            "fr": "Contenu d'exemple pour la démonstration : un message clé de la campagne, "
            "que les partenaires reprennent avec leurs propres mots.",
            "es": "Contenido de ejemplo para la demostración: un mensaje clave de la "
            "campaña, para que los asociados lo usen con sus propias palabras.",
        },
    },
    {
        "key": "sample-key-message-2",
        "kind": MessageKind.KEY_MESSAGE,
        "order": 2,
        "text": {
            "en": "Sample content for the demo: share highlights from your country and "
            "recognise the champions working to eradicate child labour.",
            "fr": "Contenu d'exemple pour la démonstration : partagez les temps forts de "
            "votre pays et saluez les champions qui œuvrent à éradiquer le travail des "
            "enfants.",
            "es": "Contenido de ejemplo para la demostración: comparta las experiencias "
            "destacadas de su país y reconozca a los referentes que trabajan para "
            "erradicar el trabajo infantil.",
        },
    },
    {
        "key": "sample-social-1",
        "kind": MessageKind.SOCIAL,
        "order": 1,
        "text": {
            "en": "Sample content for the demo: 12 June is the World Day against Child "
            "Labour. Tell us what your organisation is doing, and who your champions are.",
            "fr": "Contenu d'exemple pour la démonstration : le 12 juin est la Journée "
            "mondiale contre le travail des enfants. Dites-nous ce que fait votre "
            "organisation, et qui sont vos champions.",
            "es": "Contenido de ejemplo para la demostración: el 12 de junio es el Día "
            "Mundial contra el Trabajo Infantil. Cuéntenos qué hace su organización y "
            "quiénes son sus referentes.",
        },
    },
]

HIGHLIGHT = {
    "title": "Sample highlight for the demo",
    "text": "Sample content for the demo: a highlight from a country as a partner submits "
    "it, published here after review by the Communications and Engagement Action Group "
    "or the Secretariat. It describes no real activity.",
}


def load(report: LoadReport) -> None:
    """Write the World Day against Child Labour campaign, its sample
    toolkit and its sample highlight."""
    event = Event.objects.filter(slug=EVENT).first()
    group = Group.objects.filter(slug=REVIEWERS).first()
    if group is None:
        return
    values = {
        "event": event,
        "review_group": group,
        "status": CampaignStatus.PUBLISHED,
        "call_open": True,
        **translated("title", TITLE),
        **translated("summary", SUMMARY),
        **translated("call", CALL),
    }
    campaign, created, changed = upsert(
        Campaign, {"slug": SLUG}, values, save=services.save_campaign
    )
    report.count("campaign", created, changed)
    cite(campaign, acting_user=None, basis=Basis.ILLUSTRATIVE, note=SAMPLE)
    for name in ("title", "call"):
        cite(
            campaign,
            acting_user=None,
            basis=Basis.REPORTED,
            field=name,
            source_title=GCG4_REPORT,
            locator=LOCATOR,
        )
    for row in MESSAGES:
        _, created, changed = upsert(
            Message,
            {"campaign": campaign, "key": row["key"]},
            {"kind": row["kind"], "order": row["order"], **translated("text", row["text"])},
            save=services.save_message,
        )
        report.count("campaign message", created, changed)
    organisation = Organisation.objects.filter(slug="demo-organisation").first()
    sample, created, changed = upsert(
        Submission,
        {"campaign": campaign, "title": HIGHLIGHT["title"]},
        {
            "kind": SubmissionKind.HIGHLIGHT,
            "text": HIGHLIGHT["text"],
            "language": "en",
            "organisation": organisation,
            "status": SubmissionStatus.PUBLISHED,
        },
        save=services.save_sample_submission,
    )
    report.count("campaign highlight", created, changed)
    cite(sample, acting_user=None, basis=Basis.ILLUSTRATIVE, note=SAMPLE)
