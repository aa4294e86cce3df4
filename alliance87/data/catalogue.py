"""The catalogue the sourced figures need: the indicators and geographies
of /work/shared/data/global-estimates.csv. Names are the Hub's own labels;
no definition, methodology note or SDG link is held (no source gives one).

Plain data: the migration that first wrote it (0002_catalogue) reads it
too, and `services.sync_catalogue` writes what is missing (a database
emptied by a test, then the demo).
"""

INDICATORS = [
    # code, unit, (en, fr, es)
    (
        "people_in_modern_slavery",
        "persons",
        (
            "People in modern slavery",
            "Personnes en situation d'esclavage moderne",
            "Personas en situación de esclavitud moderna",
        ),
    ),
    (
        "people_in_forced_labour",
        "persons",
        (
            "People in forced labour",
            "Personnes en situation de travail forcé",
            "Personas en situación de trabajo forzoso",
        ),
    ),
    (
        "people_in_forced_marriage",
        "persons",
        (
            "People in forced marriage",
            "Personnes en situation de mariage forcé",
            "Personas en situación de matrimonio forzoso",
        ),
    ),
    (
        "modern_slavery_prevalence",
        "per 1000 people",
        (
            "Modern slavery per 1,000 people",
            "Esclavage moderne pour 1 000 personnes",
            "Esclavitud moderna por cada 1.000 personas",
        ),
    ),
    (
        "forced_labour_prevalence",
        "per 1000 people",
        (
            "Forced labour per 1,000 people",
            "Travail forcé pour 1 000 personnes",
            "Trabajo forzoso por cada 1.000 personas",
        ),
    ),
    (
        "forced_marriage_prevalence",
        "per 1000 people",
        (
            "Forced marriage per 1,000 people",
            "Mariage forcé pour 1 000 personnes",
            "Matrimonio forzoso por cada 1.000 personas",
        ),
    ),
    (
        "forced_labour_private_economy",
        "persons",
        (
            "People in forced labour in the private economy",
            "Personnes en situation de travail forcé dans l'économie privée",
            "Personas en situación de trabajo forzoso en la economía privada",
        ),
    ),
    (
        "forced_sexual_exploitation",
        "persons",
        (
            "People in forced sexual exploitation",
            "Personnes en situation d'exploitation sexuelle forcée",
            "Personas en situación de explotación sexual forzosa",
        ),
    ),
    (
        "state_imposed_forced_labour",
        "persons",
        (
            "People in forced labour imposed by the State",
            "Personnes en situation de travail forcé imposé par l'État",
            "Personas en situación de trabajo forzoso impuesto por el Estado",
        ),
    ),
    (
        "share_of_victims_women_and_girls",
        "percent",
        (
            "Share of victims who are women and girls",
            "Part des victimes qui sont des femmes et des filles",
            "Proporción de víctimas que son mujeres y niñas",
        ),
    ),
    (
        "share_of_victims_children",
        "percent",
        (
            "Share of victims who are children",
            "Part des victimes qui sont des enfants",
            "Proporción de víctimas que son niños y niñas",
        ),
    ),
    (
        "children_in_child_labour",
        "persons",
        (
            "Children in child labour",
            "Enfants astreints au travail",
            "Niños y niñas en situación de trabajo infantil",
        ),
    ),
    (
        "share_of_child_labour_in_agriculture",
        "percent",
        (
            "Share of child labour in agriculture",
            "Part du travail des enfants dans l'agriculture",
            "Proporción del trabajo infantil en la agricultura",
        ),
    ),
]

GEOGRAPHIES = [
    # code, level, ILO region, (en, fr, es)
    ("world", "world", "", ("World", "Monde", "Mundo")),
    ("africa", "region", "africa", ("Africa", "Afrique", "África")),
    ("americas", "region", "americas", ("Americas", "Amériques", "Américas")),
    ("arab_states", "region", "arab_states", ("Arab States", "États arabes", "Estados Árabes")),
    (
        "asia_pacific",
        "region",
        "asia_pacific",
        ("Asia and the Pacific", "Asie et Pacifique", "Asia y el Pacífico"),
    ),
    (
        "europe_central_asia",
        "region",
        "europe_central_asia",
        ("Europe and Central Asia", "Europe et Asie centrale", "Europa y Asia Central"),
    ),
    (
        "sub_saharan_africa",
        "grouping",
        "",
        ("Sub-Saharan Africa", "Afrique subsaharienne", "África subsahariana"),
    ),
]
