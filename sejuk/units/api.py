"""JSON API for police units."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from . import services
from .models import Unit

router = Router(tags=["satuan"])


class UnitOut(Schema):
    id: int
    name: str
    level: str
    parent_id: int | None
    home_region: str | None
    area: list[str]


class UnitMatchOut(Schema):
    unit: UnitOut
    score: float


class UnitSearchOut(Schema):
    query: str
    items: list[UnitMatchOut]


class SearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=200, description='mis. "Polres PPU"')
    within: str = Field("", max_length=200)
    limit: int = Field(10, ge=1, le=50)


def _out(unit: Unit) -> dict[str, object]:
    return {
        "id": unit.pk,
        "name": unit.name,
        "level": unit.level,
        "parent_id": unit.parent_id,
        "home_region": unit.home_region_id,
        "area": services.unit_area_codes(unit),
    }


@router.get("", response=UnitSearchOut, summary="Cari satuan menurut nama")
def search(request: HttpRequest, params: Query[SearchParams]) -> dict[str, object]:
    within = [c.strip() for c in params.within.split(",") if c.strip()]
    matches = services.find_units(params.q, within=within, limit=params.limit)
    return {"query": params.q, "items": [{"unit": _out(m.unit), "score": m.score} for m in matches]}


@router.get("/{unit_id}", response=UnitOut, summary="Satu satuan")
def detail(request: HttpRequest, unit_id: int) -> dict[str, object]:
    return _out(services.get_unit(unit_id))
