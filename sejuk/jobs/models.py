"""One row per background job: a scheduled job keeps one row that comes round again; a
queued job is a row that runs once (retried when it fails).

The row is the claim: a runner takes a job with one conditional UPDATE (``services``),
so however many runners share the database, each run belongs to one of them."""

from __future__ import annotations

from django.db import models


class Kind(models.TextChoices):
    SCHEDULED = "terjadwal", "Terjadwal"
    QUEUED = "antrean", "Antrean"


class State(models.TextChoices):
    WAITING = "menunggu", "Menunggu"
    RUNNING = "berjalan", "Berjalan"
    DONE = "selesai", "Selesai"
    FAILED = "gagal", "Gagal"


class Job(models.Model):
    name = models.CharField("nama pekerjaan", max_length=60)  # a name in the registry
    kind = models.CharField("jenis", max_length=10, choices=Kind.choices)
    payload = models.JSONField("muatan", default=dict, blank=True)
    # A queued job with a key waits once: asking again while it waits adds nothing.
    key = models.CharField("kunci", max_length=200, blank=True)
    state = models.CharField("status", max_length=10, choices=State.choices)
    run_after = models.DateTimeField("jalan berikutnya")
    attempts = models.PositiveSmallIntegerField("percobaan", default=0)
    claimed_at = models.DateTimeField("diambil pada", null=True, blank=True)
    claimed_by = models.CharField("diambil oleh", max_length=120, blank=True)
    # A long job's sign of life (``services.heartbeat``): a claim that beats is presumed
    # dead soon after its beats stop, however long it has run; one that never beats only
    # after ``services.STALE``.
    beat_at = models.DateTimeField("tanda hidup terakhir", null=True, blank=True)
    finished_at = models.DateTimeField("selesai terakhir", null=True, blank=True)
    result = models.TextField("hasil terakhir", blank=True)
    failed_at = models.DateTimeField("gagal terakhir", null=True, blank=True)
    last_error = models.TextField("galat terakhir", blank=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)

    class Meta:
        verbose_name = "pekerjaan latar"
        verbose_name_plural = "pekerjaan latar"
        ordering = ["kind", "name", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(kind="terjadwal"),
                name="one_row_per_scheduled_job",
            ),
            models.UniqueConstraint(
                fields=["name", "key"],
                condition=models.Q(state="menunggu") & ~models.Q(key=""),
                name="one_waiting_job_per_key",
            ),
        ]
        indexes = [models.Index(fields=["state", "run_after"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.key})" if self.key else self.name
