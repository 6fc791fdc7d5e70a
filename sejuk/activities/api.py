"""JSON API for activities: the same services as the pages, under the same area rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import TYPE_CHECKING, Annotated, Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from sejuk.accounts.access import current_viewer, require
from sejuk.accounts.auth import signed_in
from sejuk.errors import Invalid
from sejuk.openapi import CSV, JPEG, XLSX, Limits, OneOf, file_answer, input_schema
from sejuk.paging import page_of
from sejuk.reference.taxonomy import ACTIVITY_TYPES, SITUATIONS

from . import exports, import_runs, imports, parts, photos, plans, reading, recap, services
from .models import Source
from .records import RELATED, ActivityOut, activity_out

router = Router(tags=["kegiatan"], auth=signed_in)


class ActivityPage(Schema):
    items: list[ActivityOut]
    total: int = Field(description="jumlah kegiatan, dihitung sampai 1.000; 1001: lebih dari 1.000")
    page: int
    pages: int


ActivityType = Annotated[str, OneOf(ACTIVITY_TYPES)]
Situation = Annotated[str, OneOf(SITUATIONS, blank=True)]


class ListParams(Schema):
    start: dt.date | None = None
    end: dt.date | None = None
    unit_id: int | None = None
    region: str = Field("", max_length=13)
    type: Annotated[str, OneOf(ACTIVITY_TYPES, blank=True)] = ""
    situation: Situation = ""
    source: Annotated[str, OneOf(Source.values, blank=True)] = ""
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)

    def to_filter(self) -> services.ActivityFilter:
        return services.ActivityFilter(
            start=self.start,
            end=self.end,
            unit_id=self.unit_id,
            region=self.region,
            type=self.type,
            situation=self.situation,
            source=self.source,
            q=self.q,
        )


# The record's fields and their rules come from the service's input (sejuk.rules). The
# schemas are made as the module loads; to a type checker they are any object.
if TYPE_CHECKING:
    ActivityIn = Any
    ActivityPatch = Any
else:
    ActivityIn = input_schema(
        "ActivityIn",
        services.ActivityInput,
        required=services.REQUIRED,
        after={
            "raw_text": (str, Field("", max_length=20000, description="pesan asli, bila ada")),
            "client_id": (
                UUID | None,
                Field(
                    None,
                    description="id yang dibuat ponsel (UUID): kiriman ulang dengan id yang "
                    "sama menjawab 200 dengan kegiatan yang sama, tidak membuat yang kedua",
                ),
            ),
        },
    )
    ActivityPatch = input_schema(
        "ActivityPatch",
        services.ActivityInput,
        patch=True,
        before={
            "version": (
                int | None,
                Field(
                    None,
                    description="versi kegiatan yang diubah (dari GET): bila sudah ada perubahan "
                    "lain sesudahnya, jawabannya 409 dan tidak ada yang berubah",
                ),
            ),
        },
        after={"reason": (str, Field("", max_length=500))},
    )


class DeleteIn(Schema):
    reason: str = Field(..., min_length=5, max_length=500)


class ReadIn(Schema):
    text: str = Field(..., max_length=20000)
    published: dt.date | None = None


class HighlightOut(Schema):
    start: int
    end: int
    field: str
    why: str


class ReadOut(Schema):
    values: dict[str, Any]
    highlights: list[HighlightOut]
    notes: list[str]


class LineOut(Schema):
    field: str
    label: str
    before: str
    after: str


class ChangeOut(Schema):
    at: dt.datetime
    at_local: str = Field(
        description='waktu di zona tempat kegiatan: "Minggu (8/12/2024) 09.30 WITA"'
    )
    by: str
    action: str
    action_label: str
    fields: dict[str, Any] = Field(description="isian yang berubah: nama -> [sebelum, sesudah]")
    lines: list[LineOut] = Field(description="isian yang berubah, seperti dibaca orang")
    reason: str
    version: int | None


def _input(payload: Schema, *, patch: bool) -> services.ActivityInput:
    data = payload.dict(exclude_unset=patch)
    for name in ("raw_text", "reason", "version", "client_id"):
        data.pop(name, None)
    if data.get("unit_id", 0) is None:
        del data["unit_id"]  # the caller's own unit
    return services.ActivityInput(**data)


@router.get("", response=ActivityPage, summary="Daftar kegiatan di wilayah Anda")
def list_activities(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    listing = services.activity_listing(current_viewer(request), params.to_filter())
    listing.qs = listing.qs.prefetch_related(*RELATED)
    return page_of(listing, params.page, params.size, activity_out)


@router.post(
    "",
    response={200: ActivityOut, 201: ActivityOut},
    summary="Catat kegiatan",
    description="Dengan `client_id`: kiriman ulang (misalnya sesudah koneksi putus) "
    "menjawab 200 dengan kegiatan yang sudah tercatat.",
)
def create(request: HttpRequest, payload: ActivityIn) -> Status[ActivityOut]:
    viewer = current_viewer(request)
    client_id = payload.client_id
    earlier = services.sent_before(viewer, client_id)
    if earlier is not None:
        return Status(200, activity_out(earlier))
    reader = (
        reading.read_message(viewer, payload.raw_text).reader if payload.raw_text.strip() else None
    )
    try:
        with transaction.atomic():
            activity = services.create_activity(
                viewer,
                _input(payload, patch=False),
                source=Source.API,
                raw_text=payload.raw_text,
                reader=reader,
                client_id=client_id,
            )
    except IntegrityError:
        # The same send, arrived twice at once: the other one wrote it.
        earlier = services.sent_before(viewer, client_id)
        if earlier is None:
            raise
        return Status(200, activity_out(earlier))
    return Status(201, activity_out(activity))


@router.post("/read", response=ReadOut, summary="Baca pesan menjadi isian kegiatan")
def read(request: HttpRequest, payload: ReadIn) -> dict[str, Any]:
    prefill = reading.read_message(current_viewer(request), payload.text, payload.published)
    values = {
        k: (v.isoformat() if isinstance(v, (dt.date, dt.time)) else v)
        for k, v in prefill.values.items()
    }
    return {"values": values, "highlights": prefill.highlights, "notes": prefill.notes}


class PeriodParams(Schema):
    start: dt.date
    end: dt.date
    unit_id: int | None = None


@router.get("/recap", summary="Rekap kegiatan per satuan dan jenis")
def recap_json(request: HttpRequest, params: Query[PeriodParams]) -> dict[str, Any]:
    r = recap.recap(current_viewer(request), params.start, params.end, params.unit_id)
    return {
        "unit": {"id": r.unit.pk, "name": r.unit.name},
        "start": r.start,
        "end": r.end,
        "rows": [
            {
                "unit_id": row.unit.pk,
                "unit": row.unit.name,
                "counts": row.counts,
                "total": row.total,
            }
            for row in r.rows
        ],
        "totals": r.totals,
        "total": r.total,
        "weeks": [{"week": monday, "count": n} for monday, n in r.weeks],
    }


class CoverageParams(Schema):
    unit_id: int | None = None
    days: int = Field(30, ge=1, le=365)
    end: dt.date | None = Field(None, description="cakupan per tanggal ini (bawaan: hari ini)")


@router.get("/coverage", summary="Cakupan desa yang dijangkau")
def coverage_json(request: HttpRequest, params: Query[CoverageParams]) -> dict[str, Any]:
    c = recap.coverage(current_viewer(request), params.unit_id, params.days, today=params.end)
    return {
        "unit": {"id": c.unit.pk, "name": c.unit.name},
        "days": c.days,
        "since": c.since,
        "total": c.total,
        "reached": c.reached,
        "share": round(c.share, 4),
        "never": [{"code": r.code, "name": r.name} for r in c.never],
        "stale": [{"code": r.code, "name": r.name, "last": last} for r, last in c.stale],
    }


@router.get(
    "/export.{fmt}",
    summary="Ekspor daftar kegiatan (csv, xlsx)",
    openapi_extra=file_answer(CSV, XLSX),
)
def export(request: HttpRequest, fmt: str, params: Query[ListParams]) -> HttpResponse:
    viewer = current_viewer(request)
    rows = exports.activity_rows(services.list_activities(viewer, params.to_filter()))
    exports.audit_export(viewer, "activity", len(rows), request, format=fmt)
    return exports.file_response(exports.LIST_COLUMNS, rows, "kegiatan", fmt)


@router.get("/template.xlsx", summary="Templat impor XLSX", openapi_extra=file_answer(XLSX))
def template(request: HttpRequest) -> HttpResponse:
    require(current_viewer(request), "activity.write")
    return imports.template_response()


@router.get(
    "/photos/{photo_id}", summary="Satu foto kegiatan (JPEG)", openapi_extra=file_answer(JPEG)
)
def photo_file(request: HttpRequest, photo_id: int) -> FileResponse:
    record = photos.get_photo(current_viewer(request), photo_id)
    return FileResponse(record.image.open("rb"), content_type="image/jpeg")


class ImportOut(Schema):
    imported: int
    errors: list[dict[str, Any]]


class ImportQueuedOut(Schema):
    id: int = Field(description="nomor impor latar belakang")
    state: str = Field(description="menunggu, memeriksa, menulis, selesai atau gagal")
    total: int = Field(description="baris dalam berkas")
    status_url: str = Field(description="alamat untuk melihat kemajuannya (GET)")


class RefusedRowOut(Schema):
    row: int = Field(description="nomor baris dalam berkas (baris judul = 1)")
    reason: str


class ImportRunOut(Schema):
    id: int
    filename: str
    state: str = Field(description="menunggu, memeriksa, menulis, selesai atau gagal")
    state_label: str
    total: int = Field(description="baris dalam berkas")
    written: int = Field(description="kegiatan yang sudah tersimpan")
    refused: int = Field(description="baris yang ditolak sejauh ini")
    finished: bool
    error: str = Field(description="kenapa impor gagal, bila gagal")
    refused_rows: list[RefusedRowOut] | None = Field(
        description="setelah selesai: baris yang ditolak dan alasannya"
    )
    refused_csv: str | None = Field(description="setelah selesai: baris yang ditolak sebagai CSV")


@router.post(
    "/import",
    response={200: ImportOut, 202: ImportQueuedOut},
    summary="Impor dari templat XLSX/CSV",
    description="Berkas kecil diimpor langsung (200). Berkas lebih dari "
    "`SEJUK_IMPORT_BACKGROUND_ROWS` baris (2.000) diperiksa bentuknya, lalu diimpor di "
    "latar belakang: jawabannya 202 dengan nomor impor dan `status_url`, alamat yang "
    "menunjukkan kemajuannya dan, setelah selesai, baris yang ditolak.",
)
def import_file(
    request: HttpRequest,
    response: HttpResponse,
    file: File[UploadedFile],
    partial: Form[bool] = False,
) -> Status[dict[str, Any]]:
    """All rows or none; with ``partial`` the good rows. A file that imports nothing
    answers 422 with each bad row's problems as ``fields`` ("baris 3.tanggal"). A large
    file is queued as the import page queues it (202 and where to watch it)."""
    viewer = current_viewer(request)
    require(viewer, "activity.write")
    filename, content = file.name or "", file.read()
    total = imports.count_rows(filename, content)
    if import_runs.in_background(total):
        with transaction.atomic():
            run = import_runs.queue(viewer, filename, content, partial=partial, total=total)
        status_url = reverse("api:import_run", args=[run.pk])
        response["Location"] = status_url
        return Status(
            202, {"id": run.pk, "state": run.state, "total": total, "status_url": status_url}
        )
    rows = imports.check_rows(viewer, filename, content, partial=partial)
    result = imports.ImportResult(rows.results, 0)
    for chunk in imports.chunks(rows):  # each chunk a short transaction
        with transaction.atomic():
            result.imported += imports.write_chunk(viewer, chunk)
    if result.failed and not result.imported:
        fields = {
            f"baris {r.row}.{name}": msg for r in result.failed for name, msg in r.errors.items()
        }
        raise Invalid(f"{len(result.failed)} baris salah; tidak ada yang diimpor.", fields)
    return Status(
        200,
        {
            "imported": result.imported,
            "errors": [{"row": r.row, "fields": r.errors} for r in result.failed],
        },
    )


@router.get(
    "/imports/{run_id}",
    response=ImportRunOut,
    url_name="import_run",
    summary="Kemajuan impor latar belakang",
    description="Hanya untuk pengunggahnya (orang lain: 404). Selama berjalan: baris "
    "tersimpan dari jumlahnya dan baris ditolak sejauh ini; setelah selesai juga baris "
    "yang ditolak beserta alasannya, dan alamat CSV-nya.",
)
def import_run(request: HttpRequest, run_id: int) -> dict[str, Any]:
    run = import_runs.for_viewer(current_viewer(request), run_id)
    finished = run.finished
    return {
        "id": run.pk,
        "filename": run.filename,
        "state": run.state,
        "state_label": run.get_state_display(),
        "total": run.total,
        "written": run.written,
        "refused": run.refused,
        "finished": finished,
        "error": run.error,
        "refused_rows": (
            [{"row": row, "reason": reason} for row, reason in run.refused_rows]
            if finished
            else None
        ),
        "refused_csv": reverse("api:import_refused", args=[run.pk]) if finished else None,
    }


@router.get(
    "/imports/{run_id}/refused.csv",
    url_name="import_refused",
    summary="Baris yang ditolak impor latar belakang (CSV)",
    openapi_extra=file_answer(CSV),
)
def import_refused(request: HttpRequest, run_id: int) -> HttpResponse:
    run = import_runs.for_viewer(current_viewer(request), run_id)
    answer = HttpResponse(import_runs.refused_csv(run), content_type="text/csv; charset=utf-8")
    answer["Content-Disposition"] = f'attachment; filename="impor-{run.pk}-ditolak.csv"'
    return answer


class DueOut(Schema):
    plan_id: int
    title: str
    unit: str
    region: str
    day: dt.date
    overdue: bool


@router.get("/due", response=list[DueOut], summary="Rencana yang belum dicatat")
def due(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "plan_id": d.plan.pk,
            "title": d.plan.title,
            "unit": d.plan.unit.name,
            "region": d.plan.region_id,
            "day": d.day,
            "overdue": d.overdue,
        }
        for d in plans.due(current_viewer(request))
    ]


class PlanOut(Schema):
    id: int
    title: str
    unit_id: int
    region: str
    type_code: str
    weekday: int | None
    every_days: int | None
    starts_on: dt.date
    ends_on: dt.date | None
    officer_id: int | None


class PlanIn(Schema):
    unit_id: int
    region: str = Field(..., max_length=13)
    title: str = Field(..., max_length=150, json_schema_extra={"minLength": 1})
    type_code: ActivityType
    weekday: Annotated[int, Limits(minimum=0, maximum=6)] | None = Field(
        None, description="0 Senin … 6 Minggu; atau every_days"
    )
    every_days: Annotated[int, Limits(minimum=1, maximum=90)] | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    officer_id: int | None = None


def _plan_out(p: Any) -> dict[str, Any]:
    return {
        "id": p.pk,
        "title": p.title,
        "unit_id": p.unit_id,
        "region": p.region_id,
        "type_code": p.type_code,
        "weekday": p.weekday,
        "every_days": p.every_days,
        "starts_on": p.starts_on,
        "ends_on": p.ends_on,
        "officer_id": p.officer_id,
    }


@router.get("/plans", response=list[PlanOut], summary="Rencana kegiatan berulang")
def list_plans(request: HttpRequest) -> list[dict[str, Any]]:
    return [_plan_out(p) for p in plans.plans(current_viewer(request))]


@router.post("/plans", response={201: PlanOut}, summary="Buat rencana kegiatan berulang")
def create_plan(request: HttpRequest, payload: PlanIn) -> Status[dict[str, Any]]:
    with transaction.atomic():
        plan = plans.create_plan(current_viewer(request), plans.PlanInput(**payload.dict()))
    return Status(201, _plan_out(plan))


@router.delete("/plans/{plan_id}", response={204: None}, summary="Hentikan rencana")
def stop_plan(request: HttpRequest, plan_id: int) -> Status[None]:
    with transaction.atomic():
        plans.deactivate_plan(current_viewer(request), plan_id)
    return Status(204, None)


@router.get("/{activity_id}", response=ActivityOut, summary="Satu kegiatan")
def detail(request: HttpRequest, activity_id: int) -> ActivityOut:
    return activity_out(services.get_activity(current_viewer(request), activity_id))


@router.patch(
    "/{activity_id}",
    response=ActivityOut,
    summary="Ubah kegiatan",
    description="Hanya isian yang dikirim yang berubah. Kirim `version` dari GET: bila "
    "kegiatan sudah diubah orang lain sesudahnya, jawabannya 409: galat dalam bentuk yang "
    "sama, ditambah `current`, kegiatan sebagaimana tersimpan sekarang (seperti GET); tidak "
    "ada yang berubah.",
)
def update(request: HttpRequest, activity_id: int, payload: ActivityPatch) -> Any:
    viewer = current_viewer(request)
    try:
        with transaction.atomic():
            activity = services.update_activity(
                viewer,
                activity_id,
                _input(payload, patch=True),
                payload.reason,
                version=payload.version,
            )
    except services.StaleEdit as exc:
        # The one error shape, and the record as it is now for the phone to show beside
        # the edit that was refused.
        current = asdict(activity_out(services.get_activity(viewer, exc.activity_id)))
        return JsonResponse({**exc.as_dict(), "current": current}, status=409)
    return activity_out(activity)


@router.delete("/{activity_id}", response={204: None}, summary="Hapus kegiatan (dengan alasan)")
def delete(request: HttpRequest, activity_id: int, payload: DeleteIn) -> Status[None]:
    with transaction.atomic():
        services.delete_activity(current_viewer(request), activity_id, payload.reason)
    return Status(204, None)


@router.get("/{activity_id}/history", response=list[ChangeOut], summary="Riwayat perubahan")
def history(request: HttpRequest, activity_id: int) -> list[dict[str, Any]]:
    return [
        {
            "at": e.change.at,
            "at_local": e.at,
            "by": e.change.by_name,
            "action": e.change.action,
            "action_label": e.action,
            "fields": e.change.fields,
            "lines": e.lines,
            "reason": e.change.reason,
            "version": e.change.version,
        }
        for e in services.history(current_viewer(request), activity_id)
    ]


@router.post("/{activity_id}/photos", response={201: dict[str, int]}, summary="Unggah foto")
def upload_photo(
    request: HttpRequest,
    activity_id: int,
    photo: File[UploadedFile],
    keep_location: Form[bool] = False,
) -> Status[dict[str, int]]:
    viewer = current_viewer(request)
    activity = services.get_activity(viewer, activity_id)
    ready = photos.prepare(photo.read(), keep_location=keep_location)
    with photos.kept_if_saved([ready]), transaction.atomic():
        (record,) = photos.save_photos(viewer, activity, [ready])
    return Status(201, {"id": record.pk, "width": record.width, "height": record.height})


class PartOut(Schema):
    upload_id: UUID
    size: int
    received: int = Field(description="bita yang sudah diterima: bagian berikut mulai di sini")
    photo_id: int | None = Field(description="foto yang terpasang, setelah bagian terakhir")


def _part_out(upload: Any) -> dict[str, Any]:
    return {
        "upload_id": upload.id,
        "size": upload.size,
        "received": upload.received,
        "photo_id": upload.photo_id,
    }


@router.get(
    "/{activity_id}/photos/parts/{upload_id}",
    response=PartOut,
    summary="Sampai mana foto bertahap diterima",
)
def part_status(request: HttpRequest, activity_id: int, upload_id: UUID) -> dict[str, Any]:
    upload = parts.status(current_viewer(request), upload_id)
    if upload.activity_id != activity_id:
        raise parts.NotFound("Unggahan foto tidak ditemukan: mulai dari awal.")
    return _part_out(upload)


@router.put(
    "/{activity_id}/photos/parts/{upload_id}",
    response=PartOut,
    summary="Unggah foto bertahap (satu bagian)",
    description="Badan permintaan: bita bagian ini (paling banyak 1 MB), mulai dari "
    "`offset`. `size`: ukuran seluruh foto. Bila `offset` bukan tempat server berhenti, "
    "jawabannya 409 dengan posisi yang benar di `fields.offset`. Setelah bagian terakhir, "
    "foto diperiksa dan dipasang pada kegiatan (`photo_id`), sekali saja.",
)
def put_part(
    request: HttpRequest,
    activity_id: int,
    upload_id: UUID,
    offset: Annotated[int, Limits(minimum=0, maximum=parts.MAX_SIZE)],
    size: Annotated[int, Limits(minimum=1, maximum=parts.MAX_SIZE)],
    keep_location: bool = False,
) -> dict[str, Any]:
    viewer = current_viewer(request)
    with transaction.atomic():
        upload = parts.begin(viewer, activity_id, upload_id, size, keep_location)
    data = request.body
    parts.write_part(upload, offset, data)
    with transaction.atomic():
        upload = parts.advance(upload, offset, len(data))
    stored = parts.prepare_whole(upload)
    if stored is not None:
        with photos.kept_if_saved([stored]), transaction.atomic():
            upload = parts.attach(viewer, upload, stored)
        parts.clean_up(upload)
    return _part_out(upload)
