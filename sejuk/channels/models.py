"""Messages in and out, and the conversations they make.

An inbound message is stored raw, first, before anything reads it: the webhook answers
the channel once the row is written, and the job runner processes it afterwards. The
channel's own message id is unique per channel, so a message delivered twice is stored,
and processed, once. A sender's address (phone number, Telegram chat) is contact data:
encrypted like a web reporter's (``sejuk.crypto``); ``sender_key`` (a keyed hash) finds
a sender's conversation without decrypting anything.

A conversation links to the report or activity it produced by lazy references, links in
the database and not imports: the links tier writes and reads them."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sejuk.regions.models import Region
from sejuk.units.models import Officer


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    TELEGRAM = "telegram", "Telegram"
    SMS = "sms", "SMS"
    SIMULATOR = "simulator", "Simulator"


class Kind(models.TextChoices):
    TEXT = "text", "Teks"
    LOCATION = "location", "Lokasi"
    IMAGE = "image", "Foto"
    OTHER = "other", "Lainnya"


class Inbound(models.Model):
    channel = models.CharField("saluran", max_length=12, choices=Channel.choices)
    external_id = models.CharField("id pesan di saluran", max_length=200)
    sender = models.TextField("pengirim (terenkripsi)")
    sender_key = models.CharField("kunci pengirim", max_length=64, db_index=True)
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices)
    text = models.TextField("isi", blank=True)
    lat = models.FloatField("lintang", null=True, blank=True)
    lng = models.FloatField("bujur", null=True, blank=True)
    media_id = models.CharField("id media", max_length=300, blank=True)
    raw = models.TextField("data asli (terenkripsi)", blank=True)
    received_at = models.DateTimeField("diterima", auto_now_add=True)
    processed_at = models.DateTimeField("diproses", null=True, blank=True)
    conversation = models.ForeignKey(
        "Conversation",
        verbose_name="percakapan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound",
    )

    class Meta:
        verbose_name = "pesan masuk"
        verbose_name_plural = "pesan masuk"
        ordering = ["received_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "external_id"], name="one_inbound_per_channel_message"
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel} {self.external_id}"


class Role(models.TextChoices):
    CITIZEN = "warga", "Warga"
    OFFICER = "petugas", "Petugas"


class State(models.TextChoices):
    OPEN = "terbuka", "Berlangsung"
    FILED = "terkirim", "Laporan terkirim"
    SAVED = "tersimpan", "Kegiatan tersimpan"
    CANCELLED = "batal", "Dibatalkan"
    EXPIRED = "kedaluwarsa", "Kedaluwarsa"


class Conversation(models.Model):
    channel = models.CharField("saluran", max_length=12, choices=Channel.choices)
    sender_key = models.CharField("kunci pengirim", max_length=64)
    address = models.TextField("alamat balasan (terenkripsi)")
    role = models.CharField("peran", max_length=8, choices=Role.choices)
    officer = models.ForeignKey(
        Officer, verbose_name="personel", on_delete=models.SET_NULL, null=True, blank=True
    )
    state = models.CharField("status", max_length=12, choices=State.choices, default=State.OPEN)
    step = models.CharField("langkah", max_length=20, blank=True)
    answers = models.JSONField("jawaban", default=dict, blank=True)
    region = models.ForeignKey(
        Region, verbose_name="wilayah", on_delete=models.SET_NULL, null=True, blank=True
    )
    report = models.ForeignKey(
        "reports.Report",
        verbose_name="laporan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name="kegiatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    started_at = models.DateTimeField("mulai", auto_now_add=True)
    last_message_at = models.DateTimeField("pesan terakhir", auto_now_add=True)
    # Counts the turns written: a turn is written only onto the conversation it was
    # worked out from (two runners on one sender's messages never interleave).
    turns = models.PositiveIntegerField("giliran", default=0)

    class Meta:
        verbose_name = "percakapan"
        verbose_name_plural = "percakapan"
        ordering = ["-last_message_at", "-id"]
        indexes = [
            models.Index(fields=["channel", "sender_key", "state"]),
            models.Index(fields=["state", "last_message_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "sender_key"],
                condition=models.Q(state="terbuka"),
                name="one_open_conversation_per_sender",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk}"


class Delivery(models.TextChoices):
    WAITING = "menunggu", "Menunggu"
    SENT = "terkirim", "Terkirim"
    FAILED = "gagal", "Gagal"


class Outbound(models.Model):
    conversation = models.ForeignKey(
        Conversation, verbose_name="percakapan", on_delete=models.CASCADE, related_name="outbound"
    )
    text = models.TextField("isi")
    template = models.CharField("templat", max_length=100, blank=True)
    state = models.CharField(
        "status", max_length=10, choices=Delivery.choices, default=Delivery.WAITING
    )
    attempts = models.PositiveSmallIntegerField("percobaan", default=0)
    error = models.TextField("galat terakhir", blank=True)
    external_id = models.CharField("id di saluran", max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditulis oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    sent_at = models.DateTimeField("terkirim", null=True, blank=True)

    class Meta:
        verbose_name = "pesan keluar"
        verbose_name_plural = "pesan keluar"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]
