"""JSON API: who am I, the officers of one's area, and the audit log for administrators
and commanders."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.openapi import OneOf
from sejuk.paging import page_of
from sejuk.units.models import Officer

from . import audit, services
from .access import current_viewer
from .auth import signed_in
from .models import AuditAction, AuditEvent

router = Router(tags=["akun"], auth=signed_in)


class MeOut(Schema):
    username: str
    unit_id: int | None
    unit_name: str
    roles: list[str]
    area: list[str] | None = Field(description="kode wilayah; null: seluruh Indonesia")
    villages: list[str]


@router.get("/me", response=MeOut, summary="Akun yang sedang dipakai")
def me(request: HttpRequest) -> dict[str, object]:
    viewer = current_viewer(request)
    return {
        "username": viewer.username,
        "unit_id": viewer.unit_id,
        "unit_name": viewer.unit_name,
        "roles": sorted(viewer.roles),
        "area": None if viewer.area is None else list(viewer.area),
        "villages": list(viewer.villages),
    }


class AuditOut(Schema):
    id: int
    created_at: datetime
    actor: str
    unit: str | None
    action: str
    action_label: str = Field(description="aksi dalam bahasa Indonesia")
    object_type: str
    object_id: str
    subject: str = Field(description="objek dalam bahasa Indonesia, mis. 'tokoh #12'")
    ip: str | None
    detail: dict[str, object]


class AuditPage(Schema):
    items: list[AuditOut]
    total: int
    page: int
    pages: int


class AuditParams(Schema):
    action: Annotated[str, OneOf(AuditAction.values, blank=True)] = ""
    page: int = Field(1, ge=1)
    size: int = Field(100, ge=1, le=500)


@router.get("/audit", response=AuditPage, summary="Log audit (admin, pimpinan)")
def audit_log(request: HttpRequest, params: Query[AuditParams]) -> dict[str, object]:
    events = services.audit_events(current_viewer(request), action=params.action)
    return page_of(events, params.page, params.size, _audit_out)


def _audit_out(event: AuditEvent) -> dict[str, object]:
    e = audit.describe(event)
    return {
        "id": event.pk,
        "created_at": event.created_at,
        "actor": event.actor_name,
        "unit": event.unit.name if event.unit else None,
        "action": event.action,
        "action_label": e.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "subject": e.subject,
        "ip": event.ip,
        "detail": event.detail,
    }


officers_router = Router(tags=["personel"], auth=signed_in)


class OfficerOut(Schema):
    id: int
    name: str
    rank: str
    position: str
    unit_id: int
    unit_name: str
    is_bhabinkamtibmas: bool
    villages: list[str]


def _officer_out(officer: Officer) -> dict[str, object]:
    return {
        "id": officer.pk,
        "name": officer.name,
        "rank": officer.rank,
        "position": officer.position,
        "unit_id": officer.unit_id,
        "unit_name": officer.unit.name,
        "is_bhabinkamtibmas": officer.is_bhabinkamtibmas,
        "villages": [v.code for v in officer.villages.all()],
    }


@officers_router.get(
    "", response=list[OfficerOut], summary="Personel di satuan Anda dan di bawahnya"
)
def officers(request: HttpRequest) -> list[dict[str, object]]:
    return [_officer_out(o) for o in services.officers(current_viewer(request))]


@officers_router.get("/{officer_id}", response=OfficerOut, summary="Satu personel")
def officer(request: HttpRequest, officer_id: int) -> dict[str, object]:
    return _officer_out(services.get_officer(current_viewer(request), officer_id))
