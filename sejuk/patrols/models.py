"""A patrol plan: a draft of routes for a day's teams, edited, then published as
activity plans (sejuk.activities.Plan), one per stop."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from sejuk.activities.models import Plan
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit


class PatrolPlan(models.Model):
    unit = models.ForeignKey(
        Unit, verbose_name="satuan", on_delete=models.PROTECT, related_name="+"
    )
    day = models.DateField("tanggal patroli")
    budget_minutes = models.PositiveIntegerField("waktu per tim (menit)")
    # Where the routes start and end, as the planner took it: the arrival times of an
    # edited route are counted from the same place.
    start_lat = models.FloatField("lintang titik berangkat", null=True, blank=True)
    start_lng = models.FloatField("bujur titik berangkat", null=True, blank=True)
    start_kecamatan = models.CharField("kecamatan titik berangkat", max_length=8, blank=True)
    published_at = models.DateTimeField("diterbitkan", null=True, blank=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="dibuat oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "rencana patroli"
        verbose_name_plural = "rencana patroli"
        ordering = ["-day", "-pk"]

    def __str__(self) -> str:
        return f"Rencana patroli {self.unit} {self.day:%d/%m/%Y}"

    @property
    def start(self) -> tuple[float | None, float | None, str]:
        return self.start_lat, self.start_lng, self.start_kecamatan


class PatrolTeam(models.Model):
    plan = models.ForeignKey(
        PatrolPlan, verbose_name="rencana", on_delete=models.CASCADE, related_name="teams"
    )
    number = models.PositiveSmallIntegerField("tim ke")
    officers = models.ManyToManyField(Officer, verbose_name="personel", blank=True)

    class Meta:
        verbose_name = "tim patroli"
        verbose_name_plural = "tim patroli"
        ordering = ["plan_id", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="patrol_team_unique_number")
        ]

    def __str__(self) -> str:
        return f"Tim {self.number}"


class PatrolStop(models.Model):
    """A desa of the plan: a stop of a team's route (``team`` set, in ``position``
    order), or left out of the plan (``team`` empty) with ``why``."""

    plan = models.ForeignKey(
        PatrolPlan, verbose_name="rencana", on_delete=models.CASCADE, related_name="stops"
    )
    team = models.ForeignKey(
        PatrolTeam,
        verbose_name="tim",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="stops",
    )
    region = models.ForeignKey(
        Region, verbose_name="desa/kelurahan", on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveSmallIntegerField("urutan", default=0)
    need = models.FloatField("kebutuhan (skor kerawanan)", default=0.0)
    why = models.CharField("alasan tidak masuk rencana", max_length=120, blank=True)
    # What the planner knew when it chose: the tension parts [name, label, points, why],
    # the days since the last visit, the open urgent reports [id, code, urgency].
    reasons = models.JSONField("alasan", default=dict)
    activity_plan = models.ForeignKey(
        Plan,
        verbose_name="rencana kegiatan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "desa rencana patroli"
        verbose_name_plural = "desa rencana patroli"
        ordering = ["plan_id", "team__number", "position", "-need"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "region"], name="patrol_stop_one_per_desa")
        ]

    def __str__(self) -> str:
        return self.region_id
