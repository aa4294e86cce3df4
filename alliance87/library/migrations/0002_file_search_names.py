"""Add the folded text a library file is found by on the Sources page."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('library', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='resourcefile',
            name='search_names',
            field=models.TextField(default='', editable=False),
        ),
    ]
