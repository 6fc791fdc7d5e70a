"""Incidents: verified disturbances, whatever revealed them (a citizen's report today; an
activity's findings and the news later). Reports and activities link to an incident;
this app knows nothing of them, so the tension picture reads incidents alone."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sejuk.reference.taxonomy import INCIDENT_TYPES
from sejuk.regions.indexes import area_indexes
from sejuk.regions.models import Region


class Incident(models.Model):
    """A verified disturbance: what happened, where, who was involved (by category, never
    by name or political side), and what it cost."""

    types = models.JSONField("jenis kejadian", default=list)  # codes of INCIDENT_TYPES
    occurred_at = models.DateTimeField("waktu kejadian", null=True, blank=True)
    region = models.ForeignKey(
        Region, verbose_name="wilayah", on_delete=models.PROTECT, related_name="+"
    )
    actors = models.JSONField("pihak terlibat", default=dict)  # participant category -> count
    dead = models.PositiveIntegerField("korban meninggal", default=0)
    injured = models.PositiveIntegerField("korban luka", default=0)
    damaged_buildings = models.PositiveIntegerField("bangunan rusak", default=0)
    damaged_vehicles = models.PositiveIntegerField("kendaraan rusak", default=0)
    description = models.TextField("uraian", blank=True)
    # db_default too: the national generator writes rows straight to the table.
    is_demo = models.BooleanField("data demo", default=False, db_default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dicatat oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("dicatat", auto_now_add=True)

    class Meta:
        verbose_name = "kejadian"
        verbose_name_plural = "kejadian"
        ordering = ["-occurred_at", "-id"]
        # An area (by its code's prefix), in the list's order: an index range.
        indexes = area_indexes("incident", "region_id", "-occurred_at", "-id")

    def __str__(self) -> str:
        return f"{self.kinds()} di {self.region.name}"

    def kinds(self) -> str:
        """The types as people read them: "Provokasi, Bentrokan"."""
        return ", ".join(INCIDENT_TYPES.get(t, t) for t in self.types)
