"""
The pathfinder countries of the seed, from the meeting report of the 4th
Global Coordinating Group meeting (seed 004): the workshop table, each
country's priorities, achievements, challenges and next steps, Chile's
roadmap, and the Secretariat's lessons learned.

Only what the report says is written as fact. The report gives no budget:
Madagascar's actions carry illustrative figures so that the funding-gap
summary has something to show, flagged `budget_illustrative` and labelled
as such on every page that shows them. Stages whose date the report does
not give are recorded without a date.

Pure data: pathfinders/demo.py writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.pathfinders.models import Action, Stage

T = dict[str, str]
REPORT = {
    "en": "Meeting report of the 4th Global Coordinating Group meeting",
    "fr": "Rapport de la 4e réunion du Groupe de coordination mondial",
    "es": "Informe de la 4.ª reunión del Grupo de Coordinación Mundial",
}


def day(y: int, m: int, d: int, end: int | None = None) -> ReportedDate:
    if end is not None:
        return ReportedDate(dt.date(y, m, d), dt.date(y, m, end), DatePrecision.RANGE)
    return ReportedDate(dt.date(y, m, d))


def month(y: int, m: int, *, tentative: bool = False) -> ReportedDate:
    return ReportedDate(dt.date(y, m, 1), None, DatePrecision.MONTH, tentative)


# The workshop table of the report, in its order, with its regional groups.
WORKSHOPS: list[dict[str, Any]] = [
    {"host": "MDG", "region": "africa", "date": day(2018, 10, 25), "status": "held"},
    {"host": "MRT", "region": "africa", "date": day(2019, 3, 4), "status": "held"},
    {
        "org": "african-union",
        "region": "africa",
        "date": day(2019, 3, 20, end=21),
        "status": "planned",
        "title": {
            "en": "African Union regional workshop",
            "fr": "Atelier régional de l'Union africaine",
            "es": "Taller regional de la Unión Africana",
        },
        "notes": {
            "en": "Listed with the workshops in the report, which counts five workshops held, "
            "not this one.",
            "fr": "Figure parmi les ateliers du rapport, qui compte cinq ateliers tenus, "
            "sans celui-ci.",
            "es": "Figura entre los talleres del informe, que cuenta cinco talleres celebrados, "
            "sin incluir este.",
        },
    },
    {"host": "TUN", "region": "africa", "date": day(2019, 3, 28), "status": "held"},
    {"host": "UGA", "region": "africa", "date": day(2019, 4, 17), "status": "planned"},
    {"host": "NGA", "region": "africa", "date": day(2019, 5, 9), "status": "planned"},
    {"host": "CHL", "region": "americas", "date": day(2019, 3, 28), "status": "held"},
    {"host": "NPL", "region": "asia_pacific", "date": day(2019, 2, 7), "status": "held"},
    {"host": "VNM", "region": "asia_pacific", "date": day(2019, 5, 24), "status": "planned"},
    {
        "host": "FJI",
        "region": "asia_pacific",
        "date": month(2019, 7, tentative=True),
        "status": "planned",
    },
    {
        "host": "ALB",
        "region": "europe_central_asia",
        "date": day(2019, 4, 12),
        "status": "planned",
    },
]

HELD_EVIDENCE = {
    "en": "Workshop table of the report",
    "fr": "Tableau des ateliers du rapport",
    "es": "Cuadro de talleres del informe",
}
PLANNED_EVIDENCE = {
    "en": "Listed among the workshops planned in the report",
    "fr": "Parmi les ateliers prévus selon le rapport",
    "es": "Entre los talleres previstos según el informe",
}

PATHFINDERS: dict[str, dict[str, Any]] = {
    "MDG": {
        "lead": "government-of-madagascar",
        "summary": {
            "en": "Madagascar held the first pathfinder workshop in October 2018. In February "
            "2019 a further consultation with key stakeholders established priority "
            "initiatives on child labour and trafficking in persons.",
            "fr": "Madagascar a tenu le premier atelier pionnier en octobre 2018. En février "
            "2019, une nouvelle consultation avec les principales parties prenantes a fixé "
            "des initiatives prioritaires sur le travail des enfants et la traite des "
            "personnes.",
            "es": "Madagascar celebró el primer taller de país pionero en octubre de 2018. En "
            "febrero de 2019, una nueva consulta con las principales partes interesadas "
            "estableció iniciativas prioritarias sobre trabajo infantil y trata de personas.",
        },
        "ministries": {
            "en": "Ministry of Foreign Affairs\nMinistry of Justice\nMinistry of Finance\n"
            "Ministry of the Interior\nMinistry of Public Security\nMinistry of Agriculture\n"
            "Ministry of Mining\nMinistry of Fishing\nMinistry of Public Infrastructure",
            "fr": "Ministère des Affaires étrangères\nMinistère de la Justice\nMinistère des "
            "Finances\nMinistère de l'Intérieur\nMinistère de la Sécurité publique\nMinistère "
            "de l'Agriculture\nMinistère des Mines\nMinistère de la Pêche\nMinistère des "
            "Infrastructures publiques",
            "es": "Ministerio de Relaciones Exteriores\nMinisterio de Justicia\nMinisterio de "
            "Finanzas\nMinisterio del Interior\nMinisterio de Seguridad Pública\nMinisterio de "
            "Agricultura\nMinisterio de Minería\nMinisterio de Pesca\nMinisterio de "
            "Infraestructuras Públicas",
        },
        "participants": [],
        "stages": [
            (Stage.WORKSHOP_HELD, day(2018, 10, 25), HELD_EVIDENCE),
            (
                Stage.ROADMAP_ADOPTED,
                month(2019, 2),
                {
                    "en": "Priority initiatives established at a further consultation with key "
                    "stakeholders",
                    "fr": "Initiatives prioritaires fixées lors d'une nouvelle consultation avec "
                    "les principales parties prenantes",
                    "es": "Iniciativas prioritarias establecidas en una nueva consulta con las "
                    "principales partes interesadas",
                },
            ),
            (
                Stage.IMPLEMENTATION,
                None,
                {
                    "en": "Ratification of four ILO Conventions started; labour migration "
                    "agreements under way (reported by the National Focal Point)",
                    "fr": "Ratification de quatre conventions de l'OIT engagée ; accords de "
                    "migration de main-d'œuvre en cours (selon le point focal national)",
                    "es": "Ratificación de cuatro convenios de la OIT iniciada; acuerdos de "
                    "migración laboral en curso (según el punto focal nacional)",
                },
            ),
        ],
        "findings": [
            (
                "achievement",
                {},
                {
                    "en": "Started the process of ratifying the ILO Conventions on Migrant "
                    "Workers, Domestic Workers, Forced Labour and Private Recruitment Agencies.",
                    "fr": "A engagé la ratification des conventions de l'OIT sur les "
                    "travailleurs migrants, les travailleuses et travailleurs domestiques, le "
                    "travail forcé et les agences d'emploi privées.",
                    "es": "Inició la ratificación de los convenios de la OIT sobre trabajadores "
                    "migrantes, trabajadoras y trabajadores domésticos, trabajo forzoso y "
                    "agencias de empleo privadas.",
                },
                [],
            ),
            (
                "achievement",
                {},
                {
                    "en": "The labour agreement with Kuwait included the repatriation of 46 "
                    "women victims of trafficking to Madagascar.",
                    "fr": "L'accord de travail avec le Koweït a permis le rapatriement à "
                    "Madagascar de 46 femmes victimes de la traite.",
                    "es": "El acuerdo laboral con Kuwait incluyó la repatriación a Madagascar "
                    "de 46 mujeres víctimas de trata.",
                },
                ["human-trafficking", "migration"],
            ),
            (
                "challenge",
                {},
                {
                    "en": "Resource mobilisation is the main challenge for implementing "
                    "Madagascar's Pathfinder Country Strategy.",
                    "fr": "La mobilisation des ressources est le principal défi pour mettre en "
                    "œuvre la stratégie de pays pionnier de Madagascar.",
                    "es": "La movilización de recursos es el principal desafío para aplicar la "
                    "estrategia de país pionero de Madagascar.",
                },
                [],
            ),
        ],
    },
    "MRT": {
        "lead": "government-of-mauritania",
        "summary": {
            "en": "Mauritania's Pathfinder Country Strategic Workshop was held with "
            "stakeholders on 4 March 2019, where five priorities and two priority regions "
            "were identified.",
            "fr": "L'atelier stratégique de pays pionnier de la Mauritanie s'est tenu avec les "
            "parties prenantes le 4 mars 2019 ; cinq priorités et deux régions prioritaires "
            "y ont été retenues.",
            "es": "El taller estratégico de país pionero de Mauritania se celebró con las "
            "partes interesadas el 4 de marzo de 2019; en él se definieron cinco prioridades "
            "y dos regiones prioritarias.",
        },
        "ministries": {},
        "participants": [],
        "stages": [(Stage.WORKSHOP_HELD, day(2019, 3, 4), HELD_EVIDENCE)],
        "findings": [
            (
                "priority",
                {},
                {
                    "en": "Implement the National Plan to Eradicate Forced Labour.",
                    "fr": "Mettre en œuvre le Plan national d'éradication du travail forcé.",
                    "es": "Aplicar el Plan Nacional de Erradicación del Trabajo Forzoso.",
                },
                ["forced-labour"],
            ),
            (
                "priority",
                {},
                {
                    "en": "Ensure effective access to justice for victims of modern slavery "
                    "through laws no. 2015-031 (criminalizing slavery) and no. 2015-30 "
                    "(judicial assistance).",
                    "fr": "Garantir aux victimes de l'esclavage moderne un accès effectif à la "
                    "justice grâce aux lois n° 2015-031 (incriminant l'esclavage) et n° 2015-30 "
                    "(assistance judiciaire).",
                    "es": "Garantizar a las víctimas de la esclavitud moderna un acceso efectivo "
                    "a la justicia mediante las leyes n.º 2015-031 (que tipifica la esclavitud) y "
                    "n.º 2015-30 (asistencia judicial).",
                },
                ["modern-slavery", "access-to-justice"],
            ),
            (
                "priority",
                {},
                {
                    "en": "Combat human trafficking through access to child education, "
                    "particularly within refugee-hosting regions.",
                    "fr": "Lutter contre la traite des personnes par l'accès des enfants à "
                    "l'éducation, en particulier dans les régions qui accueillent des réfugiés.",
                    "es": "Combatir la trata de personas mediante el acceso de los niños a la "
                    "educación, en particular en las regiones que acogen refugiados.",
                },
                ["human-trafficking", "education"],
            ),
            (
                "priority",
                {},
                {
                    "en": "Protect migrant workers in Mauritania and abroad through the "
                    "implementation of ILO Convention no. 142.",
                    "fr": "Protéger les travailleurs migrants en Mauritanie et à l'étranger par "
                    "la mise en œuvre de la convention n° 142 de l'OIT.",
                    "es": "Proteger a los trabajadores migrantes en Mauritania y en el "
                    "extranjero mediante la aplicación del Convenio núm. 142 de la OIT.",
                },
                ["migration"],
            ),
            (
                "priority",
                {},
                {
                    "en": "Eradicate the worst forms of child labour in at least two supply "
                    "chains: artisanal fisheries and the dairy sector.",
                    "fr": "Éradiquer les pires formes de travail des enfants dans au moins deux "
                    "chaînes d'approvisionnement : la pêche artisanale et la filière laitière.",
                    "es": "Erradicar las peores formas de trabajo infantil en al menos dos "
                    "cadenas de suministro: la pesca artesanal y el sector lácteo.",
                },
                ["child-labour", "supply-chains", "fisheries", "dairy"],
            ),
            (
                "geographic",
                {},
                {
                    "en": "The border region with Mali, due to the high number of refugees at "
                    "risk of trafficking in persons.",
                    "fr": "La région frontalière du Mali, en raison du grand nombre de réfugiés "
                    "exposés à la traite des personnes.",
                    "es": "La región fronteriza con Malí, por el elevado número de refugiados "
                    "expuestos a la trata de personas.",
                },
                ["human-trafficking"],
            ),
            (
                "geographic",
                {},
                {
                    "en": "The Adrar region, due to the high prevalence of child labour.",
                    "fr": "La région de l'Adrar, en raison de la forte prévalence du travail "
                    "des enfants.",
                    "es": "La región de Adrar, por la alta prevalencia del trabajo infantil.",
                },
                ["child-labour"],
            ),
            (
                "next_step",
                {},
                {
                    "en": "Hold a second workshop, before July 2019, to select a pilot "
                    "activity and allocate the corresponding budget.",
                    "fr": "Tenir un second atelier, avant juillet 2019, pour choisir une "
                    "activité pilote et lui allouer le budget correspondant.",
                    "es": "Celebrar un segundo taller, antes de julio de 2019, para elegir una "
                    "actividad piloto y asignarle el presupuesto correspondiente.",
                },
                [],
            ),
        ],
    },
    "TUN": {
        "lead": "government-of-tunisia",
        "summary": {
            "en": "Tunisia held its Pathfinder Country Strategic Workshop on 28 March 2019, "
            "with the participation of many UN agencies.",
            "fr": "La Tunisie a tenu son atelier stratégique de pays pionnier le 28 mars 2019, "
            "avec la participation de nombreuses agences des Nations Unies.",
            "es": "Túnez celebró su taller estratégico de país pionero el 28 de marzo de 2019, "
            "con la participación de muchos organismos de las Naciones Unidas.",
        },
        "ministries": {},
        "participants": [],
        "stages": [(Stage.WORKSHOP_HELD, day(2019, 3, 28), HELD_EVIDENCE)],
        "findings": [
            (
                "priority",
                {},
                {
                    "en": "The Government's focus: child labour.",
                    "fr": "Axe du gouvernement : le travail des enfants.",
                    "es": "Prioridad del Gobierno: el trabajo infantil.",
                },
                ["child-labour"],
            ),
            (
                "priority",
                {},
                {
                    "en": "The Government's focus: trafficking in persons.",
                    "fr": "Axe du gouvernement : la traite des personnes.",
                    "es": "Prioridad del Gobierno: la trata de personas.",
                },
                ["human-trafficking"],
            ),
            (
                "challenge",
                {},
                {
                    "en": "Resource mobilisation will be a challenge.",
                    "fr": "La mobilisation des ressources sera un défi.",
                    "es": "La movilización de recursos será un desafío.",
                },
                [],
            ),
        ],
    },
    "CHL": {
        "lead": "government-of-chile",
        "summary": {
            "en": "Chile was the first South American country to hold a Pathfinder Country "
            "Strategic Workshop, on 28 March 2019, where participants adopted a 2019–2021 "
            "roadmap with four priority areas.",
            "fr": "Le Chili a été le premier pays d'Amérique du Sud à tenir un atelier "
            "stratégique de pays pionnier, le 28 mars 2019 ; les participants y ont adopté "
            "une feuille de route 2019-2021 en quatre axes prioritaires.",
            "es": "Chile fue el primer país de América del Sur en celebrar un taller "
            "estratégico de país pionero, el 28 de marzo de 2019, en el que los "
            "participantes adoptaron una hoja de ruta 2019-2021 con cuatro áreas "
            "prioritarias.",
        },
        "ministries": {
            "en": "Ministry of Justice and Human Rights\nMinistry of Labour\nMinistry of "
            "Health\nNational police corporation (Carabineros)\nUN Resident Coordinator",
            "fr": "Ministère de la Justice et des Droits de l'homme\nMinistère du Travail\n"
            "Ministère de la Santé\nCorps national de police (Carabineros)\nCoordonnateur "
            "résident des Nations Unies",
            "es": "Ministerio de Justicia y Derechos Humanos\nMinisterio del Trabajo\n"
            "Ministerio de Salud\nCarabineros de Chile\nCoordinador Residente de las "
            "Naciones Unidas",
        },
        "participants": ["unicef", "eclac"],
        "stages": [
            (Stage.WORKSHOP_HELD, day(2019, 3, 28), HELD_EVIDENCE),
            (
                Stage.ROADMAP_ADOPTED,
                day(2019, 3, 28),
                {
                    "en": "Adopted by the participants of the workshop",
                    "fr": "Adoptée par les participants à l'atelier",
                    "es": "Adoptada por los participantes en el taller",
                },
            ),
        ],
        "findings": [],
    },
    "NPL": {
        "lead": "government-of-nepal",
        "summary": {
            "en": "Nepal's Pathfinder Country Strategic Workshop was held in February 2019 with "
            "ministries, the Central Bureau of Statistics, NGOs, UN agencies, trade unions, "
            "employers' organisations and survivor organisations.",
            "fr": "L'atelier stratégique de pays pionnier du Népal s'est tenu en février 2019 "
            "avec des ministères, le Bureau central de statistique, des ONG, des agences des "
            "Nations Unies, des syndicats, des organisations d'employeurs et des "
            "organisations de survivants.",
            "es": "El taller estratégico de país pionero de Nepal se celebró en febrero de 2019 "
            "con ministerios, la Oficina Central de Estadística, ONG, organismos de las "
            "Naciones Unidas, sindicatos, organizaciones de empleadores y organizaciones de "
            "sobrevivientes.",
        },
        "ministries": {
            "en": "Ministry of Labour\nMinistry of Poverty Alleviation\nMinistry of Women, "
            "Children and Social Welfare\nMinistry of Land Reform\nMinistry of Education\n"
            "National Planning Commission\nCentral Bureau of Statistics\nNational Human "
            "Rights Commission\nNepal Police",
            "fr": "Ministère du Travail\nMinistère de la Lutte contre la pauvreté\nMinistère "
            "des Femmes, des Enfants et de la Protection sociale\nMinistère de la Réforme "
            "agraire\nMinistère de l'Éducation\nCommission nationale de planification\n"
            "Bureau central de statistique\nCommission nationale des droits de l'homme\n"
            "Police népalaise",
            "es": "Ministerio de Trabajo\nMinisterio de Reducción de la Pobreza\nMinisterio "
            "de la Mujer, la Infancia y el Bienestar Social\nMinisterio de Reforma Agraria\n"
            "Ministerio de Educación\nComisión Nacional de Planificación\nOficina Central de "
            "Estadística\nComisión Nacional de Derechos Humanos\nPolicía de Nepal",
        },
        "participants": ["unicef", "iom"],
        "stages": [(Stage.WORKSHOP_HELD, day(2019, 2, 7), HELD_EVIDENCE)],
        "findings": [
            (
                "achievement",
                {},
                {
                    "en": "Approved a National Action Plan on Child Labour.",
                    "fr": "A approuvé un plan d'action national contre le travail des enfants.",
                    "es": "Aprobó un Plan de Acción Nacional sobre el Trabajo Infantil.",
                },
                ["child-labour"],
            ),
            (
                "achievement",
                {},
                {
                    "en": "Set up an inter-agency action group to implement the plan.",
                    "fr": "A créé un groupe d'action interinstitutions pour mettre en œuvre "
                    "le plan.",
                    "es": "Creó un grupo de acción interinstitucional para aplicar el plan.",
                },
                [],
            ),
            (
                "achievement",
                {},
                {
                    "en": "Raised the minimum age for hazardous work from 16 to 18 years.",
                    "fr": "A relevé de 16 à 18 ans l'âge minimum pour les travaux dangereux.",
                    "es": "Elevó de 16 a 18 años la edad mínima para realizar trabajos "
                    "peligrosos.",
                },
                ["child-labour"],
            ),
            (
                "achievement",
                {},
                {
                    "en": "A Law on Forced Labour is being drafted; it will be integrated into "
                    "the existing Bonded Labour Act.",
                    "fr": "Une loi sur le travail forcé est en préparation ; elle sera intégrée "
                    "à la loi existante sur le travail en servitude.",
                    "es": "Se está redactando una ley sobre el trabajo forzoso, que se "
                    "integrará en la Ley de Trabajo en Servidumbre vigente.",
                },
                ["forced-labour"],
            ),
        ],
    },
}

# Countries whose workshop was still planned when the report was written.
for _iso in ("UGA", "NGA", "VNM", "FJI", "ALB"):
    PATHFINDERS[_iso] = {
        "lead": "",
        "summary": {},
        "ministries": {},
        "participants": [],
        "stages": [(Stage.WORKSHOP_PLANNED, None, PLANNED_EVIDENCE)],
        "findings": [],
    }
PATHFINDERS["VNM"]["summary"] = {
    "en": "The report calls Viet Nam an Alliance 8.7 pathfinder country; the Child Labour "
    "Platform supported a meeting on supply chains held there.",
    "fr": "Le rapport qualifie le Viet Nam de pays pionnier de l'Alliance 8.7 ; la "
    "Plateforme sur le travail des enfants y a soutenu une réunion sur les chaînes "
    "d'approvisionnement.",
    "es": "El informe califica a Viet Nam de país pionero de la Alianza 8.7; la Plataforma "
    "sobre el Trabajo Infantil apoyó allí una reunión sobre cadenas de suministro.",
}

ILLUSTRATIVE_NOTE = {
    "en": "Budget figures on this roadmap are illustrative examples for the demonstration, "
    "not reported data.",
    "fr": "Les montants de cette feuille de route sont des exemples pour la démonstration, "
    "et non des données communiquées.",
    "es": "Los importes de esta hoja de ruta son ejemplos para la demostración, no datos "
    "comunicados.",
}

ROADMAPS: list[dict[str, Any]] = [
    {
        "country": "CHL",
        "title": {
            "en": "2019–2021 Roadmap to accelerate the achievement of SDG target 8.7",
            "fr": "Feuille de route 2019-2021 pour accélérer la réalisation de la cible 8.7 "
            "des ODD",
            "es": "Hoja de ruta 2019-2021 para acelerar el logro de la meta 8.7 de los ODS",
        },
        "period": (2019, 2021),
        "date": day(2019, 3, 28),
        "note": {},
        "priorities": [
            (
                {
                    "en": "Generation of information and knowledge",
                    "fr": "Production d'informations et de connaissances",
                    "es": "Generación de información y conocimiento",
                },
                [],
            ),
            ({"en": "Prevention", "fr": "Prévention", "es": "Prevención"}, []),
            ({"en": "Protection", "fr": "Protection", "es": "Protección"}, []),
            (
                {
                    "en": "Inter-sectoral coordination and international cooperation",
                    "fr": "Coordination intersectorielle et coopération internationale",
                    "es": "Coordinación intersectorial y cooperación internacional",
                },
                [],
            ),
        ],
    },
    {
        "country": "MDG",
        "title": {
            "en": "Pathfinder Country Strategy: priority initiatives",
            "fr": "Stratégie de pays pionnier : initiatives prioritaires",
            "es": "Estrategia de país pionero: iniciativas prioritarias",
        },
        "period": (2019, None),
        "date": month(2019, 2),
        "note": ILLUSTRATIVE_NOTE,
        "priorities": [
            (
                {"en": "Child labour", "fr": "Travail des enfants", "es": "Trabajo infantil"},
                [
                    {
                        "title": {
                            "en": "Strengthen the capacity and resources of labour inspectors",
                            "fr": "Renforcer les capacités et les moyens des inspecteurs du "
                            "travail",
                            "es": "Fortalecer la capacidad y los recursos de los inspectores "
                            "de trabajo",
                        },
                        "budget": ("USD", "250000", "100000"),
                    },
                    {
                        "title": {
                            "en": "Conduct a child labour survey and create a child labour "
                            "database",
                            "fr": "Réaliser une enquête sur le travail des enfants et créer "
                            "une base de données",
                            "es": "Realizar una encuesta sobre trabajo infantil y crear una "
                            "base de datos",
                        },
                        "budget": ("USD", "400000", "150000"),
                    },
                ],
            ),
            (
                {
                    "en": "Trafficking in persons",
                    "fr": "Traite des personnes",
                    "es": "Trata de personas",
                },
                [
                    {
                        "title": {
                            "en": "Create a national hub on the situation of trafficking in "
                            "persons in Madagascar",
                            "fr": "Créer un centre national sur la situation de la traite des "
                            "personnes à Madagascar",
                            "es": "Crear un centro nacional sobre la situación de la trata de "
                            "personas en Madagascar",
                        },
                        "budget": ("USD", "150000", "0"),
                    },
                    {
                        "title": {
                            "en": "Establish bilateral labour agreements and revise the labour "
                            "migration framework with Lebanon, Kuwait and Saudi Arabia",
                            "fr": "Conclure des accords bilatéraux de main-d'œuvre et réviser "
                            "le cadre de la migration de main-d'œuvre avec le Liban, le "
                            "Koweït et l'Arabie saoudite",
                            "es": "Establecer acuerdos laborales bilaterales y revisar el marco "
                            "de migración laboral con el Líbano, Kuwait y Arabia Saudita",
                        },
                        "partners": [
                            "government-of-lebanon",
                            "government-of-kuwait",
                            "government-of-saudi-arabia",
                        ],
                        "status": Action.Status.IN_PROGRESS,
                        "budget": ("USD", "120000", "60000"),
                    },
                ],
            ),
        ],
    },
]

LESSONS: list[T] = [
    {
        "en": "An integrated approach pays: collaboration within government (between the "
        "relevant ministries), within the Alliance (more input from partners at national "
        "level) and between pathfinder countries.",
        "fr": "Une approche intégrée porte ses fruits : collaboration au sein du gouvernement "
        "(entre les ministères concernés), au sein de l'Alliance (davantage d'apports des "
        "partenaires au niveau national) et entre pays pionniers.",
        "es": "Un enfoque integrado da resultados: colaboración dentro del gobierno (entre los "
        "ministerios pertinentes), dentro de la Alianza (más aportes de los asociados a nivel "
        "nacional) y entre países pioneros.",
    },
    {
        "en": "It is key to have the highest possible political engagement in each "
        "pathfinder country.",
        "fr": "Il est essentiel d'obtenir l'engagement politique le plus élevé possible dans "
        "chaque pays pionnier.",
        "es": "Es fundamental lograr el mayor compromiso político posible en cada país pionero.",
    },
    {
        "en": "The National Focal Point should have influence within the government and "
        "involve the ministries of finance and planning, to ensure ownership and "
        "sustainability.",
        "fr": "Le point focal national doit avoir de l'influence au sein du gouvernement et "
        "associer les ministères des finances et de la planification, pour garantir "
        "l'appropriation et la durabilité.",
        "es": "El punto focal nacional debe tener influencia dentro del gobierno e implicar a "
        "los ministerios de finanzas y de planificación, para asegurar la apropiación y la "
        "sostenibilidad.",
    },
    {
        "en": "The UN Resident Coordinator in the country should also be involved in the "
        "process, as well as national media outlets where possible.",
        "fr": "Le coordonnateur résident des Nations Unies dans le pays devrait aussi être "
        "associé au processus, ainsi que les médias nationaux lorsque c'est possible.",
        "es": "También debería participar en el proceso el Coordinador Residente de las "
        "Naciones Unidas en el país, así como los medios de comunicación nacionales cuando "
        "sea posible.",
    },
    {
        "en": "A toolkit for pathfinder countries, including recommendations from previous "
        "workshops, is being prepared by the Alliance 8.7 Secretariat.",
        "fr": "Le Secrétariat de l'Alliance 8.7 prépare une boîte à outils pour les pays "
        "pionniers, avec les recommandations des ateliers précédents.",
        "es": "La Secretaría de la Alianza 8.7 prepara un conjunto de herramientas para los "
        "países pioneros, con las recomendaciones de los talleres anteriores.",
    },
]
