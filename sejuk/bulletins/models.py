"""Bulletins Sejuk made without anyone asking: each morning's situation report of a unit,
kept with its files so a commander finds it on the page.

One row per unit, kind and day for scheduled work: the row is the claim. A process that
inserts it first makes the report; any other gets an integrity error and moves on, so two
servers (or a server and a cron job) never make the same report twice."""

from __future__ import annotations

from django.db import models

from sejuk.units.models import Unit


class Kind(models.TextChoices):
    DAILY = "harian", "Laporan Situasi Harian"


class State(models.TextChoices):
    PENDING = "proses", "Sedang dibuat"
    READY = "siap", "Siap"
    FAILED = "gagal", "Gagal"


class Bulletin(models.Model):
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices)
    unit = models.ForeignKey(
        Unit, verbose_name="satuan", on_delete=models.PROTECT, related_name="bulletins"
    )
    day = models.DateField("tanggal laporan")
    scheduled = models.BooleanField("terjadwal", default=True)
    state = models.CharField("status", max_length=6, choices=State.choices, default=State.PENDING)
    pdf = models.FileField("PDF", upload_to="buletin/%Y/%m/", blank=True)
    docx = models.FileField("DOCX", upload_to="buletin/%Y/%m/", blank=True)
    # The headline figures, so the list shows them without opening a file.
    figures = models.JSONField("angka utama", default=dict, blank=True)
    error = models.TextField("galat", blank=True)
    attempts = models.PositiveSmallIntegerField("percobaan", default=1)
    claimed_at = models.DateTimeField("mulai dibuat")
    finished_at = models.DateTimeField("selesai dibuat", null=True, blank=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "buletin"
        verbose_name_plural = "buletin"
        ordering = ["-day", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "unit", "day"],
                condition=models.Q(scheduled=True),
                name="one_scheduled_bulletin_per_unit_kind_and_day",
            )
        ]
        indexes = [models.Index(fields=["unit", "day"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} {self.day:%d/%m/%Y}"
