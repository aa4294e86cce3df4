"""Fill the `search_names` of the library's files already held: what the
Sources page finds a file by (its resource's title in every language, the
file's name), folded. Read and written a thousand rows at a time, whatever
the number of files."""

from django.db import migrations

BATCH = 1000


def fill(apps, schema_editor):
    from alliance87.library.services import file_search_names

    ResourceFile = apps.get_model("library", "ResourceFile")
    rows = ResourceFile.objects.select_related("resource").order_by("pk")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        for row in batch:
            row.search_names = file_search_names(row)
        ResourceFile.objects.bulk_update(batch, ["search_names"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("library", "0002_file_search_names")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
