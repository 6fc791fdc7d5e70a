"""JSON API for reports: a public router for citizens (no account, rate limited, the
tracking code in the body, never in the address) and a signed-in router for officers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import ConfigDict, Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.accounts.ratelimit import Rate, limit
from sejuk.errors import Invalid
from sejuk.openapi import Limits, OneOf
from sejuk.paging import page_of

from . import intake, public, reading, services
from .models import CATEGORIES, Channel, Referral, Report, Settlement, State, Urgency

public_router = Router(tags=["laporan publik"])
router = Router(tags=["laporan"], auth=signed_in)


Category = Annotated[str, OneOf(code for code, _ in CATEGORIES)]
# A region code, or a place in words: one of the two must be given.
REGION_OR_PLACE: dict[str, Any] = {
    "anyOf": [
        {"required": ["region"], "properties": {"region": {"minLength": 1}}},
        {"required": ["place_text"], "properties": {"place_text": {"minLength": 1}}},
    ]
}


class ReportIn(Schema):
    model_config = ConfigDict(json_schema_extra=REGION_OR_PLACE)

    category: Category
    description: str = Field(..., max_length=5000, json_schema_extra={"minLength": 10})
    region: str = Field("", max_length=13, description="kode wilayah, atau isi place_text")
    place_text: str = Field("", max_length=200, description="nama desa dan kecamatan")
    lat: Annotated[float, Limits(minimum=-11.5, maximum=6.5)] | None = None
    lng: Annotated[float, Limits(minimum=94.5, maximum=141.5)] | None = None
    occurred_on: dt.date | None = None
    occurred_time: dt.time | None = None
    happening_now: bool = False
    anonymous: bool = True
    name: str = Field("", max_length=100)
    phone: str = Field("", max_length=20)


class Receipt(Schema):
    code: str
    state: str
    first_response_by: dt.datetime = Field(
        ..., description="batas tanggapan pertama petugas, menurut urgensi laporan"
    )
    message: str


@public_router.post(
    "/reports", response={201: Receipt}, auth=None, summary="Kirim laporan (tanpa akun)"
)
def submit(request: HttpRequest, payload: ReportIn) -> Status[dict[str, Any]]:
    limit(request, "lapor", Rate.parse(settings.RATE_REPORT))
    prepared = intake.prepare(intake.ReportInput(**payload.dict()), channel=Channel.API)
    with prepared.kept_if_written(), transaction.atomic():
        report = intake.write(prepared)
    given = public.receipt_of(report)
    return Status(
        201,
        {
            "code": given.code,
            "state": report.state,
            "first_response_by": given.first_response_by,
            "message": "Laporan diterima. Simpan kode ini untuk mengecek perkembangannya. "
            f"Petugas akan menanggapi paling lambat {given.first_response_text}.",
        },
    )


class CodeIn(Schema):
    code: str = Field(..., max_length=20)


class PublicMessageOut(Schema):
    from_reporter: bool
    body: str
    created_at: dt.datetime


class CaseOut(Schema):
    code: str
    state: str
    state_label: str
    explanation: str
    category: str
    place: str
    received: dt.datetime
    settlement: str
    followed: str
    messages: list[PublicMessageOut]


@public_router.post(
    "/reports/status", response=CaseOut, auth=None, summary="Cek laporan dengan kode"
)
def status(request: HttpRequest, payload: CodeIn) -> public.PublicCase:
    limit(request, "cek", Rate.parse(settings.RATE_CHECK))
    return public.case(payload.code)


class InformationIn(Schema):
    code: str = Field(..., max_length=20)
    body: str = Field(..., max_length=2000)


@public_router.post(
    "/reports/messages", response={201: dict[str, str]}, auth=None, summary="Tambah informasi"
)
def information(request: HttpRequest, payload: InformationIn) -> Status[dict[str, str]]:
    limit(request, "cek", Rate.parse(settings.RATE_CHECK))
    with transaction.atomic():
        public.add_information(payload.code, payload.body)
    return Status(201, {"message": "Informasi tambahan terkirim."})


# -- officers -----------------------------------------------------------------------------


class ReportOut(Schema):
    id: int
    code: str
    category: str
    urgency: str
    state: str
    description: str
    region: str
    region_name: str
    place_text: str
    occurred_at: dt.datetime | None
    channel: str
    anonymous: bool
    assigned_unit: str
    assigned_officer_id: int | None
    due_at: dt.datetime
    first_response_at: dt.datetime | None
    overdue: bool
    settlement: str
    parties: str
    agreement: str
    follow_up_on: dt.date | None
    referred_to: str
    duplicate_of: str | None
    incident_id: int | None
    activity_ids: list[int]
    created_at: dt.datetime


def report_out(r: Report, activity_ids: list[int] | None = None) -> dict[str, Any]:
    """A report as the API gives it; ``activity_ids`` when the caller read them for many
    reports at once (``services.response_activity_ids_of``)."""
    if activity_ids is None:
        activity_ids = services.response_activity_ids(r)
    return {
        "id": r.pk,
        "code": r.code,
        "category": r.category,
        "urgency": r.urgency,
        "state": r.state,
        "description": r.description,
        "region": r.region_id,
        "region_name": r.region.name,
        "place_text": r.place_text,
        "occurred_at": r.occurred_at,
        "channel": r.channel,
        "anonymous": r.anonymous,
        "assigned_unit": r.assigned_unit.name,
        "assigned_officer_id": r.assigned_officer_id,
        "due_at": r.due_at,
        "first_response_at": r.first_response_at,
        "overdue": services.is_overdue(r),
        "settlement": r.settlement,
        "parties": r.parties,
        "agreement": r.agreement,
        "follow_up_on": r.follow_up_on,
        "referred_to": r.referred_to,
        "duplicate_of": r.duplicate_of.code if r.duplicate_of else None,
        "incident_id": r.incident_id,
        "activity_ids": activity_ids,
        "created_at": r.created_at,
    }


class QueueParams(Schema):
    view: Annotated[str, OneOf(("baru", "terlambat", "saya", "terbuka"), blank=True)] = ""
    state: Annotated[str, OneOf(State.values, blank=True)] = ""
    category: Annotated[str, OneOf((code for code, _ in CATEGORIES), blank=True)] = ""
    urgency: Annotated[str, OneOf(Urgency.values, blank=True)] = ""
    region: str = Field("", max_length=13)
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


class ReportPage(Schema):
    items: list[ReportOut]
    total: int
    page: int
    pages: int


@router.get("", response=ReportPage, summary="Antrean laporan di wilayah Anda")
def queue(request: HttpRequest, params: Query[QueueParams]) -> dict[str, Any]:
    flt = services.ReportFilter(
        view=params.view,
        state=params.state,
        category=params.category,
        urgency=params.urgency,
        region=params.region,
        q=params.q,
    )
    listing = services.queue_listing(current_viewer(request), flt)
    page = page_of(listing, params.page, params.size, lambda r: r)
    linked = services.response_activity_ids_of([r.pk for r in page["items"]])
    page["items"] = [report_out(r, linked.get(r.pk, [])) for r in page["items"]]
    return page


@router.get("/counts", response=dict[str, int], summary="Jumlah laporan baru, terlambat, terbuka")
def counts(request: HttpRequest) -> dict[str, int]:
    return services.counts(current_viewer(request))


class OfficerReportIn(ReportIn):
    channel: Annotated[str, OneOf(Channel.values)] = "officer"
    urgency: Annotated[str, OneOf(Urgency.values, blank=True)] = ""
    source_text: str = Field("", max_length=5000)


@router.post("", response={201: ReportOut}, summary="Catat laporan (oleh petugas)")
def create(request: HttpRequest, payload: OfficerReportIn) -> Status[dict[str, Any]]:
    data = payload.dict()
    channel, source_text = data.pop("channel"), data.pop("source_text")
    if channel not in Channel.values:
        raise Invalid("Saluran tidak dikenal.", {"channel": "tidak dikenal"})
    prepared = intake.prepare(
        intake.ReportInput(**data),
        channel=channel,
        viewer=current_viewer(request),
        source_text=source_text,
    )
    with prepared.kept_if_written(), transaction.atomic():
        report = intake.write(prepared)
    return Status(201, report_out(report))


class TextIn(Schema):
    text: str = Field(..., max_length=5000)


@router.post("/read", summary="Baca pesan yang diteruskan menjadi isian laporan")
def read(request: HttpRequest, payload: TextIn) -> dict[str, Any]:
    result = reading.read_report(current_viewer(request), payload.text)
    values = {
        k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in result["values"].items()
    }
    return {"values": values, "reader": result["reader"]}


@router.get("/{report_id}", response=ReportOut, summary="Satu laporan")
def detail(request: HttpRequest, report_id: int) -> dict[str, Any]:
    return report_out(services.get_report(current_viewer(request), report_id))


class MoveIn(Schema):
    to: Annotated[str, OneOf(State.values)]
    reason: str = Field("", max_length=500)
    referred_to: Annotated[str, OneOf(Referral.values, blank=True)] = ""
    settlement: Annotated[str, OneOf(Settlement.values, blank=True)] = ""
    parties: str = Field("", max_length=1000)
    agreement: str = Field("", max_length=2000)
    follow_up_on: dt.date | None = None


@router.post("/{report_id}/move", response=ReportOut, summary="Langkah alur kerja")
def move(request: HttpRequest, report_id: int, payload: MoveIn) -> dict[str, Any]:
    with transaction.atomic():
        report = services.move(current_viewer(request), report_id, services.Move(**payload.dict()))
    return report_out(report)


class AssignIn(Schema):
    unit_id: int
    officer_id: int | None = None


@router.post("/{report_id}/assign", response=ReportOut, summary="Tugaskan ke satuan/personel")
def assign(request: HttpRequest, report_id: int, payload: AssignIn) -> dict[str, Any]:
    with transaction.atomic():
        report = services.assign(
            current_viewer(request), report_id, payload.unit_id, payload.officer_id
        )
    return report_out(report)


class MessageIn(Schema):
    body: str = Field(..., max_length=2000)
    public: bool = True


@router.post("/{report_id}/messages", response={201: dict[str, int]}, summary="Kirim pesan")
def message(request: HttpRequest, report_id: int, payload: MessageIn) -> Status[dict[str, int]]:
    with transaction.atomic():
        m = services.add_message(
            current_viewer(request), report_id, payload.body, public=payload.public
        )
    return Status(201, {"id": m.pk})


@router.get(
    "/{report_id}/reporter", response=dict[str, str], summary="Identitas pelapor (dicatat di audit)"
)
def reporter(request: HttpRequest, report_id: int) -> dict[str, str]:
    return services.reveal_reporter(current_viewer(request), report_id, request)


class SimilarOut(Schema):
    id: int
    code: str
    score: int


@router.get("/{report_id}/similar", response=list[SimilarOut], summary="Laporan yang mungkin sama")
def similar(request: HttpRequest, report_id: int) -> list[dict[str, Any]]:
    return [
        {"id": s.report.pk, "code": s.report.code, "score": s.score}
        for s in services.similar(current_viewer(request), report_id)
    ]


class MergeIn(Schema):
    into: int


@router.post("/{report_id}/merge", response=ReportOut, summary="Gabungkan sebagai duplikat")
def merge(request: HttpRequest, report_id: int, payload: MergeIn) -> dict[str, Any]:
    with transaction.atomic():
        report = services.merge(current_viewer(request), report_id, payload.into)
    return report_out(report)


class EventOut(Schema):
    at: dt.datetime
    by: str
    action: str
    from_state: str
    to_state: str
    detail: dict[str, Any]


@router.get("/{report_id}/history", response=list[EventOut], summary="Riwayat laporan")
def history(request: HttpRequest, report_id: int) -> list[dict[str, Any]]:
    report = services.get_report(current_viewer(request), report_id)
    return [
        {
            "at": e.at,
            "by": e.by_name,
            "action": e.action,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "detail": e.detail,
        }
        for e in report.events.all()
    ]
