"""Lists and recaps as CSV and XLSX. Every export is written to the audit log."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from sejuk.accounts import audit
from sejuk.accounts.access import Viewer
from sejuk.accounts.models import AuditAction
from sejuk.accounts.services import acting_user
from sejuk.errors import NotFound
from sejuk.reference.taxonomy import ACTIVITY_TYPES, PARTICIPANTS, SITUATIONS
from sejuk.text import printable

from .models import Activity, Source
from .recap import Recap
from .records import RELATED, activity_out

LIST_COLUMNS = (
    "nomor",
    "tanggal",
    "jam_mulai",
    "zona",
    "satuan",
    "kode_wilayah",
    "wilayah",
    "dusun",
    "jenis",
    "peserta",
    "jumlah_personel",
    "situasi",
    "tindak_lanjut",
    "sumber",
    "uraian",
    "temuan",
)


def activity_rows(activities: QuerySet[Activity]) -> list[list[Any]]:
    """One row per activity, from the record the API gives (records.activity_out)."""
    rows = []
    sources = dict(Source.choices)
    for a in activities.prefetch_related(*RELATED):
        r = activity_out(a)
        participants = "; ".join(
            f"{PARTICIPANTS.get(p.category, p.category)}{f' ({p.count})' if p.count else ''}"
            for p in r.participants
        )
        rows.append(
            [
                r.id,
                r.date.strftime("%d/%m/%Y"),
                r.start.replace(":", "."),
                r.zone,
                r.unit_name,
                r.region,
                r.region_name,
                r.dusun,
                ", ".join(ACTIVITY_TYPES.get(t, t) for t in r.types),
                participants,
                r.personnel_count if r.personnel_count is not None else "",
                SITUATIONS.get(r.situation, ""),
                "ya" if r.follow_up else "tidak",
                sources.get(r.source, r.source),
                r.summary,
                r.findings,
            ]
        )
    return rows


def recap_rows(recap: Recap) -> tuple[list[str], list[list[Any]]]:
    header = ["satuan", *(label for _, label in recap.types), "jumlah kegiatan"]
    rows: list[list[Any]] = [
        [r.unit.name, *(r.counts.get(code, 0) for code, _ in recap.types), r.total]
        for r in recap.rows
    ]
    rows.append(["Jumlah", *(recap.totals.get(code, 0) for code, _ in recap.types), recap.total])
    return header, rows


def file_response(
    header: Sequence[str], rows: list[list[Any]], name: str, fmt: str
) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise NotFound("Format ekspor tidak dikenal: pakai csv atau xlsx.")
    if fmt == "xlsx":
        body = as_xlsx([("Data", header, rows)])
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, kind = as_csv(header, rows), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def as_csv(header: Sequence[str], rows: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([[safe_cell(v) for v in row] for row in rows])
    return out.getvalue().encode("utf-8-sig")  # the BOM makes Excel read it as UTF-8


def as_xlsx(sheets: list[tuple[str, Sequence[str], list[list[Any]]]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append([safe_cell(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([safe_cell(v) for v in row])
        for column in sheet.columns:
            width = max(len(str(c.value or "")) for c in column[:200])
            sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def safe_cell(value: Any) -> Any:
    """A text cell a spreadsheet can hold (``printable``: whatever was stored) and will
    not run as a formula. Printable first: a control character must not hide an "="."""
    if not isinstance(value, str):
        return value
    value = printable(value)
    if value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def audit_export(
    viewer: Viewer, what: str, rows: int, request: HttpRequest | None, **detail: Any
) -> None:
    audit.record(
        AuditAction.EXPORT,
        request=request,
        user=acting_user(viewer) if request is None else None,
        object_type=what,
        detail={"rows": rows, **{k: str(v) for k, v in detail.items()}},
    )
