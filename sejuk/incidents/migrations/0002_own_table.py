"""The incidents' table takes the incidents app's name (``incidents_incident``); a
report's link follows the rename on both databases. The admin's record of the model
(content type, hence its permissions and log) moves with it."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label="incidents", model="incident").exists():
        return
    ContentType.objects.filter(app_label="reports", model="incident").update(app_label="incidents")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label="reports", model="incident").exists():
        return
    ContentType.objects.filter(app_label="incidents", model="incident").update(app_label="reports")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("incidents", "0001_initial"),
        ("reports", "0005_incident_moves_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="incident", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
