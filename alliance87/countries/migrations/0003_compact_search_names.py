"""Add each name written without spaces or punctuation to the searched
names ("vietnam" finds Viet Nam)."""

from django.db import migrations


def load(apps, schema_editor):
    from alliance87.countries.services import sync_countries

    sync_countries(apps.get_model("countries", "Country"), acting_user=None)


class Migration(migrations.Migration):
    dependencies = [("countries", "0002_load_countries")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
