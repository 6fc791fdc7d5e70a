from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("tension", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="dirty",
            name="region_code",
            field=models.CharField(max_length=13, verbose_name="kode wilayah"),
        ),
        migrations.AlterField(
            model_name="dirty",
            name="day",
            field=models.DateField(verbose_name="tanggal"),
        ),
    ]
