"""JSON API of the map: the frame, layers of regions, their colours, the points, one
region's card and the region under a point. The page draws only what these answer."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.views.decorators.gzip import gzip_page
from ninja import Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.dates import release_date, short_date
from sejuk.openapi import OneOf

from . import services
from .measures import MEASURES

router = Router(tags=["peta"], auth=signed_in)

Within = Annotated[
    str,
    Field(
        max_length=3000,
        description="kode wilayah dipisah koma; kosong: seluruh wilayah Anda",
    ),
]
Level = Annotated[int, Field(ge=1, le=4, description="1 provinsi, 2 kab/kota, 3 kecamatan, 4 desa")]
Days = Annotated[int, Field(30, ge=1, le=services.MAX_DAYS, description="panjang periode (hari)")]


class RegionRef(Schema):
    code: str
    name: str


class Feature(Schema):
    type: str
    id: str
    properties: dict[str, Any]
    geometry: dict[str, Any]


class MeasureOut(Schema):
    key: str
    label: str
    explain: str


class Choice(Schema):
    value: str
    label: str


class FrameOut(Schema):
    type: str = "FeatureCollection"
    features: list[Feature]
    missing: list[RegionRef]
    bbox: list[float] | None
    measures: list[MeasureOut]
    kinds: list[Choice]
    types: list[Choice]
    today: dt.date
    zone: str
    whole_country: bool


def _collection(features: list[str], **extra: Any) -> HttpResponse:
    """A FeatureCollection from features serialised when the map was built: joined, not
    parsed and dumped again on every request."""
    head = json.dumps({"type": "FeatureCollection", **extra}, ensure_ascii=False)[:-1]
    body = head + ',"features":[' + ",".join(features) + "]}"
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "private, max-age=300"
    return response


@router.get("/frame", response=FrameOut, summary="Bingkai peta: wilayah Anda dan pilihannya")
@decorate_view(gzip_page)
def frame(request: HttpRequest) -> HttpResponse:
    f = services.frame(current_viewer(request))
    return _collection(
        f.features,
        missing=[{"code": c, "name": n} for c, n in f.missing],
        bbox=list(f.bbox) if f.bbox else None,
        measures=[m.__dict__ for m in f.measures],
        kinds=[{"value": v, "label": label} for v, label in f.kinds],
        types=[{"value": v, "label": label} for v, label in f.types],
        today=f.today.isoformat(),
        zone=f.zone,
        whole_country=f.whole_country,
    )


class LayerParams(Schema):
    level: Level
    within: Within = ""


class LayerOut(Schema):
    type: str = "FeatureCollection"
    level: int
    features: list[Feature]
    missing: list[RegionRef]


@router.get("/layer", response=LayerOut, summary="Wilayah satu tingkat, untuk digambar")
@decorate_view(gzip_page)
def layer(request: HttpRequest, params: Query[LayerParams]) -> HttpResponse:
    found = services.layer(
        current_viewer(request), params.level, services.parse_codes(params.within)
    )
    return _collection(
        found.features,
        level=found.level,
        missing=[{"code": c, "name": n} for c, n in found.missing],
    )


Measure = Annotated[str, OneOf(m.key for m in MEASURES)]


class ColourParams(Schema):
    measure: Measure
    level: Level
    within: Within = ""
    date: dt.date | None = Field(None, description="per tanggal ini (bawaan: hari ini)")
    days: Days = 30


class BandOut(Schema):
    key: str
    label: str
    colour: str


class ReadingOut(Schema):
    value: float | None
    band: str
    text: str


class ColoursOut(Schema):
    measure: str
    label: str
    explain: str
    level: int
    date: dt.date
    days: int
    bands: list[BandOut]
    values: dict[str, ReadingOut]


@router.get("/colours", response=ColoursOut, summary="Warna wilayah: nilai dan kelas per kode")
@decorate_view(gzip_page)
def colours(request: HttpRequest, params: Query[ColourParams]) -> dict[str, Any]:
    c = services.colours(
        current_viewer(request),
        params.measure,
        params.level,
        services.parse_codes(params.within),
        params.date,
        params.days,
    )
    return {
        "measure": c.measure.key,
        "label": c.measure.label,
        "explain": c.measure.explain,
        "level": c.level,
        "date": c.period.day,
        "days": c.period.days,
        "bands": [b.__dict__ for b in c.measure.bands(c.level)],
        "values": {code: r.__dict__ for code, r in c.values.items()},
    }


Kinds = Annotated[
    str, Field("activity,report,incident", max_length=40, description="activity,report,incident")
]


class PointParams(Schema):
    within: Within = ""
    kinds: Kinds = "activity,report,incident"
    type: str = Field(
        "", max_length=40, description="activity:<jenis kegiatan> atau incident:<jenis kejadian>"
    )
    date: dt.date | None = Field(None, description="akhir periode (bawaan: hari ini)")
    days: Days = 30


class PointOut(Schema):
    kind: str
    id: int
    lat: float
    lng: float
    exact: bool
    date: dt.date
    date_text: str  # "7/12/2024"
    title: str
    place: str
    url: str


class PointsOut(Schema):
    items: list[PointOut]
    truncated: bool
    unplaced: int
    date: dt.date
    days: int


@router.get("/points", response=PointsOut, summary="Kegiatan, laporan dan kejadian sebagai titik")
@decorate_view(gzip_page)
def points(request: HttpRequest, params: Query[PointParams]) -> dict[str, Any]:
    kinds = [k.strip() for k in params.kinds.split(",") if k.strip()]
    found = services.points(
        current_viewer(request),
        services.parse_codes(params.within),
        kinds,
        params.date,
        params.days,
        params.type,
    )
    return {
        "items": [
            {**p.__dict__, "date": p.day, "date_text": short_date(p.day)} for p in found.items
        ],
        "truncated": found.truncated,
        "unplaced": found.unplaced,
        "date": found.period.day,
        "days": found.period.days,
    }


class CardParams(Schema):
    date: dt.date | None = None
    days: Days = 30


class CardReading(Schema):
    measure: str
    label: str
    value: float | None
    band: str
    band_label: str
    colour: str
    text: str


class Link(Schema):
    label: str
    url: str


class CardOut(Schema):
    code: str
    name: str
    path: str
    level: int
    readings: list[CardReading]
    last_visit: dt.date | None
    last_visit_text: str  # "Sabtu (7/12/2024)", or "belum pernah"
    open_reports: int | None
    links: list[Link]


@router.get("/regions/{code}", response=CardOut, summary="Kartu satu wilayah")
def region_card(request: HttpRequest, code: str, params: Query[CardParams]) -> dict[str, Any]:
    c = services.card(current_viewer(request), code[:20], params.date, params.days)
    readings = []
    for measure, reading in c.readings:
        band = next(b for b in measure.bands(c.level) if b.key == reading.band)
        readings.append(
            {
                "measure": measure.key,
                "label": measure.label,
                "value": reading.value,
                "band": band.key,
                "band_label": band.label,
                "colour": band.colour,
                "text": reading.text,
            }
        )
    return {
        "code": c.code,
        "name": c.name,
        "path": c.path,
        "level": c.level,
        "readings": readings,
        "last_visit": c.last_visit,
        "last_visit_text": release_date(c.last_visit) if c.last_visit else "belum pernah",
        "open_reports": c.open_reports,
        "links": [{"label": label, "url": url} for label, url in c.links],
    }


class LocateParams(Schema):
    lat: float = Field(ge=-90, le=90)
    lng: float = Field(ge=-180, le=180)


class LocatedOut(Schema):
    found: bool
    code: str
    name: str
    level: int | None
    geometry: dict[str, Any] | None


@router.get(
    "/locate",
    response=LocatedOut,
    auth=None,
    summary="Wilayah pada satu titik (desa bila batas desanya dimuat)",
)
def locate(request: HttpRequest, params: Query[LocateParams]) -> dict[str, Any]:
    found = services.locate(params.lat, params.lng)
    if found is None:
        return {"found": False, "code": "", "name": "", "level": None, "geometry": None}
    return {
        "found": True,
        "code": found.code,
        "name": found.name,
        "level": found.level,
        "geometry": found.geometry,
    }
