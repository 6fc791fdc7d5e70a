"""JSON API: who am I, and the audit log for administrators and commanders."""

from __future__ import annotations

from datetime import datetime

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from . import services
from .access import current_viewer
from .auth import signed_in

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
    object_type: str
    object_id: str
    ip: str | None
    detail: dict[str, object]


class AuditPage(Schema):
    items: list[AuditOut]
    total: int


class AuditParams(Schema):
    action: str = Field("", max_length=20)
    page: int = Field(1, ge=1)
    size: int = Field(100, ge=1, le=500)


@router.get("/audit", response=AuditPage, summary="Log audit (admin, pimpinan)")
def audit_log(request: HttpRequest, params: Query[AuditParams]) -> dict[str, object]:
    events = services.audit_events(current_viewer(request), action=params.action)
    start = (params.page - 1) * params.size
    items = [
        {
            "id": e.pk,
            "created_at": e.created_at,
            "actor": e.actor_name,
            "unit": e.unit.name if e.unit else None,
            "action": e.action,
            "object_type": e.object_type,
            "object_id": e.object_id,
            "ip": e.ip,
            "detail": e.detail,
        }
        for e in events[start : start + params.size]
    ]
    return {"items": items, "total": events.count()}
