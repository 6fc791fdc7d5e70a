"""JSON API for bulletins: the same services as the pages, under the same area rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.openapi import DOCX, PDF, TEXT, XLSX, file_answer

from . import services
from .daily import WORSENED_RULE
from .models import Bulletin

router = Router(tags=["buletin"], auth=signed_in)


def _file(file: services.File) -> HttpResponse:
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.name}"'
    return response


class BulletinOut(Schema):
    id: int
    kind: str
    unit_id: int
    unit: str
    day: dt.date
    state: str
    figures: dict[str, Any]
    formats: list[str]
    created_at: dt.datetime
    finished_at: dt.datetime | None


def _bulletin(b: Bulletin) -> dict[str, Any]:
    return {
        "id": b.pk,
        "kind": b.kind,
        "unit_id": b.unit_id,
        "unit": b.unit.name,
        "day": b.day,
        "state": b.state,
        "figures": b.figures,
        "formats": [f for f in services.DAILY_FORMATS if getattr(b, f)],
        "created_at": b.created_at,
        "finished_at": b.finished_at,
    }


class ListParams(Schema):
    unit_id: int | None = None
    limit: int = Field(60, ge=1, le=500)


@router.get("", response=list[BulletinOut], summary="Laporan pagi yang tersimpan")
def list_bulletins(request: HttpRequest, params: Query[ListParams]) -> list[dict[str, Any]]:
    qs = services.bulletins(current_viewer(request))
    if params.unit_id:
        qs = qs.filter(unit_id=params.unit_id)
    return [_bulletin(b) for b in qs[: params.limit]]


class DailyParams(Schema):
    unit_id: int | None = Field(None, description="bawaan: satuan Anda")
    date: dt.date | None = Field(None, description="bawaan: hari ini di zona Anda")


class ReportRef(Schema):
    code: str
    category: str
    region: str
    state: str


class WorsenedOut(Schema):
    region: str
    name: str
    kecamatan: str
    before: str
    before_date: dt.date
    after: str
    after_date: dt.date


class DailyOut(Schema):
    figures: dict[str, Any]
    received: list[ReportRef]
    settled: list[ReportRef]
    overdue: list[ReportRef]
    worsened: list[WorsenedOut]
    worsened_rule: str


def _ref(r: Any) -> dict[str, str]:
    return {"code": r.code, "category": r.category, "region": r.region_id, "state": r.state}


@router.get("/daily", response=DailyOut, summary="Laporan situasi harian (angka)")
def daily(request: HttpRequest, params: Query[DailyParams]) -> dict[str, Any]:
    report = services.daily(current_viewer(request), params.unit_id, params.date)
    return {
        "figures": report.figures(),
        "received": [_ref(r) for r in report.received],
        "settled": [_ref(r) for r in report.settled],
        "overdue": [_ref(r) for r in report.overdue],
        "worsened": [
            {
                "region": w.region.code,
                "name": w.region.name,
                "kecamatan": w.kecamatan,
                "before": w.before,
                "before_date": w.before_day,
                "after": w.after,
                "after_date": w.after_day,
            }
            for w in report.worsened
        ],
        "worsened_rule": WORSENED_RULE,
    }


@router.get(
    "/daily.{fmt}",
    summary="Laporan situasi harian sebagai berkas (pdf, docx)",
    openapi_extra=file_answer(PDF, DOCX),
)
def daily_file(request: HttpRequest, fmt: str, params: Query[DailyParams]) -> HttpResponse:
    viewer = current_viewer(request)
    return _file(services.daily_file(viewer, params.unit_id, params.date, fmt, request))


class RecapParams(Schema):
    unit_id: int | None = Field(None, description="bawaan: satuan Anda")
    start: dt.date | None = Field(None, description="bawaan: 29 hari sebelum akhir")
    end: dt.date | None = Field(None, description="bawaan: hari ini")


@router.get("/recap.xlsx", summary="Rekapitulasi kegiatan (XLSX)", openapi_extra=file_answer(XLSX))
def recap_file(request: HttpRequest, params: Query[RecapParams]) -> HttpResponse:
    viewer = current_viewer(request)
    return _file(services.recap_file(viewer, params.unit_id, params.start, params.end, request))


@router.get(
    "/{bulletin_id}/file.{fmt}",
    summary="Berkas laporan pagi (pdf, docx)",
    openapi_extra=file_answer(PDF, DOCX),
)
def stored_file(request: HttpRequest, bulletin_id: int, fmt: str) -> HttpResponse:
    return _file(services.stored_file(current_viewer(request), bulletin_id, fmt, request))


class DraftOut(Schema):
    activity_id: int
    template: str
    templates: list[dict[str, str]]
    title: str
    paragraphs: list[str]
    text: str
    notes: dict[str, str]


class TemplateParams(Schema):
    template: str = Field("", max_length=60)


@router.get("/releases/{activity_id}", response=DraftOut, summary="Draf rilis pers kegiatan")
def release_draft(
    request: HttpRequest, activity_id: int, params: Query[TemplateParams]
) -> dict[str, Any]:
    draft = services.release_draft(current_viewer(request), activity_id, params.template)
    return {
        "activity_id": draft.activity_id,
        "template": draft.template,
        "templates": [{"key": k, "name": n} for k, n in draft.templates],
        "title": draft.title,
        "paragraphs": draft.paragraphs,
        "text": draft.text,
        "notes": draft.notes,
    }


class ReleaseIn(Schema):
    title: str = Field("", max_length=300, description="kosong: judul draf")
    body: str = Field("", max_length=20_000, description="paragraf dipisah baris kosong")
    template: str = Field("", max_length=60)


@router.post(
    "/releases/{activity_id}/file.{fmt}",
    summary="Rilis pers sebagai berkas (docx, txt)",
    openapi_extra=file_answer(DOCX, TEXT),
)
def release_file(
    request: HttpRequest, activity_id: int, fmt: str, payload: ReleaseIn
) -> HttpResponse:
    return _file(
        services.release_file(
            current_viewer(request),
            activity_id,
            fmt,
            title=payload.title,
            body=payload.body,
            template=payload.template,
        )
    )
