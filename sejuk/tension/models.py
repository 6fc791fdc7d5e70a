"""The picture's tables: daily figures per region and day (the engine every page reads),
the keys waiting to be recomputed, baseline vulnerability figures, and the tension of
each desa per day."""

from __future__ import annotations

from django.db import models


class Counted(models.Model):
    """The counts a region's day and an area's day both hold."""

    activities = models.PositiveIntegerField("kegiatan", default=0)
    activity_types = models.JSONField("kegiatan per jenis", default=dict)
    personnel_hours = models.FloatField("jam personel", default=0)
    incidents = models.PositiveIntegerField("kejadian", default=0)
    incidents_severe = models.PositiveIntegerField("kejadian berat", default=0)
    reports_opened = models.PositiveIntegerField("laporan masuk", default=0)
    reports_settled = models.PositiveIntegerField("laporan selesai", default=0)
    reports_overdue = models.PositiveIntegerField("laporan terlambat", default=0)

    class Meta:
        abstract = True


class DayFigures(Counted):
    """What happened in one region on one day (the place's own date). Mostly a desa;
    a record placed only at a kecamatan or kabupaten has its own row under that code, so
    totals of a larger area sum rows by code prefix."""

    region_code = models.CharField("kode wilayah", max_length=13)
    day = models.DateField("tanggal")
    incident_types = models.JSONField("kejadian per jenis", default=dict)
    incident_severity = models.JSONField("kejadian per tingkat", default=dict)
    situation = models.CharField("situasi terakhir", max_length=10, blank=True)
    situation_at = models.DateTimeField("waktu situasi", null=True, blank=True)

    class Meta:
        verbose_name = "angka harian"
        verbose_name_plural = "angka harian"
        constraints = [
            models.UniqueConstraint(fields=["region_code", "day"], name="one_row_per_region_day")
        ]
        indexes = [models.Index(fields=["day", "region_code"])]

    def __str__(self) -> str:
        return f"{self.region_code} {self.day}"


class AreaFigures(Counted):
    """Per kecamatan, kabupaten, province and the nation (code "") and day: the counts of
    the daily figures of every region under it, and of records placed on the area
    itself. Kept with the daily figures (``rollup``), so a recap of the nation over a
    month reads 38 provinces x 30 days instead of every desa-day."""

    region_code = models.CharField("kode wilayah", max_length=8, blank=True)
    day = models.DateField("tanggal")

    class Meta:
        verbose_name = "angka harian wilayah"
        verbose_name_plural = "angka harian wilayah"
        constraints = [
            models.UniqueConstraint(fields=["region_code", "day"], name="one_sum_per_area_day")
        ]

    def __str__(self) -> str:
        return f"{self.region_code or 'nasional'} {self.day}"


class LastVisit(models.Model):
    """Each region's last day with an activity (kept with the daily figures), so the
    coverage of an area reads a row per desa instead of every desa-day of its history."""

    region_code = models.CharField("kode wilayah", max_length=13, unique=True)
    day = models.DateField("terakhir didatangi")

    class Meta:
        verbose_name = "kunjungan terakhir"
        verbose_name_plural = "kunjungan terakhir"

    def __str__(self) -> str:
        return f"{self.region_code} {self.day}"


class Dirty(models.Model):
    """A (region, day) whose figures a write changed and that waits to be recomputed:
    written in the writer's transaction, so nothing committed is ever left out."""

    region_code = models.CharField("kode wilayah", max_length=13)
    day = models.DateField("tanggal")

    class Meta:
        verbose_name = "angka harian yang menunggu"
        verbose_name_plural = "angka harian yang menunggu"

    def __str__(self) -> str:
        return f"{self.region_code} {self.day}"


class TpsClass(models.TextChoices):
    KURANG_RAWAN = "kurang_rawan", "Kurang rawan"
    RAWAN = "rawan", "Rawan"
    SANGAT_RAWAN = "sangat_rawan", "Sangat rawan"


class Baseline(models.Model):
    """An election-vulnerability figure of a region imported by an administrator (a
    kabupaten, kecamatan or desa IKP score, or Polri's TPS class), with its source. The
    most specific figure of a desa wins; without one, the province's shipped IKP."""

    region_code = models.CharField("kode wilayah", max_length=13, unique=True)
    score = models.FloatField("skor IKP (0-100)", null=True, blank=True)
    tps_class = models.CharField("kelas TPS", max_length=14, choices=TpsClass.choices, blank=True)
    source = models.CharField("sumber", max_length=300)
    imported_at = models.DateTimeField("diimpor", auto_now=True)

    class Meta:
        verbose_name = "kerawanan dasar"
        verbose_name_plural = "kerawanan dasar"
        ordering = ["region_code"]

    def __str__(self) -> str:
        return self.region_code


class Tension(models.Model):
    """A desa's tension on a day, with its named parts: stored so that ranking the whole
    nation is one indexed query."""

    region_code = models.CharField("kode desa", max_length=13)
    day = models.DateField("tanggal")
    score = models.FloatField("skor")
    level = models.CharField("tingkat", max_length=14)
    parts = models.JSONField("bagian", default=dict)
    rise = models.FloatField("naik dalam 7 hari", null=True, blank=True)

    class Meta:
        verbose_name = "kerawanan desa"
        verbose_name_plural = "kerawanan desa"
        constraints = [
            models.UniqueConstraint(fields=["region_code", "day"], name="one_tension_per_desa_day")
        ]
        indexes = [
            models.Index(fields=["day", "-score"]),
            models.Index(fields=["day", "-rise"], name="tension_rise_idx"),
            # An area's desa on a day, and a day's desa by their codes: on PostgreSQL by
            # the code's prefix (LIKE '52.01.%'), which an index in the database's own
            # collation cannot serve, and by equality, which this one serves as well (a
            # plain (day, region_code) index beside it was used by no query). SQLite
            # ignores the operator classes (its areas are ranges, sejuk.tension.codes).
            models.Index(
                fields=["day", "region_code"],
                name="tension_day_code_pattern",
                opclasses=["date_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region_code} {self.day} {self.score:.1f}"


class AreaDay(models.Model):
    """Per kecamatan, kabupaten, province and the nation (code "") and day: how many of
    its desa stand at each level, how many an activity reached in the last 30 days, and
    how many desa it has. Written with the stored tension, so a commander's counts and
    30-day trend read a few rows instead of counting millions of desa-days."""

    region_code = models.CharField("kode wilayah", max_length=8, blank=True)
    day = models.DateField("tanggal")
    kurang_rawan = models.PositiveIntegerField("kurang rawan", default=0)
    rawan = models.PositiveIntegerField("rawan", default=0)
    sangat_rawan = models.PositiveIntegerField("sangat rawan", default=0)
    reached = models.PositiveIntegerField("didatangi 30 hari", default=0)
    villages = models.PositiveIntegerField("jumlah desa", default=0)

    class Meta:
        verbose_name = "ringkasan kerawanan wilayah"
        verbose_name_plural = "ringkasan kerawanan wilayah"
        constraints = [
            models.UniqueConstraint(fields=["region_code", "day"], name="one_summary_per_area_day")
        ]

    def __str__(self) -> str:
        return f"{self.region_code or 'nasional'} {self.day}"


class ElectionStage(models.Model):
    """A stage of an election an administrator adds to the shipped calendar (a new
    court-ordered re-vote, the next Pilkada's voting day): for the nation, or for the
    province or kabupaten/kota that holds it, with where the date comes from."""

    region_code = models.CharField(
        "kode wilayah",
        max_length=5,
        blank=True,
        help_text="Provinsi (52) atau kabupaten/kota (52.01); kosongkan untuk seluruh Indonesia.",
    )
    name = models.CharField("tahapan", max_length=150)
    day = models.DateField("tanggal")
    source = models.CharField(
        "sumber", max_length=300, help_text="Misalnya nomor keputusan KPU atau putusan MK."
    )
    added_at = models.DateTimeField("ditambahkan", auto_now_add=True)

    class Meta:
        verbose_name = "tahapan pemilihan"
        verbose_name_plural = "tahapan pemilihan"
        ordering = ["day", "region_code"]

    def __str__(self) -> str:
        return f"{self.name} {self.day:%d/%m/%Y}"
