"""Add to the `search_names` of the library's files already held the names
of the meetings their resource is linked to that anyone may see (published
and public: `library.services.shown_meetings`, written out here for the
historical models, which have no `visible_to`). Only the files of linked
resources are read, a thousand at a time."""

from django.db import migrations
from django.db.models import Prefetch

BATCH = 1000


def fill(apps, schema_editor):
    from alliance87.library.services import file_search_names

    ResourceFile = apps.get_model("library", "ResourceFile")
    Event = apps.get_model("events", "Event")
    shown = Event.objects.filter(status="published", visibility="public").order_by("pk")
    rows = (
        ResourceFile.objects.filter(resource__events__isnull=False)
        .distinct()
        .select_related("resource")
        .prefetch_related(Prefetch("resource__events", queryset=shown, to_attr="shown"))
        .order_by("pk")
    )
    last = 0
    while batch := list(rows.filter(pk__gt=last)[:BATCH]):
        for row in batch:
            row.search_names = file_search_names(row, row.resource.shown)
        ResourceFile.objects.bulk_update(batch, ["search_names"])
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0004_file_search_trigram"),
        ("events", "0010_document_search_trigram"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
