"""Media monitoring: the feeds read (sources), what was published (articles), the same
news grouped into one story whatever the outlet, and the signals read in a story, which
analysts confirm or reject. Links to the rest of the work (the incident recorded from a
story, the activity it reports) are lazy references, written by the links tier."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q

from sejuk.nlp.signals import SIGNALS
from sejuk.regions.models import Region


class Source(models.Model):
    """A news feed (RSS or Atom) the administrator keeps, and how its last fetches went."""

    name = models.CharField("nama media", max_length=200)
    feed_url = models.URLField("alamat umpan (RSS/Atom)", max_length=500, unique=True)
    region = models.ForeignKey(
        Region,
        verbose_name="wilayah liputan utama",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Kosongkan untuk media nasional.",
    )
    language = models.CharField("bahasa", max_length=8, default="id")
    active = models.BooleanField("diambil terjadwal", default=True)
    checked = models.BooleanField(
        "sudah diperiksa", default=False, help_text="Alamat dan isinya sudah diperiksa admin."
    )
    etag = models.CharField("tanda ETag", max_length=300, blank=True, editable=False)
    last_modified = models.CharField(
        "Last-Modified terakhir", max_length=100, blank=True, editable=False
    )
    last_fetched_at = models.DateTimeField("terakhir diambil", null=True, blank=True)
    last_success_at = models.DateTimeField("terakhir berhasil", null=True, blank=True)
    last_error = models.TextField("galat terakhir", blank=True)
    last_error_at = models.DateTimeField("waktu galat terakhir", null=True, blank=True)
    articles_total = models.PositiveIntegerField("artikel diambil", default=0)
    last_refusal = models.TextField(
        "halaman terakhir yang ditolak robots.txt",
        blank=True,
        help_text="Halaman yang tidak boleh dibaca menurut robots.txt situsnya; "
        "ringkasan umpannya yang dipakai.",
    )

    class Meta:
        verbose_name = "sumber berita"
        verbose_name_plural = "sumber berita"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def healthy(self) -> bool:
        return self.last_success_at is not None and (
            self.last_error_at is None or self.last_error_at <= self.last_success_at
        )


class Story(models.Model):
    """One piece of news however many outlets published it, as the reader read its first
    text: kind, place, date, unit, incident types."""

    title = models.CharField("judul", max_length=500)
    text = models.TextField("teks")
    first_published = models.DateTimeField("pertama terbit")
    latest_published = models.DateTimeField("terakhir terbit")
    region = models.ForeignKey(
        Region,
        verbose_name="wilayah",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField("jenis", max_length=20, blank=True)
    incident_types = models.JSONField("jenis kejadian", default=list)
    event_date = models.DateField("tanggal peristiwa", null=True, blank=True)
    unit_name = models.CharField("satuan", max_length=200, blank=True)
    reading = models.JSONField("bacaan", default=dict)  # field -> the words it came from
    severity = models.PositiveIntegerField("bobot sinyal", default=0)
    clarified_url = models.URLField("tautan klarifikasi", max_length=1000, blank=True)
    clarified_at = models.DateTimeField("diklarifikasi", null=True, blank=True)
    incident = models.ForeignKey(
        "incidents.Incident",
        verbose_name="kejadian",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activities = models.ManyToManyField(
        "activities.Activity", verbose_name="kegiatan", blank=True, related_name="+"
    )
    created_at = models.DateTimeField("dicatat", auto_now_add=True)

    class Meta:
        verbose_name = "berita"
        verbose_name_plural = "berita"
        ordering = ["-first_published", "-severity", "-id"]
        indexes = [models.Index(fields=["first_published"])]

    def __str__(self) -> str:
        return self.title

    @property
    def day(self) -> date:
        """The day the story is about: the event's, else its first publication's."""
        return self.event_date or self.first_published.date()


class Channel(models.TextChoices):
    FEED = "umpan", "Umpan berita"
    PASTE = "tempel", "Ditempel petugas"
    IMPORT = "impor", "Impor berkas"
    REPORT = "laporan", "Laporan warga"


class Article(models.Model):
    """One publication: an outlet's article or a post someone saw, with its text."""

    story = models.ForeignKey(
        Story, verbose_name="berita", on_delete=models.CASCADE, related_name="articles"
    )
    source = models.ForeignKey(
        Source,
        verbose_name="sumber",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    channel = models.CharField("saluran", max_length=10, choices=Channel.choices)
    url = models.CharField("alamat", max_length=1000, blank=True)
    outlet = models.CharField("media", max_length=200, blank=True)
    title = models.CharField("judul", max_length=500, blank=True)
    text = models.TextField("teks")
    published_at = models.DateTimeField("terbit")
    seen_where = models.CharField("dilihat di", max_length=300, blank=True)
    fetch_note = models.CharField("catatan pengambilan", max_length=300, blank=True)
    signature = models.BinaryField("tanda MinHash")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditambahkan oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("dicatat", auto_now_add=True)

    class Meta:
        verbose_name = "artikel"
        verbose_name_plural = "artikel"
        ordering = ["published_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="media_article_url")
        ]

    def __str__(self) -> str:
        return self.title or self.url


class ReportLink(models.Model):
    """A link a citizen's report carried, read in the background like a pasted one: the
    story it led to, or why it could not be read. A lazy reference to the report (the
    links tier writes it): media never imports reports."""

    report = models.ForeignKey(
        "reports.Report", verbose_name="laporan", on_delete=models.CASCADE, related_name="+"
    )
    url = models.CharField("alamat", max_length=1000)
    story = models.ForeignKey(
        Story,
        verbose_name="berita",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_links",
    )
    error = models.TextField("galat", blank=True)
    read_at = models.DateTimeField("dibaca", null=True, blank=True)

    class Meta:
        verbose_name = "tautan laporan warga"
        verbose_name_plural = "tautan laporan warga"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "url"], name="media_report_link_once")
        ]

    def __str__(self) -> str:
        return self.url


class Band(models.Model):
    """One band of an article's MinHash signature, hashed: articles sharing a band are
    candidates for the same story. Looked up by value, so the cost of placing an article
    does not grow with the store, and every server finds the same candidates."""

    article = models.ForeignKey(
        Article, verbose_name="artikel", on_delete=models.CASCADE, related_name="+"
    )
    band = models.PositiveSmallIntegerField("nomor pita")
    value = models.BigIntegerField("nilai pita", db_index=True)

    class Meta:
        verbose_name = "pita MinHash"
        verbose_name_plural = "pita MinHash"

    def __str__(self) -> str:
        return f"{self.article_id}:{self.band}"


class Review(models.TextChoices):
    NEW = "baru", "Belum ditinjau"
    CONFIRMED = "benar", "Dikonfirmasi"
    REJECTED = "salah", "Ditolak"


class Signal(models.Model):
    """A signal read in a story, with the words that raised it, and the analyst's verdict."""

    story = models.ForeignKey(
        Story, verbose_name="berita", on_delete=models.CASCADE, related_name="signals"
    )
    kind = models.CharField("jenis sinyal", max_length=30, choices=list(SIGNALS.items()))
    weight = models.PositiveSmallIntegerField("bobot")
    evidence = models.JSONField("kata bukti", default=list)  # [{"text": ..., "why": ...}]
    review = models.CharField("tinjauan", max_length=10, choices=Review.choices, default=Review.NEW)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditinjau oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("ditinjau", null=True, blank=True)
    model_score = models.FloatField("perkiraan model", null=True, blank=True)
    created_at = models.DateTimeField("dicatat", auto_now_add=True)

    class Meta:
        verbose_name = "sinyal"
        verbose_name_plural = "sinyal"
        ordering = ["-weight", "kind"]
        constraints = [models.UniqueConstraint(fields=["story", "kind"], name="media_signal_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.story}"

    def words(self) -> str:
        return ", ".join(dict.fromkeys(e["text"] for e in self.evidence))


class Classifier(models.Model):
    """A classifier trained on the analysts' verdicts, with its figures on a held-back
    slice of them. The newest is the one in use."""

    trained_at = models.DateTimeField("dilatih", auto_now_add=True)
    examples = models.PositiveIntegerField("contoh latih")
    held_back = models.PositiveIntegerField("contoh uji")
    precision = models.FloatField("presisi")
    recall = models.FloatField("recall")
    trained_on = models.TextField("data latih")
    weights = models.JSONField(
        "bobot model", default=dict
    )  # {"intercept": x, "coef": {index: value}}

    class Meta:
        verbose_name = "pengklasifikasi sinyal"
        verbose_name_plural = "pengklasifikasi sinyal"
        ordering = ["-trained_at", "-id"]

    def __str__(self) -> str:
        return f"{self.trained_at:%Y-%m-%d %H:%M} (P {self.precision:.2f}, R {self.recall:.2f})"
