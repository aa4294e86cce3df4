"""The catalogue: the indicators and geographies of the sourced figures
(alliance87/data/catalogue.py)."""

from django.db import migrations

from alliance87.data.catalogue import GEOGRAPHIES, INDICATORS


def add_catalogue(apps, schema_editor):
    Indicator = apps.get_model("data", "Indicator")
    Geography = apps.get_model("data", "Geography")
    for order, (code, unit, (en, fr, es)) in enumerate(INDICATORS, start=1):
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "unit": unit,
                "name": en,
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "order": order,
            },
        )
    for order, (code, level, region, (en, fr, es)) in enumerate(GEOGRAPHIES, start=1):
        Geography.objects.get_or_create(
            code=code,
            defaults={
                "level": level,
                "region": region,
                "name": en,
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("data", "0001_initial")]

    operations = [migrations.RunPython(add_catalogue, migrations.RunPython.noop)]
