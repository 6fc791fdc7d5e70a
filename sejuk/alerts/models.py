"""Alerts: what turned (``Alert``), who is told and how (``Delivery``), and what each
person chose to receive (``Preference``)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from .rules import MODES, RULES


class Alert(models.Model):
    """One thing that turned in one desa, raised once: the dedupe key (the record or the
    day that raised it) is unique, and a repeat within the quiet period only counts."""

    rule = models.CharField(
        "aturan", max_length=20, choices=[(r.code, r.label) for r in RULES.values()]
    )
    region_code = models.CharField("kode desa", max_length=13)
    region_name = models.CharField("desa", max_length=120)
    # What raised it: a report, an incident, or the desa itself (its tension).
    subject_type = models.CharField("jenis sumber", max_length=12)
    subject_id = models.CharField("nomor sumber", max_length=40)
    text = models.TextField("isi")
    dedupe_key = models.CharField("kunci unik", max_length=120, unique=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True, db_index=True)
    repeats = models.PositiveIntegerField("terulang dalam masa tenang", default=0)
    last_repeat_at = models.DateTimeField("terulang terakhir", null=True, blank=True)
    # Handled for everyone it went to: the Polres sees that the Polsek took it.
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ditangani oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    handled_at = models.DateTimeField("ditangani pada", null=True, blank=True)

    class Meta:
        verbose_name = "peringatan"
        verbose_name_plural = "peringatan"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["rule", "region_code", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.get_rule_display()}: {self.region_name}"


class Raised(models.Model):
    """Every key that raised an alert or counted as a repeat on one: what was found
    once is never counted again, also when it was found within a quiet period."""

    key = models.CharField("kunci", max_length=120, unique=True)
    alert = models.ForeignKey(
        Alert, verbose_name="peringatan", on_delete=models.CASCADE, related_name="keys"
    )
    at = models.DateTimeField("waktu", auto_now_add=True)

    class Meta:
        verbose_name = "kunci peringatan"
        verbose_name_plural = "kunci peringatan"

    def __str__(self) -> str:
        return self.key


class Channel(models.TextChoices):
    APP = "aplikasi", "Di aplikasi"
    EMAIL = "email", "E-mail"
    TELEGRAM = "telegram", "Telegram"
    WHATSAPP = "whatsapp", "WhatsApp"
    SMS = "sms", "SMS"


class State(models.TextChoices):
    SHOWN = "tampil", "Tampil di aplikasi"
    WAITING = "menunggu", "Menunggu dikirim"
    HELD = "ringkasan", "Menunggu ringkasan"
    SENT = "terkirim", "Terkirim"
    FAILED = "gagal", "Gagal"


class Delivery(models.Model):
    """An alert to one person by one channel: in the app, or sent (at once, or in the
    next digest) with its attempts and last error."""

    alert = models.ForeignKey(
        Alert, verbose_name="peringatan", on_delete=models.CASCADE, related_name="deliveries"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="penerima",
        on_delete=models.CASCADE,
        related_name="alert_deliveries",
    )
    channel = models.CharField("saluran", max_length=10, choices=Channel.choices)
    address = models.CharField("alamat", max_length=200, blank=True)
    state = models.CharField("status", max_length=10, choices=State.choices)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    read_at = models.DateTimeField("dibaca", null=True, blank=True)
    sent_at = models.DateTimeField("terkirim", null=True, blank=True)
    attempts = models.PositiveSmallIntegerField("percobaan", default=0)
    last_error = models.TextField("galat terakhir", blank=True)

    class Meta:
        verbose_name = "kiriman peringatan"
        verbose_name_plural = "kiriman peringatan"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "user", "channel"], name="one_delivery_per_channel"
            )
        ]
        indexes = [
            models.Index(fields=["user", "channel", "read_at"]),
            models.Index(fields=["state", "channel"]),
        ]

    def __str__(self) -> str:
        return f"{self.alert} → {self.user} ({self.get_channel_display()})"


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="pengguna",
        on_delete=models.CASCADE,
        related_name="alert_preferences",
    )
    rule = models.CharField(
        "aturan", max_length=20, choices=[(r.code, r.label) for r in RULES.values()]
    )
    mode = models.CharField("cara menerima", max_length=10, choices=list(MODES.items()))

    class Meta:
        verbose_name = "pilihan peringatan"
        verbose_name_plural = "pilihan peringatan"
        constraints = [
            models.UniqueConstraint(fields=["user", "rule"], name="one_preference_per_rule")
        ]

    def __str__(self) -> str:
        return f"{self.user} {self.rule}: {self.mode}"
