"""The incident model now belongs to the incidents app (its table and rows stay as they
are; ``incidents.0001`` declares it there): a report's link points at it, and this app
forgets its own declaration. Nothing in the database changes here."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0001_initial"),
        ("reports", "0004_protect_source_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="report",
                    name="incident",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="reports", to="incidents.incident", verbose_name="kejadian"),
                ),
                migrations.DeleteModel(name="Incident"),
            ],
            database_operations=[],
        ),
    ]
