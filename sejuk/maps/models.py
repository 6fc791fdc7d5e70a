"""The map's own data: each region as it is drawn, and which packaged boundary files a
database holds. Both are derived (from the regions' boundaries and from the files that
ship with Sejuk) and rebuilt by `sejuk map build`."""

from __future__ import annotations

from django.db import models


class Shape(models.Model):
    """A region as the map draws it: its GeoJSON feature, simplified for the zoom its
    level is drawn at, with its box and a point for its marker. The codes of the regions
    above it are kept in columns of their own, so "the desa of this kabupaten" is an
    indexed equality on both databases rather than a prefix search."""

    code = models.CharField("kode", max_length=13, primary_key=True)
    level = models.PositiveSmallIntegerField("tingkat")
    province = models.CharField("provinsi", max_length=2)
    kabupaten = models.CharField("kabupaten/kota", max_length=5, blank=True)
    kecamatan = models.CharField("kecamatan", max_length=8, blank=True)
    west = models.FloatField("batas barat")
    south = models.FloatField("batas selatan")
    east = models.FloatField("batas timur")
    north = models.FloatField("batas utara")
    lat = models.FloatField("lintang titik")
    lng = models.FloatField("bujur titik")
    has_area = models.BooleanField("punya batas wilayah")
    # Desa/kelurahan in the region (1 for a desa): the base of per-desa measures.
    villages = models.PositiveIntegerField("jumlah desa/kelurahan")
    feature = models.TextField("fitur GeoJSON")

    class Meta:
        verbose_name = "bentuk peta"
        verbose_name_plural = "bentuk peta"
        indexes = [
            models.Index(fields=["level", "province"]),
            models.Index(fields=["level", "kabupaten"]),
            models.Index(fields=["level", "kecamatan"]),
            models.Index(fields=["level", "west", "east"]),
        ]

    def __str__(self) -> str:
        return self.code


class PackagedFile(models.Model):
    """A boundary file shipped with Sejuk that this database has loaded, by digest: a
    second `sejuk setup` reads nothing again."""

    name = models.CharField("berkas", max_length=100, primary_key=True)
    sha256 = models.CharField("sidik SHA-256", max_length=64)
    loaded_at = models.DateTimeField("dimuat", auto_now=True)

    class Meta:
        verbose_name = "berkas batas wilayah bawaan"
        verbose_name_plural = "berkas batas wilayah bawaan"

    def __str__(self) -> str:
        return self.name
