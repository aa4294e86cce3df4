"""A trigram index on the library files' `search_names`, on PostgreSQL only
(core/trigram.py): the Sources page's `LIKE '%…%'` reads the matching rows
from it rather than every file."""

from django.db import migrations

from alliance87.core.trigram import trigram_index


class Migration(migrations.Migration):
    dependencies = [("library", "0003_fill_file_search_names")]

    operations = [
        trigram_index("library_resourcefile", "search_names", "library_file_search_names_trgm")
    ]
