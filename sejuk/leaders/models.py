"""The registry of community leaders (tokoh) per desa, met on patrols and visits."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sejuk.reference.taxonomy import PARTICIPANTS
from sejuk.regions.models import Level, Region

_CATEGORY_CODES = (
    "tokoh_agama",
    "tokoh_adat",
    "tokoh_masyarakat",
    "tokoh_pemuda",
    "perempuan",
    "mahasiswa",
    "pemerintah_daerah",
    "ormas",
)
CATEGORIES: list[tuple[str, str]] = [(c, PARTICIPANTS[c]) for c in _CATEGORY_CODES] + [
    ("lainnya", "Lainnya")
]


class Leader(models.Model):
    region = models.ForeignKey(
        Region,
        verbose_name="desa/kelurahan",
        on_delete=models.PROTECT,
        related_name="leaders",
        limit_choices_to={"level": Level.DESA},
    )
    name = models.CharField("nama", max_length=120)
    category = models.CharField("kategori", max_length=20, choices=CATEGORIES)
    role = models.CharField(
        "kedudukan", max_length=120, blank=True, help_text="mis. imam masjid, ketua adat, kades"
    )
    phone = models.CharField("telepon", max_length=20, blank=True)
    notes = models.TextField(
        "catatan",
        blank=True,
        help_text="Jangan mencatat pilihan atau dukungan politik siapa pun.",
    )
    active = models.BooleanField("aktif", default=True)
    is_demo = models.BooleanField("data demo", default=False)
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

    class Meta:
        verbose_name = "tokoh"
        verbose_name_plural = "tokoh"
        ordering = ["region_id", "name"]
        indexes = [models.Index(fields=["region", "active"])]

    def __str__(self) -> str:
        return self.name
