"""Add the folded text a document is found by on the Sources page."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0007_visible_index_key_columns'),
    ]

    operations = [
        migrations.AddField(
            model_name='document',
            name='search_names',
            field=models.TextField(default='', editable=False),
        ),
    ]
