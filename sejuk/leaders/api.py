"""JSON API for the leader registry (signed in; the area rule applies)."""

from __future__ import annotations

from typing import Annotated

from django.db import transaction
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema, Status
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.openapi import CSV, OneOf, file_answer
from sejuk.paging import page_of

from . import services
from .models import CATEGORIES, Leader

Category = Annotated[str, OneOf(code for code, _ in CATEGORIES)]

router = Router(tags=["tokoh"], auth=signed_in)


class LeaderOut(Schema):
    id: int
    region: str
    region_name: str
    name: str
    category: str
    role: str
    phone: str
    notes: str
    active: bool


class LeaderPage(Schema):
    items: list[LeaderOut]
    total: int
    page: int
    pages: int


class LeaderIn(Schema):
    region: str = Field(..., max_length=13, description="kode desa/kelurahan")
    name: str = Field(..., max_length=120, json_schema_extra={"minLength": 1})
    category: Category
    role: str = Field("", max_length=120)
    phone: str = Field("", max_length=30)
    notes: str = Field("", max_length=2000)


class LeaderPatch(Schema):
    region: str | None = Field(None, max_length=13)
    name: str | None = Field(None, max_length=120)
    category: Category | None = None
    role: str | None = Field(None, max_length=120)
    phone: str | None = Field(None, max_length=30)
    notes: str | None = Field(None, max_length=2000)


class ListParams(Schema):
    region: str = Field("", max_length=13)
    category: Annotated[str, OneOf((code for code, _ in CATEGORIES), blank=True)] = ""
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


def _out(leader: Leader) -> dict[str, object]:
    return {
        "id": leader.pk,
        "region": leader.region_id,
        "region_name": leader.region.name,
        "name": leader.name,
        "category": leader.category,
        "role": leader.role,
        "phone": leader.phone,
        "notes": leader.notes,
        "active": leader.active,
    }


def _filter(params: ListParams) -> services.LeaderFilter:
    return services.LeaderFilter(region=params.region, category=params.category, q=params.q)


@router.get("", response=LeaderPage, summary="Daftar tokoh di wilayah Anda")
def list_leaders(request: HttpRequest, params: Query[ListParams]) -> dict[str, object]:
    qs = services.leaders(current_viewer(request), _filter(params))
    return page_of(qs, params.page, params.size, _out)


@router.get(
    "/export.csv", summary="Ekspor CSV tokoh di wilayah Anda", openapi_extra=file_answer(CSV)
)
def export(request: HttpRequest, params: Query[ListParams]) -> HttpResponse:
    body = services.export_csv(current_viewer(request), _filter(params), request=request)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tokoh.csv"'
    return response


@router.post("", response={201: LeaderOut}, summary="Catat tokoh")
def create(request: HttpRequest, payload: LeaderIn) -> Status[dict[str, object]]:
    with transaction.atomic():
        leader = services.create_leader(
            current_viewer(request), services.LeaderInput(**payload.dict())
        )
    return Status(201, _out(leader))


@router.get("/{leader_id}", response=LeaderOut, summary="Satu tokoh")
def detail(request: HttpRequest, leader_id: int) -> dict[str, object]:
    return _out(services.get_leader(current_viewer(request), leader_id))


@router.patch("/{leader_id}", response=LeaderOut, summary="Ubah tokoh")
def update(request: HttpRequest, leader_id: int, payload: LeaderPatch) -> dict[str, object]:
    with transaction.atomic():
        leader = services.update_leader(
            current_viewer(request), leader_id, services.LeaderInput(**payload.dict())
        )
    return _out(leader)


@router.delete("/{leader_id}", response={204: None}, summary="Nonaktifkan tokoh")
def deactivate(request: HttpRequest, leader_id: int) -> Status[None]:
    with transaction.atomic():
        services.deactivate_leader(current_viewer(request), leader_id)
    return Status(204, None)
