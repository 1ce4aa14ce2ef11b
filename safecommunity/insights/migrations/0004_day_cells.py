from django.db import migrations


def recount_on_next_read(apps, schema_editor):
    # What a report adds now names its day (for the cells of single days): forgetting how far the
    # cells had caught up makes the next read rebuild them, and every report's contribution, from the reports.
    apps.get_model("insights", "AggregationState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0003_longer_scopes"),
    ]

    operations = [migrations.RunPython(recount_on_next_read, migrations.RunPython.noop)]
