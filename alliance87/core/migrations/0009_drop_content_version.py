from django.db import migrations


class Migration(migrations.Migration):
    """The former global counter: the content version is the sum of the
    table counters (TableVersion), and nothing reads or writes it."""

    dependencies = [("core", "0008_task_records")]

    operations = [migrations.DeleteModel(name="ContentVersion")]
