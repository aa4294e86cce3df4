from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0005_citation_passage")]

    operations = [
        migrations.CreateModel(
            name="TableVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("table", models.CharField(max_length=100, unique=True)),
                ("counter", models.PositiveBigIntegerField(default=0)),
            ],
            options={"verbose_name": "table version"},
        ),
    ]
