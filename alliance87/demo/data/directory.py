"""Demo data for the directory: themes, organisations, people, key figures.

Where the facts come from:

- the concept note of the Pacific Consultation on Alliance 8.7 (Nadi, Fiji,
  3-5 October 2017), organised by the ILO with its constituents in Fiji;
- the report of the 4th meeting of the Alliance 8.7 Global Coordinating Group
  (GCG), spring 2019;
- for KEY_FIGURES only, two 2017 publications: "Global Estimates of Modern
  Slavery: Forced Labour and Forced Marriage" (ILO, Walk Free Foundation,
  IOM) and "Global Estimates of Child Labour: Results and trends, 2012-2016"
  (ILO); both figures refer to 2016.

What an organisation is (its official names and acronyms, the country where
it is based, its website) is general reference knowledge; a website is given
only where it is certain, otherwise "". What an organisation did in Alliance
8.7 is only what the two seed documents say. `partner` is True where the
documents show the organisation taking part in the Alliance (GCG members,
action-group members, pathfinder countries, speakers at the GCG) and False
where it is only mentioned. Ministries, police and other parts of a state are
folded into its government. No contact details are held here.

Every translated value is a dict with exactly the keys "en", "fr" and "es".
"""

from __future__ import annotations

from typing import Any

THEMES: list[dict[str, Any]] = [
    # Targets of SDG 8.7.
    {
        "slug": "child-labour",
        "kind": "target",
        "name": {"en": "Child labour", "fr": "Travail des enfants", "es": "Trabajo infantil"},
    },
    {
        "slug": "forced-labour",
        "kind": "target",
        "name": {"en": "Forced labour", "fr": "Travail forcé", "es": "Trabajo forzoso"},
    },
    {
        "slug": "modern-slavery",
        "kind": "target",
        "name": {"en": "Modern slavery", "fr": "Esclavage moderne", "es": "Esclavitud moderna"},
    },
    {
        "slug": "human-trafficking",
        "kind": "target",
        "name": {
            "en": "Human trafficking",
            "fr": "Traite des êtres humains",
            "es": "Trata de personas",
        },
    },
    # Cross-cutting topics.
    {
        "slug": "migration",
        "kind": "topic",
        "name": {"en": "Migration", "fr": "Migrations", "es": "Migración"},
    },
    {
        "slug": "supply-chains",
        "kind": "topic",
        "name": {
            "en": "Supply chains",
            "fr": "Chaînes d'approvisionnement",
            "es": "Cadenas de suministro",
        },
    },
    {
        "slug": "rule-of-law-and-governance",
        "kind": "topic",
        "name": {
            "en": "Rule of law and governance",
            "fr": "État de droit et gouvernance",
            "es": "Estado de derecho y gobernanza",
        },
    },
    {
        "slug": "conflict-and-humanitarian-settings",
        "kind": "topic",
        "name": {
            "en": "Conflict and humanitarian settings",
            "fr": "Situations de conflit et de crise humanitaire",
            "es": "Situaciones de conflicto y humanitarias",
        },
    },
    {
        "slug": "gender-equality",
        "kind": "topic",
        "name": {
            "en": "Gender equality",
            "fr": "Égalité entre les sexes",
            "es": "Igualdad de género",
        },
    },
    {
        "slug": "labour-inspection",
        "kind": "topic",
        "name": {
            "en": "Labour inspection",
            "fr": "Inspection du travail",
            "es": "Inspección del trabajo",
        },
    },
    {
        "slug": "access-to-justice",
        "kind": "topic",
        "name": {
            "en": "Access to justice",
            "fr": "Accès à la justice",
            "es": "Acceso a la justicia",
        },
    },
    {
        "slug": "data-and-measurement",
        "kind": "topic",
        "name": {
            "en": "Data and measurement",
            "fr": "Données et mesure",
            "es": "Datos y medición",
        },
    },
    {
        "slug": "education",
        "kind": "topic",
        "name": {"en": "Education", "fr": "Éducation", "es": "Educación"},
    },
    {
        "slug": "social-protection",
        "kind": "topic",
        "name": {"en": "Social protection", "fr": "Protection sociale", "es": "Protección social"},
    },
    # Sectors.
    {
        "slug": "agriculture",
        "kind": "sector",
        "name": {"en": "Agriculture", "fr": "Agriculture", "es": "Agricultura"},
    },
    {
        "slug": "fisheries",
        "kind": "sector",
        "name": {"en": "Fisheries", "fr": "Pêche", "es": "Pesca"},
    },
    {
        "slug": "dairy",
        "kind": "sector",
        "name": {"en": "Dairy", "fr": "Secteur laitier", "es": "Sector lácteo"},
    },
    {
        "slug": "mining",
        "kind": "sector",
        "name": {"en": "Mining", "fr": "Secteur minier", "es": "Minería"},
    },
    {
        "slug": "domestic-work",
        "kind": "sector",
        "name": {"en": "Domestic work", "fr": "Travail domestique", "es": "Trabajo doméstico"},
    },
    {
        "slug": "construction",
        "kind": "sector",
        "name": {"en": "Construction", "fr": "Construction", "es": "Construcción"},
    },
    {
        "slug": "textiles-and-garments",
        "kind": "sector",
        "name": {
            "en": "Textiles and garments",
            "fr": "Textile et habillement",
            "es": "Textil y confección",
        },
    },
    {
        "slug": "financial-sector",
        "kind": "sector",
        "name": {"en": "Financial sector", "fr": "Secteur financier", "es": "Sector financiero"},
    },
]

ORGANISATIONS: list[dict[str, Any]] = [
    # Governments.
    # Chair of Alliance 8.7 until the 4th GCG meeting.
    {
        "slug": "government-of-australia",
        "name": {
            "en": "Government of Australia",
            "fr": "Gouvernement de l'Australie",
            "es": "Gobierno de Australia",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "AUS",
        "website": "https://www.australia.gov.au/",
        "description": {
            "en": (
                "Australia chaired Alliance 8.7 for 18 months, from 2017 until the 4th Global "
                "Coordinating Group meeting in 2019, through Ambassador Geoffrey Shaw. On handing "
                "over the chair, it pledged to remain a strong ally of the Alliance."
            ),
            "fr": (
                "L'Australie a présidé l'Alliance 8.7 pendant 18 mois, de 2017 jusqu'à la 4e "
                "réunion du Groupe de coordination mondial en 2019, en la personne de "
                "l'ambassadeur Geoffrey Shaw. En passant le relais, elle s'est engagée à rester "
                "un allié solide de l'Alliance."
            ),
            "es": (
                "Australia presidió la Alianza 8.7 durante 18 meses, desde 2017 hasta la 4.ª "
                "reunión del Grupo de Coordinación Mundial en 2019, a través del embajador "
                "Geoffrey Shaw. Al ceder la presidencia, se comprometió a seguir siendo un firme "
                "aliado de la Alianza."
            ),
        },
        "themes": [],
        "partner": True,
    },
    # Candidate for the next Chair, welcomed at the 4th GCG meeting.
    {
        "slug": "government-of-france",
        "name": {
            "en": "Government of France",
            "fr": "Gouvernement de la France",
            "es": "Gobierno de Francia",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "FRA",
        "website": "https://www.gouvernement.fr/",
        "description": {
            "en": (
                "France's candidature as the next Chair of Alliance 8.7 was welcomed at the 4th "
                "Global Coordinating Group meeting in 2019, where its Mission to the United "
                "Nations in Geneva represented it. Holding the G7 Presidency in 2019, it "
                "advocated for the social dimension of globalisation."
            ),
            "fr": (
                "La candidature de la France à la prochaine présidence de l'Alliance 8.7 a été "
                "saluée lors de la 4e réunion du Groupe de coordination mondial en 2019, où la "
                "représentait sa mission auprès des Nations Unies à Genève. Assurant la "
                "présidence du G7 en 2019, elle a plaidé pour la dimension sociale de la "
                "mondialisation."
            ),
            "es": (
                "La candidatura de Francia a la próxima presidencia de la Alianza 8.7 fue acogida "
                "en la 4.ª reunión del Grupo de Coordinación Mundial en 2019, donde la representó "
                "su misión ante las Naciones Unidas en Ginebra. Al ocupar la Presidencia del G7 "
                "en 2019, abogó por la dimensión social de la globalización."
            ),
        },
        "themes": [],
        "partner": True,
    },
    {
        "slug": "government-of-argentina",
        "name": {
            "en": "Government of Argentina",
            "fr": "Gouvernement de l'Argentine",
            "es": "Gobierno de la Argentina",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "ARG",
        "website": "https://www.argentina.gob.ar/",
        "description": {
            "en": (
                "Argentina hosted the IV Global Conference on the Sustained Eradication of Child "
                "Labour in Buenos Aires (14-16 November 2017), where the first Alliance 8.7 "
                "Global Coordinating Group meeting took place. In 2019 it offered to contact its "
                "mission in New York to support the Alliance's event at the High-Level Political "
                "Forum."
            ),
            "fr": (
                "L'Argentine a accueilli la IVe Conférence mondiale sur l'élimination durable du "
                "travail des enfants à Buenos Aires (14-16 novembre 2017), où s'est tenue la "
                "première réunion du Groupe de coordination mondial de l'Alliance 8.7. En 2019, "
                "elle a proposé de mobiliser sa mission à New York pour soutenir l'événement de "
                "l'Alliance au Forum politique de haut niveau."
            ),
            "es": (
                "Argentina acogió la IV Conferencia Mundial sobre la Erradicación Sostenida del "
                "Trabajo Infantil en Buenos Aires (14-16 de noviembre de 2017), donde se celebró "
                "la primera reunión del Grupo de Coordinación Mundial de la Alianza 8.7. En 2019 "
                "ofreció movilizar a su misión en Nueva York para apoyar el evento de la Alianza "
                "en el Foro Político de Alto Nivel."
            ),
        },
        "themes": ["child-labour"],
        "partner": True,
    },
    {
        "slug": "government-of-mexico",
        "name": {
            "en": "Government of Mexico",
            "fr": "Gouvernement du Mexique",
            "es": "Gobierno de México",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "MEX",
        "website": "https://www.gob.mx/",
        "description": {
            "en": (
                "At the 4th Global Coordinating Group meeting (2019), Mexico voiced concern that "
                "target 8.7 could lose visibility in a clustered review of the SDGs and supported "
                "a specific Alliance 8.7 event at the High-Level Political Forum."
            ),
            "fr": (
                "Lors de la 4e réunion du Groupe de coordination mondial (2019), le Mexique a "
                "craint que la cible 8.7 ne perde en visibilité dans un examen groupé des ODD et "
                "a soutenu l'organisation d'un événement spécifique de l'Alliance 8.7 au Forum "
                "politique de haut niveau."
            ),
            "es": (
                "En la 4.ª reunión del Grupo de Coordinación Mundial (2019), México expresó su "
                "preocupación por que la meta 8.7 perdiera visibilidad en un examen agrupado de "
                "los ODS y apoyó un evento específico de la Alianza 8.7 en el Foro Político de "
                "Alto Nivel."
            ),
        },
        "themes": [],
        "partner": True,
    },
    {
        "slug": "government-of-fiji",
        "name": {
            "en": "Government of Fiji",
            "fr": "Gouvernement des Fidji",
            "es": "Gobierno de Fiji",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "FJI",
        "website": "",
        "description": {
            "en": (
                "The ILO, with the support of its constituents in Fiji, organised the Pacific "
                "Islands regional consultation on Alliance 8.7 in Nadi on 3-5 October 2017. Fiji "
                "is on the Alliance 8.7 pathfinder schedule, with a strategic workshop planned "
                "for July 2019 (to be confirmed)."
            ),
            "fr": (
                "L'OIT, avec le soutien de ses mandants aux Fidji, a organisé la consultation "
                "régionale des îles du Pacifique sur l'Alliance 8.7 à Nadi du 3 au 5 octobre "
                "2017. Les Fidji figurent au calendrier des pays pionniers de l'Alliance 8.7, "
                "avec un atelier stratégique prévu en juillet 2019 (à confirmer)."
            ),
            "es": (
                "La OIT, con el apoyo de sus mandantes en Fiji, organizó la consulta regional de "
                "las islas del Pacífico sobre la Alianza 8.7 en Nadi del 3 al 5 de octubre de "
                "2017. Fiji figura en el calendario de países pioneros de la Alianza 8.7, con un "
                "taller estratégico previsto para julio de 2019 (por confirmar)."
            ),
        },
        "themes": ["child-labour", "forced-labour", "labour-inspection"],
        "partner": True,
    },
    {
        "slug": "government-of-madagascar",
        "name": {
            "en": "Government of Madagascar",
            "fr": "Gouvernement de Madagascar",
            "es": "Gobierno de Madagascar",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "MDG",
        "website": "",
        "description": {
            "en": (
                "Madagascar held the first Alliance 8.7 pathfinder workshop on 25 October 2018 "
                "and, in February 2019, set priorities on child labour and trafficking in "
                "persons, including bilateral labour agreements with Lebanon, Kuwait and Saudi "
                "Arabia. It has begun ratifying ILO Conventions on migrant workers, domestic "
                "workers, forced labour and private employment agencies; resource mobilisation is "
                "its main challenge."
            ),
            "fr": (
                "Madagascar a accueilli le premier atelier de pays pionnier de l'Alliance 8.7 le "
                "25 octobre 2018 et a fixé en février 2019 des priorités sur le travail des "
                "enfants et la traite des personnes, dont des accords bilatéraux de main-d'œuvre "
                "avec le Liban, le Koweït et l'Arabie saoudite. Le pays a engagé la ratification "
                "des conventions de l'OIT sur les travailleurs migrants, les travailleuses et "
                "travailleurs domestiques, le travail forcé et les agences d'emploi privées ; la "
                "mobilisation des ressources est son principal défi."
            ),
            "es": (
                "Madagascar celebró el primer taller de país pionero de la Alianza 8.7 el 25 de "
                "octubre de 2018 y en febrero de 2019 fijó prioridades sobre trabajo infantil y "
                "trata de personas, entre ellas acuerdos laborales bilaterales con el Líbano, "
                "Kuwait y la Arabia Saudita. Ha iniciado la ratificación de los convenios de la "
                "OIT sobre los trabajadores migrantes, las trabajadoras y los trabajadores "
                "domésticos, el trabajo forzoso y las agencias de empleo privadas; la "
                "movilización de recursos es su principal desafío."
            ),
        },
        "themes": [
            "child-labour",
            "forced-labour",
            "human-trafficking",
            "migration",
            "labour-inspection",
            "data-and-measurement",
            "domestic-work",
        ],
        "partner": True,
    },
    {
        "slug": "government-of-nepal",
        "name": {
            "en": "Government of Nepal",
            "fr": "Gouvernement du Népal",
            "es": "Gobierno de Nepal",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "NPL",
        "website": "",
        "description": {
            "en": (
                "Nepal held its Pathfinder Country Strategic Workshop in February 2019 with "
                "ministries, UN agencies, trade unions, employers' organisations and survivor "
                "organisations. It has since approved a National Action Plan on Child Labour, "
                "raised the minimum age for hazardous work from 16 to 18 and begun drafting a law "
                "on forced labour."
            ),
            "fr": (
                "Le Népal a tenu son atelier stratégique de pays pionnier en février 2019 avec "
                "des ministères, des agences des Nations Unies, des syndicats, des organisations "
                "d'employeurs et des organisations de survivants. Il a depuis adopté un plan "
                "d'action national sur le travail des enfants, relevé de 16 à 18 ans l'âge "
                "minimum pour les travaux dangereux et entrepris la rédaction d'une loi sur le "
                "travail forcé."
            ),
            "es": (
                "Nepal celebró su taller estratégico de país pionero en febrero de 2019 con "
                "ministerios, organismos de las Naciones Unidas, sindicatos, organizaciones de "
                "empleadores y organizaciones de sobrevivientes. Desde entonces ha aprobado un "
                "Plan de Acción Nacional sobre Trabajo Infantil, ha elevado de 16 a 18 años la "
                "edad mínima para los trabajos peligrosos y ha empezado a redactar una ley sobre "
                "trabajo forzoso."
            ),
        },
        "themes": ["child-labour", "forced-labour"],
        "partner": True,
    },
    {
        "slug": "government-of-mauritania",
        "name": {
            "en": "Government of Mauritania",
            "fr": "Gouvernement de la Mauritanie",
            "es": "Gobierno de Mauritania",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "MRT",
        "website": "",
        "description": {
            "en": (
                "Mauritania held its Pathfinder Country Strategic Workshop on 4 March 2019. Its "
                "priorities include implementing the National Plan to Eradicate Forced Labour, "
                "access to justice for victims of modern slavery, and eradicating the worst forms "
                "of child labour in artisanal fisheries and the dairy sector."
            ),
            "fr": (
                "La Mauritanie a tenu son atelier stratégique de pays pionnier le 4 mars 2019. "
                "Ses priorités comprennent la mise en œuvre du Plan national d'éradication du "
                "travail forcé, l'accès à la justice des victimes de l'esclavage moderne et "
                "l'élimination des pires formes de travail des enfants dans la pêche artisanale "
                "et la filière laitière."
            ),
            "es": (
                "Mauritania celebró su taller estratégico de país pionero el 4 de marzo de 2019. "
                "Sus prioridades incluyen aplicar el Plan Nacional para Erradicar el Trabajo "
                "Forzoso, el acceso a la justicia de las víctimas de la esclavitud moderna y la "
                "erradicación de las peores formas de trabajo infantil en la pesca artesanal y el "
                "sector lácteo."
            ),
        },
        "themes": [
            "forced-labour",
            "modern-slavery",
            "human-trafficking",
            "child-labour",
            "access-to-justice",
            "education",
            "migration",
            "supply-chains",
            "fisheries",
            "dairy",
        ],
        "partner": True,
    },
    {
        "slug": "government-of-chile",
        "name": {
            "en": "Government of Chile",
            "fr": "Gouvernement du Chili",
            "es": "Gobierno de Chile",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "CHL",
        "website": "https://www.gob.cl/",
        "description": {
            "en": (
                "Chile was the first South American country to hold a Pathfinder Country "
                "Strategic Workshop (28 March 2019), where participants adopted a 2019-2021 "
                "Roadmap to accelerate the achievement of SDG target 8.7."
            ),
            "fr": (
                "Le Chili a été le premier pays d'Amérique du Sud à tenir un atelier stratégique "
                "de pays pionnier (28 mars 2019), au cours duquel les participants ont adopté une "
                "feuille de route 2019-2021 pour accélérer la réalisation de la cible 8.7 des ODD."
            ),
            "es": (
                "Chile fue el primer país de América del Sur en celebrar un taller estratégico de "
                "país pionero (28 de marzo de 2019), en el que los participantes adoptaron una "
                "Hoja de Ruta 2019-2021 para acelerar el logro de la meta 8.7 de los ODS."
            ),
        },
        "themes": ["data-and-measurement"],
        "partner": True,
    },
    {
        "slug": "government-of-tunisia",
        "name": {
            "en": "Government of Tunisia",
            "fr": "Gouvernement de la Tunisie",
            "es": "Gobierno de Túnez",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "TUN",
        "website": "",
        "description": {
            "en": (
                "Tunisia held its Pathfinder Country Strategic Workshop on 28 March 2019 with "
                "many UN agencies. The Government's focus is on child labour and trafficking in "
                "persons; resource mobilisation will be a challenge."
            ),
            "fr": (
                "La Tunisie a tenu son atelier stratégique de pays pionnier le 28 mars 2019 avec "
                "de nombreuses agences des Nations Unies. Le Gouvernement met l'accent sur le "
                "travail des enfants et la traite des personnes ; la mobilisation des ressources "
                "sera un défi."
            ),
            "es": (
                "Túnez celebró su taller estratégico de país pionero el 28 de marzo de 2019 con "
                "numerosos organismos de las Naciones Unidas. El Gobierno se centra en el trabajo "
                "infantil y la trata de personas; la movilización de recursos será un desafío."
            ),
        },
        "themes": ["child-labour", "human-trafficking"],
        "partner": True,
    },
    {
        "slug": "government-of-uganda",
        "name": {
            "en": "Government of Uganda",
            "fr": "Gouvernement de l'Ouganda",
            "es": "Gobierno de Uganda",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "UGA",
        "website": "",
        "description": {
            "en": (
                "Uganda is on the Alliance 8.7 pathfinder schedule, with a strategic workshop "
                "planned for 17 April 2019."
            ),
            "fr": (
                "L'Ouganda figure au calendrier des pays pionniers de l'Alliance 8.7, avec un "
                "atelier stratégique prévu le 17 avril 2019."
            ),
            "es": (
                "Uganda figura en el calendario de países pioneros de la Alianza 8.7, con un "
                "taller estratégico previsto para el 17 de abril de 2019."
            ),
        },
        "themes": [],
        "partner": True,
    },
    {
        "slug": "government-of-nigeria",
        "name": {
            "en": "Government of Nigeria",
            "fr": "Gouvernement du Nigéria",
            "es": "Gobierno de Nigeria",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "NGA",
        "website": "",
        "description": {
            "en": (
                "Nigeria is on the Alliance 8.7 pathfinder schedule, with a strategic workshop "
                "planned for 9 May 2019."
            ),
            "fr": (
                "Le Nigéria figure au calendrier des pays pionniers de l'Alliance 8.7, avec un "
                "atelier stratégique prévu le 9 mai 2019."
            ),
            "es": (
                "Nigeria figura en el calendario de países pioneros de la Alianza 8.7, con un "
                "taller estratégico previsto para el 9 de mayo de 2019."
            ),
        },
        "themes": [],
        "partner": True,
    },
    {
        "slug": "government-of-viet-nam",
        "name": {
            "en": "Government of Viet Nam",
            "fr": "Gouvernement du Viet Nam",
            "es": "Gobierno de Viet Nam",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "VNM",
        "website": "",
        "description": {
            "en": (
                "Viet Nam is an Alliance 8.7 pathfinder country, with a strategic workshop "
                "planned for 24 May 2019. The Child Labour Platform supported a meeting on supply "
                "chains held there."
            ),
            "fr": (
                "Le Viet Nam est un pays pionnier de l'Alliance 8.7, avec un atelier stratégique "
                "prévu le 24 mai 2019. La Plateforme sur le travail des enfants y a soutenu une "
                "réunion sur les chaînes d'approvisionnement."
            ),
            "es": (
                "Viet Nam es un país pionero de la Alianza 8.7, con un taller estratégico "
                "previsto para el 24 de mayo de 2019. La Plataforma sobre Trabajo Infantil apoyó "
                "allí una reunión sobre cadenas de suministro."
            ),
        },
        "themes": ["supply-chains"],
        "partner": True,
    },
    {
        "slug": "government-of-albania",
        "name": {
            "en": "Government of Albania",
            "fr": "Gouvernement de l'Albanie",
            "es": "Gobierno de Albania",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "ALB",
        "website": "",
        "description": {
            "en": (
                "Albania is on the Alliance 8.7 pathfinder schedule, with a strategic workshop "
                "planned for 12 April 2019, the first in Europe and Central Asia."
            ),
            "fr": (
                "L'Albanie figure au calendrier des pays pionniers de l'Alliance 8.7, avec un "
                "atelier stratégique prévu le 12 avril 2019, le premier en Europe et en Asie "
                "centrale."
            ),
            "es": (
                "Albania figura en el calendario de países pioneros de la Alianza 8.7, con un "
                "taller estratégico previsto para el 12 de abril de 2019, el primero en Europa y "
                "Asia Central."
            ),
        },
        "themes": [],
        "partner": True,
    },
    # Only mentioned, as a party to Madagascar's labour agreements.
    {
        "slug": "government-of-lebanon",
        "name": {
            "en": "Government of Lebanon",
            "fr": "Gouvernement du Liban",
            "es": "Gobierno del Líbano",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "LBN",
        "website": "",
        "description": {
            "en": (
                "Madagascar's pathfinder priorities include bilateral labour agreements and a "
                "revised labour migration framework with Lebanon."
            ),
            "fr": (
                "Les priorités de Madagascar en tant que pays pionnier comprennent des accords "
                "bilatéraux de main-d'œuvre et un cadre révisé de migration de main-d'œuvre avec "
                "le Liban."
            ),
            "es": (
                "Las prioridades de Madagascar como país pionero incluyen acuerdos laborales "
                "bilaterales y un marco revisado de migración laboral con el Líbano."
            ),
        },
        "themes": ["migration"],
        "partner": False,
    },
    {
        "slug": "government-of-kuwait",
        "name": {
            "en": "Government of Kuwait",
            "fr": "Gouvernement du Koweït",
            "es": "Gobierno de Kuwait",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "KWT",
        "website": "",
        "description": {
            "en": (
                "Madagascar's pathfinder priorities include bilateral labour agreements and a "
                "revised labour migration framework with Kuwait. The agreement with Kuwait "
                "included the repatriation of 46 women victims of trafficking to Madagascar."
            ),
            "fr": (
                "Les priorités de Madagascar en tant que pays pionnier comprennent des accords "
                "bilatéraux de main-d'œuvre et un cadre révisé de migration de main-d'œuvre avec "
                "le Koweït. L'accord avec le Koweït prévoyait le rapatriement à Madagascar de 46 "
                "femmes victimes de la traite."
            ),
            "es": (
                "Las prioridades de Madagascar como país pionero incluyen acuerdos laborales "
                "bilaterales y un marco revisado de migración laboral con Kuwait. El acuerdo con "
                "Kuwait incluyó la repatriación a Madagascar de 46 mujeres víctimas de trata."
            ),
        },
        "themes": ["migration", "human-trafficking"],
        "partner": False,
    },
    {
        "slug": "government-of-saudi-arabia",
        "name": {
            "en": "Government of Saudi Arabia",
            "fr": "Gouvernement de l'Arabie saoudite",
            "es": "Gobierno de la Arabia Saudita",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "SAU",
        "website": "",
        "description": {
            "en": (
                "Madagascar's pathfinder priorities include bilateral labour agreements and a "
                "revised labour migration framework with Saudi Arabia."
            ),
            "fr": (
                "Les priorités de Madagascar en tant que pays pionnier comprennent des accords "
                "bilatéraux de main-d'œuvre et un cadre révisé de migration de main-d'œuvre avec "
                "l'Arabie saoudite."
            ),
            "es": (
                "Las prioridades de Madagascar como país pionero incluyen acuerdos laborales "
                "bilaterales y un marco revisado de migración laboral con la Arabia Saudita."
            ),
        },
        "themes": ["migration"],
        "partner": False,
    },
    # Named as host of the 2017 G20 labour ministers' meeting.
    {
        "slug": "government-of-germany",
        "name": {
            "en": "Government of Germany",
            "fr": "Gouvernement de l'Allemagne",
            "es": "Gobierno de Alemania",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "DEU",
        "website": "https://www.bundesregierung.de/",
        "description": {
            "en": (
                "Germany hosted the 2017 G20 Conference of Labour and Employment Ministers, which "
                "requested the global report on forced labour, trafficking in persons and child "
                "labour in global supply chains."
            ),
            "fr": (
                "L'Allemagne a accueilli en 2017 la conférence des ministres du travail et de "
                "l'emploi du G20, qui a demandé le rapport mondial sur le travail forcé, la "
                "traite des personnes et le travail des enfants dans les chaînes "
                "d'approvisionnement mondiales."
            ),
            "es": (
                "Alemania acogió en 2017 la Conferencia de Ministros de Trabajo y Empleo del G20, "
                "que solicitó el informe mundial sobre trabajo forzoso, trata de personas y "
                "trabajo infantil en las cadenas de suministro mundiales."
            ),
        },
        "themes": ["supply-chains"],
        "partner": False,
    },
    # Named as host of the 2019 G20 summit.
    {
        "slug": "government-of-japan",
        "name": {
            "en": "Government of Japan",
            "fr": "Gouvernement du Japon",
            "es": "Gobierno del Japón",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "JPN",
        "website": "https://www.japan.go.jp/",
        "description": {
            "en": (
                "Japan hosted the 2019 G20 summit, at which the OECD asked whether the G20 supply "
                "chains report would be presented."
            ),
            "fr": (
                "Le Japon a accueilli le sommet du G20 de 2019, lors duquel l'OCDE a demandé si "
                "le rapport du G20 sur les chaînes d'approvisionnement serait présenté."
            ),
            "es": (
                "Japón acogió la cumbre del G20 de 2019, en la que la OCDE preguntó si se "
                "presentaría el informe del G20 sobre cadenas de suministro."
            ),
        },
        "themes": [],
        "partner": False,
    },
    # Works with the Global March; not shown taking part in the Alliance itself.
    {
        "slug": "government-of-the-netherlands",
        "name": {
            "en": "Government of the Netherlands",
            "fr": "Gouvernement des Pays-Bas",
            "es": "Gobierno de los Países Bajos",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "NLD",
        "website": "https://www.government.nl/",
        "description": {
            "en": (
                "The Global March reported practical initiatives under development with the Dutch "
                "Government, in coordination with trade unions, that could feed into the Alliance "
                "8.7 Action Groups, particularly on supply chains."
            ),
            "fr": (
                "La Marche mondiale a fait état d'initiatives pratiques en cours d'élaboration "
                "avec le Gouvernement néerlandais, en coordination avec des syndicats, qui "
                "pourraient alimenter les groupes d'action de l'Alliance 8.7, notamment sur les "
                "chaînes d'approvisionnement."
            ),
            "es": (
                "La Marcha Global informó de iniciativas prácticas en preparación con el Gobierno "
                "neerlandés, en coordinación con sindicatos, que podrían nutrir a los grupos de "
                "acción de la Alianza 8.7, en particular en materia de cadenas de suministro."
            ),
        },
        "themes": ["supply-chains"],
        "partner": False,
    },
    # Named only through the Liechtenstein Initiative.
    {
        "slug": "government-of-liechtenstein",
        "name": {
            "en": "Government of Liechtenstein",
            "fr": "Gouvernement du Liechtenstein",
            "es": "Gobierno de Liechtenstein",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "government",
        "country": "LIE",
        "website": "https://www.regierung.li/",
        "description": {
            "en": (
                "Liechtenstein gives its name to the Liechtenstein Initiative, the Financial "
                "Sector Commission on Modern Slavery and Human Trafficking, in which the Alliance "
                "8.7 Chair offered in 2019 to use his leverage to raise collaboration with the "
                "World Bank, the WTO and international financial institutions."
            ),
            "fr": (
                "Le Liechtenstein donne son nom à l'Initiative du Liechtenstein, la Commission du "
                "secteur financier sur l'esclavage moderne et la traite des êtres humains, au "
                "sein de laquelle le président de l'Alliance 8.7 a proposé en 2019 d'user de son "
                "influence pour promouvoir une collaboration avec la Banque mondiale, l'OMC et "
                "les institutions financières internationales."
            ),
            "es": (
                "Liechtenstein da nombre a la Iniciativa de Liechtenstein, la Comisión del Sector "
                "Financiero sobre la Esclavitud Moderna y la Trata de Personas, en cuyo seno el "
                "presidente de la Alianza 8.7 ofreció en 2019 usar su influencia para proponer la "
                "colaboración con el Banco Mundial, la OMC y las instituciones financieras "
                "internacionales."
            ),
        },
        "themes": ["financial-sector"],
        "partner": False,
    },
    # The United States' government entry.
    {
        "slug": "usdol",
        "name": {
            "en": "United States Department of Labor",
            "fr": "Département du Travail des États-Unis",
            "es": "Departamento de Trabajo de los Estados Unidos",
        },
        "acronym": {"en": "USDOL", "fr": "USDOL", "es": "USDOL"},
        "type": "government",
        "country": "USA",
        "website": "https://www.dol.gov/",
        "description": {
            "en": (
                "The labour department of the United States federal government. At the 4th Global "
                "Coordinating Group meeting (2019) it proposed using the Alliance's "
                "communications toolkit for the World Day against Child Labour (12 June)."
            ),
            "fr": (
                "Ministère du travail du gouvernement fédéral des États-Unis. Lors de la 4e "
                "réunion du Groupe de coordination mondial (2019), il a proposé d'utiliser la "
                "boîte à outils de communication de l'Alliance pour la Journée mondiale contre le "
                "travail des enfants (12 juin)."
            ),
            "es": (
                "Ministerio de trabajo del gobierno federal de los Estados Unidos. En la 4.ª "
                "reunión del Grupo de Coordinación Mundial (2019) propuso utilizar el kit de "
                "herramientas de comunicación de la Alianza para el Día Mundial contra el Trabajo "
                "Infantil (12 de junio)."
            ),
        },
        "themes": ["child-labour"],
        "partner": True,
    },
    # UN and other international organisations.
    {
        "slug": "ilo",
        "name": {
            "en": "International Labour Organization",
            "fr": "Organisation internationale du Travail",
            "es": "Organización Internacional del Trabajo",
        },
        "acronym": {"en": "ILO", "fr": "OIT", "es": "OIT"},
        "type": "un_international",
        "country": "CHE",
        "website": "https://www.ilo.org/",
        "description": {
            "en": (
                "The United Nations specialized agency for the world of work. It hosts the "
                "Alliance 8.7 Secretariat, leads the Supply Chains Action Group and is "
                "developing, with UNODC and IOM, a joint measurement framework on trafficking for "
                "forced labour. It organised the Pacific Islands regional consultation on "
                "Alliance 8.7 in Nadi, Fiji, in October 2017."
            ),
            "fr": (
                "Institution spécialisée des Nations Unies consacrée au monde du travail. Elle "
                "accueille le Secrétariat de l'Alliance 8.7, dirige le Groupe d'action sur les "
                "chaînes d'approvisionnement et élabore, avec l'ONUDC et l'OIM, un cadre commun "
                "de mesure de la traite à des fins de travail forcé. Elle a organisé la "
                "consultation régionale des îles du Pacifique sur l'Alliance 8.7 à Nadi (Fidji) "
                "en octobre 2017."
            ),
            "es": (
                "Organismo especializado de las Naciones Unidas dedicado al mundo del trabajo. "
                "Alberga la Secretaría de la Alianza 8.7, dirige el Grupo de Acción sobre Cadenas "
                "de Suministro y elabora, con la UNODC y la OIM, un marco común de medición de la "
                "trata con fines de trabajo forzoso. Organizó la consulta regional de las islas "
                "del Pacífico sobre la Alianza 8.7 en Nadi (Fiji) en octubre de 2017."
            ),
        },
        "themes": [
            "child-labour",
            "forced-labour",
            "modern-slavery",
            "human-trafficking",
            "supply-chains",
            "labour-inspection",
            "data-and-measurement",
        ],
        "partner": True,
    },
    {
        "slug": "fao",
        "name": {
            "en": "Food and Agriculture Organization of the United Nations",
            "fr": "Organisation des Nations Unies pour l'alimentation et l'agriculture",
            "es": "Organización de las Naciones Unidas para la Alimentación y la Agricultura",
        },
        "acronym": {"en": "FAO", "fr": "FAO", "es": "FAO"},
        "type": "un_international",
        "country": "ITA",
        "website": "https://www.fao.org/",
        "description": {
            "en": (
                "The United Nations agency for food and agriculture. At the 4th Global "
                "Coordinating Group meeting (2019) it stressed the need to involve ministries of "
                "agriculture and agricultural producers, as labour exploitation occurs in local "
                "as well as global supply chains, with child labour increasingly prevalent."
            ),
            "fr": (
                "Institution des Nations Unies pour l'alimentation et l'agriculture. Lors de la "
                "4e réunion du Groupe de coordination mondial (2019), elle a souligné la "
                "nécessité d'associer les ministères de l'agriculture et les producteurs "
                "agricoles, l'exploitation par le travail touchant les chaînes "
                "d'approvisionnement locales autant que mondiales, avec une prévalence croissante "
                "du travail des enfants."
            ),
            "es": (
                "Organismo de las Naciones Unidas para la alimentación y la agricultura. En la "
                "4.ª reunión del Grupo de Coordinación Mundial (2019) subrayó la necesidad de "
                "implicar a los ministerios de agricultura y a los productores agrícolas, ya que "
                "la explotación laboral se da tanto en cadenas de suministro locales como "
                "mundiales, con una prevalencia creciente del trabajo infantil."
            ),
        },
        "themes": ["child-labour", "agriculture", "supply-chains"],
        "partner": True,
    },
    {
        "slug": "unicef",
        "name": {
            "en": "United Nations Children's Fund",
            "fr": "Fonds des Nations Unies pour l'enfance",
            "es": "Fondo de las Naciones Unidas para la Infancia",
        },
        "acronym": {"en": "UNICEF", "fr": "UNICEF", "es": "UNICEF"},
        "type": "un_international",
        "country": "USA",
        "website": "https://www.unicef.org/",
        "description": {
            "en": (
                "The United Nations agency for children. It co-chairs the Migration Action Group "
                "with IOM and belongs to the research consortium preparing the global supply "
                "chains report; in 2019 it was not in a position to chair the Action Group on "
                "Conflict and Humanitarian Settings."
            ),
            "fr": (
                "Agence des Nations Unies pour l'enfance. Il copréside avec l'OIM le Groupe "
                "d'action sur les migrations et fait partie du consortium de recherche qui "
                "prépare le rapport sur les chaînes d'approvisionnement mondiales ; en 2019, il "
                "n'était pas en mesure de présider le Groupe d'action sur les situations de "
                "conflit et de crise humanitaire."
            ),
            "es": (
                "Organismo de las Naciones Unidas para la infancia. Copreside con la OIM el Grupo "
                "de Acción sobre Migración y forma parte del consorcio de investigación que "
                "prepara el informe sobre cadenas de suministro mundiales; en 2019 no estaba en "
                "condiciones de presidir el Grupo de Acción sobre Situaciones de Conflicto y "
                "Humanitarias."
            ),
        },
        "themes": [
            "child-labour",
            "migration",
            "conflict-and-humanitarian-settings",
            "supply-chains",
        ],
        "partner": True,
    },
    {
        "slug": "iom",
        "name": {
            "en": "International Organization for Migration",
            "fr": "Organisation internationale pour les migrations",
            "es": "Organización Internacional para las Migraciones",
        },
        "acronym": {"en": "IOM", "fr": "OIM", "es": "OIM"},
        "type": "un_international",
        "country": "CHE",
        "website": "https://www.iom.int/",
        "description": {
            "en": (
                "The United Nations migration agency. It co-chairs the Migration Action Group "
                "with UNICEF, belongs to the research consortium preparing the global supply "
                "chains report and is developing, with ILO and UNODC, a joint measurement "
                "framework on trafficking for forced labour."
            ),
            "fr": (
                "Agence des Nations Unies pour les migrations. Elle copréside avec l'UNICEF le "
                "Groupe d'action sur les migrations, fait partie du consortium de recherche qui "
                "prépare le rapport sur les chaînes d'approvisionnement mondiales et élabore, "
                "avec l'OIT et l'ONUDC, un cadre commun de mesure de la traite à des fins de "
                "travail forcé."
            ),
            "es": (
                "Organismo de las Naciones Unidas para la migración. Copreside con UNICEF el "
                "Grupo de Acción sobre Migración, forma parte del consorcio de investigación que "
                "prepara el informe sobre cadenas de suministro mundiales y elabora, con la OIT y "
                "la UNODC, un marco común de medición de la trata con fines de trabajo forzoso."
            ),
        },
        "themes": [
            "migration",
            "human-trafficking",
            "forced-labour",
            "supply-chains",
            "data-and-measurement",
        ],
        "partner": True,
    },
    {
        "slug": "unodc",
        "name": {
            "en": "United Nations Office on Drugs and Crime",
            "fr": "Office des Nations Unies contre la drogue et le crime",
            "es": "Oficina de las Naciones Unidas contra la Droga y el Delito",
        },
        "acronym": {"en": "UNODC", "fr": "ONUDC", "es": "UNODC"},
        "type": "un_international",
        "country": "AUT",
        "website": "https://www.unodc.org/",
        "description": {
            "en": (
                "The United Nations office that addresses drugs and crime, including trafficking "
                "in persons. With ILO and IOM it is developing a joint measurement framework on "
                "trafficking for forced labour, to give guidance and practical tools to national "
                "statistics institutions and policy makers."
            ),
            "fr": (
                "Office des Nations Unies chargé des questions de drogue et de criminalité, dont "
                "la traite des personnes. Avec l'OIT et l'OIM, il élabore un cadre commun de "
                "mesure de la traite à des fins de travail forcé, qui fournira des orientations "
                "et des outils pratiques aux instituts nationaux de statistique et aux décideurs."
            ),
            "es": (
                "Oficina de las Naciones Unidas que se ocupa de las drogas y el delito, incluida "
                "la trata de personas. Con la OIT y la OIM elabora un marco común de medición de "
                "la trata con fines de trabajo forzoso, que ofrecerá orientación y herramientas "
                "prácticas a los institutos nacionales de estadística y a los responsables de "
                "políticas."
            ),
        },
        "themes": ["human-trafficking", "forced-labour", "data-and-measurement"],
        "partner": True,
    },
    {
        "slug": "ohchr",
        "name": {
            "en": "Office of the United Nations High Commissioner for Human Rights",
            "fr": "Haut-Commissariat des Nations Unies aux droits de l'homme",
            "es": "Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos",
        },
        "acronym": {"en": "OHCHR", "fr": "HCDH", "es": "ACNUDH"},
        "type": "un_international",
        "country": "CHE",
        "website": "https://www.ohchr.org/",
        "description": {
            "en": (
                "The United Nations office that leads on human rights. It is to lead the first "
                "workshop of the Action Group on the Rule of Law and Governance, planned for July "
                "2019."
            ),
            "fr": (
                "Bureau des Nations Unies chef de file en matière de droits de l'homme. Il doit "
                "diriger le premier atelier du Groupe d'action sur l'état de droit et la "
                "gouvernance, prévu en juillet 2019."
            ),
            "es": (
                "Oficina de las Naciones Unidas que dirige la labor en materia de derechos "
                "humanos. Dirigirá el primer taller del Grupo de Acción sobre Estado de Derecho y "
                "Gobernanza, previsto para julio de 2019."
            ),
        },
        "themes": ["rule-of-law-and-governance", "modern-slavery"],
        "partner": True,
    },
    {
        "slug": "un-women",
        "name": {
            "en": "United Nations Entity for Gender Equality and the Empowerment of Women",
            "fr": (
                "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes"
            ),
            "es": (
                "Entidad de las Naciones Unidas para la Igualdad de Género y el Empoderamiento de "
                "las Mujeres"
            ),
        },
        "acronym": {"en": "UN Women", "fr": "ONU Femmes", "es": "ONU Mujeres"},
        "type": "un_international",
        "country": "USA",
        "website": "https://www.unwomen.org/",
        "description": {
            "en": (
                "The United Nations entity for gender equality and the empowerment of women. It "
                "is a member of the Alliance 8.7 Global Coordinating Group."
            ),
            "fr": (
                "Entité des Nations Unies consacrée à l'égalité des sexes et à l'autonomisation "
                "des femmes. Elle est membre du Groupe de coordination mondial de l'Alliance 8.7."
            ),
            "es": (
                "Entidad de las Naciones Unidas dedicada a la igualdad de género y el "
                "empoderamiento de las mujeres. Es miembro del Grupo de Coordinación Mundial de "
                "la Alianza 8.7."
            ),
        },
        "themes": ["gender-equality"],
        "partner": True,
    },
    # Partner: took part in Chile's pathfinder workshop.
    {
        "slug": "eclac",
        "name": {
            "en": "Economic Commission for Latin America and the Caribbean",
            "fr": "Commission économique pour l'Amérique latine et les Caraïbes",
            "es": "Comisión Económica para América Latina y el Caribe",
        },
        "acronym": {"en": "ECLAC", "fr": "CEPALC", "es": "CEPAL"},
        "type": "un_international",
        "country": "CHL",
        "website": "https://www.cepal.org/",
        "description": {
            "en": (
                "One of the five regional commissions of the United Nations, based in Santiago, "
                "Chile. It took part in Chile's Pathfinder Country Strategic Workshop in March "
                "2019."
            ),
            "fr": (
                "L'une des cinq commissions régionales des Nations Unies, dont le siège est à "
                "Santiago (Chili). Elle a participé en mars 2019 à l'atelier stratégique du Chili "
                "en tant que pays pionnier."
            ),
            "es": (
                "Una de las cinco comisiones regionales de las Naciones Unidas, con sede en "
                "Santiago de Chile. Participó en marzo de 2019 en el taller estratégico de Chile "
                "como país pionero."
            ),
        },
        "themes": [],
        "partner": True,
    },
    {
        "slug": "oecd",
        "name": {
            "en": "Organisation for Economic Co-operation and Development",
            "fr": "Organisation de coopération et de développement économiques",
            "es": "Organización para la Cooperación y el Desarrollo Económicos",
        },
        "acronym": {"en": "OECD", "fr": "OCDE", "es": "OCDE"},
        "type": "un_international",
        "country": "FRA",
        "website": "https://www.oecd.org/",
        "description": {
            "en": (
                "An intergovernmental organisation that works on economic and social policy. A "
                "new key partner of Alliance 8.7, it belongs to the research consortium (with "
                "UNICEF, ILO and IOM) preparing the global report on forced labour, trafficking "
                "in persons and child labour in global supply chains, and offered to contribute "
                "research on risk determinants."
            ),
            "fr": (
                "Organisation intergouvernementale consacrée aux politiques économiques et "
                "sociales. Nouveau partenaire clé de l'Alliance 8.7, elle fait partie du "
                "consortium de recherche (avec l'UNICEF, l'OIT et l'OIM) qui prépare le rapport "
                "mondial sur le travail forcé, la traite des personnes et le travail des enfants "
                "dans les chaînes d'approvisionnement mondiales, et a proposé de contribuer aux "
                "recherches sur les facteurs de risque."
            ),
            "es": (
                "Organización intergubernamental dedicada a las políticas económicas y sociales. "
                "Nuevo socio clave de la Alianza 8.7, forma parte del consorcio de investigación "
                "(con UNICEF, la OIT y la OIM) que prepara el informe mundial sobre trabajo "
                "forzoso, trata de personas y trabajo infantil en las cadenas de suministro "
                "mundiales, y se ofreció a contribuir a la investigación sobre los factores "
                "determinantes del riesgo."
            ),
        },
        "themes": ["supply-chains", "data-and-measurement"],
        "partner": True,
    },
    # An international organisation rather than a regional body: its participating States
    # span three continents.
    {
        "slug": "osce",
        "name": {
            "en": "Organization for Security and Co-operation in Europe",
            "fr": "Organisation pour la sécurité et la coopération en Europe",
            "es": "Organización para la Seguridad y la Cooperación en Europa",
        },
        "acronym": {"en": "OSCE", "fr": "OSCE", "es": "OSCE"},
        "type": "un_international",
        "country": "AUT",
        "website": "https://www.osce.org/",
        "description": {
            "en": (
                "A regional security organisation whose participating States are in Europe, "
                "Central Asia and North America. It joined Alliance 8.7 as a new key partner "
                "during Australia's chairmanship (2017-2019)."
            ),
            "fr": (
                "Organisation régionale de sécurité dont les États participants se situent en "
                "Europe, en Asie centrale et en Amérique du Nord. Elle a rejoint l'Alliance 8.7 "
                "comme nouveau partenaire clé pendant la présidence australienne (2017-2019)."
            ),
            "es": (
                "Organización regional de seguridad cuyos Estados participantes se encuentran en "
                "Europa, Asia Central y América del Norte. Se sumó a la Alianza 8.7 como nuevo "
                "socio clave durante la presidencia australiana (2017-2019)."
            ),
        },
        "themes": ["human-trafficking"],
        "partner": True,
    },
    # Mentioned only: had not yet engaged with the Alliance.
    {
        "slug": "world-bank",
        "name": {"en": "World Bank", "fr": "Banque mondiale", "es": "Banco Mundial"},
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "un_international",
        "country": "USA",
        "website": "https://www.worldbank.org/",
        "description": {
            "en": (
                "An international financial institution that lends to and advises developing "
                "countries. In 2019 it had not yet engaged with Alliance 8.7 and was not part of "
                "the research consortium on the global supply chains report."
            ),
            "fr": (
                "Institution financière internationale qui accorde des prêts et des conseils aux "
                "pays en développement. En 2019, elle ne s'était pas encore engagée dans "
                "l'Alliance 8.7 et ne faisait pas partie du consortium de recherche sur le "
                "rapport relatif aux chaînes d'approvisionnement mondiales."
            ),
            "es": (
                "Institución financiera internacional que concede préstamos y asesoramiento a los "
                "países en desarrollo. En 2019 aún no se había vinculado con la Alianza 8.7 y no "
                "formaba parte del consorcio de investigación sobre el informe de cadenas de "
                "suministro mundiales."
            ),
        },
        "themes": ["supply-chains"],
        "partner": False,
    },
    # Mentioned only: had not yet engaged with the Alliance.
    {
        "slug": "wto",
        "name": {
            "en": "World Trade Organization",
            "fr": "Organisation mondiale du commerce",
            "es": "Organización Mundial del Comercio",
        },
        "acronym": {"en": "WTO", "fr": "OMC", "es": "OMC"},
        "type": "un_international",
        "country": "CHE",
        "website": "https://www.wto.org/",
        "description": {
            "en": (
                "The intergovernmental organisation that deals with the rules of trade between "
                "nations. In 2019 it had not yet engaged with Alliance 8.7 and was not part of "
                "the research consortium on the global supply chains report."
            ),
            "fr": (
                "Organisation intergouvernementale chargée des règles du commerce entre les pays. "
                "En 2019, elle ne s'était pas encore engagée dans l'Alliance 8.7 et ne faisait "
                "pas partie du consortium de recherche sur le rapport relatif aux chaînes "
                "d'approvisionnement mondiales."
            ),
            "es": (
                "Organización intergubernamental que se ocupa de las normas del comercio entre "
                "los países. En 2019 aún no se había vinculado con la Alianza 8.7 y no formaba "
                "parte del consorcio de investigación sobre el informe de cadenas de suministro "
                "mundiales."
            ),
        },
        "themes": ["supply-chains"],
        "partner": False,
    },
    # Mentioned only, through the HLPF and its declaration.
    {
        "slug": "ecosoc",
        "name": {
            "en": "United Nations Economic and Social Council",
            "fr": "Conseil économique et social des Nations Unies",
            "es": "Consejo Económico y Social de las Naciones Unidas",
        },
        "acronym": {"en": "ECOSOC", "fr": "ECOSOC", "es": "ECOSOC"},
        "type": "un_international",
        "country": "USA",
        "website": "",
        "description": {
            "en": (
                "One of the principal organs of the United Nations, under whose auspices the "
                "High-Level Political Forum on Sustainable Development meets. In 2019 Mexico "
                "asked whether Alliance 8.7 could be referred to in the ECOSOC declaration."
            ),
            "fr": (
                "L'un des organes principaux de l'Organisation des Nations Unies, sous les "
                "auspices duquel se réunit le Forum politique de haut niveau pour le "
                "développement durable. En 2019, le Mexique a demandé si l'Alliance 8.7 pouvait "
                "être mentionnée dans la déclaration de l'ECOSOC."
            ),
            "es": (
                "Uno de los órganos principales de las Naciones Unidas, bajo cuyos auspicios se "
                "reúne el Foro Político de Alto Nivel sobre el Desarrollo Sostenible. En 2019, "
                "México preguntó si la Alianza 8.7 podía mencionarse en la declaración del ECOSOC."
            ),
        },
        "themes": [],
        "partner": False,
    },
    # An intergovernmental forum, not an organisation; kept because it commissioned the
    # supply chains report.
    {
        "slug": "g20",
        "name": {"en": "Group of Twenty", "fr": "Groupe des Vingt", "es": "Grupo de los Veinte"},
        "acronym": {"en": "G20", "fr": "G20", "es": "G20"},
        "type": "un_international",
        "country": None,
        "website": "",
        "description": {
            "en": (
                "A forum of major economies. Its 2017 Conference of Labour and Employment "
                "Ministers, held in Germany, requested the global report on forced labour, "
                "trafficking in persons and child labour in global supply chains."
            ),
            "fr": (
                "Forum des principales économies. Sa conférence des ministres du travail et de "
                "l'emploi, réunie en Allemagne en 2017, a demandé le rapport mondial sur le "
                "travail forcé, la traite des personnes et le travail des enfants dans les "
                "chaînes d'approvisionnement mondiales."
            ),
            "es": (
                "Foro de las principales economías. Su Conferencia de Ministros de Trabajo y "
                "Empleo, celebrada en Alemania en 2017, solicitó el informe mundial sobre trabajo "
                "forzoso, trata de personas y trabajo infantil en las cadenas de suministro "
                "mundiales."
            ),
        },
        "themes": ["supply-chains"],
        "partner": False,
    },
    {
        "slug": "g7",
        "name": {"en": "Group of Seven", "fr": "Groupe des Sept", "es": "Grupo de los Siete"},
        "acronym": {"en": "G7", "fr": "G7", "es": "G7"},
        "type": "un_international",
        "country": None,
        "website": "",
        "description": {
            "en": (
                "A forum of seven major advanced economies. Holding the G7 Presidency in 2019, "
                "France advocated for the social dimension of globalisation."
            ),
            "fr": (
                "Forum de sept grandes économies avancées. Assurant la présidence du G7 en 2019, "
                "la France a plaidé pour la dimension sociale de la mondialisation."
            ),
            "es": (
                "Foro de siete grandes economías avanzadas. Al ocupar la Presidencia del G7 en "
                "2019, Francia abogó por la dimensión social de la globalización."
            ),
        },
        "themes": [],
        "partner": False,
    },
    # Regional bodies and regional processes.
    {
        "slug": "african-union",
        "name": {"en": "African Union", "fr": "Union africaine", "es": "Unión Africana"},
        "acronym": {"en": "AU", "fr": "UA", "es": "UA"},
        "type": "regional_body",
        "country": "ETH",
        "website": "https://au.int/",
        "description": {
            "en": (
                "The continental union of African states, headquartered in Addis Ababa. The "
                "Alliance 8.7 pathfinder schedule listed a workshop with the African Union on "
                "20-21 March 2019, and the Union was preparing to launch its ten-year Action Plan "
                "2020-2030 to eradicate child labour, forced labour and trafficking in persons."
            ),
            "fr": (
                "Union continentale des États africains, dont le siège est à Addis-Abeba. Le "
                "calendrier des pays pionniers de l'Alliance 8.7 prévoyait un atelier avec "
                "l'Union africaine les 20 et 21 mars 2019, et l'Union préparait le lancement de "
                "son Plan d'action décennal 2020-2030 pour éliminer le travail des enfants, le "
                "travail forcé et la traite des personnes."
            ),
            "es": (
                "Unión continental de los Estados africanos, con sede en Adís Abeba. El "
                "calendario de países pioneros de la Alianza 8.7 preveía un taller con la Unión "
                "Africana el 20 y 21 de marzo de 2019, y la Unión preparaba el lanzamiento de su "
                "Plan de Acción decenal 2020-2030 para erradicar el trabajo infantil, el trabajo "
                "forzoso y la trata de personas."
            ),
        },
        "themes": ["child-labour", "forced-labour", "human-trafficking"],
        "partner": True,
    },
    # Mentioned only, as a forum to engage.
    {
        "slug": "abu-dhabi-dialogue",
        "name": {
            "en": "Abu Dhabi Dialogue",
            "fr": "Dialogue d'Abou Dhabi",
            "es": "Diálogo de Abu Dabi",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "regional_body",
        "country": None,
        "website": "",
        "description": {
            "en": (
                "A regional consultative process on labour migration between Asian countries of "
                "origin and Gulf countries of destination. In 2019 the outgoing Alliance 8.7 "
                "Chair named it among the fora with which the Alliance should broaden engagement."
            ),
            "fr": (
                "Processus consultatif régional sur les migrations de main-d'œuvre entre des pays "
                "d'origine d'Asie et des pays de destination du Golfe. En 2019, le président "
                "sortant de l'Alliance 8.7 l'a cité parmi les enceintes avec lesquelles "
                "l'Alliance devrait élargir son engagement."
            ),
            "es": (
                "Proceso consultivo regional sobre migración laboral entre países de origen de "
                "Asia y países de destino del Golfo. En 2019, el presidente saliente de la "
                "Alianza 8.7 lo mencionó entre los foros con los que la Alianza debería ampliar "
                "su colaboración."
            ),
        },
        "themes": ["migration"],
        "partner": False,
    },
    # The report says "Colombo Dialogue"; the process's own name is the Colombo Process.
    {
        "slug": "colombo-process",
        "name": {
            "en": "Colombo Process",
            "fr": "Processus de Colombo",
            "es": "Proceso de Colombo",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "regional_body",
        "country": None,
        "website": "",
        "description": {
            "en": (
                "A regional consultative process of Asian countries of origin on overseas "
                "employment and contractual labour. In 2019 the outgoing Alliance 8.7 Chair, "
                'speaking of the "Colombo Dialogue", named it among the fora with which the '
                "Alliance should broaden engagement."
            ),
            "fr": (
                "Processus consultatif régional des pays d'origine d'Asie sur l'emploi à "
                "l'étranger et le travail contractuel. En 2019, le président sortant de "
                "l'Alliance 8.7, évoquant le « dialogue de Colombo », l'a cité parmi les "
                "enceintes avec lesquelles l'Alliance devrait élargir son engagement."
            ),
            "es": (
                "Proceso consultivo regional de los países de origen de Asia sobre el empleo en "
                "el extranjero y el trabajo por contrato. En 2019, el presidente saliente de la "
                "Alianza 8.7, refiriéndose al «Diálogo de Colombo», lo mencionó entre los foros "
                "con los que la Alianza debería ampliar su colaboración."
            ),
        },
        "themes": ["migration"],
        "partner": False,
    },
    # Employers' organisations.
    {
        "slug": "ioe",
        "name": {
            "en": "International Organisation of Employers",
            "fr": "Organisation internationale des employeurs",
            "es": "Organización Internacional de Empleadores",
        },
        "acronym": {"en": "IOE", "fr": "OIE", "es": "OIE"},
        "type": "employers",
        "country": "CHE",
        "website": "https://www.ioe-emp.org/",
        "description": {
            "en": (
                "The global network of employers' organisations. At the 4th Global Coordinating "
                "Group meeting (2019) it asked how employers' and workers' organisations are "
                "involved in pathfinder workshops and national planning, and about the advisory "
                "board of the supply chains research."
            ),
            "fr": (
                "Réseau mondial des organisations d'employeurs. Lors de la 4e réunion du Groupe "
                "de coordination mondial (2019), elle a demandé comment les organisations "
                "d'employeurs et de travailleurs sont associées aux ateliers des pays pionniers "
                "et à la planification nationale, et s'est enquise du conseil consultatif des "
                "recherches sur les chaînes d'approvisionnement."
            ),
            "es": (
                "Red mundial de organizaciones de empleadores. En la 4.ª reunión del Grupo de "
                "Coordinación Mundial (2019) preguntó cómo participan las organizaciones de "
                "empleadores y de trabajadores en los talleres de los países pioneros y en la "
                "planificación nacional, y por el consejo consultivo de la investigación sobre "
                "cadenas de suministro."
            ),
        },
        "themes": ["child-labour", "forced-labour", "supply-chains"],
        "partner": True,
    },
    # Workers' organisations.
    {
        "slug": "ituc",
        "name": {
            "en": "International Trade Union Confederation",
            "fr": "Confédération syndicale internationale",
            "es": "Confederación Sindical Internacional",
        },
        "acronym": {"en": "ITUC", "fr": "CSI", "es": "CSI"},
        "type": "workers",
        "country": "BEL",
        "website": "https://www.ituc-csi.org/",
        "description": {
            "en": (
                "The global confederation of national trade union centres. At the 4th Global "
                "Coordinating Group meeting (2019) it raised the protection of workers abroad "
                "under labour migration agreements, the involvement of international financial "
                "institutions in the supply chains research and the place of Alliance 8.7 at the "
                "High-Level Political Forum."
            ),
            "fr": (
                "Confédération mondiale des centrales syndicales nationales. Lors de la 4e "
                "réunion du Groupe de coordination mondial (2019), elle a soulevé la protection "
                "des travailleurs à l'étranger dans le cadre des accords de migration de "
                "main-d'œuvre, la participation des institutions financières internationales aux "
                "recherches sur les chaînes d'approvisionnement et la place de l'Alliance 8.7 au "
                "Forum politique de haut niveau."
            ),
            "es": (
                "Confederación mundial de centrales sindicales nacionales. En la 4.ª reunión del "
                "Grupo de Coordinación Mundial (2019) planteó la protección de los trabajadores "
                "en el extranjero en el marco de los acuerdos de migración laboral, la "
                "participación de las instituciones financieras internacionales en la "
                "investigación sobre cadenas de suministro y el lugar de la Alianza 8.7 en el "
                "Foro Político de Alto Nivel."
            ),
        },
        "themes": [
            "forced-labour",
            "child-labour",
            "migration",
            "supply-chains",
            "conflict-and-humanitarian-settings",
        ],
        "partner": True,
    },
    # Business networks.
    {
        "slug": "ilo-global-business-network-on-forced-labour",
        "name": {
            "en": "ILO Global Business Network on Forced Labour and Trafficking",
            "fr": "Réseau mondial des entreprises de l'OIT sur le travail forcé et la traite",
            "es": "Red Mundial de Empresas de la OIT sobre Trabajo Forzoso y Trata",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "business",
        "country": "CHE",
        "website": "",
        "description": {
            "en": (
                'A business network launched by the ILO in 2018 to build a "network of '
                'networks" on forced labour and trafficking. Its Steering Committee held its '
                "first meeting and approved the network's workplan for 2019."
            ),
            "fr": (
                "Réseau d'entreprises lancé par l'OIT en 2018 pour constituer un « réseau de "
                "réseaux » sur le travail forcé et la traite. Son comité directeur a tenu sa "
                "première réunion et approuvé le plan de travail du réseau pour 2019."
            ),
            "es": (
                "Red empresarial creada por la OIT en 2018 para construir una «red de redes» "
                "sobre el trabajo forzoso y la trata. Su Comité Directivo celebró su primera "
                "reunión y aprobó el plan de trabajo de la red para 2019."
            ),
        },
        "themes": ["forced-labour", "human-trafficking", "supply-chains"],
        "partner": True,
    },
    {
        "slug": "child-labour-platform",
        "name": {
            "en": "Child Labour Platform",
            "fr": "Plateforme sur le travail des enfants",
            "es": "Plataforma sobre Trabajo Infantil",
        },
        "acronym": {"en": "CLP", "fr": "CLP", "es": "CLP"},
        "type": "business",
        "country": "CHE",
        "website": "",
        "description": {
            "en": (
                "A business platform on child labour in supply chains. It supported a meeting on "
                "supply chains in Viet Nam, an Alliance 8.7 pathfinder country, and is preparing "
                "its next work plan, to run until 2021."
            ),
            "fr": (
                "Plateforme d'entreprises consacrée au travail des enfants dans les chaînes "
                "d'approvisionnement. Elle a soutenu une réunion sur les chaînes "
                "d'approvisionnement au Viet Nam, pays pionnier de l'Alliance 8.7, et prépare son "
                "prochain plan de travail, qui courra jusqu'en 2021."
            ),
            "es": (
                "Plataforma empresarial dedicada al trabajo infantil en las cadenas de "
                "suministro. Apoyó una reunión sobre cadenas de suministro en Viet Nam, país "
                "pionero de la Alianza 8.7, y prepara su próximo plan de trabajo, que se "
                "extenderá hasta 2021."
            ),
        },
        "themes": ["child-labour", "supply-chains"],
        "partner": True,
    },
    # Civil society.
    {
        "slug": "global-march-against-child-labour",
        "name": {
            "en": "Global March Against Child Labour",
            "fr": "Marche mondiale contre le travail des enfants",
            "es": "Marcha Global contra el Trabajo Infantil",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "civil_society",
        "country": "IND",
        "website": "https://globalmarch.org/",
        "description": {
            "en": (
                "A worldwide civil society movement against child labour. At the 4th Global "
                "Coordinating Group meeting (2019) it presented initiatives under development "
                "with the Dutch Government and trade unions, described a system of Dutch and UK "
                "banks to detect signs of trafficking, and called for a stronger focus on gender "
                "equality in the Alliance."
            ),
            "fr": (
                "Mouvement mondial de la société civile contre le travail des enfants. Lors de la "
                "4e réunion du Groupe de coordination mondial (2019), elle a présenté des "
                "initiatives en cours avec le Gouvernement néerlandais et des syndicats, décrit "
                "un système de banques néerlandaises et britanniques pour détecter des indices de "
                "traite et appelé à renforcer la place de l'égalité entre les sexes dans "
                "l'Alliance."
            ),
            "es": (
                "Movimiento mundial de la sociedad civil contra el trabajo infantil. En la 4.ª "
                "reunión del Grupo de Coordinación Mundial (2019) presentó iniciativas en "
                "preparación con el Gobierno neerlandés y sindicatos, describió un sistema de "
                "bancos neerlandeses y británicos para detectar indicios de trata y pidió una "
                "mayor atención a la igualdad de género en la Alianza."
            ),
        },
        "themes": [
            "child-labour",
            "human-trafficking",
            "gender-equality",
            "supply-chains",
            "financial-sector",
        ],
        "partner": True,
    },
    # The "Liechtenstein Initiative"; not yet shown taking part.
    {
        "slug": "financial-sector-commission",
        "name": {
            "en": "Financial Sector Commission on Modern Slavery and Human Trafficking",
            "fr": (
                "Commission du secteur financier sur l'esclavage moderne et la traite des êtres "
                "humains"
            ),
            "es": (
                "Comisión del Sector Financiero sobre la Esclavitud Moderna y la Trata de Personas"
            ),
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "civil_society",
        "country": None,
        "website": "",
        "description": {
            "en": (
                "A commission on the role of the financial sector in ending modern slavery and "
                "human trafficking, known as the Liechtenstein Initiative. In 2019 the Alliance "
                "8.7 Chair undertook to encourage it to brief the Supply Chains Action Group."
            ),
            "fr": (
                "Commission sur le rôle du secteur financier dans l'élimination de l'esclavage "
                "moderne et de la traite des êtres humains, connue sous le nom d'Initiative du "
                "Liechtenstein. En 2019, le président de l'Alliance 8.7 s'est engagé à "
                "l'encourager à informer le Groupe d'action sur les chaînes d'approvisionnement."
            ),
            "es": (
                "Comisión sobre el papel del sector financiero para acabar con la esclavitud "
                "moderna y la trata de personas, conocida como Iniciativa de Liechtenstein. En "
                "2019, el presidente de la Alianza 8.7 se comprometió a alentarla a informar al "
                "Grupo de Acción sobre Cadenas de Suministro."
            ),
        },
        "themes": ["modern-slavery", "human-trafficking", "financial-sector"],
        "partner": False,
    },
    # Academia.
    {
        "slug": "unu",
        "name": {
            "en": "United Nations University",
            "fr": "Université des Nations Unies",
            "es": "Universidad de las Naciones Unidas",
        },
        "acronym": {"en": "UNU", "fr": "UNU", "es": "UNU"},
        "type": "academia",
        "country": "JPN",
        "website": "https://unu.edu/",
        "description": {
            "en": (
                "The academic and research arm of the United Nations. It runs Delta 8.7, the "
                "knowledge platform for Alliance 8.7, which by spring 2019 had been online for "
                "six months with 45 country profiles and more than 7,500 visitors."
            ),
            "fr": (
                "Branche universitaire et de recherche des Nations Unies. Elle gère Delta 8.7, la "
                "plateforme de connaissances de l'Alliance 8.7, en ligne depuis six mois au "
                "printemps 2019, avec 45 profils de pays et plus de 7 500 visiteurs."
            ),
            "es": (
                "Brazo académico y de investigación de las Naciones Unidas. Gestiona Delta 8.7, "
                "la plataforma de conocimientos de la Alianza 8.7, que en la primavera de 2019 "
                "llevaba seis meses en línea, con 45 perfiles de países y más de 7500 visitantes."
            ),
        },
        "themes": ["data-and-measurement", "modern-slavery"],
        "partner": True,
    },
    # Partner of Delta 8.7, not shown taking part in the Alliance itself.
    {
        "slug": "earthtime",
        "name": {"en": "EarthTime", "fr": "EarthTime", "es": "EarthTime"},
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "academia",
        "country": "USA",
        "website": "",
        "description": {
            "en": (
                "A data visualisation platform developed at Carnegie Mellon University. Delta 8.7 "
                "entered into a partnership with EarthTime to create data-driven infographics for "
                "its website."
            ),
            "fr": (
                "Plateforme de visualisation de données développée à l'Université Carnegie "
                "Mellon. Delta 8.7 a conclu un partenariat avec EarthTime pour créer des "
                "infographies fondées sur les données pour son site web."
            ),
            "es": (
                "Plataforma de visualización de datos desarrollada en la Universidad Carnegie "
                "Mellon. Delta 8.7 estableció una alianza con EarthTime para crear infografías "
                "basadas en datos para su sitio web."
            ),
        },
        "themes": ["data-and-measurement"],
        "partner": False,
    },
    # Foundations.
    {
        "slug": "walk-free-foundation",
        "name": {
            "en": "Walk Free Foundation",
            "fr": "Fondation Walk Free",
            "es": "Fundación Walk Free",
        },
        "acronym": {"en": "", "fr": "", "es": ""},
        "type": "foundation",
        "country": "AUS",
        "website": "https://www.walkfree.org/",
        "description": {
            "en": (
                "An international human rights organisation working to end modern slavery. It "
                "co-published the 2017 Global Estimates of Modern Slavery with ILO and IOM, and "
                "the Migration Action Group is supporting the release of its report on forced "
                "labour and migration."
            ),
            "fr": (
                "Organisation internationale de défense des droits humains qui œuvre pour mettre "
                "fin à l'esclavage moderne. Elle a copublié avec l'OIT et l'OIM les Estimations "
                "mondiales de l'esclavage moderne de 2017, et le Groupe d'action sur les "
                "migrations soutient la publication de son rapport sur le travail forcé et les "
                "migrations."
            ),
            "es": (
                "Organización internacional de derechos humanos que trabaja para acabar con la "
                "esclavitud moderna. Copublicó con la OIT y la OIM las Estimaciones mundiales "
                "sobre la esclavitud moderna de 2017, y el Grupo de Acción sobre Migración apoya "
                "la publicación de su informe sobre trabajo forzoso y migración."
            ),
        },
        "themes": ["modern-slavery", "forced-labour", "migration", "data-and-measurement"],
        "partner": True,
    },
]

PEOPLE: list[dict[str, Any]] = [
    {
        "slug": "geoffrey-shaw",
        "name": "Geoffrey Shaw",
        "organisation": "government-of-australia",
        "position": {
            "en": (
                "Ambassador; Chair of Alliance 8.7 until the 4th Global Coordinating Group "
                "meeting (2019)"
            ),
            "fr": (
                "Ambassadeur ; président de l'Alliance 8.7 jusqu'à la 4e réunion du Groupe de "
                "coordination mondial (2019)"
            ),
            "es": (
                "Embajador; presidente de la Alianza 8.7 hasta la 4.ª reunión del Grupo de "
                "Coordinación Mundial (2019)"
            ),
        },
        "expertise": ["child-labour", "forced-labour", "modern-slavery", "human-trafficking"],
    },
    {
        "slug": "beate-andrees",
        "name": "Beate Andrees",
        "organisation": "ilo",
        "position": {
            "en": (
                "Chief of the Fundamental Principles and Rights at Work Branch, ILO; Alliance 8.7 "
                "Secretariat"
            ),
            "fr": (
                "Cheffe du Service des principes et droits fondamentaux au travail, OIT ; "
                "Secrétariat de l'Alliance 8.7"
            ),
            "es": (
                "Jefa del Servicio de Principios y Derechos Fundamentales en el Trabajo, OIT; "
                "Secretaría de la Alianza 8.7"
            ),
        },
        "expertise": ["child-labour", "forced-labour", "modern-slavery", "human-trafficking"],
    },
    {
        "slug": "urmila-bhoola",
        "name": "Urmila Bhoola",
        "organisation": "ohchr",
        "position": {
            "en": "UN Special Rapporteur on Contemporary Forms of Slavery",
            "fr": (
                "Rapporteuse spéciale des Nations Unies sur les formes contemporaines d'esclavage"
            ),
            "es": (
                "Relatora Especial de las Naciones Unidas sobre las formas contemporáneas de la "
                "esclavitud"
            ),
        },
        "expertise": ["modern-slavery"],
    },
]

KEY_FIGURES: list[dict[str, Any]] = [
    {
        "slug": "modern-slavery-2016",
        "value": 40_300_000,
        "label": {
            "en": "people in modern slavery",
            "fr": "personnes en situation d'esclavage moderne",
            "es": "personas en situación de esclavitud moderna",
        },
        "reference_year": 2016,
        "source": {
            "en": (
                "ILO, Walk Free Foundation and IOM, Global Estimates of Modern Slavery: Forced "
                "Labour and Forced Marriage (Geneva, 2017)"
            ),
            "fr": (
                "OIT, Fondation Walk Free et OIM, Estimations mondiales de l'esclavage moderne : "
                "travail forcé et mariage forcé (Genève, 2017)"
            ),
            "es": (
                "OIT, Fundación Walk Free y OIM, Estimaciones mundiales sobre la esclavitud "
                "moderna: trabajo forzoso y matrimonio forzoso (Ginebra, 2017)"
            ),
        },
        "source_url": "https://www.ilo.org/",
        "publication_year": 2017,
        "order": 1,
    },
    {
        "slug": "forced-labour-2016",
        "value": 24_900_000,
        "label": {
            "en": "people in forced labour",
            "fr": "personnes en situation de travail forcé",
            "es": "personas en situación de trabajo forzoso",
        },
        "reference_year": 2016,
        "source": {
            "en": (
                "ILO, Walk Free Foundation and IOM, Global Estimates of Modern Slavery: Forced "
                "Labour and Forced Marriage (Geneva, 2017)"
            ),
            "fr": (
                "OIT, Fondation Walk Free et OIM, Estimations mondiales de l'esclavage moderne : "
                "travail forcé et mariage forcé (Genève, 2017)"
            ),
            "es": (
                "OIT, Fundación Walk Free y OIM, Estimaciones mundiales sobre la esclavitud "
                "moderna: trabajo forzoso y matrimonio forzoso (Ginebra, 2017)"
            ),
        },
        "source_url": "https://www.ilo.org/",
        "publication_year": 2017,
        "order": 2,
    },
    {
        "slug": "forced-marriage-2016",
        "value": 15_400_000,
        "label": {
            "en": "people in forced marriage",
            "fr": "personnes en situation de mariage forcé",
            "es": "personas en situación de matrimonio forzoso",
        },
        "reference_year": 2016,
        "source": {
            "en": (
                "ILO, Walk Free Foundation and IOM, Global Estimates of Modern Slavery: Forced "
                "Labour and Forced Marriage (Geneva, 2017)"
            ),
            "fr": (
                "OIT, Fondation Walk Free et OIM, Estimations mondiales de l'esclavage moderne : "
                "travail forcé et mariage forcé (Genève, 2017)"
            ),
            "es": (
                "OIT, Fundación Walk Free y OIM, Estimaciones mundiales sobre la esclavitud "
                "moderna: trabajo forzoso y matrimonio forzoso (Ginebra, 2017)"
            ),
        },
        "source_url": "https://www.ilo.org/",
        "publication_year": 2017,
        "order": 3,
    },
    {
        "slug": "child-labour-2016",
        "value": 152_000_000,
        "label": {
            "en": "children in child labour",
            "fr": "enfants astreints au travail",
            "es": "niños y niñas en situación de trabajo infantil",
        },
        "reference_year": 2016,
        "source": {
            "en": (
                "ILO, Global Estimates of Child Labour: Results and trends, 2012-2016 (Geneva, "
                "2017)"
            ),
            "fr": (
                "OIT, Estimations mondiales du travail des enfants : résultats et tendances "
                "2012-2016 (Genève, 2017)"
            ),
            "es": (
                "OIT, Estimaciones mundiales sobre el trabajo infantil: resultados y tendencias "
                "2012-2016 (Ginebra, 2017)"
            ),
        },
        "source_url": "https://www.ilo.org/",
        "publication_year": 2017,
        "order": 4,
    },
    {
        "slug": "hazardous-child-labour-2016",
        "value": 73_000_000,
        "label": {
            "en": "children in hazardous work",
            "fr": "enfants effectuant des travaux dangereux",
            "es": "niños y niñas en trabajos peligrosos",
        },
        "reference_year": 2016,
        "source": {
            "en": (
                "ILO, Global Estimates of Child Labour: Results and trends, 2012-2016 (Geneva, "
                "2017)"
            ),
            "fr": (
                "OIT, Estimations mondiales du travail des enfants : résultats et tendances "
                "2012-2016 (Genève, 2017)"
            ),
            "es": (
                "OIT, Estimaciones mundiales sobre el trabajo infantil: resultados y tendencias "
                "2012-2016 (Ginebra, 2017)"
            ),
        },
        "source_url": "https://www.ilo.org/",
        "publication_year": 2017,
        "order": 5,
    },
]
