"""JSON API for alerts: the caller's own alerts, and marking one handled (the same
services as the page)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.paging import page_of

from . import services
from .models import Alert, Delivery

router = Router(tags=["peringatan"], auth=signed_in)


class AlertOut(Schema):
    id: int
    rule: str
    rule_label: str
    region: str
    region_name: str
    text: str
    link: str
    created_at: dt.datetime
    repeats: int
    read: bool
    handled_at: dt.datetime | None
    handled_by: str | None


def alert_out(alert: Alert, read: bool) -> dict[str, Any]:
    return {
        "id": alert.pk,
        "rule": alert.rule,
        "rule_label": alert.get_rule_display(),
        "region": alert.region_code,
        "region_name": alert.region_name,
        "text": alert.text,
        "link": services.link(alert),
        "created_at": alert.created_at,
        "repeats": alert.repeats,
        "read": read,
        "handled_at": alert.handled_at,
        "handled_by": alert.handled_by.get_username() if alert.handled_by else None,
    }


def _delivery_out(d: Delivery) -> dict[str, Any]:
    return alert_out(d.alert, d.read_at is not None)


class AlertParams(Schema):
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


class AlertPage(Schema):
    items: list[AlertOut]
    total: int
    page: int
    pages: int


@router.get("", response=AlertPage, summary="Peringatan untuk Anda")
def index(request: HttpRequest, params: Query[AlertParams]) -> dict[str, Any]:
    qs = services.inbox(current_viewer(request))
    return page_of(qs, params.page, params.size, _delivery_out)


@router.post("/{alert_id}/handled", response=AlertOut, summary="Tandai sudah ditangani")
def handled(request: HttpRequest, alert_id: int) -> dict[str, Any]:
    with transaction.atomic():
        alert = services.handle(current_viewer(request), alert_id)
    return alert_out(alert, True)
