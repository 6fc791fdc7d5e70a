"""Citizen reports as cases: received, verified, handled, settled (or refused, merged,
referred), each step kept; the reporter's contact encrypted.

A report links to the incident it revealed and to the activities done in response, by
the lazy references ``"incidents.Incident"`` and ``"activities.Activity"``: links in the
database, not imports. Reports, activities and incidents are siblings that never import
one another (import-linter checks it), and nothing in this app queries their tables;
``sejuk.links`` above them records and shows those links."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F

from sejuk.reference.taxonomy import INCIDENT_TYPES, PARTICIPANTS
from sejuk.regions.indexes import area_indexes, region_prefix
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit

# The report form's categories: the incident types, with "other" named as people say it.
CATEGORIES: list[tuple[str, str]] = [
    (code, "Lainnya" if code == "other" else label) for code, label in INCIDENT_TYPES.items()
]


class Urgency(models.TextChoices):
    DARURAT = "darurat", "Darurat"
    SEGERA = "segera", "Segera"
    BIASA = "biasa", "Biasa"


class State(models.TextChoices):
    BARU = "baru", "Baru"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DITANGANI = "ditangani", "Ditangani"
    SELESAI = "selesai", "Selesai"
    DITOLAK = "ditolak", "Ditolak"
    DUPLIKAT = "duplikat", "Duplikat"
    DIRUJUK = "dirujuk", "Dirujuk"


CLOSED_STATES = (State.SELESAI, State.DITOLAK, State.DUPLIKAT)
AREA_QUEUE_LENGTHS = (2, 5)  # provinsi, kabupaten/kota: the codes a Polda's area is made of


class Channel(models.TextChoices):
    WEB = "web", "Formulir web"
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    SMS = "sms", "SMS"
    OFFICER = "officer", "Dicatat petugas"
    API = "api", "API"


class Settlement(models.TextChoices):
    MUSYAWARAH = "musyawarah", "Musyawarah"
    MEDIASI = "mediasi", "Mediasi"
    PENEGAKAN_HUKUM = "penegakan_hukum", "Penegakan hukum"
    RUJUKAN = "rujukan", "Rujukan ke lembaga lain"
    TIDAK_TERBUKTI = "tidak_terbukti", "Tidak terbukti"


class Referral(models.TextChoices):
    BAWASLU = "bawaslu", "Bawaslu"
    KPU = "kpu", "KPU"
    GAKKUMDU = "gakkumdu", "Sentra Gakkumdu"
    UNIT = "unit", "Satuan lain"
    DUMAS = "dumas", "Dumas Presisi (pengaduan tentang polisi)"


class Report(models.Model):
    code = models.CharField("kode lacak", max_length=14, unique=True)
    category = models.CharField("kategori", max_length=20, choices=CATEGORIES)
    urgency = models.CharField("urgensi", max_length=10, choices=Urgency.choices)
    description = models.TextField("apa yang terjadi")
    region = models.ForeignKey(
        Region, verbose_name="wilayah", on_delete=models.PROTECT, related_name="reports"
    )
    place_text = models.CharField("tempat (kata pelapor)", max_length=200, blank=True)
    lat = models.FloatField("lintang", null=True, blank=True)
    lng = models.FloatField("bujur", null=True, blank=True)
    occurred_at = models.DateTimeField("waktu kejadian", null=True, blank=True)
    channel = models.CharField("saluran", max_length=10, choices=Channel.choices)
    anonymous = models.BooleanField("anonim", default=False)
    # The reporter's contact, encrypted (sejuk.crypto); shown only to roles that may,
    # and every showing is written to the audit log.
    reporter_name = models.TextField("nama pelapor (terenkripsi)", blank=True)
    reporter_phone = models.TextField("telepon pelapor (terenkripsi)", blank=True)
    state = models.CharField(
        "status", max_length=14, choices=State.choices, default=State.BARU, db_index=True
    )
    assigned_unit = models.ForeignKey(
        Unit,
        verbose_name="satuan penanggung jawab",
        on_delete=models.PROTECT,
        related_name="reports",
    )
    assigned_officer = models.ForeignKey(
        Officer,
        verbose_name="personel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    due_at = models.DateTimeField("batas tanggapan pertama")
    first_response_at = models.DateTimeField("tanggapan pertama", null=True, blank=True)
    # The queue's order as columns the database keeps itself (``services.queue_listing``),
    # so one index serves it: 1 still waiting for a first response, 2 in hand, 3 closed;
    # the urgency's rank (darurat first; 0 for a closed case, which goes newest first).
    queue_group = models.GeneratedField(
        verbose_name="bagian antrean",
        expression=models.Case(
            models.When(state__in=CLOSED_STATES, then=models.Value(3)),
            models.When(first_response_at__isnull=True, then=models.Value(1)),
            default=models.Value(2),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    queue_urgency = models.GeneratedField(
        verbose_name="urutan urgensi",
        expression=models.Case(
            models.When(state__in=CLOSED_STATES, then=models.Value(0)),
            models.When(urgency=Urgency.DARURAT, then=models.Value(0)),
            models.When(urgency=Urgency.SEGERA, then=models.Value(1)),
            models.When(urgency=Urgency.BIASA, then=models.Value(2)),
            default=models.Value(3),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    settlement = models.CharField(
        "cara penyelesaian", max_length=16, choices=Settlement.choices, blank=True
    )
    parties = models.TextField("para pihak", blank=True)
    agreement = models.TextField("catatan kesepakatan", blank=True)
    follow_up_on = models.DateField("tindak lanjut pada", null=True, blank=True)
    settled_at = models.DateTimeField("diselesaikan", null=True, blank=True)
    referred_to = models.CharField(
        "dirujuk ke", max_length=10, choices=Referral.choices, blank=True
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name="duplikat dari",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    incident = models.ForeignKey(
        "incidents.Incident",
        verbose_name="kejadian",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name="kegiatan tanggapan", blank=True, related_name="reports"
    )
    # The text as it came in (a forwarded message, or the reporter's words before phone
    # numbers were masked in ``description``), encrypted like the contact (reports.privacy).
    source_text = models.TextField("teks asli (terenkripsi)", blank=True)
    reader = models.JSONField("bacaan pembaca teks", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dicatat oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("diterima", auto_now_add=True, db_index=True)
    is_demo = models.BooleanField("data demo", default=False)
    updated_at = models.DateTimeField("diubah", auto_now=True)

    class Meta:
        verbose_name = "laporan"
        verbose_name_plural = "laporan"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                F("queue_group"),
                F("queue_urgency"),
                F("due_at"),
                F("created_at").desc(),
                F("id").desc(),
                name="report_queue",
            ),
            models.Index(
                F("queue_group"), F("created_at").desc(), F("id").desc(), name="report_queue_newest"
            ),
            models.Index(fields=["state", "due_at"]),
            # Overdue and waiting counts read only reports with no first response yet.
            models.Index(
                fields=["due_at"],
                condition=models.Q(first_response_at__isnull=True),
                name="report_waiting_due",
            ),
            models.Index(fields=["assigned_unit", "state"]),
            # The queue of one unit (a Polda's list reads each of its hundreds of units
            # along these, as far as the page needs), in the queue's orders.
            models.Index(
                F("assigned_unit"),
                F("queue_group"),
                F("queue_urgency"),
                F("due_at"),
                F("created_at").desc(),
                F("id").desc(),
                name="report_unit_queue",
            ),
            models.Index(
                F("assigned_unit"),
                F("queue_group"),
                F("created_at").desc(),
                F("id").desc(),
                name="report_unit_newest",
            ),
            # An area (by its code's prefix), newest first: an index range.
            *area_indexes("report", "region_id", "-created_at", "-id"),
            # The queue of an area read by its province or kabupaten codes (a Polda whose
            # area is 27 kabupaten), in the queue's orders. Without them SQLite read each
            # code's part along the whole country's queue: 80 ms for one count at 20,000
            # reports, 0.2 ms with them.
            *[
                models.Index(
                    region_prefix("region_id", n),
                    F("queue_group"),
                    F("queue_urgency"),
                    F("due_at"),
                    F("created_at").desc(),
                    F("id").desc(),
                    name=f"report_area{n}_queue",
                )
                for n in AREA_QUEUE_LENGTHS
            ],
            *[
                models.Index(
                    region_prefix("region_id", n),
                    F("queue_group"),
                    F("created_at").desc(),
                    F("id").desc(),
                    name=f"report_area{n}_newest",
                )
                for n in AREA_QUEUE_LENGTHS
            ],
        ]

    def __str__(self) -> str:
        return self.code


class Message(models.Model):
    """A message on a case: from the reporter (by the tracking code) or from an officer,
    either public (the reporter sees it) or internal."""

    report = models.ForeignKey(
        Report, verbose_name="laporan", on_delete=models.CASCADE, related_name="messages"
    )
    from_reporter = models.BooleanField("dari pelapor", default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="penulis",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    body = models.TextField("pesan")
    public = models.BooleanField("terlihat pelapor", default=True)
    created_at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        verbose_name = "pesan laporan"
        verbose_name_plural = "pesan laporan"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:50]


class ReportPhoto(models.Model):
    report = models.ForeignKey(
        Report, verbose_name="laporan", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField("foto", upload_to="laporan/%Y/%m/")
    width = models.PositiveIntegerField("lebar (piksel)")
    height = models.PositiveIntegerField("tinggi (piksel)")
    uploaded_at = models.DateTimeField("diunggah", auto_now_add=True)

    class Meta:
        verbose_name = "foto laporan"
        verbose_name_plural = "foto laporan"

    def __str__(self) -> str:
        return self.image.name


class Event(models.Model):
    """The history of a case: every step, who took it, when, and the details."""

    report = models.ForeignKey(
        Report, verbose_name="laporan", on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField("waktu", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    by_name = models.CharField("nama petugas", max_length=150, blank=True)
    action = models.CharField("langkah", max_length=20)
    from_state = models.CharField("dari status", max_length=14, blank=True)
    to_state = models.CharField("ke status", max_length=14, blank=True)
    detail = models.JSONField("rincian", default=dict)

    class Meta:
        verbose_name = "riwayat laporan"
        verbose_name_plural = "riwayat laporan"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.action}"


ACTOR_CATEGORIES = list(PARTICIPANTS.items())
