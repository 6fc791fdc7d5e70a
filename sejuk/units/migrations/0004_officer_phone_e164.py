"""Officers' numbers in one form (E.164), so a channel's sender finds the officer; an
index for that lookup. A number that cannot be read is left as written."""

from django.db import migrations, models


def normalise(apps, schema_editor):
    from sejuk.units.phones import normalise_stored

    normalise_stored(apps.get_model("units", "Officer"))


class Migration(migrations.Migration):
    dependencies = [
        ("units", "0003_officer_telegram_id"),
    ]

    operations = [
        migrations.RunPython(normalise, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="officer",
            name="phone",
            field=models.CharField(blank=True, db_index=True, max_length=30, verbose_name="telepon"),
        ),
    ]
