"""
The groups of the seed: the report of the 4th meeting of the Global
Coordinating Group (GCG), spring 2019, in English, French and Spanish.

Only what the report says: a membership row exists only where the report
ties an organisation to a group (a chair, a lead, a co-chair, the research
consortium of the group's report, the organisation whose report the group
supports). No percentage of progress is given, since the report gives none.
Where the report names no holder of a GCG seat, the seat shows "no holder
recorded" rather than a guess; the civil-society seat the Alliance reserved
is the one vacancy it reports.

Pure data: groups/demo.py writes it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.core.dates import DatePrecision
from alliance87.groups.models import (
    ActivityStatus,
    ChairRole,
    Constituency,
    GroupKind,
    GroupStatus,
    MembershipRole,
)

MONTH = DatePrecision.MONTH


def T(en: str, fr: str, es: str) -> dict[str, str]:
    return {"en": en, "fr": fr, "es": es}


GROUPS: list[dict[str, Any]] = [
    {
        "slug": "global-coordinating-group",
        "kind": GroupKind.GCG,
        "order": 0,
        "name": T(
            "Global Coordinating Group",
            "Groupe de coordination mondial",
            "Grupo de Coordinación Mundial",
        ),
        "short_name": T("GCG", "GCG", "GCG"),
        "summary": T(
            "Coordinates Alliance 8.7. Governments from all regions are represented in it.",
            "Coordonne l'Alliance 8.7. Les gouvernements de toutes les régions y sont "
            "représentés.",
            "Coordina la Alianza 8.7. En él están representados gobiernos de todas las regiones.",
        ),
        "mandate": T(
            "The GCG reviews progress in the pathfinder countries, takes stock of the work of "
            "the action groups, discusses how civil society engages with the Alliance, and "
            "prepares the Alliance's participation in global fora such as the High-Level "
            "Political Forum. Its Terms of Reference and the Pathfinder Country Guidance Note "
            "have been adopted and published.",
            "Le GCG examine les progrès des pays pionniers, fait le point sur les travaux des "
            "groupes d'action, débat de la participation de la société civile à l'Alliance et "
            "prépare la participation de l'Alliance aux grandes enceintes mondiales, comme le "
            "Forum politique de haut niveau. Son mandat et la note d'orientation sur les pays "
            "pionniers ont été adoptés et publiés.",
            "El GCM examina los avances de los países pioneros, hace balance del trabajo de los "
            "grupos de acción, debate la participación de la sociedad civil en la Alianza y "
            "prepara la participación de la Alianza en foros mundiales como el Foro Político de "
            "Alto Nivel. Sus términos de referencia y la nota de orientación para los países "
            "pioneros se han adoptado y publicado.",
        ),
        "themes": [],
    },
    {
        "slug": "supply-chains",
        "kind": GroupKind.ACTION_GROUP,
        "order": 10,
        "name": T(
            "Action Group on Supply Chains",
            "Groupe d'action sur les chaînes d'approvisionnement",
            "Grupo de Acción sobre Cadenas de Suministro",
        ),
        "summary": T(
            "Led by the ILO; preparing the global report on supply chains the G20 requested.",
            "Dirigé par l'OIT ; prépare le rapport mondial sur les chaînes d'approvisionnement "
            "demandé par le G20.",
            "Dirigido por la OIT; prepara el informe mundial sobre cadenas de suministro que "
            "solicitó el G20.",
        ),
        "mandate": T(
            "Forced labour, trafficking in persons and child labour in global supply chains.",
            "Le travail forcé, la traite des personnes et le travail des enfants dans les "
            "chaînes d'approvisionnement mondiales.",
            "El trabajo forzoso, la trata de personas y el trabajo infantil en las cadenas "
            "mundiales de suministro.",
        ),
        "themes": ["supply-chains"],
    },
    {
        "slug": "rule-of-law-and-governance",
        "kind": GroupKind.ACTION_GROUP,
        "order": 20,
        "name": T(
            "Action Group on Rule of Law and Governance",
            "Groupe d'action sur l'état de droit et la gouvernance",
            "Grupo de Acción sobre Estado de Derecho y Gobernanza",
        ),
        "summary": T(
            "Its first workshop, led by OHCHR, is planned for July 2019.",
            "Son premier atelier, dirigé par le HCDH, est prévu pour juillet 2019.",
            "Su primer taller, dirigido por el ACNUDH, está previsto para julio de 2019.",
        ),
        "mandate": T("", "", ""),
        "themes": ["rule-of-law-and-governance", "access-to-justice"],
    },
    {
        "slug": "migration",
        "kind": GroupKind.ACTION_GROUP,
        "order": 30,
        "name": T(
            "Action Group on Migration",
            "Groupe d'action sur les migrations",
            "Grupo de Acción sobre Migración",
        ),
        "summary": T(
            "Co-chaired by IOM and UNICEF; its workplan addresses the vulnerability of migrants.",
            "Coprésidé par l'OIM et l'UNICEF ; son plan de travail porte sur la vulnérabilité "
            "des migrants.",
            "Copresidido por la OIM y UNICEF; su plan de trabajo aborda la vulnerabilidad de "
            "las personas migrantes.",
        ),
        "mandate": T(
            "At its first workshop, in November 2018, the group identified a set of priority "
            "activities addressing in particular the vulnerability of migrants.",
            "Lors de son premier atelier, en novembre 2018, le groupe a défini un ensemble "
            "d'activités prioritaires portant en particulier sur la vulnérabilité des migrants.",
            "En su primer taller, en noviembre de 2018, el grupo definió un conjunto de "
            "actividades prioritarias centradas en particular en la vulnerabilidad de las "
            "personas migrantes.",
        ),
        "themes": ["migration"],
    },
    {
        "slug": "conflict-and-humanitarian-settings",
        "kind": GroupKind.ACTION_GROUP,
        "order": 40,
        "status": GroupStatus.SEEKING_CHAIR,
        "status_note": T(
            "After the reorganisation of its team in New York, UNICEF was not in a position to "
            "commit to chairing the group; it would discuss the way forward with the Secretariat "
            "in September 2019.",
            "Après la réorganisation de son équipe à New York, l'UNICEF n'était pas en mesure "
            "de s'engager à présider le groupe ; il devait en discuter avec le Secrétariat en "
            "septembre 2019.",
            "Tras la reorganización de su equipo en Nueva York, UNICEF no estaba en condiciones "
            "de comprometerse a presidir el grupo; iba a tratar cómo seguir con la Secretaría en "
            "septiembre de 2019.",
        ),
        "name": T(
            "Action Group on Conflict and Humanitarian Settings",
            "Groupe d'action sur les situations de conflit et les contextes humanitaires",
            "Grupo de Acción sobre Situaciones de Conflicto y Contextos Humanitarios",
        ),
        "summary": T(
            "Looking for a chair; partners have asked how they could help reactivate it.",
            "Cherche une présidence ; des partenaires ont demandé comment aider à le relancer.",
            "Busca una presidencia; algunos socios han preguntado cómo ayudar a reactivarlo.",
        ),
        "mandate": T("", "", ""),
        "themes": ["conflict-and-humanitarian-settings"],
    },
    {
        "slug": "communications-and-engagement",
        "kind": GroupKind.ACTION_GROUP,
        "order": 50,
        "name": T(
            "Communications and Engagement Action Group",
            "Groupe d'action sur la communication et l'engagement",
            "Grupo de Acción sobre Comunicación y Participación",
        ),
        "short_name": T("CEAG", "CEAG", "CEAG"),
        "summary": T(
            "Launched at the 3rd GCG meeting to foster internal and external communication and "
            "an online community.",
            "Lancé à la 3e réunion du GCG pour favoriser la communication interne et externe et "
            "une communauté en ligne.",
            "Creado en la 3.ª reunión del GCM para fomentar la comunicación interna y externa y "
            "una comunidad en línea.",
        ),
        "mandate": T(
            "The CEAG works with the Alliance 8.7 focal points to foster internal and external "
            "communication and an online community. It is made up of the focal points nominated "
            "by GCG members, and will open to all partners of Alliance 8.7 to maximise the "
            "Alliance's amplification capacity.",
            "Le CEAG travaille avec les points focaux de l'Alliance 8.7 pour favoriser la "
            "communication interne et externe et une communauté en ligne. Il réunit les points "
            "focaux désignés par les membres du GCG et s'ouvrira à tous les partenaires de "
            "l'Alliance 8.7 afin d'amplifier au maximum la portée de l'Alliance.",
            "El CEAG trabaja con los puntos focales de la Alianza 8.7 para fomentar la "
            "comunicación interna y externa y una comunidad en línea. Lo integran los puntos "
            "focales designados por los miembros del GCM y se abrirá a todos los socios de la "
            "Alianza 8.7 para ampliar al máximo su capacidad de difusión.",
        ),
        "themes": [],
    },
    {
        "slug": "ceag-steering-committee",
        "kind": GroupKind.STEERING_COMMITTEE,
        "parent": "communications-and-engagement",
        "order": 55,
        "status": GroupStatus.FORMING,
        "name": T(
            "CEAG Steering Committee",
            "Comité directeur du CEAG",
            "Comité Directivo del CEAG",
        ),
        "short_name": T("CEAG-SC", "CEAG-SC", "CEAG-SC"),
        "summary": T(
            "The GCG representatives in the CEAG, keeping representation once it opens to all "
            "partners.",
            "Les représentants du GCG au sein du CEAG, garants de la représentation lorsqu'il "
            "s'ouvrira à tous les partenaires.",
            "Los representantes del GCM en el CEAG, que mantienen la representación cuando se "
            "abra a todos los socios.",
        ),
        "mandate": T(
            "To maintain representation as the CEAG opens to all partners, the GCG "
            "representatives of the CEAG act as its Steering Committee (CEAG-SC).",
            "Pour maintenir la représentation lorsque le CEAG s'ouvrira à tous les partenaires, "
            "les représentants du GCG au sein du CEAG en forment le comité directeur (CEAG-SC).",
            "Para mantener la representación cuando el CEAG se abra a todos los socios, los "
            "representantes del GCM en el CEAG actúan como su Comité Directivo (CEAG-SC).",
        ),
        "themes": [],
    },
    {
        "slug": "ilo-global-business-network",
        "kind": GroupKind.NETWORK,
        "order": 70,
        "organisation": "ilo-global-business-network-on-forced-labour",
        "name": T(
            "ILO Global Business Network on Forced Labour and Trafficking",
            "Réseau mondial des entreprises de l'OIT sur le travail forcé et la traite",
            "Red Mundial de Empresas de la OIT sobre Trabajo Forzoso y Trata",
        ),
        "summary": T(
            'Launched in 2018 to establish a "network of networks"; its Steering Committee '
            "approved the 2019 workplan.",
            "Lancé en 2018 pour constituer un « réseau de réseaux » ; son comité directeur a "
            "approuvé le plan de travail 2019.",
            "Creada en 2018 para construir una «red de redes»; su Comité Directivo aprobó el "
            "plan de trabajo de 2019.",
        ),
        "mandate": T(
            'Launched by the ILO in 2018 with the objective of establishing a "network of '
            'networks" on forced labour and trafficking.',
            "Lancé par l'OIT en 2018 pour constituer un « réseau de réseaux » sur le travail "
            "forcé et la traite.",
            "Creada por la OIT en 2018 con el objetivo de construir una «red de redes» sobre el "
            "trabajo forzoso y la trata.",
        ),
        "themes": ["forced-labour", "human-trafficking", "supply-chains"],
    },
    {
        "slug": "child-labour-platform",
        "kind": GroupKind.NETWORK,
        "order": 80,
        "organisation": "child-labour-platform",
        "name": T(
            "Child Labour Platform",
            "Plateforme sur le travail des enfants",
            "Plataforma sobre Trabajo Infantil",
        ),
        "short_name": T("CLP", "CLP", "CLP"),
        "summary": T(
            "Supported a meeting on supply chains in Viet Nam; preparing its next workplan, to "
            "run until 2021.",
            "A soutenu une réunion sur les chaînes d'approvisionnement au Viet Nam ; prépare "
            "son prochain plan de travail, jusqu'en 2021.",
            "Apoyó una reunión sobre cadenas de suministro en Viet Nam; prepara su próximo plan "
            "de trabajo, hasta 2021.",
        ),
        "mandate": T("", "", ""),
        "themes": ["child-labour", "supply-chains"],
    },
]

# (group, role, organisation, person, start, end, confirmed, note)
CHAIRS: list[dict[str, Any]] = [
    {
        "group": "global-coordinating-group",
        "role": ChairRole.CHAIR,
        "organisation": "government-of-australia",
        "person": "geoffrey-shaw",
        "starts_on": dt.date(2017, 11, 1),
        "starts_precision": MONTH,
        "ends_on": dt.date(2019, 4, 1),
        "ends_precision": MONTH,
        "note": T(
            "Ambassador Geoffrey Shaw chaired the Alliance for 18 months, from the first GCG "
            "meeting at the IV Global Conference in Argentina to the 4th GCG meeting (spring "
            "2019).",
            "L'ambassadeur Geoffrey Shaw a présidé l'Alliance pendant 18 mois, de la première "
            "réunion du GCG, lors de la IVe Conférence mondiale en Argentine, à la 4e réunion "
            "du GCG (printemps 2019).",
            "El embajador Geoffrey Shaw presidió la Alianza durante 18 meses, desde la primera "
            "reunión del GCM en la IV Conferencia Mundial en Argentina hasta la 4.ª reunión del "
            "GCM (primavera de 2019).",
        ),
    },
    {
        "group": "global-coordinating-group",
        "role": ChairRole.CHAIR,
        "organisation": "government-of-france",
        "starts_on": dt.date(2019, 4, 1),
        "starts_precision": MONTH,
        "confirmed": False,
        "note": T(
            "Ambassador Shaw welcomed France's candidature as the next Chair at the 4th GCG "
            "meeting; France was represented by its Mission to the United Nations in Geneva.",
            "L'ambassadeur Shaw a salué la candidature de la France à la prochaine présidence "
            "lors de la 4e réunion du GCG ; la France y était représentée par sa Mission auprès "
            "des Nations Unies à Genève.",
            "El embajador Shaw acogió la candidatura de Francia a la próxima presidencia en la "
            "4.ª reunión del GCM; Francia estuvo representada por su Misión ante las Naciones "
            "Unidas en Ginebra.",
        ),
    },
    {"group": "supply-chains", "role": ChairRole.LEAD, "organisation": "ilo"},
    {"group": "migration", "role": ChairRole.CO_CHAIR, "organisation": "iom"},
    {"group": "migration", "role": ChairRole.CO_CHAIR, "organisation": "unicef"},
    {"group": "ilo-global-business-network", "role": ChairRole.LEAD, "organisation": "ilo"},
]

CONSORTIUM = T(
    "In the research consortium preparing the global report on supply chains.",
    "Membre du consortium de recherche qui prépare le rapport mondial sur les chaînes "
    "d'approvisionnement.",
    "Miembro del consorcio de investigación que prepara el informe mundial sobre cadenas de "
    "suministro.",
)
MEMBERSHIPS: list[dict[str, Any]] = [
    {
        "group": "supply-chains",
        "organisation": "ilo",
        "note": T("Leads the group.", "Dirige le groupe.", "Dirige el grupo."),
    },
    {
        "group": "supply-chains",
        "organisation": "oecd",
        "role": MembershipRole.CONTRIBUTOR,
        "note": CONSORTIUM,
    },
    {
        "group": "supply-chains",
        "organisation": "unicef",
        "role": MembershipRole.CONTRIBUTOR,
        "note": CONSORTIUM,
    },
    {
        "group": "supply-chains",
        "organisation": "iom",
        "role": MembershipRole.CONTRIBUTOR,
        "note": CONSORTIUM,
    },
    {
        "group": "rule-of-law-and-governance",
        "organisation": "ohchr",
        "note": T(
            "Leads the group's first workshop (July 2019).",
            "Dirige le premier atelier du groupe (juillet 2019).",
            "Dirige el primer taller del grupo (julio de 2019).",
        ),
    },
    {
        "group": "migration",
        "organisation": "iom",
        "note": T("Co-Chair.", "Coprésident.", "Copresidente."),
    },
    {
        "group": "migration",
        "organisation": "unicef",
        "note": T("Co-Chair.", "Coprésident.", "Copresidente."),
    },
    {
        "group": "migration",
        "organisation": "walk-free-foundation",
        "role": MembershipRole.CONTRIBUTOR,
        "note": T(
            "The group supports the release of its report on forced labour and migration.",
            "Le groupe soutient la publication de son rapport sur le travail forcé et les "
            "migrations.",
            "El grupo apoya la publicación de su informe sobre trabajo forzoso y migración.",
        ),
    },
    {
        "group": "conflict-and-humanitarian-settings",
        "organisation": "unicef",
        "note": T(
            "Not in a position to commit to chairing the group in 2019.",
            "N'est pas en mesure de s'engager à présider le groupe en 2019.",
            "No está en condiciones de comprometerse a presidir el grupo en 2019.",
        ),
    },
]

NO_HOLDER = T("", "", "")
SEATS: list[dict[str, Any]] = [
    *[
        {
            "order": i,
            "constituency": Constituency.PATHFINDER,
            "region": region,
            "label": label,
        }
        for i, (region, label) in enumerate(
            [
                (
                    "africa",
                    T(
                        "Pathfinder country: Africa",
                        "Pays pionnier : Afrique",
                        "País pionero: África",
                    ),
                ),
                (
                    "americas",
                    T(
                        "Pathfinder country: Americas",
                        "Pays pionnier : Amériques",
                        "País pionero: Américas",
                    ),
                ),
                (
                    "arab_states",
                    T(
                        "Pathfinder country: Arab States",
                        "Pays pionnier : États arabes",
                        "País pionero: Estados Árabes",
                    ),
                ),
                (
                    "asia_pacific",
                    T(
                        "Pathfinder country: Asia and the Pacific",
                        "Pays pionnier : Asie et Pacifique",
                        "País pionero: Asia y el Pacífico",
                    ),
                ),
                (
                    "europe_central_asia",
                    T(
                        "Pathfinder country: Europe and Central Asia",
                        "Pays pionnier : Europe et Asie centrale",
                        "País pionero: Europa y Asia Central",
                    ),
                ),
            ],
            start=1,
        )
    ],
    {
        "order": 10,
        "constituency": Constituency.DEVELOPMENT_PARTNER,
        "label": T(
            "Development-partner government",
            "Gouvernement partenaire de développement",
            "Gobierno socio para el desarrollo",
        ),
    },
    {
        "order": 20,
        "constituency": Constituency.SOCIAL_PARTNERS,
        "label": T(
            "Workers' organisations",
            "Organisations de travailleurs",
            "Organizaciones de trabajadores",
        ),
    },
    {
        "order": 21,
        "constituency": Constituency.SOCIAL_PARTNERS,
        "label": T(
            "Employers' organisations",
            "Organisations d'employeurs",
            "Organizaciones de empleadores",
        ),
    },
    {
        "order": 30,
        "constituency": Constituency.CIVIL_SOCIETY,
        "label": T(
            "Civil society, first seat",
            "Société civile, premier siège",
            "Sociedad civil, primer puesto",
        ),
    },
    {
        "order": 31,
        "constituency": Constituency.CIVIL_SOCIETY,
        "label": T(
            "Civil society, second seat",
            "Société civile, deuxième siège",
            "Sociedad civil, segundo puesto",
        ),
    },
    {
        "order": 32,
        "constituency": Constituency.CIVIL_SOCIETY,
        "open": True,
        "label": T(
            "Civil society, third seat",
            "Société civile, troisième siège",
            "Sociedad civil, tercer puesto",
        ),
        "note": T(
            "Reserved by the Alliance; the Secretariat invited GCG members to suggest "
            "organisations (4th GCG meeting, 2019).",
            "Réservé par l'Alliance ; le Secrétariat a invité les membres du GCG à proposer des "
            "organisations (4e réunion du GCG, 2019).",
            "Reservado por la Alianza; la Secretaría invitó a los miembros del GCM a proponer "
            "organizaciones (4.ª reunión del GCM, 2019).",
        ),
    },
    {
        "order": 40,
        "constituency": Constituency.UN_INTERNATIONAL,
        "label": T(
            "UN and international organisations: UN Women",
            "Nations Unies et organisations internationales : ONU Femmes",
            "Naciones Unidas y organizaciones internacionales: ONU Mujeres",
        ),
        "holder": "un-women",
        "holder_note": T(
            "A member of the GCG; it could not take part in the 4th meeting because of the time "
            "difference with its headquarters in New York.",
            "Membre du GCG ; n'a pu participer à la 4e réunion en raison du décalage horaire avec "
            "son siège à New York.",
            "Miembro del GCM; no pudo participar en la 4.ª reunión por la diferencia horaria con "
            "su sede en Nueva York.",
        ),
    },
]

AREAS: dict[str, list[dict[str, str]]] = {
    "migration": [
        T(
            "A research agenda covering knowledge gaps",
            "Un programme de recherche sur les lacunes dans les connaissances",
            "Una agenda de investigación sobre las lagunas de conocimiento",
        ),
        T(
            "A resource-mobilisation strategy, in coordination with the other action groups",
            "Une stratégie de mobilisation de ressources, en coordination avec les autres groupes "
            "d'action",
            "Una estrategia de movilización de recursos, en coordinación con los demás grupos de "
            "acción",
        ),
        T(
            "Policy recommendations for pathfinder countries",
            "Des recommandations politiques pour les pays pionniers",
            "Recomendaciones de políticas para los países pioneros",
        ),
        T(
            "Tools and basic technical cooperation services",
            "Des outils et des services de coopération technique de base",
            "Herramientas y servicios básicos de cooperación técnica",
        ),
    ],
}

ACTIVITIES: list[dict[str, Any]] = [
    {
        "group": "supply-chains",
        "order": 1,
        "owners": ["oecd", "unicef", "ilo", "iom"],
        "status": ActivityStatus.IN_PROGRESS,
        "date": (dt.date(2019, 9, 1), None, MONTH, True),
        "title": T(
            "Global Report on Forced Labour, Trafficking in Persons and Child Labour in Global "
            "Supply Chains",
            "Rapport mondial sur le travail forcé, la traite des personnes et le travail des "
            "enfants dans les chaînes d'approvisionnement mondiales",
            "Informe mundial sobre trabajo forzoso, trata de personas y trabajo infantil en las "
            "cadenas mundiales de suministro",
        ),
        "description": T(
            "Requested by the G20 Conference of Labour and Employment Ministers (Germany, 2017) "
            "and produced by a research consortium of the OECD, UNICEF, the ILO and IOM. The "
            "World Bank, the WTO and international financial institutions had not yet engaged "
            "with the Alliance and are not part of the consortium.",
            "Demandé par la Conférence des ministres du Travail et de l'Emploi du G20 "
            "(Allemagne, 2017) et réalisé par un consortium de recherche formé de l'OCDE, de "
            "l'UNICEF, de l'OIT et de l'OIM. La Banque mondiale, l'OMC et les institutions "
            "financières internationales ne s'étaient pas encore engagées auprès de l'Alliance "
            "et ne font pas partie du consortium.",
            "Solicitado por la Conferencia de Ministros de Trabajo y Empleo del G20 (Alemania, "
            "2017) y elaborado por un consorcio de investigación formado por la OCDE, UNICEF, la "
            "OIT y la OIM. El Banco Mundial, la OMC y las instituciones financieras "
            "internacionales aún no se habían vinculado a la Alianza y no forman parte del "
            "consorcio.",
        ),
        "next_steps": T(
            "Launch at the G20 summit in September 2019; if that is not possible, the Alliance "
            "will look for another occasion to present it.",
            "Lancement au sommet du G20 en septembre 2019 ; à défaut, l'Alliance cherchera une "
            "autre occasion de le présenter.",
            "Presentación en la cumbre del G20 en septiembre de 2019; si no es posible, la "
            "Alianza buscará otra ocasión para presentarlo.",
        ),
    },
    {
        "group": "supply-chains",
        "order": 2,
        "owners": ["ilo"],
        "status": ActivityStatus.PLANNED,
        "date": (dt.date(2019, 5, 14), dt.date(2019, 5, 15), DatePrecision.RANGE, False),
        "title": T(
            "Second Global Workshop on Supply Chains, Abidjan",
            "Deuxième atelier mondial sur les chaînes d'approvisionnement, Abidjan",
            "Segundo Taller Mundial sobre Cadenas de Suministro, Abiyán",
        ),
        "description": T(
            "A further update on the global report. The research Advisory Board meets on the "
            "first day; participants receive a summary on the second.",
            "Nouveau point sur le rapport mondial. Le conseil consultatif de la recherche se "
            "réunit le premier jour ; les participants en reçoivent une synthèse le second.",
            "Nueva actualización sobre el informe mundial. El Consejo Consultivo de la "
            "investigación se reúne el primer día; los participantes reciben un resumen el "
            "segundo.",
        ),
    },
    {
        "group": "supply-chains",
        "order": 3,
        "owners": [],
        "status": ActivityStatus.PLANNED,
        "date": (dt.date(2019, 5, 1), None, MONTH, True),
        "title": T(
            "Briefing by the Financial Sector Commission (Liechtenstein Initiative)",
            "Exposé de la Commission du secteur financier (Initiative du Liechtenstein)",
            "Exposición de la Comisión del Sector Financiero (Iniciativa de Liechtenstein)",
        ),
        "description": T(
            "The Chair undertook to encourage the Commission to brief the group.",
            "Le Président s'est engagé à inviter la Commission à présenter ses travaux au groupe.",
            "El Presidente se comprometió a animar a la Comisión a informar al grupo.",
        ),
    },
    {
        "group": "rule-of-law-and-governance",
        "order": 1,
        "owners": ["ohchr"],
        "status": ActivityStatus.PLANNED,
        "date": (dt.date(2019, 7, 1), None, MONTH, False),
        "title": T(
            "First workshop of the Action Group",
            "Premier atelier du groupe d'action",
            "Primer taller del grupo de acción",
        ),
    },
    {
        "group": "migration",
        "order": 1,
        "owners": ["iom", "unicef"],
        "status": ActivityStatus.DONE,
        "date": (dt.date(2018, 11, 1), None, MONTH, False),
        "title": T(
            "First workshop: priority activities identified",
            "Premier atelier : activités prioritaires définies",
            "Primer taller: actividades prioritarias definidas",
        ),
        "description": T(
            "Set the priority activities of the workplan, addressing in particular the "
            "vulnerability of migrants.",
            "A fixé les activités prioritaires du plan de travail, en particulier sur la "
            "vulnérabilité des migrants.",
            "Fijó las actividades prioritarias del plan de trabajo, en particular sobre la "
            "vulnerabilidad de las personas migrantes.",
        ),
    },
    {
        "group": "communications-and-engagement",
        "order": 1,
        "owners": [],
        "status": ActivityStatus.IN_PROGRESS,
        "title": T(
            "Communications Network Strategy",
            "Stratégie du réseau de communication",
            "Estrategia de la Red de Comunicación",
        ),
        "description": T(
            "A living document, updated as needed; the CEAG has commented on it.",
            "Un document évolutif, mis à jour au besoin ; le CEAG l'a commenté.",
            "Un documento vivo que se actualiza según sea necesario; el CEAG lo ha comentado.",
        ),
    },
    {
        "group": "communications-and-engagement",
        "order": 2,
        "owners": [],
        "status": ActivityStatus.PLANNED,
        "title": T(
            "Communications toolkit for partners",
            "Boîte à outils de communication pour les partenaires",
            "Kit de comunicación para los socios",
        ),
        "next_steps": T(
            "USDOL suggested using it for the World Day against Child Labour (12 June); the "
            "Secretariat welcomed the idea.",
            "Le Département du Travail des États-Unis a proposé de l'utiliser pour la Journée "
            "mondiale contre le travail des enfants (12 juin) ; le Secrétariat a salué l'idée.",
            "El Departamento de Trabajo de los Estados Unidos propuso usarlo para el Día "
            "Mundial contra el Trabajo Infantil (12 de junio); la Secretaría acogió la idea.",
        ),
    },
    {
        "group": "communications-and-engagement",
        "order": 3,
        "owners": [],
        "status": ActivityStatus.PLANNED,
        "title": T(
            "Calendar of activities",
            "Calendrier des activités",
            "Calendario de actividades",
        ),
    },
    {
        "group": "communications-and-engagement",
        "order": 4,
        "owners": [],
        "status": ActivityStatus.IN_PROGRESS,
        "title": T(
            "Pilot of an online engagement platform (Slack), with the Migration Action Group",
            "Essai d'une plateforme d'échange en ligne (Slack), avec le groupe d'action sur les "
            "migrations",
            "Piloto de una plataforma de participación en línea (Slack), con el Grupo de Acción "
            "sobre Migración",
        ),
        "description": T(
            "Users have given positive feedback; initiatives have started to use it to connect, "
            "and users have suggested tools and services.",
            "Les utilisateurs en ont fait un retour positif ; des initiatives s'en servent pour "
            "se connecter et des utilisateurs ont proposé des outils et des services.",
            "Los usuarios han dado opiniones positivas; algunas iniciativas ya lo usan para "
            "conectarse y los usuarios han propuesto herramientas y servicios.",
        ),
    },
    {
        "group": "ilo-global-business-network",
        "order": 1,
        "owners": ["ilo-global-business-network-on-forced-labour"],
        "status": ActivityStatus.IN_PROGRESS,
        "title": T("Workplan for 2019", "Plan de travail 2019", "Plan de trabajo 2019"),
        "description": T(
            "Approved by the Steering Committee at its first meeting.",
            "Approuvé par le comité directeur à sa première réunion.",
            "Aprobado por el Comité Directivo en su primera reunión.",
        ),
        "next_steps": T(
            "To be shared shortly.", "Sera diffusé prochainement.", "Se compartirá en breve."
        ),
    },
    {
        "group": "child-labour-platform",
        "order": 1,
        "owners": ["child-labour-platform"],
        "status": ActivityStatus.DONE,
        "title": T(
            "Meeting on supply chains in Viet Nam, a pathfinder country",
            "Réunion sur les chaînes d'approvisionnement au Viet Nam, pays pionnier",
            "Reunión sobre cadenas de suministro en Viet Nam, país pionero",
        ),
    },
    {
        "group": "child-labour-platform",
        "order": 2,
        "owners": ["child-labour-platform"],
        "status": ActivityStatus.IN_PROGRESS,
        "title": T(
            "Next workplan, to run until 2021",
            "Prochain plan de travail, jusqu'en 2021",
            "Próximo plan de trabajo, hasta 2021",
        ),
    },
]

NEXT_STEPS: dict[str, list[dict[str, str]]] = {
    "migration": [
        T(
            "Coordinate the next online meeting",
            "Organiser la prochaine réunion en ligne",
            "Coordinar la próxima reunión en línea",
        ),
        T(
            "Support the priority activities set out in the workplan",
            "Soutenir les activités prioritaires du plan de travail",
            "Apoyar las actividades prioritarias del plan de trabajo",
        ),
        T(
            "Test different communications strategies",
            "Tester différentes stratégies de communication",
            "Probar distintas estrategias de comunicación",
        ),
        T(
            "Support the release of the Walk Free Foundation's report on Forced Labour and "
            "Migration",
            "Soutenir la publication du rapport de la Walk Free Foundation sur le travail "
            "forcé et les migrations",
            "Apoyar la publicación del informe de la Walk Free Foundation sobre trabajo forzoso y "
            "migración",
        ),
    ],
    "conflict-and-humanitarian-settings": [
        T(
            "UNICEF and the Secretariat to discuss, in September 2019, how to take the group "
            "forward",
            "L'UNICEF et le Secrétariat discuteront en septembre 2019 de la manière de faire "
            "avancer le groupe",
            "UNICEF y la Secretaría tratarán en septiembre de 2019 cómo hacer avanzar el grupo",
        ),
        T(
            "Hold a conversation of interested partners on reactivating the group",
            "Réunir les partenaires intéressés pour discuter de la relance du groupe",
            "Celebrar una conversación con los socios interesados sobre la reactivación del grupo",
        ),
    ],
    "communications-and-engagement": [
        T(
            "Further develop a communications toolkit for partners",
            "Poursuivre l'élaboration d'une boîte à outils de communication pour les partenaires",
            "Seguir desarrollando un kit de comunicación para los socios",
        ),
        T(
            "Draw up a calendar of activities",
            "Établir un calendrier des activités",
            "Elaborar un calendario de actividades",
        ),
        T(
            "Open the group to all partners of Alliance 8.7",
            "Ouvrir le groupe à tous les partenaires de l'Alliance 8.7",
            "Abrir el grupo a todos los socios de la Alianza 8.7",
        ),
    ],
    "supply-chains": [
        T(
            "Give a further update at the Second Global Workshop on Supply Chains in Abidjan",
            "Faire un nouveau point lors du deuxième atelier mondial sur les chaînes "
            "d'approvisionnement à Abidjan",
            "Dar una nueva actualización en el Segundo Taller Mundial sobre Cadenas de Suministro "
            "en Abiyán",
        ),
        T(
            "Keep looking for opportunities to bring the World Bank, the WTO and international "
            "financial institutions into the research",
            "Continuer à chercher des occasions d'associer la Banque mondiale, l'OMC et les "
            "institutions financières internationales à la recherche",
            "Seguir buscando ocasiones de sumar al Banco Mundial, la OMC y las instituciones "
            "financieras internacionales a la investigación",
        ),
    ],
}
