"""A trigram index on the documents' `search_names`, on PostgreSQL only
(core/trigram.py): the Sources page's `LIKE '%…%'` reads the matching rows
from it rather than every document."""

from django.db import migrations

from alliance87.core.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("events", "0009_fill_document_search_names")]

    operations = [
        trigram_index("events_document", "search_names", "events_doc_search_names_trgm")
    ]
