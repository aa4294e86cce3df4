"""Fill the `search_names` of the documents already held: what the Sources
page finds a document by (its title and its meeting's in every language,
its agenda item's number, its file's name), folded. Read and written a
thousand rows at a time, whatever the number of documents."""

from django.db import migrations

BATCH = 1000


def fill(apps, schema_editor):
    from alliance87.events.services.documents import document_search_names

    Document = apps.get_model("events", "Document")
    rows = Document.objects.select_related("event", "agenda_item").order_by("pk")
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        for row in batch:
            row.search_names = document_search_names(row)
        Document.objects.bulk_update(batch, ["search_names"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [("events", "0008_document_search_names")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
