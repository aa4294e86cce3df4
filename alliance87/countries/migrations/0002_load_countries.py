"""Load every UN member and observer state: reference data every install needs."""

from django.db import migrations


def load(apps, schema_editor):
    from alliance87.countries.services import sync_countries

    sync_countries(apps.get_model("countries", "Country"), acting_user=None)


class Migration(migrations.Migration):
    dependencies = [("countries", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
