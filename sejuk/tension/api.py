"""JSON API of the picture: the ranking of desa by tension with its parts, and the
picture of one region (a desa with its parts; a larger region with its levels and its
tensest desa). The same services as the pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.openapi import OneOf

from . import picture, score
from .lines import Line

router = Router(tags=["kerawanan"], auth=signed_in)
regions_router = Router(tags=["kerawanan"], auth=signed_in)


class PartOut(Schema):
    points: float
    why: str


class TensionOut(Schema):
    code: str
    name: str
    kecamatan: str
    score: float
    level: str
    parts: dict[str, PartOut]


class TensionParams(Schema):
    area: str = Field("", max_length=13, description="kode wilayah; kosong: seluruh wilayah Anda")
    level: Annotated[str, OneOf(score.LEVELS, blank=True)] = ""
    date: dt.date | None = None
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=500)


class TensionPage(Schema):
    day: dt.date | None
    items: list[TensionOut]
    total: int
    page: int
    pages: int


def line_out(line: Line) -> dict[str, Any]:
    return {
        "code": line.place.code,
        "name": line.place.name,
        "kecamatan": line.place.kecamatan,
        "score": line.score,
        "level": line.level,
        "parts": {name: {"points": p, "why": why} for name, _, p, why in line.parts},
    }


@router.get("", response=TensionPage, summary="Peringkat desa menurut kerawanan, dengan bagiannya")
def index(request: HttpRequest, params: Query[TensionParams]) -> dict[str, Any]:
    found = picture.ranked(
        current_viewer(request), params.area, params.level, params.date, params.page, params.size
    )
    return {
        "day": found.day,
        "items": [line_out(line) for line in found.lines],
        "total": found.total,
        "page": found.number,
        "pages": found.pages,
    }


class DayParams(Schema):
    date: dt.date | None = None


class RegionPicture(Schema):
    code: str
    name: str
    level: int
    day: dt.date | None
    tension: TensionOut | None
    baseline_only: bool | None
    levels: dict[str, int]
    top: list[TensionOut]
    figures_30_days: dict[str, float]
    reached_30_days: int
    villages: int


@regions_router.get(
    "/{code}/picture", response=RegionPicture, summary="Gambaran kerawanan satu wilayah"
)
def region_picture(request: HttpRequest, code: str, params: Query[DayParams]) -> dict[str, Any]:
    found = picture.region_picture(current_viewer(request), code[:13], params.date)
    return {
        "code": found.region.code,
        "name": found.region.name,
        "level": found.region.level,
        "day": found.day,
        "tension": line_out(found.tension) if found.tension else None,
        "baseline_only": found.baseline_only,
        "levels": found.levels,
        "top": [line_out(line) for line in found.top],
        "figures_30_days": found.figures,
        "reached_30_days": found.reached,
        "villages": found.villages,
    }
