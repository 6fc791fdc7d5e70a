"""Reports stored before phone numbers were masked: mask them in the working text and
keep the text as it came in encrypted, as new reports are (sejuk/reports/privacy.py)."""

from django.db import migrations, models

FERNET_PREFIX = "gAAAAA"  # every Fernet token starts so; plain text does not


def protect(apps, schema_editor):
    from sejuk.crypto import encrypt
    from sejuk.reports.privacy import mask_phones

    Report = apps.get_model("reports", "Report")
    changed = []
    for report in Report.objects.only("description", "source_text").iterator(chunk_size=500):
        if report.source_text.startswith(FERNET_PREFIX):
            continue
        description, count = mask_phones(report.description)
        verbatim = report.source_text.strip() or (report.description if count else "")
        if not verbatim:
            continue
        report.description, report.source_text = description, encrypt(verbatim)
        changed.append(report)
    Report.objects.bulk_update(changed, ["description", "source_text"], batch_size=500)


def reveal(apps, schema_editor):
    """Back: the text as it came in, in plain text again (the masks stay)."""
    from sejuk.crypto import decrypt

    Report = apps.get_model("reports", "Report")
    changed = []
    for report in Report.objects.exclude(source_text="").only("source_text").iterator():
        if report.source_text.startswith(FERNET_PREFIX):
            report.source_text = decrypt(report.source_text)
            changed.append(report)
    Report.objects.bulk_update(changed, ["source_text"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_indonesian_labels"),
    ]

    operations = [
        migrations.AlterField(
            model_name="report",
            name="source_text",
            field=models.TextField(blank=True, verbose_name="teks asli (terenkripsi)"),
        ),
        migrations.RunPython(protect, reveal),
    ]
