"""
The library's demo content: the documents the seed documents name, each
described only with what a seed (or the Hub's sourced data file) says of
it. A field the sources do not give stays empty: no invented date,
author, address or summary. Each row names its source and the passage
(`source`, `locator`); the loader cites it (core provenance).

Sources: seed 004, the report of the 4th Global Coordinating Group meeting
("GCG4"); seed 000, the concept note of the Pacific consultation
("PACIFIC"); the Hub's sourced figures, data/global-estimates.csv
("ESTIMATES": edition, publisher, publication date, the address each
figure was taken from).

The glossary holds no definition: no legal text (convention, article) is
among the sources on hand, so each term says "No sourced definition is
held" and where its source is to be looked up.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

GCG4 = "gcg4"
PACIFIC = "pacific"
ESTIMATES = "estimates"
ESTIMATES_TITLE = "The Hub's sourced figures, global-estimates.csv (shared data)"

# date: (start, end, precision, tentative) or None.
RESOURCES: list[dict[str, Any]] = [
    {
        "slug": "terms-of-reference",
        "type": "other",
        "title": {
            "en": "Terms of Reference of Alliance 8.7",
            "fr": "Termes de référence de l'Alliance 8.7",
            "es": "Términos de referencia de la Alianza 8.7",
        },
        "summary": {
            "en": "Adopted and published on the Alliance 8.7 website: one of the achievements "
            "the Chair reported to the 4th meeting of the Global Coordinating Group.",
            "fr": "Adoptés et publiés sur le site web de l'Alliance 8.7 : l'une des "
            "réalisations dont le Président a rendu compte à la 4e réunion du Groupe de "
            "coordination mondial.",
            "es": "Adoptados y publicados en el sitio web de la Alianza 8.7: uno de los logros "
            "que el Presidente comunicó a la 4.ª reunión del Grupo de Coordinación Mundial.",
        },
        "group": "global-coordinating-group",
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "item I, achievements",
    },
    {
        "slug": "pathfinder-country-guidance-note",
        "type": "guidance_note",
        "title": {
            "en": "Pathfinder Country Guidance Note",
            "fr": "Note d'orientation sur les pays pionniers",
            "es": "Nota de orientación sobre los países pioneros",
        },
        "summary": {
            "en": "Adopted and published on the Alliance 8.7 website: one of the achievements "
            "the Chair reported to the 4th meeting of the Global Coordinating Group.",
            "fr": "Adoptée et publiée sur le site web de l'Alliance 8.7 : l'une des "
            "réalisations dont le Président a rendu compte à la 4e réunion du Groupe de "
            "coordination mondial.",
            "es": "Adoptada y publicada en el sitio web de la Alianza 8.7: uno de los logros "
            "que el Presidente comunicó a la 4.ª reunión del Grupo de Coordinación Mundial.",
        },
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "item I, achievements",
    },
    {
        "slug": "bangkok-statement",
        "type": "other",
        "title": {
            "en": "The Bangkok Statement",
            "fr": "La Déclaration de Bangkok",
            "es": "La Declaración de Bangkok",
        },
        "summary": {
            "en": "A set of guidelines and principles on how civil society can engage with "
            "other partners on SDG 8.7, highlighted at the Freedom from Slavery Forum "
            "(December 2018). More than 70 stakeholders endorsed it.",
            "fr": "Un ensemble de lignes directrices et de principes sur la manière dont la "
            "société civile peut collaborer avec les autres partenaires sur l'ODD 8.7, mis en "
            "avant au Forum « Freedom from Slavery » (décembre 2018). Plus de 70 parties "
            "prenantes l'ont approuvé.",
            "es": "Un conjunto de directrices y principios sobre cómo la sociedad civil puede "
            "colaborar con otros socios en el ODS 8.7, destacado en el Foro «Freedom from "
            "Slavery» (diciembre de 2018). Más de 70 partes interesadas lo respaldaron.",
        },
        "events": ["freedom-from-slavery-forum-2018", "gcg-4"],
        "source": GCG4,
        "locator": "items I and IV",
    },
    {
        "slug": "communications-network-strategy",
        "type": "other",
        "title": {
            "en": "Communications Network Strategy",
            "fr": "Stratégie du réseau de communication",
            "es": "Estrategia de la red de comunicación",
        },
        "summary": {
            "en": "A living document that can be updated as needed; the Communications and "
            "Engagement Action Group (CEAG) has commented on it.",
            "fr": "Un document évolutif, qui peut être mis à jour selon les besoins ; le Groupe "
            "d'action Communication et engagement (CEAG) l'a commenté.",
            "es": "Un documento vivo, que puede actualizarse según sea necesario; el Grupo de "
            "Acción de Comunicación y Participación (CEAG) lo ha comentado.",
        },
        "group": "communications-and-engagement",
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "item VI",
    },
    {
        "slug": "global-supply-chains-report",
        "type": "report",
        "title": {
            "en": "Global Report on Forced Labour, Trafficking in Persons and Child Labour in "
            "Global Supply Chains",
            "fr": "Rapport mondial sur le travail forcé, la traite des personnes et le travail "
            "des enfants dans les chaînes d'approvisionnement mondiales",
            "es": "Informe mundial sobre el trabajo forzoso, la trata de personas y el trabajo "
            "infantil en las cadenas mundiales de suministro",
        },
        "summary": {
            "en": "Requested by the G20 Conference of Labour and Employment Ministers in "
            "Germany in 2017 and produced by a research consortium made up of the OECD, "
            "UNICEF, ILO and IOM. At the 4th meeting of the Global Coordinating Group its "
            "launch was expected at the G20 summit in September.",
            "fr": "Demandé par la Conférence des ministres du Travail et de l'Emploi du G20 en "
            "Allemagne en 2017 et produit par un consortium de recherche formé de l'OCDE, de "
            "l'UNICEF, de l'OIT et de l'OIM. Lors de la 4e réunion du Groupe de coordination "
            "mondial, son lancement était attendu au sommet du G20 en septembre.",
            "es": "Solicitado por la Conferencia de Ministros de Trabajo y Empleo del G20 en "
            "Alemania en 2017 y elaborado por un consorcio de investigación formado por la "
            "OCDE, UNICEF, la OIT y la OIM. En la 4.ª reunión del Grupo de Coordinación "
            "Mundial se esperaba su presentación en la cumbre del G20 en septiembre.",
        },
        "contributors": ["oecd", "unicef", "ilo", "iom"],
        "themes": ["supply-chains", "forced-labour", "human-trafficking", "child-labour"],
        "group": "supply-chains",
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "items I and III",
    },
    {
        "slug": "global-estimates-of-modern-slavery-2017",
        "type": "report",
        # A published title: not translated (shown marked as English).
        "title": {
            "en": "Global Estimates of Modern Slavery 2017",
        },
        "publishers": ["ilo", "walk-free-foundation", "iom"],
        "date": (dt.date(2017, 9, 1), None, "month", False),
        "themes": ["modern-slavery", "forced-labour", "data-and-measurement"],
        "source": ESTIMATES,
        "url_source": "http://childlabour2017.org/en/conference/topics/forced-labour/"
        "facts-and-statistics",
    },
    {
        "slug": "global-estimates-of-child-labour-2017",
        "type": "report",
        # A published title: not translated (shown marked as English).
        "title": {
            "en": "Global Estimates of Child Labour 2017",
        },
        "publishers": ["ilo"],
        "date": (dt.date(2017, 9, 1), None, "month", False),
        "themes": ["child-labour", "data-and-measurement"],
        "source": ESTIMATES,
        "url_source": "http://www.novinite.com/articles/183369/40+Million+People+Live+in+Slavery",
    },
    {
        "slug": "global-estimates-of-modern-slavery-2022",
        "type": "report",
        # A published title: not translated (shown marked as English).
        "title": {
            "en": "Global Estimates of Modern Slavery 2022",
        },
        "publishers": ["ilo", "walk-free-foundation", "iom"],
        "date": (dt.date(2022, 9, 12), None, "day", False),
        "themes": ["modern-slavery", "forced-labour", "data-and-measurement"],
        "source": ESTIMATES,
        "url_source": "https://www.ilo.org/global/topics/forced-labour/publications/"
        "WCMS_854733/lang--it/index.htm",
    },
    {
        "slug": "child-labour-global-estimates-2020",
        "type": "report",
        "title": {
            "en": "Child Labour: Global estimates 2020, trends and the road forward",
        },
        "publishers": ["ilo", "unicef"],
        "date": (dt.date(2021, 6, 1), None, "month", False),
        "themes": ["child-labour", "data-and-measurement"],
        "source": ESTIMATES,
        "url_source": "https://cdhrvta.org/world-child-labour-global-estimates-2020-trends-"
        "and-the-road-forward",
    },
    {
        "slug": "forced-labour-and-migration-report",
        "type": "report",
        "title": {
            "en": "Report on Forced Labour and Migration",
            "fr": "Rapport sur le travail forcé et la migration",
            "es": "Informe sobre el trabajo forzoso y la migración",
        },
        "summary": {
            "en": "Developed by the Walk Free Foundation; the Migration Action Group planned "
            "to support its release.",
            "fr": "Élaboré par la Walk Free Foundation ; le Groupe d'action sur la migration "
            "prévoyait d'en soutenir la publication.",
            "es": "Elaborado por la Walk Free Foundation; el Grupo de Acción sobre Migración "
            "tenía previsto apoyar su publicación.",
        },
        "publishers": ["walk-free-foundation"],
        "themes": ["forced-labour", "migration"],
        "group": "migration",
        "source": GCG4,
        "locator": "item III, Migration",
    },
    {
        "slug": "delta-87-video-update-2019",
        "type": "video",
        "title": {
            "en": "Update on the Delta 8.7 Knowledge Platform (video message)",
            "fr": "Point sur la plateforme de connaissances Delta 8.7 (message vidéo)",
            "es": "Novedades de la plataforma de conocimientos Delta 8.7 (mensaje en vídeo)",
        },
        "summary": {
            "en": "UN University's video update to the 4th meeting of the Global Coordinating "
            "Group: the online platform had been live for 6 months, 45 country profiles were "
            "online, the website had had more than 7,500 visitors and was available in "
            "several languages.",
            "fr": "Le message vidéo de l'Université des Nations Unies à la 4e réunion du Groupe "
            "de coordination mondial : la plateforme en ligne fonctionnait depuis 6 mois, 45 "
            "profils de pays étaient en ligne, le site avait reçu plus de 7 500 visiteurs et "
            "existait en plusieurs langues.",
            "es": "El mensaje en vídeo de la Universidad de las Naciones Unidas a la 4.ª reunión "
            "del Grupo de Coordinación Mundial: la plataforma en línea llevaba 6 meses "
            "funcionando, había 45 perfiles de países en línea, el sitio web había recibido "
            "más de 7500 visitantes y estaba disponible en varios idiomas.",
        },
        "publishers": ["unu"],
        "url": "https://youtu.be/UpbpUb5cKEU",
        "themes": ["data-and-measurement"],
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "item V",
    },
    {
        "slug": "gcg-4-meeting-report",
        "type": "report",
        "title": {
            "en": "Report of the 4th Global Coordinating Group meeting",
            "fr": "Rapport de la 4e réunion du Groupe de coordination mondial",
            "es": "Informe de la 4.ª reunión del Grupo de Coordinación Mundial",
        },
        "summary": {
            "en": "The meeting reviewed progress in pathfinder countries and of the Action "
            "Groups, presented an online engagement platform for practitioners on SDG 8.7, "
            "discussed civil society engagement after the NGO Forum held in Bangkok in "
            "December 2018, and prepared the Alliance's participation in the High-Level "
            "Political Forum in New York (July 2019).",
            "fr": "La réunion a fait le point sur les progrès des pays pionniers et des groupes "
            "d'action, présenté une plateforme en ligne pour les praticiens de l'ODD 8.7, "
            "débattu de l'engagement de la société civile après le Forum des ONG tenu à "
            "Bangkok en décembre 2018 et préparé la participation de l'Alliance au Forum "
            "politique de haut niveau à New York (juillet 2019).",
            "es": "La reunión examinó los avances de los países pioneros y de los grupos de "
            "acción, presentó una plataforma en línea para profesionales del ODS 8.7, debatió "
            "la participación de la sociedad civil tras el Foro de ONG celebrado en Bangkok en "
            "diciembre de 2018 y preparó la participación de la Alianza en el Foro Político de "
            "Alto Nivel en Nueva York (julio de 2019).",
        },
        "group": "global-coordinating-group",
        "events": ["gcg-4"],
        "source": GCG4,
        "locator": "objectives of the meeting",
    },
    {
        "slug": "pacific-consultation-concept-note",
        "type": "other",
        "title": {
            "en": "Pacific Consultation on Alliance 8.7: concept note",
            "fr": "Consultation du Pacifique sur l'Alliance 8.7 : note conceptuelle",
            "es": "Consulta del Pacífico sobre la Alianza 8.7: nota conceptual",
        },
        "summary": {
            "en": "The ILO, with the support of ILO constituents in Fiji, organises a Pacific "
            "Islands regional consultation from 3 to 5 October 2017 in Nadi, Fiji, whose "
            "outcomes are expected to feed into the IV Global Conference on the Sustained "
            "Eradication of Child Labour in Buenos Aires.",
            "fr": "L'OIT, avec l'appui de ses mandants aux Fidji, organise une consultation "
            "régionale des îles du Pacifique du 3 au 5 octobre 2017 à Nadi (Fidji), dont les "
            "résultats doivent alimenter la IVe Conférence mondiale sur l'élimination durable "
            "du travail des enfants à Buenos Aires.",
            "es": "La OIT, con el apoyo de sus mandantes en Fiji, organiza una consulta regional "
            "de las islas del Pacífico del 3 al 5 de octubre de 2017 en Nadi (Fiji), cuyos "
            "resultados deben alimentar la IV Conferencia Mundial sobre la Erradicación "
            "Sostenida del Trabajo Infantil en Buenos Aires.",
        },
        "countries": ["fji"],
        "regions": ["asia_pacific"],
        "themes": ["child-labour", "forced-labour", "labour-inspection"],
        "events": ["pacific-consultation-2017"],
        "source": PACIFIC,
        "locator": "",
    },
    {
        "slug": "mauritania-law-2015-031",
        "type": "legal_text",
        "title": {
            "en": "Law n° 2015031 (criminalizing slavery), Mauritania",
            "fr": "Loi n° 2015031 (criminalisant l'esclavage), Mauritanie",
            "es": "Ley n.° 2015031 (que tipifica la esclavitud), Mauritania",
        },
        "summary": {
            "en": "Named by Mauritania's pathfinder workshop of 4 March 2019, with law "
            "n° 2015-30, as the way to effective access to justice for victims of modern "
            "slavery. (The number is given as the report prints it.)",
            "fr": "Citée par l'atelier pionnier de la Mauritanie du 4 mars 2019, avec la loi "
            "n° 2015-30, comme moyen d'un accès effectif à la justice pour les victimes de "
            "l'esclavage moderne. (Le numéro est donné tel que le rapport l'imprime.)",
            "es": "Citada por el taller pionero de Mauritania del 4 de marzo de 2019, con la ley "
            "n.° 2015-30, como vía para el acceso efectivo a la justicia de las víctimas de la "
            "esclavitud moderna. (El número se da tal como lo imprime el informe.)",
        },
        "countries": ["mrt"],
        "themes": ["modern-slavery", "access-to-justice"],
        "source": GCG4,
        "locator": "item II, Mauritania",
    },
    {
        "slug": "mauritania-law-2015-30",
        "type": "legal_text",
        "title": {
            "en": "Law n° 2015-30 (judicial assistance), Mauritania",
            "fr": "Loi n° 2015-30 (assistance judiciaire), Mauritanie",
            "es": "Ley n.° 2015-30 (asistencia judicial), Mauritania",
        },
        "summary": {
            "en": "Named by Mauritania's pathfinder workshop of 4 March 2019, with the law "
            "criminalizing slavery, as the way to effective access to justice for victims of "
            "modern slavery.",
            "fr": "Citée par l'atelier pionnier de la Mauritanie du 4 mars 2019, avec la loi "
            "criminalisant l'esclavage, comme moyen d'un accès effectif à la justice pour les "
            "victimes de l'esclavage moderne.",
            "es": "Citada por el taller pionero de Mauritania del 4 de marzo de 2019, con la ley "
            "que tipifica la esclavitud, como vía para el acceso efectivo a la justicia de las "
            "víctimas de la esclavitud moderna.",
        },
        "countries": ["mrt"],
        "themes": ["modern-slavery", "access-to-justice"],
        "source": GCG4,
        "locator": "item II, Mauritania",
    },
    {
        "slug": "mauritania-national-plan-forced-labour",
        "type": "policy_guide",
        "title": {
            "en": "National Plan to Eradicate Forced Labour, Mauritania",
            "fr": "Plan national d'éradication du travail forcé, Mauritanie",
            "es": "Plan Nacional para Erradicar el Trabajo Forzoso, Mauritania",
        },
        "summary": {
            "en": "Its implementation was the first priority identified at Mauritania's "
            "pathfinder workshop of 4 March 2019.",
            "fr": "Sa mise en œuvre a été la première priorité retenue par l'atelier pionnier "
            "de la Mauritanie du 4 mars 2019.",
            "es": "Su aplicación fue la primera prioridad señalada en el taller pionero de "
            "Mauritania del 4 de marzo de 2019.",
        },
        "countries": ["mrt"],
        "themes": ["forced-labour"],
        "source": GCG4,
        "locator": "item II, Mauritania",
    },
    {
        "slug": "nepal-national-action-plan-child-labour",
        "type": "policy_guide",
        "title": {
            "en": "National Action Plan on Child Labour, Nepal",
            "fr": "Plan d'action national sur le travail des enfants, Népal",
            "es": "Plan de Acción Nacional sobre el Trabajo Infantil, Nepal",
        },
        "summary": {
            "en": "Approved by Nepal after its pathfinder workshop of February 2019; an "
            "interagency action group was set up to implement it.",
            "fr": "Approuvé par le Népal après son atelier pionnier de février 2019 ; un groupe "
            "d'action interinstitutions a été créé pour le mettre en œuvre.",
            "es": "Aprobado por Nepal tras su taller pionero de febrero de 2019; se creó un grupo "
            "de acción interinstitucional para aplicarlo.",
        },
        "countries": ["npl"],
        "themes": ["child-labour"],
        "source": GCG4,
        "locator": "item II, Nepal",
    },
    {
        "slug": "nepal-bonded-labour-act",
        "type": "legal_text",
        "title": {
            "en": "Bonded Labour Act, Nepal",
            "fr": "Loi sur le travail en servitude (Bonded Labour Act), Népal",
            "es": "Ley sobre el Trabajo en Servidumbre (Bonded Labour Act), Nepal",
        },
        "summary": {
            "en": "A Law on Forced Labour, being drafted in 2019, is to be integrated into it.",
            "fr": "Une loi sur le travail forcé, en préparation en 2019, doit y être intégrée.",
            "es": "Una ley sobre el trabajo forzoso, en preparación en 2019, debe integrarse en "
            "ella.",
        },
        "countries": ["npl"],
        "themes": ["forced-labour"],
        "source": GCG4,
        "locator": "item II, Nepal",
    },
    {
        "slug": "chile-roadmap-2019-2021",
        "type": "policy_guide",
        "title": {
            "en": "2019-2021 Roadmap to accelerate the achievement of SDG target 8.7, Chile",
            "fr": "Feuille de route 2019-2021 pour accélérer la réalisation de la cible 8.7 des "
            "ODD, Chili",
            "es": "Hoja de ruta 2019-2021 para acelerar el logro de la meta 8.7 de los ODS, Chile",
        },
        "summary": {
            "en": "Adopted by the participants of Chile's Pathfinder Country Strategic Workshop "
            "(28 March 2019), with four priority areas: generation of information and "
            "knowledge; prevention; protection; inter-sectoral coordination and international "
            "cooperation.",
            "fr": "Adoptée par les participants à l'atelier stratégique pionnier du Chili "
            "(28 mars 2019), avec quatre domaines prioritaires : production d'informations et "
            "de connaissances ; prévention ; protection ; coordination intersectorielle et "
            "coopération internationale.",
            "es": "Adoptada por los participantes en el taller estratégico pionero de Chile "
            "(28 de marzo de 2019), con cuatro áreas prioritarias: generación de información y "
            "conocimiento; prevención; protección; coordinación intersectorial y cooperación "
            "internacional.",
        },
        "date": (dt.date(2019, 3, 28), None, "day", False),
        "countries": ["chl"],
        "source": GCG4,
        "locator": "item II, Chile",
    },
    {
        "slug": "african-union-action-plan-2020-2030",
        "type": "policy_guide",
        "title": {
            "en": "10 year Action Plan 2020-2030 to eradicate Child Labour, Forced Labour and "
            "Trafficking in Persons (African Union)",
            "fr": "Plan d'action décennal 2020-2030 pour éradiquer le travail des enfants, le "
            "travail forcé et la traite des personnes (Union africaine)",
            "es": "Plan de Acción decenal 2020-2030 para erradicar el trabajo infantil, el "
            "trabajo forzoso y la trata de personas (Unión Africana)",
        },
        "summary": {
            "en": "The IOM told the 4th meeting of the Global Coordinating Group of the African "
            "Union's event to launch it.",
            "fr": "L'OIM a informé la 4e réunion du Groupe de coordination mondial de "
            "l'événement de l'Union africaine destiné à le lancer.",
            "es": "La OIM informó a la 4.ª reunión del Grupo de Coordinación Mundial del evento "
            "de la Unión Africana para presentarlo.",
        },
        "publishers": ["african-union"],
        "regions": ["africa"],
        "themes": ["child-labour", "forced-labour", "human-trafficking"],
        "source": GCG4,
        "locator": "item VIII, any other business",
    },
    # Documents in preparation in 2019: drafts, seen by the Secretariat only.
    {
        "slug": "pathfinder-toolkit",
        "type": "toolkit",
        "status": "draft",
        "title": {
            "en": "Toolkit for pathfinder countries",
            "fr": "Boîte à outils pour les pays pionniers",
            "es": "Caja de herramientas para los países pioneros",
        },
        "summary": {
            "en": "Being prepared by the Alliance 8.7 Secretariat for pathfinder countries, "
            "including recommendations from previous workshops.",
            "fr": "En préparation par le Secrétariat de l'Alliance 8.7 pour les pays pionniers, "
            "avec les recommandations des ateliers précédents.",
            "es": "En preparación por la Secretaría de la Alianza 8.7 para los países pioneros, "
            "con las recomendaciones de los talleres anteriores.",
        },
        "source": GCG4,
        "locator": "item II, lessons learned",
    },
    {
        "slug": "measurement-framework-trafficking-for-forced-labour",
        "type": "toolkit",
        "status": "draft",
        "title": {
            "en": "Joint measurement framework on Trafficking for Forced Labour",
            "fr": "Cadre commun de mesure de la traite à des fins de travail forcé",
            "es": "Marco común de medición de la trata con fines de trabajo forzoso",
        },
        "summary": {
            "en": "Being prepared by the ILO, UNODC and IOM to provide guidance and practical "
            "tools to national statistics institutions and policy makers.",
            "fr": "En préparation par l'OIT, l'ONUDC et l'OIM pour fournir des orientations et "
            "des outils pratiques aux instituts nationaux de statistique et aux décideurs.",
            "es": "En preparación por la OIT, la UNODC y la OIM para ofrecer orientación y "
            "herramientas prácticas a los institutos nacionales de estadística y a los "
            "responsables de políticas.",
        },
        "contributors": ["ilo", "unodc", "iom"],
        "themes": ["human-trafficking", "forced-labour", "data-and-measurement"],
        "source": GCG4,
        "locator": "item I, upcoming activities",
    },
]

# No legal text is among the sources on hand: each term is held without a
# definition, with what the sources say of where it is defined.
NOT_NAMED = {
    "en": "The sources held here name no convention or article for this term.",
    "fr": "Les sources dont dispose le Hub ne citent ni convention ni article pour ce terme.",
    "es": "Las fuentes de que dispone el Hub no citan ningún convenio ni artículo para este "
    "término.",
}
TERMS: list[dict[str, Any]] = [
    {
        "slug": "forced-labour",
        "term": {"en": "Forced labour", "fr": "Travail forcé", "es": "Trabajo forzoso"},
        "to_find": {
            "en": "The ILO convention on forced labour, which the report of the 4th GCG meeting "
            "names among those Madagascar began to ratify (it gives neither its number nor an "
            "article).",
            "fr": "La convention de l'OIT sur le travail forcé, que le rapport de la 4e réunion "
            "du GCM cite parmi celles que Madagascar a commencé à ratifier (sans en donner le "
            "numéro ni l'article).",
            "es": "El convenio de la OIT sobre el trabajo forzoso, que el informe de la 4.ª "
            "reunión del GCM cita entre los que Madagascar empezó a ratificar (sin dar su "
            "número ni el artículo).",
        },
        "resources": ["global-estimates-of-modern-slavery-2022", "nepal-bonded-labour-act"],
    },
    {
        "slug": "child-labour",
        "term": {"en": "Child labour", "fr": "Travail des enfants", "es": "Trabajo infantil"},
        "to_find": NOT_NAMED,
        "resources": [
            "child-labour-global-estimates-2020",
            "nepal-national-action-plan-child-labour",
        ],
    },
    {
        "slug": "worst-forms-of-child-labour",
        "term": {
            "en": "Worst forms of child labour",
            "fr": "Pires formes de travail des enfants",
            "es": "Peores formas de trabajo infantil",
        },
        "to_find": NOT_NAMED,
        "resources": ["mauritania-national-plan-forced-labour"],
    },
    {
        "slug": "human-trafficking",
        "term": {
            "en": "Human trafficking (trafficking in persons)",
            "fr": "Traite des êtres humains (traite des personnes)",
            "es": "Trata de seres humanos (trata de personas)",
        },
        "to_find": NOT_NAMED,
        "resources": ["african-union-action-plan-2020-2030"],
    },
    {
        "slug": "modern-slavery",
        "term": {"en": "Modern slavery", "fr": "Esclavage moderne", "es": "Esclavitud moderna"},
        "to_find": {
            "en": "Mauritania's law n° 2015031 criminalizing slavery (in the library, without "
            "its text); the sources held here name no international definition.",
            "fr": "La loi mauritanienne n° 2015031 criminalisant l'esclavage (dans la "
            "bibliothèque, sans son texte) ; les sources dont dispose le Hub ne citent aucune "
            "définition internationale.",
            "es": "La ley mauritana n.° 2015031 que tipifica la esclavitud (en la biblioteca, "
            "sin su texto); las fuentes de que dispone el Hub no citan ninguna definición "
            "internacional.",
        },
        "resources": ["global-estimates-of-modern-slavery-2017", "mauritania-law-2015-031"],
    },
    {
        "slug": "bonded-labour",
        "term": {
            "en": "Bonded labour",
            "fr": "Travail en servitude",
            "es": "Trabajo en servidumbre",
        },
        "to_find": {
            "en": "Nepal's Bonded Labour Act (in the library, without its text).",
            "fr": "La loi népalaise sur le travail en servitude (dans la bibliothèque, sans son "
            "texte).",
            "es": "La ley nepalí sobre el trabajo en servidumbre (en la biblioteca, sin su "
            "texto).",
        },
        "resources": ["nepal-bonded-labour-act"],
    },
]
