# ruff: noqa: E501 - prose in three languages, wrapped by hand near the limit
"""
The events of the seed documents: the Pacific consultation concept note
(seed 000) and the report of the 4th Global Coordinating Group meeting
(seed 004), in English, French and Spanish.

Dates are as reported: (start, end, precision, tentative).
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def T(en: str, fr: str, es: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "es": es}


D = dt.date

SERIES: list[dict[str, Any]] = [
    {
        "slug": "gcg-meetings",
        "name": T(
            "Global Coordinating Group meetings",
            "Réunions du Groupe de coordination mondial",
            "Reuniones del Grupo de Coordinación Mundial",
        ),
        "body": T(
            "Global Coordinating Group",
            "Groupe de coordination mondial",
            "Grupo de Coordinación Mundial",
        ),
        "body_short": T("GCG", "GCM", "GCM"),
    }
]

# The concept note speaks of "the 11 member states of the ILO in the Pacific
# Islands" but names only Fiji, the host: the other ten are not listed here.
PACIFIC_COUNTRIES = ["FJI"]

TARGETS = ["child-labour", "forced-labour", "modern-slavery", "human-trafficking"]


INTERNATIONAL_DAYS = [
    {
        "slug": "world-day-against-child-labour",
        "type": "international_day",
        "title": T(
            "World Day against Child Labour",
            "Journée mondiale contre le travail des enfants",
            "Día Mundial contra el Trabajo Infantil",
        ),
        "date": (D(2017, 6, 12), None, "day", False),
        "recurs_yearly": True,
        "online": False,
        "themes": ["child-labour"],
    },
    {
        "slug": "world-day-against-trafficking-in-persons",
        "type": "international_day",
        "title": T(
            "World Day against Trafficking in Persons",
            "Journée mondiale de la lutte contre la traite d'êtres humains",
            "Día Mundial contra la Trata de Personas",
        ),
        "date": (D(2017, 7, 30), None, "day", False),
        "recurs_yearly": True,
        "themes": ["human-trafficking"],
    },
    {
        "slug": "international-day-for-the-abolition-of-slavery",
        "type": "international_day",
        "title": T(
            "International Day for the Abolition of Slavery",
            "Journée internationale pour l'abolition de l'esclavage",
            "Día Internacional para la Abolición de la Esclavitud",
        ),
        "date": (D(2017, 12, 2), None, "day", False),
        "recurs_yearly": True,
        "themes": ["modern-slavery", "forced-labour"],
    },
]

EVENTS: list[dict[str, Any]] = [
    {
        "slug": "pacific-consultation-2017",
        "type": "regional_consultation",
        "title": T(
            "Pacific Consultation on Alliance 8.7",
            "Consultation du Pacifique sur l'Alliance 8.7",
            "Consulta del Pacífico sobre la Alianza 8.7",
        ),
        "summary": T(
            "A Pacific Islands regional consultation organised by the ILO with the support of ILO "
            "constituents in Fiji, on ending child labour, forced labour, modern slavery and human "
            "trafficking, and preparing for the IV Global Conference on the Sustained Eradication of "
            "Child Labour. Its outcomes are expected to feed into that conference and into country "
            "initiatives in the 11 member states of the ILO in the Pacific Islands.",
            "Consultation régionale des îles du Pacifique organisée par l'OIT avec l'appui des "
            "mandants de l'OIT aux Fidji, pour mettre fin au travail des enfants, au travail forcé, "
            "à l'esclavage moderne et à la traite des êtres humains, et pour préparer la IVe "
            "Conférence mondiale sur l'élimination durable du travail des enfants. Ses conclusions "
            "doivent alimenter cette conférence et les initiatives nationales des 11 États membres "
            "de l'OIT dans les îles du Pacifique.",
            "Consulta regional de las islas del Pacífico organizada por la OIT con el apoyo de los "
            "mandantes de la OIT en Fiji, para poner fin al trabajo infantil, el trabajo forzoso, "
            "la esclavitud moderna y la trata de personas, y preparar la IV Conferencia Mundial "
            "sobre la Erradicación Sostenida del Trabajo Infantil. Se espera que sus resultados "
            "alimenten esa conferencia y las iniciativas nacionales de los 11 Estados miembros de "
            "la OIT en las islas del Pacífico.",
        ),
        "date": (D(2017, 10, 3), D(2017, 10, 5), "range", False),
        "time_zone": "Pacific/Fiji",
        "city": T("Nadi", "Nadi", "Nadi"),
        "country": "FJI",
        "organisers": ["ilo"],
        "countries": PACIFIC_COUNTRIES,
        "regions": ["asia_pacific"],
        "themes": [
            "child-labour",
            "forced-labour",
            "labour-inspection",
            "modern-slavery",
            "human-trafficking",
        ],
        "feeds_into": ["iv-global-conference-2017"],
        "objectives": [
            T(
                "Identify common challenges, priorities and good practices in eliminating child "
                "labour and forced labour in the Pacific Islands.",
                "Recenser les difficultés communes, les priorités et les bonnes pratiques en matière "
                "d'élimination du travail des enfants et du travail forcé dans les îles du Pacifique.",
                "Determinar los desafíos comunes, las prioridades y las buenas prácticas para "
                "eliminar el trabajo infantil y el trabajo forzoso en las islas del Pacífico.",
            ),
            T(
                "Further consolidate regional commitments in the Pacific to accelerate the pace for "
                "achieving the elimination of child labour by 2025 and of forced labour by 2030, as "
                "required in Target 8.7 of the 2030 Agenda on Sustainable Development.",
                "Consolider les engagements régionaux dans le Pacifique pour accélérer l'élimination "
                "du travail des enfants d'ici à 2025 et du travail forcé d'ici à 2030, comme le "
                "demande la cible 8.7 du Programme de développement durable à l'horizon 2030.",
                "Consolidar los compromisos regionales en el Pacífico para acelerar la eliminación "
                "del trabajo infantil para 2025 y del trabajo forzoso para 2030, como exige la meta "
                "8.7 de la Agenda 2030 para el Desarrollo Sostenible.",
            ),
            T(
                "Develop strategic compliance through labour inspection.",
                "Développer le respect stratégique de la loi grâce à l'inspection du travail.",
                "Desarrollar el cumplimiento estratégico mediante la inspección del trabajo.",
            ),
            T(
                "Prepare for the IV Global Conference on the Sustained Eradication of Child Labour "
                "(and forced labour) in Argentina in November 2017.",
                "Préparer la IVe Conférence mondiale sur l'élimination durable du travail des "
                "enfants (et du travail forcé) en Argentine en novembre 2017.",
                "Preparar la IV Conferencia Mundial sobre la Erradicación Sostenida del Trabajo "
                "Infantil (y del trabajo forzoso) en Argentina en noviembre de 2017.",
            ),
            T(
                "Provide a tripartite+ forum to discuss the operationalization of Alliance 8.7 in "
                "the Pacific Islands and to provide concrete recommendations on the way forward.",
                "Offrir un forum tripartite+ pour débattre de la mise en œuvre de l'Alliance 8.7 "
                "dans les îles du Pacifique et formuler des recommandations concrètes pour la suite.",
                "Ofrecer un foro tripartito+ para debatir la puesta en práctica de la Alianza 8.7 "
                "en las islas del Pacífico y formular recomendaciones concretas para el futuro.",
            ),
            T(
                "Strengthen the capacity of participants, by fostering exchanges of experience "
                "between countries.",
                "Renforcer les capacités des participants en favorisant les échanges d'expériences "
                "entre pays.",
                "Fortalecer la capacidad de los participantes fomentando el intercambio de "
                "experiencias entre países.",
            ),
        ],
    },
    {
        "slug": "iv-global-conference-2017",
        "type": "global_conference",
        "title": T(
            "IV Global Conference on the Sustained Eradication of Child Labour",
            "IVe Conférence mondiale sur l'élimination durable du travail des enfants",
            "IV Conferencia Mundial sobre la Erradicación Sostenida del Trabajo Infantil",
        ),
        "summary": T(
            "The global conference in Buenos Aires into which the Pacific consultation fed its "
            "key priority areas for action by a multi-stakeholder alliance on Target 8.7.",
            "La conférence mondiale de Buenos Aires, que la consultation du Pacifique a nourrie de "
            "ses domaines d'action prioritaires pour une alliance multipartite sur la cible 8.7.",
            "La conferencia mundial de Buenos Aires, a la que la consulta del Pacífico aportó sus "
            "ámbitos prioritarios de acción para una alianza multipartita sobre la meta 8.7.",
        ),
        "date": (D(2017, 11, 14), D(2017, 11, 16), "range", False),
        "time_zone": "America/Argentina/Buenos_Aires",
        "city": T("Buenos Aires", "Buenos Aires", "Buenos Aires"),
        "country": "ARG",
        "regions": ["americas"],
        "themes": ["child-labour", "forced-labour"],
    },
    {
        "slug": "freedom-from-slavery-forum-2018",
        "type": "forum",
        "title": T(
            "Freedom from Slavery Forum 2018",
            "Forum « Libérés de l'esclavage » 2018",
            "Foro «Libres de la esclavitud» 2018",
        ),
        "summary": T(
            "Civil society organisations interested in partnering with the Alliance convened in "
            "Bangkok. More than 70 stakeholders endorsed the Bangkok Statement, a set of "
            "guidelines and principles on how civil society can engage with other partners on SDG "
            "8.7. The Forum discussed how to strengthen national coalitions; how to foster links "
            "between the forced labour, child labour and trafficking in persons communities; how "
            "to improve dissemination of information among partners; how to bring more "
            "organisations to the movement; and how to mobilize resources for their work.",
            "Les organisations de la société civile souhaitant s'associer à l'Alliance se sont "
            "réunies à Bangkok. Plus de 70 parties prenantes ont approuvé la Déclaration de "
            "Bangkok, un ensemble de lignes directrices et de principes sur la façon dont la "
            "société civile peut collaborer avec les autres partenaires sur l'ODD 8.7. Le Forum a "
            "débattu des moyens de renforcer les coalitions nationales ; de rapprocher les "
            "communautés du travail forcé, du travail des enfants et de la traite des personnes ; "
            "d'améliorer la diffusion de l'information entre partenaires ; d'amener davantage "
            "d'organisations au mouvement ; et de mobiliser des ressources pour leur travail.",
            "Las organizaciones de la sociedad civil interesadas en asociarse con la Alianza se "
            "reunieron en Bangkok. Más de 70 partes interesadas respaldaron la Declaración de "
            "Bangkok, un conjunto de directrices y principios sobre cómo la sociedad civil puede "
            "colaborar con otros asociados en el ODS 8.7. El Foro debatió cómo fortalecer las "
            "coaliciones nacionales; cómo vincular a las comunidades del trabajo forzoso, el "
            "trabajo infantil y la trata de personas; cómo mejorar la difusión de información "
            "entre los asociados; cómo sumar más organizaciones al movimiento; y cómo movilizar "
            "recursos para su labor.",
        ),
        "date": (D(2018, 12, 1), None, "month", False),
        "city": T("Bangkok", "Bangkok", "Bangkok"),
        "country": "THA",
        "regions": ["asia_pacific"],
        "themes": TARGETS,
        "feeds_into": ["gcg-4"],
    },
    {
        "slug": "supply-chains-workshop-2019",
        "type": "action_group_meeting",
        "title": T(
            "Second Global Workshop on Supply Chains",
            "Deuxième atelier mondial sur les chaînes d'approvisionnement",
            "Segundo Taller Mundial sobre Cadenas de Suministro",
        ),
        "summary": T(
            "A workshop of the Supply Chains Action Group, where a further update on the Global "
            "Report on Forced Labour, Trafficking in Persons and Child Labour in Global Supply "
            "Chains is given. The Advisory Board of the research team meets in person on the first "
            "day; participants receive summary information on the second.",
            "Atelier du Groupe d'action sur les chaînes d'approvisionnement, où sont présentées "
            "les dernières informations sur le Rapport mondial sur le travail forcé, la traite des "
            "personnes et le travail des enfants dans les chaînes d'approvisionnement mondiales. "
            "Le Conseil consultatif de l'équipe de recherche se réunit le premier jour ; les "
            "participants en reçoivent une synthèse le second.",
            "Taller del Grupo de Acción sobre Cadenas de Suministro, en el que se presenta una "
            "nueva actualización del Informe mundial sobre trabajo forzoso, trata de personas y "
            "trabajo infantil en las cadenas mundiales de suministro. El Consejo Asesor del equipo "
            "de investigación se reúne en persona el primer día; los participantes reciben un "
            "resumen el segundo.",
        ),
        "date": (D(2019, 5, 14), D(2019, 5, 15), "range", False),
        "time_zone": "Africa/Abidjan",
        "city": T("Abidjan", "Abidjan", "Abiyán"),
        "country": "CIV",
        "organisers": ["ilo"],
        "regions": ["africa"],
        "themes": ["supply-chains", *TARGETS],
    },
    {
        "slug": "hlpf-alliance87-event-2019",
        "type": "side_event",
        "title": T(
            "Alliance 8.7 event at the High-Level Political Forum 2019",
            "Événement de l'Alliance 8.7 au Forum politique de haut niveau 2019",
            "Evento de la Alianza 8.7 en el Foro Político de Alto Nivel 2019",
        ),
        "summary": T(
            "An Alliance 8.7 event during the High-Level Political Forum on Sustainable "
            "Development, which reviews SDG 8 and related goals in July 2019, giving pathfinder "
            "countries the opportunity to share and showcase the progress they have made. Other "
            "interested countries are invited to attend.",
            "Un événement de l'Alliance 8.7 pendant le Forum politique de haut niveau pour le "
            "développement durable, qui examine l'ODD 8 et les objectifs liés en juillet 2019, "
            "pour permettre aux pays pionniers de présenter les progrès accomplis. Les autres pays "
            "intéressés sont invités à y assister.",
            "Un evento de la Alianza 8.7 durante el Foro Político de Alto Nivel sobre el "
            "Desarrollo Sostenible, que examina el ODS 8 y los objetivos conexos en julio de 2019, "
            "para que los países pioneros compartan y muestren sus progresos. Se invita a asistir "
            "a otros países interesados.",
        ),
        "date": (D(2019, 7, 17), None, "day", False),
        "time_zone": "America/New_York",
        "city": T("New York", "New York", "Nueva York"),
        "country": "USA",
        "themes": TARGETS,
    },
    {
        "slug": "gcg-5",
        "type": "gcg_meeting",
        "series": "gcg-meetings",
        "number": 5,
        "title": T(
            "5th Global Coordinating Group meeting",
            "5e réunion du Groupe de coordination mondial",
            "5.ª reunión del Grupo de Coordinación Mundial",
        ),
        "summary": T(
            "A morning session during the High-Level Political Forum in New York, as agreed at the "
            "4th meeting.",
            "Une séance du matin pendant le Forum politique de haut niveau à New York, comme "
            "convenu à la 4e réunion.",
            "Una sesión de mañana durante el Foro Político de Alto Nivel en Nueva York, según lo "
            "acordado en la 4.ª reunión.",
        ),
        "date": (D(2019, 7, 17), None, "day", True),
        "time_zone": "America/New_York",
        "city": T("New York", "New York", "Nueva York"),
        "country": "USA",
        "themes": TARGETS,
    },
    *INTERNATIONAL_DAYS,
]

# The 4th Global Coordinating Group meeting (seed 004). The report names no
# day; the Chilean workshop of 28 March 2019 was "last week", so the
# meeting was held in early April 2019, stored as the month.
GCG4: dict[str, Any] = {
    "slug": "gcg-4",
    "type": "gcg_meeting",
    "series": "gcg-meetings",
    "number": 4,
    "title": T(
        "4th Global Coordinating Group meeting",
        "4e réunion du Groupe de coordination mondial",
        "4.ª reunión del Grupo de Coordinación Mundial",
    ),
    "summary": T(
        "The last meeting chaired by Australia: progress in pathfinder countries and action "
        "groups, civil society engagement after the Freedom from Slavery Forum, the Delta 8.7 "
        "knowledge platform, the online community, preparations for the High-Level Political "
        "Forum, and the handover of the Chair.",
        "La dernière réunion présidée par l'Australie : progrès des pays pionniers et des groupes "
        "d'action, engagement de la société civile après le Forum « Libérés de l'esclavage », "
        "plateforme de connaissances Delta 8.7, communauté en ligne, préparation du Forum "
        "politique de haut niveau et passation de la présidence.",
        "La última reunión presidida por Australia: avances de los países pioneros y de los "
        "grupos de acción, participación de la sociedad civil tras el Foro «Libres de la "
        "esclavitud», plataforma de conocimientos Delta 8.7, comunidad en línea, preparación del "
        "Foro Político de Alto Nivel y traspaso de la presidencia.",
    ),
    "date": (D(2019, 4, 1), None, "month", False),
    "organisers": ["ilo"],
    "themes": TARGETS,
    "feeds_into": ["hlpf-alliance87-event-2019", "gcg-5"],
    "objectives": [
        T(
            "Review progress made in pathfinder countries.",
            "Examiner les progrès accomplis dans les pays pionniers.",
            "Examinar los avances logrados en los países pioneros.",
        ),
        T(
            "Take stock of the progress made by the various Action Groups.",
            "Faire le point sur les progrès des différents groupes d'action.",
            "Hacer balance de los avances de los distintos grupos de acción.",
        ),
        T(
            "Present and discuss an online engagement platform for practitioners on SDG 8.7.",
            "Présenter et examiner une plateforme de participation en ligne pour les "
            "praticiens de l'ODD 8.7.",
            "Presentar y debatir una plataforma de participación en línea para los profesionales "
            "del ODS 8.7.",
        ),
        T(
            "Discuss civil society engagement following the NGO Forum held in Bangkok in "
            "December 2018.",
            "Débattre de l'engagement de la société civile à la suite du Forum des ONG tenu à "
            "Bangkok en décembre 2018.",
            "Debatir la participación de la sociedad civil tras el Foro de ONG celebrado en "
            "Bangkok en diciembre de 2018.",
        ),
        T(
            "Prepare the participation of the Alliance at the High-Level Political Forum in New "
            "York (July 2019).",
            "Préparer la participation de l'Alliance au Forum politique de haut niveau à New "
            "York (juillet 2019).",
            "Preparar la participación de la Alianza en el Foro Político de Alto Nivel en Nueva "
            "York (julio de 2019).",
        ),
    ],
    # (organisation slug, person slug, role, attendance). The report lists its
    # participants in an annex it does not include; it gives how they took
    # part only for the three focal points who spoke "via videoconference"
    # (agenda item II). The UN University sent a video message (item V).
    "participants": [
        ("government-of-australia", "geoffrey-shaw", "chair", "not_reported"),
        ("ilo", "beate-andrees", "speaker", "not_reported"),
        (None, "urmila-bhoola", "speaker", "not_reported"),
        ("iom", None, "speaker", "not_reported"),
        ("unicef", None, "speaker", "not_reported"),
        ("unu", None, "speaker", "not_reported"),
        ("government-of-madagascar", None, "speaker", "remote"),
        ("government-of-nepal", None, "speaker", "remote"),
        ("government-of-mauritania", None, "speaker", "remote"),
        ("government-of-france", None, "participant", "not_reported"),
        ("government-of-argentina", None, "participant", "not_reported"),
        ("government-of-mexico", None, "participant", "not_reported"),
        ("usdol", None, "participant", "not_reported"),
        ("ioe", None, "participant", "not_reported"),
        ("ituc", None, "participant", "not_reported"),
        ("fao", None, "participant", "not_reported"),
        ("oecd", None, "participant", "not_reported"),
        ("ohchr", None, "participant", "not_reported"),
        ("global-march-against-child-labour", None, "participant", "not_reported"),
    ],
    "documents": [
        {
            "kind": "other",
            "title": T(
                "Video update on Delta 8.7 from UN University",
                "Vidéo de l'Université des Nations Unies sur Delta 8.7",
                "Vídeo de la Universidad de las Naciones Unidas sobre Delta 8.7",
            ),
            "url": "https://youtu.be/UpbpUb5cKEU",
        }
    ],
}

# Agenda items: number, title, presenters (as reported), presenting
# organisations and people, minutes.
GCG4_AGENDA: list[dict[str, Any]] = [
    {
        "number": "I",
        "title": T(
            "Welcome and progress report from the Chair",
            "Accueil et rapport d'activité du président",
            "Bienvenida e informe de actividades del presidente",
        ),
        "presenters": T(
            "Chair (Ambassador Geoffrey Shaw, Australia)",
            "Président (l'ambassadeur Geoffrey Shaw, Australie)",
            "Presidente (embajador Geoffrey Shaw, Australia)",
        ),
        "organisations": ["government-of-australia"],
        "people": ["geoffrey-shaw"],
        "minutes": T(
            "Ambassador Shaw, Chair of Alliance 8.7 for the last 18 months, opened the 4th Global "
            "Coordinating Group meeting with a summary of key activities and upcoming events. As "
            "this was the last GCG meeting chaired by Australia, he looked back at the "
            "achievements since the first meeting at the IV Global Conference on Child Labour in "
            "Argentina in 2017: the Terms of Reference and the Pathfinder Country Guidance Note "
            "have been adopted and published; governments from all regions are represented in the "
            "GCG; new partners such as the OECD, the OSCE and business networks have joined; data "
            "and knowledge sharing have improved through Delta 8.7 and the Global Estimates of "
            "Forced Labour and Child Labour; since the first pathfinder workshop in Madagascar, "
            "four more have taken place (Nepal, Mauritania, Tunisia, Chile) and another 10 "
            "countries have expressed written interest; communications have improved; and more "
            "than 70 stakeholders endorsed the Bangkok Statement.\n\n"
            "He set out three priorities: (1) an inclusive online community of SDG 8.7 "
            "practitioners, developed in close collaboration with Delta 8.7, on which he offered "
            "to survey GCG members; (2) broad-based participation in pathfinder countries, beyond "
            "ministries of labour and including human trafficking, and turning political "
            "commitment into concrete, budgeted action plans; (3) better internal and external "
            "communication, with ideas from the GCG and the Communications and Engagement Action "
            "Group (CEAG).\n\n"
            "Upcoming: the launch of the Supply Chains report at the G20 summit; the joint ILO, "
            "UNODC and IOM measurement framework on trafficking for forced labour.",
            "L'ambassadeur Shaw, président de l'Alliance 8.7 depuis 18 mois, a ouvert la 4e "
            "réunion du Groupe de coordination mondial en résumant les principales activités et "
            "les prochains événements. Cette réunion étant la dernière présidée par l'Australie, "
            "il est revenu sur les acquis depuis la première réunion, lors de la IVe Conférence "
            "mondiale sur le travail des enfants en Argentine en 2017 : le mandat et la note "
            "d'orientation sur les pays pionniers ont été adoptés et publiés ; des gouvernements "
            "de toutes les régions sont représentés au GCM ; de nouveaux partenaires, comme "
            "l'OCDE, l'OSCE et des réseaux d'entreprises, ont rejoint l'Alliance ; les données et "
            "le partage des connaissances ont progressé grâce à Delta 8.7 et aux Estimations "
            "mondiales du travail forcé et du travail des enfants ; depuis le premier atelier "
            "pionnier à Madagascar, quatre autres ont eu lieu (Népal, Mauritanie, Tunisie, Chili) "
            "et 10 autres pays ont manifesté leur intérêt par écrit ; la communication s'est "
            "améliorée ; et plus de 70 parties prenantes ont approuvé la Déclaration de "
            "Bangkok.\n\n"
            "Il a fixé trois priorités : (1) une communauté en ligne inclusive des praticiens de "
            "l'ODD 8.7, développée en étroite collaboration avec Delta 8.7, sur laquelle il a "
            "proposé de consulter les membres du GCM par une enquête ; (2) une large participation "
            "dans les pays pionniers, au-delà des ministères du travail et incluant la traite des "
            "êtres humains, et la traduction de l'engagement politique en plans d'action concrets "
            "et budgétés ; (3) une meilleure communication interne et externe, avec les idées du "
            "GCM et du Groupe d'action sur la communication et l'engagement (CEAG).\n\n"
            "À venir : le lancement du rapport sur les chaînes d'approvisionnement au sommet du "
            "G20 ; le cadre commun de mesure de l'OIT, de l'ONUDC et de l'OIM sur la traite à des "
            "fins de travail forcé.",
            "El embajador Shaw, presidente de la Alianza 8.7 durante los últimos 18 meses, abrió "
            "la 4.ª reunión del Grupo de Coordinación Mundial con un resumen de las principales "
            "actividades y de los próximos eventos. Al ser la última reunión presidida por "
            "Australia, repasó los logros desde la primera reunión, en la IV Conferencia Mundial "
            "sobre el Trabajo Infantil en Argentina en 2017: se adoptaron y publicaron el mandato "
            "y la nota de orientación sobre los países pioneros; hay gobiernos de todas las "
            "regiones representados en el GCM; nuevos asociados como la OCDE, la OSCE y redes "
            "empresariales se han sumado; los datos y el intercambio de conocimientos han "
            "mejorado gracias a Delta 8.7 y a las Estimaciones mundiales sobre trabajo forzoso y "
            "trabajo infantil; desde el primer taller pionero en Madagascar se han celebrado "
            "cuatro más (Nepal, Mauritania, Túnez, Chile) y otros 10 países han manifestado su "
            "interés por escrito; la comunicación ha mejorado; y más de 70 partes interesadas "
            "respaldaron la Declaración de Bangkok.\n\n"
            "Fijó tres prioridades: (1) una comunidad en línea inclusiva de profesionales del ODS "
            "8.7, desarrollada en estrecha colaboración con Delta 8.7, sobre la que ofreció "
            "consultar a los miembros del GCM mediante una encuesta; (2) una amplia participación "
            "en los países pioneros, más allá de los ministerios de trabajo e incluyendo la trata "
            "de personas, y la traducción del compromiso político en planes de acción concretos y "
            "presupuestados; (3) una mejor comunicación interna y externa, con ideas del GCM y "
            "del Grupo de Acción sobre Comunicación y Participación (CEAG).\n\n"
            "Próximamente: la presentación del informe sobre cadenas de suministro en la cumbre "
            "del G20; el marco común de medición de la OIT, la UNODC y la OIM sobre la trata con "
            "fines de trabajo forzoso.",
        ),
    },
    {
        "number": "II",
        "title": T(
            "Update on Pathfinder countries, upcoming country workshops and next steps",
            "Point sur les pays pionniers, les prochains ateliers nationaux et les étapes suivantes",
            "Actualización sobre los países pioneros, los próximos talleres nacionales y los "
            "siguientes pasos",
        ),
        "presenters": T(
            "Secretariat, with inputs from National Focal Points in Madagascar, Nepal and "
            "Mauritania via videoconference",
            "Secrétariat, avec les contributions des points focaux nationaux de Madagascar, du "
            "Népal et de Mauritanie par visioconférence",
            "Secretaría, con aportes de los coordinadores nacionales de Madagascar, Nepal y "
            "Mauritania por videoconferencia",
        ),
        "organisations": [
            "government-of-madagascar",
            "government-of-nepal",
            "government-of-mauritania",
        ],
        "minutes": T(
            "The Secretariat gave an overview of the Pathfinder Strategy: workshops in Madagascar "
            "(25 October 2018), Nepal (7 February 2019), Mauritania (4 March 2019), the African "
            "Union (20–21 March 2019), Tunisia and Chile (28 March 2019), and planned in Albania "
            "(12 April), Uganda (17 April), Nigeria (9 May), Viet Nam (24 May) and Fiji (July "
            "2019, to be confirmed). Experience shows the benefit of an integrated approach: "
            "collaboration within government, within the Alliance and between pathfinder "
            "countries.\n\n"
            "Madagascar: a further consultation in February 2019 set priorities on child labour "
            "(labour inspection; a child labour survey and database) and trafficking in persons (a "
            "national hub; bilateral labour agreements with Lebanon, Kuwait and Saudi Arabia — the "
            "agreement with Kuwait included the repatriation of 46 women victims of trafficking). "
            "Ratification of ILO Conventions on migrant workers, domestic workers, forced labour "
            "and private recruitment agencies has started. Resource mobilisation is the main "
            "challenge.\n\n"
            "Nepal: since its February 2019 workshop, Nepal approved a National Action Plan on "
            "Child Labour with an interagency action group, raised the minimum age for hazardous "
            "work from 16 to 18, and is drafting a Law on Forced Labour to be integrated into the "
            "Bonded Labour Act.\n\n"
            "Mauritania: the 4 March 2019 workshop identified priorities (the National Plan to "
            "Eradicate Forced Labour; access to justice under laws 2015-031 and 2015-30; education "
            "in refugee-hosting regions; protection of migrant workers under ILO Convention 142; "
            "the worst forms of child labour in artisanal fishery and dairy) and priority regions "
            "(the border with Mali; Adrar). A second workshop will select a pilot activity and "
            "allocate its budget before July 2019.\n\n"
            "Chile, the first South American pathfinder, adopted a 2019–2021 roadmap with four "
            "priority areas; Tunisia focuses on child labour and trafficking in persons, with "
            "resource mobilisation as a challenge. Lessons: the highest political engagement, a "
            "focal point with influence who involves finance and planning ministries, the UN "
            "Resident Coordinator and the media. The Secretariat is preparing a toolkit for "
            "pathfinder countries.",
            "Le Secrétariat a présenté la stratégie des pays pionniers : ateliers à Madagascar (25 "
            "octobre 2018), au Népal (7 février 2019), en Mauritanie (4 mars 2019), à l'Union "
            "africaine (20–21 mars 2019), en Tunisie et au Chili (28 mars 2019), et prévus en "
            "Albanie (12 avril), en Ouganda (17 avril), au Nigéria (9 mai), au Viet Nam (24 mai) "
            "et aux Fidji (juillet 2019, à confirmer). L'expérience montre l'intérêt d'une "
            "approche intégrée : collaboration au sein du gouvernement, au sein de l'Alliance et "
            "entre pays pionniers.\n\n"
            "Madagascar : une nouvelle consultation en février 2019 a fixé des priorités sur le "
            "travail des enfants (inspection du travail ; enquête et base de données sur le "
            "travail des enfants) et la traite des personnes (un centre national ; des accords "
            "bilatéraux de travail avec le Liban, le Koweït et l'Arabie saoudite — l'accord avec "
            "le Koweït a permis le rapatriement de 46 femmes victimes de traite). La ratification "
            "des conventions de l'OIT sur les travailleurs migrants, les travailleurs domestiques, "
            "le travail forcé et les agences d'emploi privées est engagée. La mobilisation des "
            "ressources est la principale difficulté.\n\n"
            "Népal : depuis son atelier de février 2019, le Népal a approuvé un plan d'action "
            "national sur le travail des enfants avec un groupe d'action interinstitutions, a "
            "relevé de 16 à 18 ans l'âge minimum pour les travaux dangereux et rédige une loi sur "
            "le travail forcé qui sera intégrée à la loi sur le travail servile.\n\n"
            "Mauritanie : l'atelier du 4 mars 2019 a fixé des priorités (le plan national "
            "d'éradication du travail forcé ; l'accès à la justice au titre des lois 2015-031 et "
            "2015-30 ; l'éducation dans les régions accueillant des réfugiés ; la protection des "
            "travailleurs migrants selon la convention 142 de l'OIT ; les pires formes de travail "
            "des enfants dans la pêche artisanale et le secteur laitier) et des régions "
            "prioritaires (la frontière avec le Mali ; l'Adrar). Un second atelier choisira une "
            "activité pilote et son budget avant juillet 2019.\n\n"
            "Le Chili, premier pays pionnier d'Amérique du Sud, a adopté une feuille de route "
            "2019–2021 en quatre axes prioritaires ; la Tunisie cible le travail des enfants et la "
            "traite des personnes, la mobilisation des ressources restant une difficulté. "
            "Enseignements : l'engagement politique au plus haut niveau, un point focal influent "
            "qui associe les ministères des finances et du plan, le coordonnateur résident des "
            "Nations Unies et les médias. Le Secrétariat prépare une boîte à outils pour les pays "
            "pionniers.",
            "La Secretaría presentó la estrategia de países pioneros: talleres en Madagascar (25 "
            "de octubre de 2018), Nepal (7 de febrero de 2019), Mauritania (4 de marzo de 2019), "
            "la Unión Africana (20–21 de marzo de 2019), Túnez y Chile (28 de marzo de 2019), y "
            "previstos en Albania (12 de abril), Uganda (17 de abril), Nigeria (9 de mayo), Viet "
            "Nam (24 de mayo) y Fiji (julio de 2019, por confirmar). La experiencia muestra el "
            "valor de un enfoque integrado: colaboración dentro del gobierno, dentro de la Alianza "
            "y entre países pioneros.\n\n"
            "Madagascar: una nueva consulta en febrero de 2019 fijó prioridades sobre trabajo "
            "infantil (inspección del trabajo; encuesta y base de datos sobre trabajo infantil) y "
            "trata de personas (un centro nacional; acuerdos laborales bilaterales con el Líbano, "
            "Kuwait y Arabia Saudita; el acuerdo con Kuwait incluyó la repatriación de 46 mujeres "
            "víctimas de trata). Se ha iniciado la ratificación de los convenios de la OIT sobre "
            "trabajadores migrantes, trabajadores domésticos, trabajo forzoso y agencias de empleo "
            "privadas. La movilización de recursos es el principal desafío.\n\n"
            "Nepal: desde su taller de febrero de 2019, Nepal aprobó un plan de acción nacional "
            "sobre trabajo infantil con un grupo de acción interinstitucional, elevó de 16 a 18 "
            "años la edad mínima para trabajos peligrosos y redacta una ley sobre trabajo forzoso "
            "que se integrará en la ley sobre trabajo en servidumbre.\n\n"
            "Mauritania: el taller del 4 de marzo de 2019 fijó prioridades (el plan nacional de "
            "erradicación del trabajo forzoso; el acceso a la justicia con arreglo a las leyes "
            "2015-031 y 2015-30; la educación en las regiones que acogen refugiados; la protección "
            "de los trabajadores migrantes según el Convenio 142 de la OIT; las peores formas de "
            "trabajo infantil en la pesca artesanal y el sector lácteo) y regiones prioritarias "
            "(la frontera con Malí; Adrar). Un segundo taller elegirá una actividad piloto y su "
            "presupuesto antes de julio de 2019.\n\n"
            "Chile, primer país pionero de América del Sur, adoptó una hoja de ruta 2019–2021 con "
            "cuatro ámbitos prioritarios; Túnez se centra en el trabajo infantil y la trata de "
            "personas, con la movilización de recursos como desafío. Lecciones: el máximo "
            "compromiso político, un coordinador influyente que involucre a los ministerios de "
            "finanzas y planificación, el Coordinador Residente de las Naciones Unidas y los "
            "medios. La Secretaría prepara un conjunto de herramientas para los países pioneros.",
        ),
    },
    {
        "number": "III",
        "title": T(
            "Updates on Action Groups",
            "Point sur les groupes d'action",
            "Actualización sobre los grupos de acción",
        ),
        "presenters": T(
            "Action Group Chairs",
            "Présidents des groupes d'action",
            "Presidentes de los grupos de acción",
        ),
        "organisations": ["ilo", "iom", "unicef"],
        "minutes": T(
            "Supply Chains: the ILO, as lead, announced the Global Report on Forced Labour, "
            "Trafficking in Persons and Child Labour in Global Supply Chains, requested by the G20 "
            "labour and employment ministers in 2017 and produced by the OECD, UNICEF, the ILO and "
            "IOM; a further update will be given at the Second Global Workshop on Supply Chains in "
            "Abidjan on 14–15 May 2019. The ILO Global Business Network on Forced Labour and "
            "Trafficking, launched in 2018, approved its 2019 workplan, to be shared shortly. The "
            "Child Labour Platform supported a supply chains meeting in Viet Nam and is preparing "
            "its work plan to 2021.\n\n"
            "Rule of Law and Governance: the first workshop is planned for July 2019, led by "
            "OHCHR.\n\n"
            "Migration: the IOM (co-chair with UNICEF) reported that the first workshop in "
            "November identified priority activities on the vulnerability of migrants. The work "
            "plan has four areas: a research agenda, a resource mobilisation strategy, policy "
            "recommendations for pathfinder countries, and tools and basic technical cooperation "
            "services. Next steps: the next online meeting, the priority activities, testing "
            "communications strategies and the release of the Walk Free Foundation report on "
            "Forced Labour and Migration.\n\n"
            "Conflict and Humanitarian Settings: after the reorganisation of its team in New York, "
            "UNICEF could not commit to chairing the group, but will discuss with the Secretariat "
            "in September how to take it forward.",
            "Chaînes d'approvisionnement : l'OIT, chef de file, a annoncé le Rapport mondial sur le "
            "travail forcé, la traite des personnes et le travail des enfants dans les chaînes "
            "d'approvisionnement mondiales, demandé par les ministres du travail et de l'emploi du "
            "G20 en 2017 et réalisé par l'OCDE, l'UNICEF, l'OIT et l'OIM ; de nouvelles "
            "informations seront données au deuxième atelier mondial sur les chaînes "
            "d'approvisionnement à Abidjan les 14 et 15 mai 2019. Le Réseau mondial d'entreprises "
            "de l'OIT sur le travail forcé et la traite, lancé en 2018, a approuvé son plan de "
            "travail 2019, qui sera bientôt diffusé. La Plateforme sur le travail des enfants a "
            "soutenu une réunion sur les chaînes d'approvisionnement au Viet Nam et prépare son "
            "plan de travail jusqu'en 2021.\n\n"
            "État de droit et gouvernance : le premier atelier est prévu en juillet 2019, sous la "
            "conduite du HCDH.\n\n"
            "Migrations : l'OIM (coprésidente avec l'UNICEF) a indiqué que le premier atelier, en "
            "novembre, a défini des activités prioritaires sur la vulnérabilité des migrants. Le "
            "plan de travail compte quatre axes : un programme de recherche, une stratégie de "
            "mobilisation des ressources, des recommandations pour les pays pionniers, et des "
            "outils et services de coopération technique de base. Étapes suivantes : la prochaine "
            "réunion en ligne, les activités prioritaires, l'essai de stratégies de communication "
            "et la publication du rapport de la Walk Free Foundation sur le travail forcé et les "
            "migrations.\n\n"
            "Conflits et situations humanitaires : après la réorganisation de son équipe à New "
            "York, l'UNICEF n'a pas pu s'engager à présider le groupe, mais examinera avec le "
            "Secrétariat en septembre comment le faire avancer.",
            "Cadenas de suministro: la OIT, como líder, anunció el Informe mundial sobre trabajo "
            "forzoso, trata de personas y trabajo infantil en las cadenas mundiales de suministro, "
            "solicitado por los ministros de trabajo y empleo del G20 en 2017 y elaborado por la "
            "OCDE, UNICEF, la OIT y la OIM; se dará una nueva actualización en el Segundo Taller "
            "Mundial sobre Cadenas de Suministro en Abiyán los días 14 y 15 de mayo de 2019. La Red "
            "Mundial de Empresas de la OIT sobre Trabajo Forzoso y Trata, creada en 2018, aprobó "
            "su plan de trabajo para 2019, que se compartirá en breve. La Plataforma sobre Trabajo "
            "Infantil apoyó una reunión sobre cadenas de suministro en Viet Nam y prepara su plan "
            "de trabajo hasta 2021.\n\n"
            "Estado de derecho y gobernanza: el primer taller está previsto para julio de 2019, "
            "dirigido por el ACNUDH.\n\n"
            "Migración: la OIM (copresidenta con UNICEF) informó de que el primer taller, en "
            "noviembre, definió actividades prioritarias sobre la vulnerabilidad de los migrantes. "
            "El plan de trabajo tiene cuatro ámbitos: una agenda de investigación, una estrategia "
            "de movilización de recursos, recomendaciones de políticas para los países pioneros, y "
            "herramientas y servicios básicos de cooperación técnica. Próximos pasos: la próxima "
            "reunión en línea, las actividades prioritarias, la prueba de estrategias de "
            "comunicación y la publicación del informe de la Walk Free Foundation sobre trabajo "
            "forzoso y migración.\n\n"
            "Conflictos y situaciones humanitarias: tras la reorganización de su equipo en Nueva "
            "York, UNICEF no pudo comprometerse a presidir el grupo, pero examinará con la "
            "Secretaría en septiembre cómo impulsarlo.",
        ),
    },
    {
        "number": "IV",
        "title": T(
            "Civil society engagement with the Alliance and follow up from the 2018 Freedom from "
            "Slavery Forum",
            "Engagement de la société civile dans l'Alliance et suites du Forum « Libérés de "
            "l'esclavage » 2018",
            "Participación de la sociedad civil en la Alianza y seguimiento del Foro «Libres de "
            "la esclavitud» 2018",
        ),
        "presenters": T("Secretariat", "Secrétariat", "Secretaría"),
        "minutes": T(
            "The Secretariat gave an overview of the Freedom from Slavery Forum of December 2018 "
            "and its Bangkok Statement, a set of guidelines and principles on how civil society "
            "can engage with other partners on SDG 8.7. The Forum discussed five points: "
            "strengthening national coalitions; linking the forced labour, child labour and "
            "trafficking in persons communities; disseminating information among partners; "
            "bringing more organisations to the movement; and mobilising resources.\n\n"
            "The Global March highlighted practical initiatives under development with the Dutch "
            "Government and trade unions, which could feed into the Action Groups, particularly on "
            "supply chains; further information on the Child Labour Conference will follow. The "
            "Secretariat recalled that a third seat in the GCG is reserved for civil society and "
            "invited GCG members to suggest organisations.",
            "Le Secrétariat a présenté le Forum « Libérés de l'esclavage » de décembre 2018 et sa "
            "Déclaration de Bangkok, un ensemble de lignes directrices et de principes sur la "
            "façon dont la société civile peut collaborer avec les autres partenaires sur l'ODD "
            "8.7. Le Forum a débattu de cinq points : renforcer les coalitions nationales ; relier "
            "les communautés du travail forcé, du travail des enfants et de la traite des "
            "personnes ; diffuser l'information entre partenaires ; amener davantage "
            "d'organisations au mouvement ; et mobiliser des ressources.\n\n"
            "La Marche mondiale a présenté des initiatives concrètes en préparation avec le "
            "gouvernement néerlandais et les syndicats, qui pourraient nourrir les groupes "
            "d'action, en particulier sur les chaînes d'approvisionnement ; des informations sur "
            "la Conférence sur le travail des enfants suivront. Le Secrétariat a rappelé qu'un "
            "troisième siège du GCM est réservé à la société civile et a invité les membres du "
            "GCM à proposer des organisations.",
            "La Secretaría presentó el Foro «Libres de la esclavitud» de diciembre de 2018 y su "
            "Declaración de Bangkok, un conjunto de directrices y principios sobre cómo la "
            "sociedad civil puede colaborar con otros asociados en el ODS 8.7. El Foro debatió "
            "cinco puntos: fortalecer las coaliciones nacionales; vincular a las comunidades del "
            "trabajo forzoso, el trabajo infantil y la trata de personas; difundir información "
            "entre los asociados; sumar más organizaciones al movimiento; y movilizar "
            "recursos.\n\n"
            "La Marcha Global destacó iniciativas prácticas en preparación con el Gobierno de los "
            "Países Bajos y los sindicatos, que podrían alimentar a los grupos de acción, en "
            "particular sobre cadenas de suministro; se facilitará información sobre la "
            "Conferencia sobre Trabajo Infantil. La Secretaría recordó que hay un tercer puesto "
            "del GCM reservado a la sociedad civil e invitó a los miembros del GCM a proponer "
            "organizaciones.",
        ),
    },
    {
        "number": "V",
        "title": T(
            "Update on the Delta 8.7 Knowledge Platform for Alliance 8.7",
            "Point sur la plateforme de connaissances Delta 8.7 de l'Alliance 8.7",
            "Actualización sobre la plataforma de conocimientos Delta 8.7 de la Alianza 8.7",
        ),
        "presenters": T(
            "Video message, UN University",
            "Message vidéo de l'Université des Nations Unies",
            "Mensaje en vídeo de la Universidad de las Naciones Unidas",
        ),
        "organisations": ["unu"],
        "minutes": T(
            "UN University sent a video update on Delta 8.7: the online platform has been live "
            "for six months, with 45 country profiles, more than 7,500 visitors and several "
            'languages; a symposium platform for knowledge sharing; the "Code 8.7" event on '
            "technology for Target 8.7; a new partnership with EarthTime for data-driven "
            "infographics; and the upcoming report of the UN Special Rapporteur on Contemporary "
            "Forms of Slavery will be featured.\n\n"
            "Special welcome to Ms Urmila Bhoola, UN Special Rapporteur on Contemporary Forms of "
            "Slavery, who said she had been inspired by the progress of Alliance 8.7 since its "
            "launch in 2017 and stressed the critical role of the Action Groups in identifying the "
            "needs of pathfinder countries and guiding them.",
            "L'Université des Nations Unies a envoyé une vidéo sur Delta 8.7 : la plateforme en "
            "ligne fonctionne depuis six mois, avec 45 profils de pays, plus de 7 500 visiteurs et "
            "plusieurs langues ; une plateforme de colloques pour le partage des connaissances ; "
            "l'événement « Code 8.7 » sur la technologie au service de la cible 8.7 ; un nouveau "
            "partenariat avec EarthTime pour des infographies fondées sur les données ; et le "
            "prochain rapport de la Rapporteuse spéciale des Nations Unies sur les formes "
            "contemporaines d'esclavage y sera présenté.\n\n"
            "Accueil spécial de Mme Urmila Bhoola, Rapporteuse spéciale des Nations Unies sur les "
            "formes contemporaines d'esclavage, qui s'est dite inspirée par les progrès de "
            "l'Alliance 8.7 depuis son lancement en 2017 et a souligné le rôle essentiel des "
            "groupes d'action pour cerner les besoins des pays pionniers et les orienter.",
            "La Universidad de las Naciones Unidas envió un vídeo sobre Delta 8.7: la plataforma "
            "en línea funciona desde hace seis meses, con 45 perfiles de países, más de 7.500 "
            "visitantes y varios idiomas; una plataforma de simposios para el intercambio de "
            "conocimientos; el evento «Code 8.7» sobre tecnología para la meta 8.7; una nueva "
            "alianza con EarthTime para infografías basadas en datos; y el próximo informe de la "
            "Relatora Especial de las Naciones Unidas sobre las formas contemporáneas de la "
            "esclavitud se publicará en el sitio.\n\n"
            "Bienvenida especial a la Sra. Urmila Bhoola, Relatora Especial de las Naciones Unidas "
            "sobre las formas contemporáneas de la esclavitud, que dijo haberse inspirado en los "
            "avances de la Alianza 8.7 desde su lanzamiento en 2017 y subrayó el papel crucial de "
            "los grupos de acción para determinar las necesidades de los países pioneros y "
            "orientarlos.",
        ),
    },
    {
        "number": "VI",
        "title": T(
            "Alliance 8.7 online community and engagement platform",
            "Communauté en ligne et plateforme de participation de l'Alliance 8.7",
            "Comunidad en línea y plataforma de participación de la Alianza 8.7",
        ),
        "presenters": T("Secretariat", "Secrétariat", "Secretaría"),
        "minutes": T(
            "The Secretariat reported on the Communications and Engagement Action Group (CEAG), "
            "launched at the 3rd GCG meeting, and on the pilot use of an online engagement "
            "platform (Slack) with the Migration Action Group and the CEAG, which received "
            "positive feedback. The CEAG, now made of focal points nominated by GCG members, will "
            "open to all partners; the GCG representatives will act as its Steering Committee "
            "(CEAG-SC). The CEAG commented on the Communications Network Strategy, a living "
            "document; its next steps are a communications toolkit for partners and a calendar of "
            "activities.",
            "Le Secrétariat a rendu compte du Groupe d'action sur la communication et "
            "l'engagement (CEAG), lancé à la 3e réunion du GCM, et de l'essai d'une plateforme de "
            "participation en ligne (Slack) avec le Groupe d'action sur les migrations et le CEAG, "
            "qui a reçu des retours positifs. Le CEAG, composé des points focaux désignés par les "
            "membres du GCM, s'ouvrira à tous les partenaires ; les représentants du GCM en "
            "formeront le comité directeur (CEAG-SC). Le CEAG a commenté la stratégie du réseau "
            "de communication, un document évolutif ; ses prochaines étapes sont une boîte à "
            "outils de communication pour les partenaires et un calendrier d'activités.",
            "La Secretaría informó sobre el Grupo de Acción sobre Comunicación y Participación "
            "(CEAG), creado en la 3.ª reunión del GCM, y sobre el uso piloto de una plataforma de "
            "participación en línea (Slack) con el Grupo de Acción sobre Migración y el CEAG, que "
            "recibió comentarios positivos. El CEAG, integrado por los coordinadores designados "
            "por los miembros del GCM, se abrirá a todos los asociados; los representantes del "
            "GCM actuarán como su comité directivo (CEAG-SC). El CEAG comentó la estrategia de la "
            "red de comunicación, un documento vivo; sus próximos pasos son un conjunto de "
            "herramientas de comunicación para los asociados y un calendario de actividades.",
        ),
    },
    {
        "number": "VII",
        "title": T(
            "High-Level Political Forum on Sustainable Development (HLPF) in New York",
            "Forum politique de haut niveau pour le développement durable (FPHN) à New York",
            "Foro Político de Alto Nivel sobre el Desarrollo Sostenible (FPAN) en Nueva York",
        ),
        "presenters": T("Secretariat", "Secrétariat", "Secretaría"),
        "minutes": T(
            "The Secretariat recalled that SDG 8 and related goals (SDG 4, SDG 10, SDG 16) will "
            "be reviewed at the HLPF in New York in July 2019. On 17 July an Alliance 8.7 event "
            "is planned during the HLPF, giving pathfinder countries the opportunity to showcase "
            "their progress. The Chair invited other interested countries to attend and asked "
            "governments to encourage their missions in New York to participate actively.",
            "Le Secrétariat a rappelé que l'ODD 8 et les objectifs liés (ODD 4, ODD 10, ODD 16) "
            "seront examinés au FPHN à New York en juillet 2019. Le 17 juillet, un événement de "
            "l'Alliance 8.7 est prévu pendant le FPHN pour permettre aux pays pionniers de "
            "présenter leurs progrès. Le président a invité les autres pays intéressés à y "
            "assister et a demandé aux gouvernements d'encourager leurs missions à New York à y "
            "participer activement.",
            "La Secretaría recordó que el ODS 8 y los objetivos conexos (ODS 4, ODS 10, ODS 16) se "
            "examinarán en el FPAN en Nueva York en julio de 2019. El 17 de julio se prevé un "
            "evento de la Alianza 8.7 durante el FPAN para que los países pioneros muestren sus "
            "avances. El presidente invitó a asistir a otros países interesados y pidió a los "
            "gobiernos que alienten a sus misiones en Nueva York a participar activamente.",
        ),
    },
    {
        "number": "VIII",
        "title": T(
            "Closing remarks, any other business and Chair handover",
            "Observations finales, questions diverses et passation de la présidence",
            "Observaciones finales, otros asuntos y traspaso de la presidencia",
        ),
        "presenters": T(
            "Chair (Ambassador Geoffrey Shaw, Australia)",
            "Président (l'ambassadeur Geoffrey Shaw, Australie)",
            "Presidente (embajador Geoffrey Shaw, Australia)",
        ),
        "organisations": ["government-of-australia"],
        "people": ["geoffrey-shaw"],
        "minutes": T(
            "Any other business: the IOM announced the African Union's event to launch its 10-year "
            "Action Plan 2020–2030 to eradicate child labour, forced labour and trafficking in "
            "persons.\n\n"
            "Handover of the Chair: Ambassador Shaw said Australia would remain a strong ally of "
            "the Alliance and shared lessons learned: broaden engagement with the regions, "
            "particularly the Indo-Pacific, the Abu Dhabi Dialogue and the Colombo Dialogue; make "
            "better use of the networks of social partners and civil society organisations; and "
            "intensify collaboration with regional structures, as with the African Union event. "
            "He welcomed the candidature of France as the next Chair. The representative of the "
            "Mission of France to the UN in Geneva said it would be an honour for France to chair "
            "the Alliance, in coherence with its G7 Presidency and the ILO Centenary Declaration. "
            "Beate Andrees, for the Secretariat, thanked France and Australia on behalf of all "
            "partners; the Secretariat is trying to offer translation into French and Spanish "
            "more frequently. Members and observers thanked the Australian Chair for its "
            "leadership.\n\n"
            "The 5th GCG meeting will take place during the HLPF in New York, tentatively on 17 "
            "July 2019, as a morning session.",
            "Questions diverses : l'OIM a annoncé l'événement de l'Union africaine pour lancer son "
            "plan d'action décennal 2020–2030 pour éradiquer le travail des enfants, le travail "
            "forcé et la traite des personnes.\n\n"
            "Passation de la présidence : l'ambassadeur Shaw a indiqué que l'Australie resterait "
            "une alliée solide de l'Alliance et a partagé des enseignements : élargir "
            "l'engagement avec les régions, en particulier l'Indo-Pacifique, le Dialogue d'Abou "
            "Dhabi et le Dialogue de Colombo ; mieux utiliser les réseaux des partenaires sociaux "
            "et des organisations de la société civile ; et intensifier la collaboration avec les "
            "structures régionales, comme avec l'événement de l'Union africaine. Il a salué la "
            "candidature de la France à la prochaine présidence. Le représentant de la Mission de "
            "la France auprès des Nations Unies à Genève a déclaré que ce serait un honneur pour "
            "la France de présider l'Alliance, en cohérence avec sa présidence du G7 et la "
            "Déclaration du centenaire de l'OIT. Beate Andrees, pour le Secrétariat, a remercié la "
            "France et l'Australie au nom de tous les partenaires ; le Secrétariat s'efforce "
            "d'offrir plus souvent la traduction en français et en espagnol. Les membres et "
            "observateurs ont remercié la présidence australienne pour son leadership.\n\n"
            "La 5e réunion du GCM aura lieu pendant le FPHN à New York, provisoirement le 17 "
            "juillet 2019, en séance du matin.",
            "Otros asuntos: la OIM anunció el evento de la Unión Africana para presentar su plan "
            "de acción decenal 2020–2030 para erradicar el trabajo infantil, el trabajo forzoso y "
            "la trata de personas.\n\n"
            "Traspaso de la presidencia: el embajador Shaw afirmó que Australia seguirá siendo un "
            "firme aliado de la Alianza y compartió lecciones aprendidas: ampliar la participación "
            "de las regiones, en particular el Indo-Pacífico, el Diálogo de Abu Dabi y el Diálogo "
            "de Colombo; aprovechar mejor las redes de los interlocutores sociales y de las "
            "organizaciones de la sociedad civil; e intensificar la colaboración con las "
            "estructuras regionales, como en el evento de la Unión Africana. Acogió con "
            "satisfacción la candidatura de Francia a la próxima presidencia. El representante de "
            "la Misión de Francia ante las Naciones Unidas en Ginebra dijo que sería un honor para "
            "Francia presidir la Alianza, en coherencia con su presidencia del G7 y la Declaración "
            "del Centenario de la OIT. Beate Andrees, por la Secretaría, agradeció a Francia y a "
            "Australia en nombre de todos los asociados; la Secretaría procura ofrecer con más "
            "frecuencia traducción al francés y al español. Miembros y observadores "
            "agradecieron a la presidencia australiana su liderazgo.\n\n"
            "La 5.ª reunión del GCM se celebrará durante el FPAN en Nueva York, provisionalmente "
            "el 17 de julio de 2019, en sesión de mañana.",
        ),
    },
]

SEC = {"role": "secretariat"}
CHAIR = {"role": "chair", "organisation": "government-of-australia", "person": "geoffrey-shaw"}

# Every question-and-answer exchange of the report, in order: the agenda
# item, who asked (for which organisation), the question, who answered, the
# answer. An intervention without an answer has an empty answer.
GCG4_EXCHANGES: list[dict[str, Any]] = [
    {
        "item": "II",
        "asked": {"organisation": "ioe"},
        "question": T(
            "What is the role of employers' and workers' organizations before, during and after "
            "the pathfinder workshops, and how are governments engaging with social partners for "
            "the workshops and national strategic planning? A call from the ILO to governments to "
            "engage with social partners at an early planning stage would be very much "
            "appreciated.",
            "Quel est le rôle des organisations d'employeurs et de travailleurs avant, pendant et "
            "après les ateliers des pays pionniers, et comment les gouvernements associent-ils "
            "les partenaires sociaux aux ateliers et à la planification stratégique nationale ? "
            "Un appel de l'OIT aux gouvernements pour associer les partenaires sociaux dès le "
            "début de la planification serait très apprécié.",
            "¿Cuál es el papel de las organizaciones de empleadores y de trabajadores antes, "
            "durante y después de los talleres de los países pioneros, y cómo colaboran los "
            "gobiernos con los interlocutores sociales en los talleres y la planificación "
            "estratégica nacional? Se agradecería mucho un llamamiento de la OIT a los gobiernos "
            "para que involucren a los interlocutores sociales desde el inicio de la "
            "planificación.",
        ),
        "answered": SEC,
        "answer": T(
            "Social partners have always been actively involved and present during the "
            "preparatory phases, during the workshops and in the follow-up.",
            "Les partenaires sociaux ont toujours été activement associés et présents pendant les "
            "phases préparatoires, pendant les ateliers et dans le suivi.",
            "Los interlocutores sociales siempre han participado activamente y han estado "
            "presentes en las fases preparatorias, durante los talleres y en el seguimiento.",
        ),
    },
    {
        "item": "II",
        "asked": {"organisation": "ituc"},
        "question": T(
            "How did countries identify priorities within their action plans, and how do they "
            "ensure protection of workers abroad, e.g. in the framework of labour migration "
            "agreements (Madagascar), of children in military service or artistic activities "
            "(Nepal), or in the national survey on forced labour in Mauritania?",
            "Comment les pays ont-ils défini les priorités de leurs plans d'action, et comment "
            "assurent-ils la protection des travailleurs à l'étranger, par exemple dans le cadre "
            "des accords sur les migrations de main-d'œuvre (Madagascar), des enfants dans le "
            "service militaire ou les activités artistiques (Népal), ou dans l'enquête nationale "
            "sur le travail forcé en Mauritanie ?",
            "¿Cómo definieron los países las prioridades de sus planes de acción y cómo "
            "garantizan la protección de los trabajadores en el extranjero, por ejemplo en el "
            "marco de los acuerdos de migración laboral (Madagascar), de los niños en el servicio "
            "militar o en actividades artísticas (Nepal), o en la encuesta nacional sobre trabajo "
            "forzoso en Mauritania?",
        ),
        "answered": SEC,
        "answer": T(
            "Priorities were identified in the preparatory phases and during the workshops in a "
            "consultative and participatory manner.",
            "Les priorités ont été définies pendant les phases préparatoires et lors des ateliers, "
            "de manière consultative et participative.",
            "Las prioridades se definieron en las fases preparatorias y durante los talleres de "
            "forma consultiva y participativa.",
        ),
    },
    {
        "item": "II",
        "asked": {"organisation": "fao"},
        "question": T(
            "FAO pointed out the importance of involving ministries of agriculture and "
            "agricultural producers, as labour exploitation is present not only in global supply "
            "chains but also in local supply chains, with an increasing prevalence of child "
            "labour.",
            "La FAO a souligné l'importance d'associer les ministères de l'agriculture et les "
            "producteurs agricoles, car l'exploitation par le travail existe non seulement dans "
            "les chaînes d'approvisionnement mondiales mais aussi dans les chaînes locales, avec "
            "une prévalence croissante du travail des enfants.",
            "La FAO subrayó la importancia de involucrar a los ministerios de agricultura y a los "
            "productores agrícolas, ya que la explotación laboral está presente no solo en las "
            "cadenas mundiales de suministro sino también en las locales, con una prevalencia "
            "creciente del trabajo infantil.",
        ),
        "answered": SEC,
        "answer": T(
            "Other ministries beyond the ministries of labour indeed need to be involved to "
            "address cross-cutting issues. In Madagascar, the ministries of foreign affairs, "
            "justice, finance, interior, public security, agriculture, mining, fishing and public "
            "infrastructure participated, among others. In Nepal, the ministries of land reform, "
            "education, and women, children and social welfare, the national planning commission, "
            "the central bureau of statistics, the national human rights commission and the Nepal "
            "Police sent representatives. In Mauritania, Chile and Tunisia too, governmental "
            "participation went far beyond the labour ministries.",
            "D'autres ministères que ceux du travail doivent en effet être associés pour traiter "
            "les questions transversales. À Madagascar ont notamment participé les ministères des "
            "affaires étrangères, de la justice, des finances, de l'intérieur, de la sécurité "
            "publique, de l'agriculture, des mines, de la pêche et des infrastructures publiques. "
            "Au Népal, les ministères de la réforme agraire, de l'éducation, et des femmes, des "
            "enfants et de la protection sociale, la commission nationale de planification, le "
            "bureau central de statistique, la commission nationale des droits de l'homme et la "
            "police népalaise ont envoyé des représentants. En Mauritanie, au Chili et en Tunisie "
            "aussi, la participation gouvernementale a largement dépassé les ministères du "
            "travail.",
            "En efecto, es necesario involucrar a otros ministerios además de los de trabajo para "
            "abordar las cuestiones transversales. En Madagascar participaron, entre otros, los "
            "ministerios de relaciones exteriores, justicia, finanzas, interior, seguridad "
            "pública, agricultura, minería, pesca e infraestructura pública. En Nepal enviaron "
            "representantes los ministerios de reforma agraria, educación, y mujer, infancia y "
            "bienestar social, la comisión nacional de planificación, la oficina central de "
            "estadística, la comisión nacional de derechos humanos y la policía de Nepal. También "
            "en Mauritania, Chile y Túnez la participación gubernamental fue mucho más allá de los "
            "ministerios de trabajo.",
        ),
    },
    {
        "item": "III",
        "asked": {"organisation": "ituc"},
        "question": T(
            "Would new partners such as international financial institutions (IFIs) be involved "
            "in the research on the Global Supply Chain report? How is the Liechtenstein "
            "initiative on value chains and investment strategies linked to this work?",
            "De nouveaux partenaires comme les institutions financières internationales (IFI) "
            "seront-ils associés à la recherche pour le rapport sur les chaînes "
            "d'approvisionnement mondiales ? Quel lien l'initiative du Liechtenstein sur les "
            "chaînes de valeur et les stratégies d'investissement a-t-elle avec ce travail ?",
            "¿Participarán nuevos asociados, como las instituciones financieras internacionales "
            "(IFI), en la investigación del informe sobre cadenas mundiales de suministro? ¿Qué "
            "relación tiene la iniciativa de Liechtenstein sobre cadenas de valor y estrategias de "
            "inversión con este trabajo?",
        ),
        "answered": SEC,
        "answer": T(
            "The World Bank, the WTO and IFIs have not yet engaged with the Alliance and are "
            "therefore not part of the research consortium. The Secretariat will keep looking for "
            "opportunities to collaborate on research with them and to bring them into the "
            "broader work of the Alliance. The Chair added that he would be pleased to use his "
            "leverage in the Liechtenstein initiative to raise this proposal, and will encourage "
            "the Financial Sector Commission to brief the Supply Chains Action Group in May.",
            "La Banque mondiale, l'OMC et les IFI ne se sont pas encore engagées auprès de "
            "l'Alliance et ne font donc pas partie du consortium de recherche. Le Secrétariat "
            "continuera de chercher des occasions de collaborer avec elles sur la recherche et de "
            "les associer aux travaux plus larges de l'Alliance. Le président a ajouté qu'il "
            "userait volontiers de son influence dans l'initiative du Liechtenstein pour porter "
            "cette proposition, et qu'il encouragerait la Commission du secteur financier à "
            "informer le Groupe d'action sur les chaînes d'approvisionnement en mai.",
            "El Banco Mundial, la OMC y las IFI aún no colaboran con la Alianza y, por tanto, no "
            "forman parte del consorcio de investigación. La Secretaría seguirá buscando "
            "oportunidades para colaborar con ellas en la investigación e incorporarlas a la labor "
            "más amplia de la Alianza. El presidente añadió que con gusto usaría su influencia en "
            "la iniciativa de Liechtenstein para plantear esta propuesta, y que animará a la "
            "Comisión del Sector Financiero a informar al Grupo de Acción sobre Cadenas de "
            "Suministro en mayo.",
        ),
    },
    {
        "item": "III",
        "asked": {"organisation": "ioe"},
        "question": T(
            "Is there any plan for a physical or virtual meeting of the advisory board of the "
            "research team, and will governments from the global south also participate?",
            "Une réunion physique ou virtuelle du conseil consultatif de l'équipe de recherche "
            "est-elle prévue, et des gouvernements du Sud y participeront-ils ?",
            "¿Está prevista una reunión presencial o virtual del consejo asesor del equipo de "
            "investigación, y participarán también gobiernos del Sur global?",
        ),
        "answered": SEC,
        "answer": T(
            "The next physical meeting of the Advisory Board will take place during the first day "
            "of the Abidjan workshop on supply chains, and summary information will be provided "
            "to the workshop participants on the second day. The request for the report came from "
            "the 2017 Ministerial Meeting of the G20, and the Secretariat is actively reaching out "
            "to a few G20 and non-G20 governments to engage them with this research.",
            "La prochaine réunion physique du Conseil consultatif aura lieu le premier jour de "
            "l'atelier d'Abidjan sur les chaînes d'approvisionnement, et une synthèse sera remise "
            "aux participants le second jour. La demande du rapport émane de la réunion "
            "ministérielle du G20 de 2017, et le Secrétariat s'adresse activement à quelques "
            "gouvernements du G20 et hors G20 pour les associer à cette recherche.",
            "La próxima reunión presencial del Consejo Asesor tendrá lugar el primer día del "
            "taller de Abiyán sobre cadenas de suministro, y se entregará un resumen a los "
            "participantes el segundo día. La solicitud del informe provino de la Reunión "
            "Ministerial del G20 de 2017, y la Secretaría se está dirigiendo activamente a algunos "
            "gobiernos del G20 y de fuera del G20 para que participen en esta investigación.",
        ),
    },
    {
        "item": "III",
        "asked": {"organisation": "global-march-against-child-labour"},
        "question": T(
            "The Global March informed the meeting of an innovative system of Dutch and UK banks "
            "to detect potential indications of trafficking in their financial operations.",
            "La Marche mondiale a informé la réunion d'un système innovant de banques "
            "néerlandaises et britanniques pour détecter d'éventuels indices de traite dans leurs "
            "opérations financières.",
            "La Marcha Global informó a la reunión de un sistema innovador de bancos neerlandeses "
            "y británicos para detectar posibles indicios de trata en sus operaciones "
            "financieras.",
        ),
    },
    {
        "item": "III",
        "asked": {"organisation": "oecd"},
        "question": T(
            "The OECD offered to contribute to the research on risk determinants and asked "
            "whether the G20 Supply Chain report would be presented at the G20 summit in Japan.",
            "L'OCDE a proposé de contribuer à la recherche sur les déterminants du risque et a "
            "demandé si le rapport du G20 sur les chaînes d'approvisionnement serait présenté au "
            "sommet du G20 au Japon.",
            "La OCDE se ofreció a contribuir a la investigación sobre los determinantes del riesgo "
            "y preguntó si el informe del G20 sobre cadenas de suministro se presentaría en la "
            "cumbre del G20 en Japón.",
        ),
        "answered": SEC,
        "answer": T(
            "This is a question for G20 members themselves. If there are no conditions to present "
            "the report at the G20 Summit, the Alliance will explore other opportunities for an "
            "appropriate presentation.",
            "C'est aux membres du G20 eux-mêmes de répondre à cette question. Si les conditions ne "
            "sont pas réunies pour présenter le rapport au sommet du G20, l'Alliance étudiera "
            "d'autres occasions de le présenter de manière appropriée.",
            "Es una cuestión que deben responder los propios miembros del G20. Si no se dan las "
            "condiciones para presentar el informe en la cumbre del G20, la Alianza estudiará "
            "otras oportunidades para una presentación adecuada.",
        ),
    },
    {
        "item": "III",
        "asked": {"organisation": "ituc"},
        "question": T(
            "Is there a possibility for interested partners to engage with the Action Group on "
            "Humanitarian Settings, or to reactivate it together with UNICEF and others?",
            "Les partenaires intéressés peuvent-ils s'engager dans le Groupe d'action sur les "
            "situations humanitaires, ou le relancer avec l'UNICEF et d'autres ?",
            "¿Existe la posibilidad de que los asociados interesados participen en el Grupo de "
            "Acción sobre Situaciones Humanitarias o lo reactiven junto con UNICEF y otros?",
        ),
        "answered": {"organisation": "unicef"},
        "answer": T(
            "UNICEF was pleased to discuss this in the context of its conversation with the ILO. "
            "The Chair considered a future conversation of partners on this issue very useful; "
            "he welcomed the strong participation of civil society in the Action Groups and "
            "considered that governments' participation was still relatively low and required "
            "some thought on how to increase it.",
            "L'UNICEF a accueilli favorablement l'idée d'en discuter dans le cadre de ses échanges "
            "avec l'OIT. Le président a jugé très utile une future discussion entre partenaires "
            "sur ce sujet ; il a salué la forte participation de la société civile aux groupes "
            "d'action et estimé que celle des gouvernements restait relativement faible et "
            "demandait réflexion pour l'accroître.",
            "UNICEF se mostró dispuesto a debatirlo en el marco de su conversación con la OIT. El "
            "presidente consideró muy útil una futura conversación entre asociados sobre el tema; "
            "celebró la fuerte participación de la sociedad civil en los grupos de acción y "
            "consideró que la de los gobiernos seguía siendo relativamente baja y requería "
            "reflexionar sobre cómo aumentarla.",
        ),
    },
    {
        "item": "V",
        "asked": {"organisation": "ohchr"},
        "question": T(
            "How could pathfinder countries benefit from the knowledge platform?",
            "Comment les pays pionniers pourraient-ils tirer parti de la plateforme de "
            "connaissances ?",
            "¿Cómo podrían beneficiarse los países pioneros de la plataforma de conocimientos?",
        ),
        "answered": CHAIR,
        "answer": T(
            "The website is a research hub for tools and knowledge sharing and also a vehicle for "
            "communication; further coordination is required to ensure that the information "
            "serves those who require it.",
            "Le site est un centre de recherche pour les outils et le partage des connaissances, "
            "ainsi qu'un vecteur de communication ; une coordination accrue est nécessaire pour "
            "que l'information serve à ceux qui en ont besoin.",
            "El sitio es un centro de investigación para herramientas e intercambio de "
            "conocimientos y también un medio de comunicación; se necesita más coordinación para "
            "que la información sirva a quienes la necesitan.",
        ),
    },
    {
        "item": "VI",
        "asked": {"organisation": "usdol"},
        "question": T(
            "Could the communications toolkit be used for the commemoration of the World Day "
            "against Child Labour (12 June), to share highlights from countries and give "
            "recognition to individuals and champions working to eradicate child labour?",
            "La boîte à outils de communication pourrait-elle servir à la célébration de la "
            "Journée mondiale contre le travail des enfants (12 juin), pour partager des "
            "temps forts des pays et saluer les personnes et champions qui œuvrent à éradiquer "
            "le travail des enfants ?",
            "¿Podría utilizarse el conjunto de herramientas de comunicación para la "
            "conmemoración del Día Mundial contra el Trabajo Infantil (12 de junio), a fin de "
            "compartir experiencias destacadas de los países y reconocer a las personas y "
            "referentes que trabajan para erradicar el trabajo infantil?",
        ),
        "answered": SEC,
        "answer": T(
            "Yes: this is exactly the kind of activity where further engagement from partners is "
            "required.",
            "Oui : c'est exactement le type d'activité qui demande un engagement accru des "
            "partenaires.",
            "Sí: es exactamente el tipo de actividad que requiere una mayor participación de los "
            "asociados.",
        ),
    },
    {
        "item": "VII",
        "asked": {"organisation": "ituc"},
        "question": T(
            "Can Alliance 8.7 be included in the official agenda of the HLPF?",
            "L'Alliance 8.7 peut-elle figurer à l'ordre du jour officiel du FPHN ?",
            "¿Puede incluirse la Alianza 8.7 en el programa oficial del FPAN?",
        ),
        "answered": SEC,
        "answer": T(
            "Member States are expected to report on a voluntary basis (the Voluntary National "
            "Review mechanism, VNR) on their work on Target 8.7 and on SDG 16, and the Secretariat "
            "is coordinating with the Office in New York to ensure the visibility of the "
            "Alliance.",
            "Les États membres doivent rendre compte sur une base volontaire (mécanisme des "
            "examens nationaux volontaires, ENV) de leur action sur la cible 8.7 et sur l'ODD 16, "
            "et le Secrétariat se coordonne avec le bureau de New York pour assurer la visibilité "
            "de l'Alliance.",
            "Se espera que los Estados Miembros informen de forma voluntaria (mecanismo de "
            "exámenes nacionales voluntarios, ENV) sobre su labor en la meta 8.7 y el ODS 16, y "
            "la Secretaría se coordina con la oficina de Nueva York para garantizar la "
            "visibilidad de la Alianza.",
        ),
    },
    {
        "item": "VII",
        "asked": {"organisation": "government-of-mexico"},
        "question": T(
            "Mexico was concerned that in a clustered review of all SDG targets the specific "
            "visibility of Target 8.7 might get lost, and therefore supported a specific Alliance "
            "8.7 event. Could pathfinder countries say something during the official HLPF, so "
            "that the Alliance is mentioned in the official report and potentially in the ECOSOC "
            "declaration?",
            "Le Mexique craint que, dans un examen groupé de toutes les cibles des ODD, la "
            "visibilité propre de la cible 8.7 ne se perde, et soutient donc un événement "
            "spécifique de l'Alliance 8.7. Les pays pionniers pourraient-ils s'exprimer pendant "
            "le FPHN officiel, pour que l'Alliance soit mentionnée dans le rapport officiel et "
            "peut-être dans la déclaration de l'ECOSOC ?",
            "A México le preocupa que, en un examen agrupado de todas las metas de los ODS, se "
            "pierda la visibilidad específica de la meta 8.7, por lo que apoya un evento "
            "específico de la Alianza 8.7. ¿Podrían los países pioneros intervenir durante el "
            "FPAN oficial para que la Alianza se mencione en el informe oficial y, posiblemente, "
            "en la declaración del ECOSOC?",
        ),
        "answered": CHAIR,
        "answer": T(
            "The Chair supported the idea and encouraged participating countries to introduce "
            "references to Alliance 8.7 in their official speeches: the more national references "
            "to the Alliance, the better.",
            "Le président a soutenu l'idée et encouragé les pays participants à mentionner "
            "l'Alliance 8.7 dans leurs discours officiels : plus il y aura de références "
            "nationales à l'Alliance, mieux ce sera.",
            "El presidente apoyó la idea y animó a los países participantes a incluir referencias "
            "a la Alianza 8.7 en sus discursos oficiales: cuantas más referencias nacionales a la "
            "Alianza, mejor.",
        ),
    },
    {
        "item": "VIII",
        "asked": {"organisation": "global-march-against-child-labour"},
        "question": T(
            "The Global March called for a stronger focus on gender equality in the work of the "
            "Alliance: how could Alliance 8.7 be connected to SDG 5 on gender equality?",
            "La Marche mondiale a appelé à mettre davantage l'accent sur l'égalité des sexes dans "
            "les travaux de l'Alliance : comment relier l'Alliance 8.7 à l'ODD 5 sur l'égalité "
            "des sexes ?",
            "La Marcha Global pidió un mayor énfasis en la igualdad de género en la labor de la "
            "Alianza: ¿cómo vincular la Alianza 8.7 con el ODS 5 sobre igualdad de género?",
        ),
        "answered": CHAIR,
        "answer": T(
            "UN Women is a member of the GCG but could not participate this time because of the "
            "time difference with its headquarters in New York. The Chair agreed on the need to "
            "incorporate gender mainstreaming into the work of the Alliance.",
            "ONU Femmes est membre du GCM mais n'a pas pu participer cette fois en raison du "
            "décalage horaire avec son siège à New York. Le président a reconnu la nécessité "
            "d'intégrer l'égalité des sexes dans les travaux de l'Alliance.",
            "ONU Mujeres es miembro del GCM, pero esta vez no pudo participar debido a la "
            "diferencia horaria con su sede en Nueva York. El presidente coincidió en la "
            "necesidad de incorporar la perspectiva de género en la labor de la Alianza.",
        ),
    },
]

GCG4_DECISIONS: list[dict[str, Any]] = [
    {
        "item": "VIII",
        "text": T(
            "The Chair, Ambassador Shaw, welcomed the candidature of France as the next Chair of "
            "Alliance 8.7.",
            "Le président, l'ambassadeur Shaw, a salué la candidature de la France à la "
            "prochaine présidence de l'Alliance 8.7.",
            "El presidente, el embajador Shaw, acogió con satisfacción la candidatura de Francia "
            "a la próxima presidencia de la Alianza 8.7.",
        ),
    },
    {
        "item": "VIII",
        "text": T(
            "The 5th GCG meeting will take place during the HLPF in New York, tentatively on 17 "
            "July 2019, as a morning session.",
            "La 5e réunion du GCM aura lieu pendant le FPHN à New York, provisoirement le 17 "
            "juillet 2019, en séance du matin.",
            "La 5.ª reunión del GCM se celebrará durante el FPAN en Nueva York, provisionalmente "
            "el 17 de julio de 2019, en sesión de mañana.",
        ),
    },
    {
        "item": "VII",
        "text": T(
            "An Alliance 8.7 event will be held during the HLPF on 17 July 2019, giving "
            "pathfinder countries the opportunity to share and showcase their progress; other "
            "interested countries are invited to attend.",
            "Un événement de l'Alliance 8.7 se tiendra pendant le FPHN le 17 juillet 2019 pour "
            "permettre aux pays pionniers de présenter leurs progrès ; les autres pays intéressés "
            "sont invités à y assister.",
            "Se celebrará un evento de la Alianza 8.7 durante el FPAN el 17 de julio de 2019 para "
            "que los países pioneros compartan y muestren sus avances; se invita a asistir a otros "
            "países interesados.",
        ),
    },
    {
        "item": "VI",
        "text": T(
            "The Communications and Engagement Action Group (CEAG) will be open to all partners "
            "of Alliance 8.7; the GCG representatives in the CEAG will act as its Steering "
            "Committee (CEAG-SC).",
            "Le Groupe d'action sur la communication et l'engagement (CEAG) sera ouvert à tous "
            "les partenaires de l'Alliance 8.7 ; les représentants du GCM au sein du CEAG en "
            "formeront le comité directeur (CEAG-SC).",
            "El Grupo de Acción sobre Comunicación y Participación (CEAG) estará abierto a todos "
            "los asociados de la Alianza 8.7; los representantes del GCM en el CEAG actuarán como "
            "su comité directivo (CEAG-SC).",
        ),
    },
]

# Every next step of the report, with its owner and due date (as reported).
GCG4_ACTIONS: list[dict[str, Any]] = [
    {
        "item": "I",
        "owner": CHAIR,
        "text": T(
            "Circulate a survey of GCG members on their priorities for the online community of "
            "SDG 8.7 practitioners.",
            "Diffuser une enquête auprès des membres du GCM sur leurs priorités pour la "
            "communauté en ligne des praticiens de l'ODD 8.7.",
            "Distribuir una encuesta entre los miembros del GCM sobre sus prioridades para la "
            "comunidad en línea de profesionales del ODS 8.7.",
        ),
    },
    {
        "item": "II",
        "owner": SEC,
        "text": T(
            "Prepare a toolkit for pathfinder countries, including recommendations from previous "
            "workshops.",
            "Préparer une boîte à outils pour les pays pionniers, avec les recommandations des "
            "ateliers précédents.",
            "Preparar un conjunto de herramientas para los países pioneros, con las "
            "recomendaciones de los talleres anteriores.",
        ),
    },
    {
        "item": "II",
        "owner": {"organisation": "government-of-mauritania"},
        "due": (D(2019, 6, 1), None, "month", False),
        "text": T(
            "Hold a second workshop, before July 2019, to select a pilot activity and allocate "
            "the corresponding budget.",
            "Tenir un second atelier, avant juillet 2019, pour choisir une activité pilote et lui "
            "allouer le budget correspondant.",
            "Celebrar un segundo taller, antes de julio de 2019, para elegir una actividad piloto "
            "y asignarle el presupuesto correspondiente.",
        ),
    },
    {
        "item": "III",
        "owner": {"organisation": "ilo"},
        "due": (D(2019, 5, 14), D(2019, 5, 15), "range", False),
        "text": T(
            "Give a further update on the Global Report on Forced Labour, Trafficking in Persons "
            "and Child Labour in Global Supply Chains at the Second Global Workshop on Supply "
            "Chains in Abidjan.",
            "Présenter de nouvelles informations sur le Rapport mondial sur le travail forcé, la "
            "traite des personnes et le travail des enfants dans les chaînes d'approvisionnement "
            "mondiales au deuxième atelier mondial sur les chaînes d'approvisionnement à Abidjan.",
            "Presentar una nueva actualización del Informe mundial sobre trabajo forzoso, trata "
            "de personas y trabajo infantil en las cadenas mundiales de suministro en el Segundo "
            "Taller Mundial sobre Cadenas de Suministro en Abiyán.",
        ),
    },
    {
        "item": "III",
        "owner": {"organisation": "ilo-global-business-network-on-forced-labour"},
        "text": T(
            "Share the 2019 workplan approved by the Steering Committee of the ILO Global Business "
            "Network on Forced Labour and Trafficking.",
            "Diffuser le plan de travail 2019 approuvé par le comité directeur du Réseau mondial "
            "d'entreprises de l'OIT sur le travail forcé et la traite.",
            "Compartir el plan de trabajo 2019 aprobado por el Comité Directivo de la Red Mundial "
            "de Empresas de la OIT sobre Trabajo Forzoso y Trata.",
        ),
    },
    {
        "item": "III",
        "owner": {"organisation": "child-labour-platform"},
        "text": T(
            "Prepare the next work plan of the Child Labour Platform, to run until 2021.",
            "Préparer le prochain plan de travail de la Plateforme sur le travail des enfants, "
            "jusqu'en 2021.",
            "Preparar el próximo plan de trabajo de la Plataforma sobre Trabajo Infantil, hasta "
            "2021.",
        ),
    },
    {
        "item": "III",
        "owner": {"organisation": "ohchr"},
        "due": (D(2019, 7, 1), None, "month", False),
        "text": T(
            "Lead the first workshop of the Action Group on the Rule of Law and Governance.",
            "Conduire le premier atelier du Groupe d'action sur l'état de droit et la "
            "gouvernance.",
            "Dirigir el primer taller del Grupo de Acción sobre Estado de Derecho y Gobernanza.",
        ),
    },
    {
        "item": "III",
        "owner": {
            "organisation": "iom",
            "note": T(
                "Migration Action Group (co-chairs IOM and UNICEF)",
                "Groupe d'action sur les migrations (coprésidé par l'OIM et l'UNICEF)",
                "Grupo de Acción sobre Migración (copresidido por la OIM y UNICEF)",
            ),
        },
        "text": T(
            "Coordinate the next online meeting of the Migration Action Group, support the "
            "priority activities of its work plan, test communications strategies and support the "
            "release of the Walk Free Foundation report on Forced Labour and Migration.",
            "Coordonner la prochaine réunion en ligne du Groupe d'action sur les migrations, "
            "soutenir les activités prioritaires de son plan de travail, tester des stratégies de "
            "communication et soutenir la publication du rapport de la Walk Free Foundation sur "
            "le travail forcé et les migrations.",
            "Coordinar la próxima reunión en línea del Grupo de Acción sobre Migración, apoyar las "
            "actividades prioritarias de su plan de trabajo, probar estrategias de comunicación y "
            "apoyar la publicación del informe de la Walk Free Foundation sobre trabajo forzoso y "
            "migración.",
        ),
    },
    {
        "item": "III",
        "owner": {"organisation": "unicef"},
        "due": (D(2019, 9, 1), None, "month", False),
        "text": T(
            "Discuss with the Secretariat how to take forward the Action Group on Conflict and "
            "Humanitarian Settings.",
            "Examiner avec le Secrétariat comment faire avancer le Groupe d'action sur les "
            "conflits et les situations humanitaires.",
            "Examinar con la Secretaría cómo impulsar el Grupo de Acción sobre Conflictos y "
            "Situaciones Humanitarias.",
        ),
    },
    {
        "item": "III",
        "owner": SEC,
        "text": T(
            "Keep looking for opportunities to collaborate on research with the World Bank, the "
            "WTO and international financial institutions, and bring them into the broader work "
            "of the Alliance.",
            "Continuer de chercher des occasions de collaborer sur la recherche avec la Banque "
            "mondiale, l'OMC et les institutions financières internationales, et les associer aux "
            "travaux plus larges de l'Alliance.",
            "Seguir buscando oportunidades de colaborar en la investigación con el Banco Mundial, "
            "la OMC y las instituciones financieras internacionales, e incorporarlos a la labor "
            "más amplia de la Alianza.",
        ),
    },
    {
        "item": "III",
        "owner": CHAIR,
        "due": (D(2019, 5, 1), None, "month", False),
        "text": T(
            "Raise the proposal in the Liechtenstein initiative and encourage the Financial "
            "Sector Commission to brief the Supply Chains Action Group.",
            "Porter la proposition dans l'initiative du Liechtenstein et encourager la Commission "
            "du secteur financier à informer le Groupe d'action sur les chaînes "
            "d'approvisionnement.",
            "Plantear la propuesta en la iniciativa de Liechtenstein y animar a la Comisión del "
            "Sector Financiero a informar al Grupo de Acción sobre Cadenas de Suministro.",
        ),
    },
    {
        "item": "III",
        "owner": SEC,
        "due": (D(2019, 5, 15), None, "day", False),
        "text": T(
            "Provide summary information from the Advisory Board meeting to the participants of "
            "the Abidjan workshop on its second day.",
            "Remettre aux participants de l'atelier d'Abidjan, le second jour, une synthèse de la "
            "réunion du Conseil consultatif.",
            "Entregar a los participantes del taller de Abiyán, el segundo día, un resumen de la "
            "reunión del Consejo Asesor.",
        ),
    },
    {
        "item": "III",
        "owner": SEC,
        "text": T(
            "Explore other opportunities to present the supply chains report if it cannot be "
            "presented at the G20 Summit.",
            "Étudier d'autres occasions de présenter le rapport sur les chaînes "
            "d'approvisionnement s'il ne peut l'être au sommet du G20.",
            "Estudiar otras oportunidades para presentar el informe sobre cadenas de suministro "
            "si no puede presentarse en la cumbre del G20.",
        ),
    },
    {
        "item": "IV",
        "owner": {"role": "members"},
        "text": T(
            "Suggest organisations for the third seat reserved for civil society in the Global "
            "Coordinating Group.",
            "Proposer des organisations pour le troisième siège réservé à la société civile au "
            "sein du Groupe de coordination mondial.",
            "Proponer organizaciones para el tercer puesto reservado a la sociedad civil en el "
            "Grupo de Coordinación Mundial.",
        ),
    },
    {
        "item": "IV",
        "owner": {"organisation": "global-march-against-child-labour"},
        "text": T(
            "Provide further information on the Child Labour Conference as soon as possible.",
            "Fournir dès que possible des informations sur la Conférence sur le travail des "
            "enfants.",
            "Facilitar lo antes posible más información sobre la Conferencia sobre Trabajo "
            "Infantil.",
        ),
    },
    {
        "item": "V",
        "owner": SEC,
        "text": T(
            "Coordinate further so that the information on the Delta 8.7 knowledge platform "
            "serves those who require it, including pathfinder countries.",
            "Renforcer la coordination pour que l'information de la plateforme de connaissances "
            "Delta 8.7 serve à ceux qui en ont besoin, dont les pays pionniers.",
            "Reforzar la coordinación para que la información de la plataforma de conocimientos "
            "Delta 8.7 sirva a quienes la necesitan, incluidos los países pioneros.",
        ),
    },
    {
        "item": "VI",
        "owner": {
            "note": T(
                "Communications and Engagement Action Group (CEAG)",
                "Groupe d'action sur la communication et l'engagement (CEAG)",
                "Grupo de Acción sobre Comunicación y Participación (CEAG)",
            )
        },
        "text": T(
            "Further develop a communications toolkit for partners and a calendar of activities.",
            "Poursuivre l'élaboration d'une boîte à outils de communication pour les partenaires "
            "et d'un calendrier d'activités.",
            "Seguir desarrollando un conjunto de herramientas de comunicación para los asociados "
            "y un calendario de actividades.",
        ),
    },
    {
        "item": "VI",
        "owner": SEC,
        "due": (D(2019, 6, 12), None, "day", False),
        "text": T(
            "With partners, use the communications toolkit for the World Day against Child Labour "
            "to share highlights from countries and recognise champions, as USDOL suggested.",
            "Avec les partenaires, utiliser la boîte à outils de communication pour la Journée "
            "mondiale contre le travail des enfants afin de partager des temps forts des pays et "
            "de saluer des champions, comme l'a suggéré l'USDOL.",
            "Con los asociados, utilizar el conjunto de herramientas de comunicación para el Día "
            "Mundial contra el Trabajo Infantil a fin de compartir experiencias de los países y "
            "reconocer a referentes, como sugirió el USDOL.",
        ),
    },
    {
        "item": "VII",
        "owner": SEC,
        "due": (D(2019, 7, 1), None, "month", False),
        "text": T(
            "Coordinate with the Office in New York to ensure the visibility of the Alliance at "
            "the HLPF.",
            "Se coordonner avec le bureau de New York pour assurer la visibilité de l'Alliance "
            "au FPHN.",
            "Coordinarse con la oficina de Nueva York para garantizar la visibilidad de la "
            "Alianza en el FPAN.",
        ),
    },
    {
        "item": "VII",
        "owner": {"organisation": "government-of-argentina"},
        "due": (D(2019, 7, 1), None, "month", False),
        "text": T(
            "Contact its mission in New York to provide as much support as possible to the "
            "Alliance 8.7 event at the HLPF.",
            "Prendre contact avec sa mission à New York pour apporter le plus grand soutien "
            "possible à l'événement de l'Alliance 8.7 au FPHN.",
            "Ponerse en contacto con su misión en Nueva York para prestar el mayor apoyo posible "
            "al evento de la Alianza 8.7 en el FPAN.",
        ),
    },
    {
        "item": "VII",
        "owner": {"role": "members"},
        "due": (D(2019, 7, 1), None, "month", False),
        "text": T(
            "Governments: encourage their missions in New York to participate actively in the "
            "HLPF event, and introduce references to Alliance 8.7 in their official HLPF "
            "speeches.",
            "Gouvernements : encourager leurs missions à New York à participer activement à "
            "l'événement du FPHN et mentionner l'Alliance 8.7 dans leurs discours officiels au "
            "FPHN.",
            "Gobiernos: alentar a sus misiones en Nueva York a participar activamente en el "
            "evento del FPAN e incluir referencias a la Alianza 8.7 en sus discursos oficiales en "
            "el FPAN.",
        ),
    },
    {
        "item": "VIII",
        "owner": SEC,
        "text": T(
            "Offer translation into French and Spanish more frequently, overcoming resource "
            "constraints.",
            "Offrir plus souvent la traduction en français et en espagnol, en surmontant les "
            "contraintes de ressources.",
            "Ofrecer con más frecuencia traducción al francés y al español, superando las "
            "limitaciones de recursos.",
        ),
    },
]
