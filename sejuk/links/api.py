"""JSON API for linking a case to the other work, under ``/api/reports`` beside the
reports' own operations (sejuk/api.py adds both routers there)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Router, Schema, Status

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.incidents.api import IncidentIn
from sejuk.incidents.services import IncidentInput
from sejuk.reports.api import ReportOut, report_out

from . import services

router = Router(tags=["laporan"], auth=signed_in)


@router.post(
    "/{report_id}/incident", response={201: dict[str, int]}, summary="Catat kejadian dari laporan"
)
def incident(request: HttpRequest, report_id: int, payload: IncidentIn) -> Status[dict[str, int]]:
    with transaction.atomic():
        _, created = services.record_incident(
            current_viewer(request), report_id, IncidentInput(**payload.dict())
        )
    return Status(201, {"id": created.pk})


class LinkIn(Schema):
    activity_id: int


@router.post("/{report_id}/activities", response=ReportOut, summary="Kaitkan kegiatan tanggapan")
def link(request: HttpRequest, report_id: int, payload: LinkIn) -> dict[str, Any]:
    with transaction.atomic():
        report, _ = services.link_activity(current_viewer(request), report_id, payload.activity_id)
    return report_out(report)
