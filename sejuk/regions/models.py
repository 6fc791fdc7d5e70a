"""Regions: provinsi, kabupaten/kota, kecamatan, desa/kelurahan by Kemendagri code."""

from __future__ import annotations

from django.db import models

from sejuk.reference.zones import ZONE_TZ, zone_of


class Level(models.IntegerChoices):
    PROVINSI = 1, "Provinsi"
    KABKOTA = 2, "Kabupaten/Kota"
    KECAMATAN = 3, "Kecamatan"
    DESA = 4, "Desa/Kelurahan"


class Kind(models.TextChoices):
    PROVINSI = "provinsi", "Provinsi"
    KABUPATEN = "kabupaten", "Kabupaten"
    KOTA = "kota", "Kota"
    KECAMATAN = "kecamatan", "Kecamatan"
    DESA = "desa", "Desa"
    KELURAHAN = "kelurahan", "Kelurahan"


class Region(models.Model):
    code = models.CharField("kode", max_length=13, primary_key=True)
    name = models.CharField("nama", max_length=120, db_index=True)
    level = models.PositiveSmallIntegerField("tingkat", choices=Level.choices, db_index=True)
    kind = models.CharField("jenis", max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="induk",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    postal_code = models.CharField("kode pos", max_length=5, blank=True)
    # Optional geometry from `sejuk regions load-boundaries`: a centre point and a
    # GeoJSON geometry (lng, lat order) kept as text; Sejuk works without them.
    lat = models.FloatField("lintang", null=True, blank=True)
    lng = models.FloatField("bujur", null=True, blank=True)
    boundary = models.TextField("batas wilayah (GeoJSON)", blank=True)

    class Meta:
        verbose_name = "wilayah"
        verbose_name_plural = "wilayah"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def zone(self) -> str:
        """WIB, WITA or WIT: the time zone of the region's province."""
        return zone_of(self.code)

    @property
    def tzname(self) -> str:
        return ZONE_TZ[self.zone]

    def contains(self, code: str) -> bool:
        return code == self.code or code.startswith(self.code + ".")
