"""Incidents move out of the reports app with their rows: the model is declared here over
the table the reports app made (``reports_incident``), without touching the database;
``reports.0005`` then forgets its own declaration, and ``0002`` renames the table."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("regions", "0001_initial"),
        ("reports", "0004_protect_source_text"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Incident",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("types", models.JSONField(default=list, verbose_name="jenis kejadian")),
                        ("occurred_at", models.DateTimeField(blank=True, null=True, verbose_name="waktu kejadian")),
                        ("actors", models.JSONField(default=dict, verbose_name="pihak terlibat")),
                        ("dead", models.PositiveIntegerField(default=0, verbose_name="korban meninggal")),
                        ("injured", models.PositiveIntegerField(default=0, verbose_name="korban luka")),
                        ("damaged_buildings", models.PositiveIntegerField(default=0, verbose_name="bangunan rusak")),
                        ("damaged_vehicles", models.PositiveIntegerField(default=0, verbose_name="kendaraan rusak")),
                        ("description", models.TextField(blank=True, verbose_name="uraian")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="dicatat")),
                        ("created_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="dicatat oleh")),
                        ("region", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to="regions.region", verbose_name="wilayah")),
                    ],
                    options={
                        "verbose_name": "kejadian",
                        "verbose_name_plural": "kejadian",
                        "ordering": ["-occurred_at", "-id"],
                        "db_table": "reports_incident",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
