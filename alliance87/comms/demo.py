"""
Load the news of the demo: only what the seed documents report, each post
quoting its passage and cited to it, and labelled illustrative (the Hub did
not publish these posts; they are written for the demo from the seeds, and
their publication date is the month of the meeting whose report states the
facts). Idempotent: found by slug, written only when they differ.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import Any

from alliance87.comms import services
from alliance87.comms.models import Post, PostKind, PostStatus
from alliance87.core.models import Basis, Theme
from alliance87.core.provenance import cite
from alliance87.countries.models import Country
from alliance87.demo.loading import LoadReport, related_as, translated, upsert
from alliance87.events.demo import GCG4_REPORT
from alliance87.events.models import Event

# The 4th GCG meeting is stored as April 2019 (demo/data/events.json).
GCG4_MONTH = dt.datetime(2019, 4, 1, tzinfo=dt.UTC)
NOTE = (
    "Written for the demo from the report of the 4th GCG meeting (seed document 004); "
    "dated to the month of that meeting."
)

RECORDS = "The report of the 4th Global Coordinating Group meeting records:"
WORKSHOPS = (
    "Since the first pathfinder workshop in Madagascar in October, 4 additional workshops "
    "have taken place in Nepal, Mauritania, Tunisia and Chile. Another 10 countries have "
    "expressed written interest in holding national strategic workshops"
)
BANGKOK = (
    "Civil Society Organizations interested in partnering with the Alliance convened in "
    "Bangkok last year for the Freedom from Slavery Forum. More than 70 stakeholders "
    "endorsed the Bangkok Statement."
)

POSTS: list[dict[str, Any]] = [
    {
        "slug": "four-more-pathfinder-workshops",
        "kind": PostKind.NEWS,
        "title": {
            "en": "Four more pathfinder workshops since Madagascar",
            "fr": "Quatre nouveaux ateliers de pays pionniers depuis Madagascar",
            "es": "Cuatro nuevos talleres de países pioneros desde Madagascar",
        },
        "summary": {
            "en": "The Chair's update to the 4th Global Coordinating Group meeting.",
            "fr": "Le point présenté par la présidence à la 4e réunion du Groupe de "
            "coordination mondial.",
            "es": "La actualización de la Presidencia en la 4.ª reunión del Grupo de "
            "Coordinación Mundial.",
        },
        "body": {
            "en": f"{RECORDS}\n\n> {WORKSHOPS}.",
            "fr": "Le rapport de la 4e réunion du Groupe de coordination mondial indique "
            "(citation en anglais) :\n\n> " + WORKSHOPS + ".",
            "es": "El informe de la 4.ª reunión del Grupo de Coordinación Mundial recoge "
            "(cita en inglés):\n\n> " + WORKSHOPS + ".",
        },
        "countries": ["MDG", "NPL", "MRT", "TUN", "CHL"],
        "events": ["gcg-4"],
        "themes": [],
        "locator": "Opening, the Chair's update",
    },
    {
        # In English only: the demo's post that exists in one language.
        "slug": "bangkok-statement-endorsed",
        "kind": PostKind.NEWS,
        "title": {"en": "More than 70 stakeholders endorsed the Bangkok Statement"},
        "summary": {"en": "Civil society at the Freedom from Slavery Forum."},
        "body": {"en": f"{RECORDS}\n\n> {BANGKOK}"},
        "countries": [],
        "events": ["freedom-from-slavery-forum-2018", "gcg-4"],
        "themes": [],
        "locator": "Opening, the Chair's update",
    },
]


def load(report: LoadReport) -> None:
    """Write the demo's posts, cited to the seed passages they quote."""
    for row in POSTS:
        links = services.PostLinks(
            themes=list(Theme.objects.filter(slug__in=row["themes"])),
            countries=list(Country.objects.filter(iso3__in=row["countries"])),
            events=list(Event.objects.filter(slug__in=row["events"])),
            groups=[],
        )
        values = {
            "kind": row["kind"],
            "status": PostStatus.PUBLISHED,
            "publish_at": GCG4_MONTH,
            **translated("title", row["title"]),
            **translated("summary", row["summary"]),
            **translated("body", row["body"]),
        }
        post, created, changed = upsert(
            Post, {"slug": row["slug"]}, values, save=partial(_save, links=links)
        )
        relations = {name: list(getattr(links, name)) for name in ("countries", "events")}
        if not created and not related_as(post, relations):
            services.save_post(post, acting_user=None, links=links)
            changed = True
        report.count("news post", created, changed)
        cite(post, acting_user=None, basis=Basis.ILLUSTRATIVE, note=NOTE)
        cite(
            post,
            acting_user=None,
            basis=Basis.REPORTED,
            source_title=GCG4_REPORT,
            locator=row["locator"],
        )

    load_issue(report)
    load_survey(report)


# --- The newsletter -------------------------------------------------------

ISSUE_SUBJECT = {
    "en": "Alliance 8.7 newsletter (illustrative)",
    "fr": "Lettre d'information de l'Alliance 8.7 (exemple)",
    "es": "Boletín de la Alianza 8.7 (ejemplo)",
}
ISSUE_INTRO = {
    "en": "*Illustrative (demo): this issue was never sent; it shows what an issue "
    "looks like, composed of the demo's posts.*",
    "fr": "*Exemple (démo) : ce numéro n'a jamais été envoyé ; il montre à quoi "
    "ressemble un numéro, composé des articles de la démo.*",
    "es": "*Ejemplo (demo): este número nunca se envió; muestra cómo es un número, "
    "compuesto con las noticias de la demo.*",
}
ISSUE_HEADING = {
    "en": "News and stories",
    "fr": "Actualités et récits",
    "es": "Noticias y relatos",
}


# A post not written in an issue's language is named by what it is, not by
# its title in another language (Markdown cannot mark the title's language).
IN_ENGLISH_ONLY = {
    "en": "",
    "fr": "Un article publié en anglais seulement",
    "es": "Un artículo publicado solo en inglés",
}


def _link_text(post: Post, code: str) -> str:
    if code in post.languages or not IN_ENGLISH_ONLY.get(code):
        return str(post.shown_title)
    return IN_ENGLISH_ONLY[code]


def issue_texts() -> tuple[dict[str, str], dict[str, str]]:
    """The demo issue's subject and text in each language: a link to each
    of the demo's posts (in the language of the link's page)."""
    from django.utils import translation

    posts = list(Post.objects.filter(slug__in=[row["slug"] for row in POSTS]).order_by("slug"))
    bodies = {}
    for code, intro in ISSUE_INTRO.items():
        with translation.override(code):
            lines = [f"- [{_link_text(p, code)}]({p.get_absolute_url()})" for p in posts]
        bodies[code] = f"{intro}\n\n## {ISSUE_HEADING[code]}\n\n" + "\n".join(lines)
    return dict(ISSUE_SUBJECT), bodies


def load_issue(report: LoadReport) -> None:
    """One illustrative issue in the archive, never sent, so that an
    issue's page is there to see."""
    from alliance87.comms.models import Issue

    subjects, bodies = issue_texts()
    issue = Issue.objects.filter(illustrative=True).order_by("pk").first()
    current = issue and all(
        getattr(issue, f"subject_{c}") == subjects[c] and getattr(issue, f"body_{c}") == bodies[c]
        for c in subjects
    )
    if issue is not None and current:
        report.count("newsletter issue", False, False)
        return
    created = issue is None
    services.file_illustrative_issue(
        issue or Issue(), subjects=subjects, bodies=bodies, dated=GCG4_MONTH, acting_user=None
    )
    report.count("newsletter issue", created, not created)


def _save(post: Post, *, acting_user: Any, links: services.PostLinks) -> Post:
    return services.save_post(post, acting_user=acting_user, links=links)


# --- The Chair's survey -------------------------------------------------------

SURVEY_NOTE = (
    "The Chair offered to circulate a survey to the GCG network on the online community's "
    "priorities (report of the 4th GCG meeting, seed document 004). The questions' wording, "
    "the dates and the sample responses are written for the demo; the choices repeat the "
    "report's words."
)
SURVEY: dict[str, Any] = {
    "slug": "online-community-priorities",
    "group": "global-coordinating-group",
    "title": {
        "en": "The online community's priorities: the Chair's survey",
        "fr": "Les priorités de la communauté en ligne : l'enquête de la présidence",
        "es": "Las prioridades de la comunidad en línea: la encuesta de la Presidencia",
    },
    "intro": {
        "en": "The Chair asked the GCG members for their views on the priorities of an "
        "inclusive online community for practitioners working on SDG 8.7.",
        "fr": "La présidence a demandé aux membres du GCG leur avis sur les priorités d'une "
        "communauté en ligne inclusive pour les praticiens de l'ODD 8.7.",
        "es": "La Presidencia pidió a los miembros del GCG su opinión sobre las prioridades de "
        "una comunidad en línea inclusiva para quienes trabajan en el ODS 8.7.",
    },
    # Illustrative dates: open in the demo.
    "opens_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    "closes_at": dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
}
QUESTIONS: list[dict[str, Any]] = [
    {
        "kind": "single",
        "required": True,
        "text": {
            "en": "What should the online community do first?",
            "fr": "Que doit faire la communauté en ligne en premier ?",
            "es": "¿Qué debe hacer primero la comunidad en línea?",
        },
        "choices": [
            {
                "en": "Connect practitioners working on SDG 8.7 issues",
                "fr": "Mettre en relation les praticiens de l'ODD 8.7",
                "es": "Conectar a quienes trabajan en el ODS 8.7",
            },
            {
                "en": "Share best practices",
                "fr": "Partager les bonnes pratiques",
                "es": "Compartir buenas prácticas",
            },
            {
                "en": "Work in close collaboration with Delta 8.7",
                "fr": "Travailler en étroite collaboration avec Delta 8.7",
                "es": "Trabajar en estrecha colaboración con Delta 8.7",
            },
        ],
    },
    {
        "kind": "multiple",
        "text": {
            "en": "Whom should it connect?",
            "fr": "Qui doit-elle mettre en relation ?",
            "es": "¿A quiénes debe conectar?",
        },
        "choices": [
            {"en": "GCG members", "fr": "Les membres du GCG", "es": "Los miembros del GCG"},
            {
                "en": "Other practitioners",
                "fr": "D'autres praticiens",
                "es": "Otros profesionales",
            },
            {
                "en": "Civil society organisations",
                "fr": "Les organisations de la société civile",
                "es": "Las organizaciones de la sociedad civil",
            },
        ],
    },
    {
        "kind": "scale",
        "text": {
            "en": "How useful would such a community be to your work?",
            "fr": "Quelle serait l'utilité d'une telle communauté pour votre travail ?",
            "es": "¿Qué utilidad tendría esa comunidad para su trabajo?",
        },
        "scale_min_label": {"en": "Not useful", "fr": "Pas utile", "es": "Nada útil"},
        "scale_max_label": {"en": "Very useful", "fr": "Très utile", "es": "Muy útil"},
    },
    {
        "kind": "single",
        "text": {
            "en": "Have you used the pilot online engagement platform?",
            "fr": "Avez-vous utilisé la plateforme pilote d'engagement en ligne ?",
            "es": "¿Ha usado la plataforma piloto de participación en línea?",
        },
        "choices": [
            {"en": "Yes", "fr": "Oui", "es": "Sí"},
            {"en": "No", "fr": "Non", "es": "No"},
        ],
    },
    {
        "kind": "text",
        "shown_if": (4, 1),  # question 4's first choice: "Yes"
        "text": {
            "en": "Which tools and services would you like to see?",
            "fr": "Quels outils et services aimeriez-vous voir ?",
            "es": "¿Qué herramientas y servicios le gustaría ver?",
        },
    },
]
# Sample responses (illustrative): (stakeholder type, answer to question 1
# by choice number, scale value, used the pilot). Eleven governments, so
# that their group shows in the breakdown; three others, left out by the
# small-cell rule.
SAMPLES = [("government", 1 + n % 3, 3 + n % 3, n % 2 == 0) for n in range(11)] + [
    ("un_international", 2, 4, True),
    ("workers", 1, 5, False),
    ("civil_society", 3, 4, True),
]


def load_survey(report: LoadReport) -> None:
    from alliance87.comms.models import Answer, Choice, Question, Response, Survey
    from alliance87.groups.models import Group

    group = Group.objects.filter(slug=SURVEY["group"]).first()
    survey, created, changed = upsert(
        Survey,
        {"slug": SURVEY["slug"]},
        {
            "group": group,
            "visibility": "members",
            "mode": "per_person",
            "status": "published",
            "opens_at": SURVEY["opens_at"],
            "closes_at": SURVEY["closes_at"],
            **translated("title", SURVEY["title"]),
            **translated("intro", SURVEY["intro"]),
        },
    )
    report.count("survey", created, changed)
    choices: dict[tuple[int, int], Any] = {}
    for number, row in enumerate(QUESTIONS, start=1):
        shown_if = choices.get(row["shown_if"]) if row.get("shown_if") else None
        question, _c, _ch = upsert(
            Question,
            {"survey": survey, "order": number},
            {
                "kind": row["kind"],
                "required": row.get("required", False),
                "shown_if": shown_if,
                **translated("text", row["text"]),
                **translated("scale_min_label", row.get("scale_min_label", {})),
                **translated("scale_max_label", row.get("scale_max_label", {})),
            },
        )
        for order, label in enumerate(row.get("choices", []), start=1):
            choices[(number, order)], _c, _ch = upsert(
                Choice, {"question": question, "order": order}, translated("label", label)
            )
    cite(survey, acting_user=None, basis=Basis.ILLUSTRATIVE, note=SURVEY_NOTE)
    cite(
        survey,
        acting_user=None,
        basis=Basis.REPORTED,
        source_title=GCG4_REPORT,
        locator="Opening, the Chair's priorities (1)",
    )
    if Response.objects.filter(survey=survey).exists():
        return
    questions = {q.order: q for q in survey.questions.all()}
    for stakeholder_type, first, scale, used in SAMPLES:
        response = Response.objects.create(
            survey=survey, stakeholder_type=stakeholder_type, is_sample=True
        )
        rows = [
            Answer(response=response, question=questions[1], choice=choices[(1, first)]),
            Answer(response=response, question=questions[2], choice=choices[(2, 1 + first % 3)]),
            Answer(response=response, question=questions[3], value=scale),
            Answer(
                response=response, question=questions[4], choice=choices[(4, 1 if used else 2)]
            ),
        ]
        if used:
            rows.append(
                Answer(
                    response=response,
                    question=questions[5],
                    text="Illustrative sample answer (demo): no real respondent wrote this.",
                )
            )
        Answer.objects.bulk_create(rows)
    report.count("sample survey response", True, False)
