"""Listening to the work apps, which never import alerts: a new darurat report or a
severe incident queues a job in the writer's own transaction (one small insert), so
what commits is looked at, also after a restart, and nothing slow runs in the write."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from sejuk.incidents.models import Incident
from sejuk.jobs import services as jobs
from sejuk.reports.models import Report, Urgency

from .detect import is_severe
from .services import CHECK_JOB


def incident_saved(
    sender: type, instance: Incident, created: bool, raw: bool = False, **_: Any
) -> None:
    if created and not raw and is_severe(instance):
        jobs.enqueue(
            CHECK_JOB, {"kind": "kejadian", "id": instance.pk}, key=f"kejadian:{instance.pk}"
        )


def report_saved(
    sender: type, instance: Report, created: bool, raw: bool = False, **_: Any
) -> None:
    if created and not raw and instance.urgency == Urgency.DARURAT:
        jobs.enqueue(
            CHECK_JOB, {"kind": "laporan", "id": instance.pk}, key=f"laporan:{instance.pk}"
        )


def connect() -> None:
    post_save.connect(incident_saved, sender=Incident, dispatch_uid="alerts-incident")
    post_save.connect(report_saved, sender=Report, dispatch_uid="alerts-report")
