from django.db import migrations, models


def recount_on_next_read(apps, schema_editor):
    # The cells gained scopes (a bias motivation with an incident type) and sums over all regions:
    # forgetting how far they had caught up makes the next read rebuild them from the reports.
    apps.get_model("insights", "AggregationState").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0002_briefs"),
    ]

    operations = [
        migrations.AlterField(
            model_name="reportcell",
            name="scope",
            field=models.CharField(max_length=128),
        ),
        migrations.RunPython(recount_on_next_read, migrations.RunPython.noop),
    ]
