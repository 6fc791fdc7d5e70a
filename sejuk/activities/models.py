"""Cooling System activities: what the police did, where, when, with whom, and what they
found; their photos, the history of every change, and recurring plans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F

from sejuk import dates
from sejuk.leaders.models import Leader
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS, PHASES, SITUATIONS
from sejuk.reference.zones import zone_of
from sejuk.regions.indexes import area_indexes
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit


class Source(models.TextChoices):
    FORM = "form", "Formulir"
    TEXT = "text", "Tempel pesan"
    IMPORT = "import", "Impor berkas"
    API = "api", "API"
    DEMO = "demo", "Data demo"


class ActivityQuerySet(models.QuerySet["Activity"]):
    def alive(self) -> ActivityQuerySet:
        return self.filter(deleted_at__isnull=True)


class Activity(models.Model):
    # No index of their own: (unit, local_date) and (region, local_date) lead with them,
    # and every index is one more write per row an import sends.
    unit = models.ForeignKey(
        Unit,
        verbose_name="satuan",
        on_delete=models.PROTECT,
        related_name="activities",
        db_index=False,
    )
    region = models.ForeignKey(
        Region,
        verbose_name="wilayah",
        on_delete=models.PROTECT,
        related_name="activities",
        help_text="Wilayah paling rinci yang diketahui, sebaiknya desa/kelurahan.",
        db_index=False,
    )
    dusun = models.CharField("dusun/lingkungan", max_length=120, blank=True)
    landmark = models.CharField("lokasi", max_length=200, blank=True)
    lat = models.FloatField("lintang", null=True, blank=True)
    lng = models.FloatField("bujur", null=True, blank=True)
    online = models.BooleanField("daring", default=False)
    starts_at = models.DateTimeField("mulai")
    ends_at = models.DateTimeField("selesai", null=True, blank=True)
    # The day in the place's own time zone (WIB, WITA, WIT): kept beside starts_at because
    # every recap groups by it and SQLite cannot convert zones in a query; services set it.
    local_date = models.DateField("tanggal", db_index=True)
    personnel_count = models.PositiveIntegerField("jumlah personel", null=True, blank=True)
    officers = models.ManyToManyField(Officer, verbose_name="personel", blank=True)
    leaders = models.ManyToManyField(Leader, verbose_name="tokoh yang ditemui", blank=True)
    summary = models.TextField("uraian kegiatan")
    findings = models.TextField("hasil/temuan", blank=True)
    situation = models.CharField(
        "situasi", max_length=10, choices=list(SITUATIONS.items()), blank=True
    )
    follow_up = models.BooleanField("perlu tindak lanjut", default=False)
    follow_up_note = models.TextField("catatan tindak lanjut", blank=True)
    election = models.CharField(
        "pemilihan", max_length=20, choices=list(ELECTIONS.items()), blank=True
    )
    phase = models.CharField("tahapan", max_length=20, choices=list(PHASES.items()), blank=True)
    source = models.CharField("sumber", max_length=10, choices=Source.choices)
    raw_text = models.TextField("teks asli", blank=True)
    # What the text reader read from raw_text (the contract plus evidence), and, field by
    # field, where the person who saved it decided otherwise: the material to measure and
    # improve the reader.
    reader = models.JSONField("bacaan pembaca teks", null=True, blank=True)
    corrections = models.JSONField("koreksi atas bacaan", default=dict, blank=True)
    is_demo = models.BooleanField("data demo", default=False, db_index=True)
    # Raised by one on every change: an edit names the version it was made on and is
    # refused when another was saved in between (services.update_activity).
    version = models.PositiveIntegerField("versi", default=1)
    # The id a phone gave the record when it was written, maybe offline: a repeat of the
    # same (person, id) is the same record, so a retried send never makes a second.
    client_id = models.UUIDField("id dari ponsel", null=True, blank=True, editable=False)
    # Filled by the server from a message pasted offline: the officer confirms it.
    # db_default too: the national generator writes rows straight to the table.
    needs_check = models.BooleanField("perlu dicek", default=False, db_default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dicatat oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("dicatat", auto_now_add=True)
    updated_at = models.DateTimeField("diubah", auto_now=True)
    deleted_at = models.DateTimeField("dihapus", null=True, blank=True)
    deleted_reason = models.TextField("alasan hapus", blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = "kegiatan"
        verbose_name_plural = "kegiatan"
        ordering = ["-starts_at", "-id"]
        indexes = [
            models.Index(fields=["unit", "local_date"]),
            models.Index(fields=["region", "local_date"]),
            # The list, newest first: of the whole country, of an area (by its code's
            # prefix), of a unit; each an index range, never a sort of the area's history.
            models.Index(F("starts_at").desc(), F("id").desc(), name="activity_newest"),
            *area_indexes("activity", "region_id", "-starts_at", "-id"),
            models.Index(
                F("unit"), F("starts_at").desc(), F("id").desc(), name="activity_unit_newest"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["created_by", "client_id"],
                condition=models.Q(client_id__isnull=False),
                name="one_activity_per_client_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.local_date:%d/%m/%Y} {self.unit} {self.region.name}"

    def local_times(self) -> dates.LocalTimes:
        """Start and end in the place's own zone ("16.30 WITA")."""
        return dates.local_times(zone_of(self.region_id), self.starts_at, self.ends_at)


class ActivityType(models.Model):
    """One type of an activity (an activity may be a patrol and a visit at once)."""

    # Found by the unique (activity, code) index: no index of its own.
    activity = models.ForeignKey(
        Activity,
        verbose_name="kegiatan",
        on_delete=models.CASCADE,
        related_name="types",
        db_index=False,
    )
    code = models.CharField("jenis", max_length=20, choices=list(ACTIVITY_TYPES.items()))

    class Meta:
        verbose_name = "jenis kegiatan"
        verbose_name_plural = "jenis kegiatan"
        constraints = [
            models.UniqueConstraint(fields=["activity", "code"], name="one_row_per_activity_type")
        ]
        indexes = [models.Index(fields=["code"])]

    def __str__(self) -> str:
        return self.get_code_display()


class Participation(models.Model):
    # Found by the unique (activity, category) index: no index of its own.
    activity = models.ForeignKey(
        Activity,
        verbose_name="kegiatan",
        on_delete=models.CASCADE,
        related_name="participants",
        db_index=False,
    )
    category = models.CharField("peserta", max_length=24, choices=list(PARTICIPANTS.items()))
    count = models.PositiveIntegerField("jumlah", null=True, blank=True)

    class Meta:
        verbose_name = "peserta"
        verbose_name_plural = "peserta"
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "category"], name="one_row_per_participant_category"
            )
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class Photo(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name="kegiatan", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField("foto", upload_to="kegiatan/%Y/%m/")
    width = models.PositiveIntegerField("lebar (piksel)")
    height = models.PositiveIntegerField("tinggi (piksel)")
    kept_location = models.BooleanField("lokasi foto disimpan", default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)

    class Meta:
        verbose_name = "foto kegiatan"
        verbose_name_plural = "foto kegiatan"

    def __str__(self) -> str:
        return self.image.name


class PhotoUpload(models.Model):
    """A photo sent in small parts over a weak signal: the phone names it (a UUID) and
    sends each part at its offset; a part lost is sent again from where the server
    stopped, never from the start. Complete, it becomes the activity's Photo."""

    id = models.UUIDField("id dari ponsel", primary_key=True)
    activity = models.ForeignKey(
        Activity, verbose_name="kegiatan", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengunggah",
        on_delete=models.CASCADE,
        related_name="+",
    )
    size = models.PositiveIntegerField("ukuran (bita)")
    received = models.PositiveIntegerField("diterima (bita)", default=0)
    keep_location = models.BooleanField("simpan lokasi foto", default=False)
    photo = models.ForeignKey(
        Photo,
        verbose_name="foto",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("mulai", auto_now_add=True)

    class Meta:
        verbose_name = "unggahan foto bertahap"
        verbose_name_plural = "unggahan foto bertahap"

    def __str__(self) -> str:
        return f"{self.id} {self.received}/{self.size}"


class ChangeAction(models.TextChoices):
    CREATED = "created", "Dicatat"
    UPDATED = "updated", "Diubah"
    DELETED = "deleted", "Dihapus"
    PHOTO = "photo", "Foto ditambahkan"


class Change(models.Model):
    """The history of an activity: who changed what, when, and why."""

    activity = models.ForeignKey(
        Activity, verbose_name="kegiatan", on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField("waktu", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    by_name = models.CharField("nama pengubah", max_length=150, blank=True)
    action = models.CharField("perubahan", max_length=10, choices=ChangeAction.choices)
    fields = models.JSONField("isian", default=dict)  # name -> [before, after]
    reason = models.TextField("alasan", blank=True)
    version = models.PositiveIntegerField("versi sesudahnya", null=True, blank=True)

    class Meta:
        verbose_name = "riwayat kegiatan"
        verbose_name_plural = "riwayat kegiatan"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%d/%m/%Y %H:%M}"


class Plan(models.Model):
    """A recurring activity: "patroli dialogis Desa Sekotong Barat every Sunday"."""

    unit = models.ForeignKey(
        Unit, verbose_name="satuan", on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(
        Region, verbose_name="wilayah", on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField("judul", max_length=150)
    type_code = models.CharField("jenis", max_length=20, choices=list(ACTIVITY_TYPES.items()))
    weekday = models.PositiveSmallIntegerField(
        "hari",
        null=True,
        blank=True,
        choices=[
            (0, "Senin"),
            (1, "Selasa"),
            (2, "Rabu"),
            (3, "Kamis"),
            (4, "Jumat"),
            (5, "Sabtu"),
            (6, "Minggu"),
        ],
        help_text="Setiap minggu pada hari ini; kosongkan bila memakai 'setiap N hari'.",
    )
    every_days = models.PositiveSmallIntegerField("setiap N hari", null=True, blank=True)
    starts_on = models.DateField("mulai")
    ends_on = models.DateField("sampai", null=True, blank=True)
    officer = models.ForeignKey(
        Officer, verbose_name="personel", on_delete=models.SET_NULL, null=True, blank=True
    )
    active = models.BooleanField("aktif", default=True)
    is_demo = models.BooleanField("data demo", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dibuat oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "rencana kegiatan"
        verbose_name_plural = "rencana kegiatan"
        ordering = ["unit_id", "title"]

    def __str__(self) -> str:
        return self.title


class ImportState(models.TextChoices):
    WAITING = "menunggu", "Menunggu giliran"
    CHECKING = "memeriksa", "Memeriksa baris"
    WRITING = "menulis", "Menyimpan kegiatan"
    DONE = "selesai", "Selesai"
    FAILED = "gagal", "Gagal"


class ImportRun(models.Model):
    """A large import run in the background (``sejuk.activities.import_runs``): its file
    kept under the data folder until it is done, how far it got, and the rows refused.

    ``next_row`` is the resume mark: every good row numbered below it is written. It moves
    in the same transaction as the chunk it covers, so a run taken up again after a crash
    skips exactly the chunks already committed and writes none of them twice."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="pengimpor", on_delete=models.CASCADE
    )
    created_at = models.DateTimeField("diunggah", auto_now_add=True)
    filename = models.CharField("nama berkas", max_length=255)
    stored = models.CharField("berkas tersimpan", max_length=255, blank=True)
    partial = models.BooleanField("baris benar saja", default=False)
    state = models.CharField(
        "status", max_length=10, choices=ImportState.choices, default=ImportState.WAITING
    )
    total = models.PositiveIntegerField("jumlah baris", default=0)
    written = models.PositiveIntegerField("tersimpan", default=0)
    refused = models.PositiveIntegerField("ditolak", default=0)
    next_row = models.PositiveIntegerField("baris berikutnya", default=0)
    # [[row number, reason], ...]: the downloadable report of refused rows.
    refused_rows = models.JSONField("baris ditolak", default=list, blank=True)
    error = models.TextField("galat", blank=True)
    finished_at = models.DateTimeField("selesai", null=True, blank=True)

    class Meta:
        verbose_name = "impor kegiatan"
        verbose_name_plural = "impor kegiatan"

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in (ImportState.DONE, ImportState.FAILED)
