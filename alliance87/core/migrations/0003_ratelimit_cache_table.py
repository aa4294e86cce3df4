"""Create the database cache's table, where rate limits are counted
(settings.CACHES["ratelimit-db"]): `migrate` is then all a deployment runs."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_content_version_row")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
