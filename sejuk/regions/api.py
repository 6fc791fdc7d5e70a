"""JSON API for regions: search, one region, its children."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from . import services

router = Router(tags=["wilayah"])


class RegionOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    path: str
    score: float


class RegionSearchOut(Schema):
    query: str
    items: list[RegionOut]


class SearchParams(Schema):
    q: str = Field(
        "", max_length=200, description="nama wilayah, boleh dengan awalan Desa/Kec./Kab."
    )
    within: str = Field("", max_length=200, description="kode wilayah dipisah koma: diutamakan")
    limit: int = Field(10, ge=1, le=50)


class RegionRef(Schema):
    code: str
    name: str
    level: int
    kind: str


class RegionDetailOut(Schema):
    code: str
    name: str
    level: int
    kind: str
    path: str
    zone: str
    postal_code: str
    lat: float | None
    lng: float | None
    has_boundary: bool
    parents: list[RegionRef]
    children: list[RegionRef]


@router.get("", response=RegionSearchOut, summary="Cari wilayah")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, object]:
    within = [c.strip() for c in params.within.split(",") if c.strip()]
    items = services.search_regions(params.q, within=within, limit=params.limit)
    return {"query": params.q, "items": items}


@router.get("/{code}", response=RegionDetailOut, summary="Satu wilayah")
def detail(request: HttpRequest, code: str) -> services.RegionDetail:
    return services.get_region(code)
