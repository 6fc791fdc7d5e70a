"""The recap (Rekapitulasi Kegiatan Cooling System) of a unit for a period, as XLSX:
a summary sheet, one sheet per unit below with its own totals, weeks, coverage and
activities, and a sheet of charts drawn by the spreadsheet itself (openpyxl's native
charts, so the numbers behind them stay editable)."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from sejuk import dates
from sejuk.activities.exports import LIST_COLUMNS, activity_rows, safe_cell
from sejuk.activities.recap import Coverage, Recap
from sejuk.text import printable
from sejuk.units.models import Unit

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
SHADE = PatternFill("solid", fgColor="E8EEF2")
# Activities listed per Polsek's sheet of a Polres's recap, newest first (a Polsek's
# month fits); the rest, and a Polda's or the nation's, the activity export gives.
LISTED_ACTIVITIES = 500
EXPORT = "Ekspor di halaman Kegiatan dengan satuan dan periode yang sama"
NOT_LISTED = f"Rekap Polda dan nasional tidak memuat daftar kegiatan; daftar lengkap: {EXPORT}."
ONE_ACTIVITY_ONCE = (
    "Satu kegiatan dapat memiliki lebih dari satu jenis; Jumlah kegiatan menghitungnya sekali."
)


@dataclass(frozen=True)
class UnitPart:
    recap: Recap
    coverage: Coverage
    activities: Any  # the unit's newest activities of the period, LISTED_ACTIVITIES at
    # most (a queryset); None: not listed (a Polda's or the nation's recap)
    activities_total: int = 0  # all of them


@dataclass(frozen=True)
class RecapBook:
    unit: Unit
    start: date
    end: date
    zone: str
    made_at: datetime
    whole: Recap
    coverage: Coverage
    parts: list[UnitPart]  # one per unit below


def render(book: RecapBook) -> bytes:
    wb = Workbook()
    summary = wb.active
    assert summary is not None
    summary.title = "Ringkasan"
    spots = _summary(summary, book)
    names = {"Ringkasan", "Grafik"}
    for part in book.parts:
        _unit_sheet(
            wb.create_sheet(_sheet_name(printable(part.recap.unit.name), names)), book, part
        )
    _charts(wb.create_sheet("Grafik"), summary, spots)
    wb.properties.title = printable(f"Rekapitulasi Kegiatan Cooling System {book.unit.name}")
    wb.properties.creator = "Sejuk"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _heading(ws: Worksheet, book: RecapBook, unit: Unit) -> int:
    ws.append(["REKAPITULASI KEGIATAN COOLING SYSTEM"])
    ws["A1"].font = TITLE
    ws.append([safe_cell(unit.name)])
    ws["A2"].font = BOLD
    ws.append([f"Periode: {dates.period(book.start, book.end)}"])
    ws.append([f"Dibuat oleh Sejuk pada {dates.stamp(book.made_at, book.zone)}"])
    ws.append([])
    return ws.max_row


def _type_table(ws: Worksheet, recap: Recap) -> tuple[int, int, int]:
    """Units below × types, with a total row; returns (header row, total row, columns)."""
    ws.append(["Kegiatan per satuan dan jenis"])
    ws.cell(ws.max_row, 1).font = BOLD
    header = ["Satuan", *(label for _, label in recap.types), "Jumlah kegiatan"]
    ws.append(header)
    head = ws.max_row
    for row in recap.rows:
        ws.append(
            [safe_cell(row.unit.name), *(row.counts.get(c, 0) for c, _ in recap.types), row.total]
        )
    ws.append(["Jumlah", *(recap.totals.get(c, 0) for c, _ in recap.types), recap.total])
    total = ws.max_row
    _shade(ws, head, len(header))
    _shade(ws, total, len(header))
    ws.append([ONE_ACTIVITY_ONCE])
    ws.append([])
    return head, total, len(header)


def _week_table(ws: Worksheet, recap: Recap) -> tuple[int, int]:
    ws.append(["Kegiatan per minggu"])
    ws.cell(ws.max_row, 1).font = BOLD
    ws.append(["Minggu (Senin)", "Sampai (Minggu)", "Jumlah kegiatan"])
    head = ws.max_row
    _shade(ws, head, 3)
    for monday, n in recap.weeks:
        ws.append([dates.short_date(monday), dates.short_date(monday + timedelta(days=6)), n])
    last = ws.max_row
    ws.append([])
    return head, last


def _coverage_rows(ws: Worksheet, rows: list[Coverage], days: int) -> None:
    ws.append([f"Cakupan desa/kelurahan ({days} hari sampai akhir periode)"])
    ws.cell(ws.max_row, 1).font = BOLD
    ws.append(["Satuan", "Desa/kelurahan didatangi", "Jumlah desa/kelurahan", "Persentase"])
    _shade(ws, ws.max_row, 4)
    for c in rows:
        ws.append([safe_cell(c.unit.name), c.reached, c.total, round(c.share, 4)])
        ws.cell(ws.max_row, 4).number_format = "0%"
    ws.append([])


def _summary(ws: Worksheet, book: RecapBook) -> dict[str, int]:
    _heading(ws, book, book.unit)
    head, total, columns = _type_table(ws, book.whole)
    week_head, week_last = _week_table(ws, book.whole)
    _coverage_rows(ws, [book.coverage, *(p.coverage for p in book.parts)], book.coverage.days)
    _widths(ws)
    return {
        "head": head,
        "total": total,
        "columns": columns,
        "week_head": week_head,
        "week_last": week_last,
    }


def _unit_sheet(ws: Worksheet, book: RecapBook, part: UnitPart) -> None:
    _heading(ws, book, part.recap.unit)
    _type_table(ws, part.recap)
    _week_table(ws, part.recap)
    _coverage_rows(ws, [part.coverage], part.coverage.days)
    ws.append(["Daftar kegiatan"])
    ws.cell(ws.max_row, 1).font = BOLD
    if part.activities is None:
        ws.append([NOT_LISTED])
        _widths(ws)
        return
    ws.append(list(LIST_COLUMNS))
    _shade(ws, ws.max_row, len(LIST_COLUMNS))
    for row in activity_rows(part.activities):
        ws.append([safe_cell(v) for v in row])
    shown = min(part.activities_total, LISTED_ACTIVITIES)
    if part.activities_total > shown:
        ws.append(
            [
                f"Ditampilkan {shown} kegiatan terbaru dari {part.activities_total}; "
                f"daftar lengkap: {EXPORT}."
            ]
        )
    _widths(ws)


def _charts(ws: Worksheet, summary: Worksheet, spots: dict[str, int]) -> None:
    ws["A1"] = "Grafik kegiatan (data dari lembar Ringkasan)"
    ws["A1"].font = BOLD
    columns = spots["columns"]
    if columns > 2:
        per_type = BarChart()
        per_type.type = "bar"
        per_type.title = "Kegiatan per jenis"
        per_type.legend = None
        per_type.add_data(
            Reference(summary, min_col=2, max_col=columns - 1, min_row=spots["total"]),
            from_rows=True,
            titles_from_data=False,
        )
        per_type.set_categories(
            Reference(summary, min_col=2, max_col=columns - 1, min_row=spots["head"])
        )
        per_type.height, per_type.width = 9, 18
        ws.add_chart(per_type, "A3")
    weekly = BarChart()
    weekly.title = "Kegiatan per minggu"
    weekly.legend = None
    weekly.add_data(
        Reference(summary, min_col=3, min_row=spots["week_head"] + 1, max_row=spots["week_last"]),
        titles_from_data=False,
    )
    weekly.set_categories(
        Reference(summary, min_col=1, min_row=spots["week_head"] + 1, max_row=spots["week_last"])
    )
    weekly.height, weekly.width = 9, 18
    ws.add_chart(weekly, "A22")
    _print_setup(ws)


def _shade(ws: Worksheet, row: int, columns: int) -> None:
    for col in range(1, columns + 1):
        cell = ws.cell(row, col)
        cell.font, cell.fill = BOLD, SHADE
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(ws: Worksheet) -> None:
    """Columns as wide as their table cells (titles and notes, alone on their row, may run
    over), and printed landscape, one page wide."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows(min_row=6, max_row=min(ws.max_row, 400)):
        filled = [c for c in row if c.value is not None]
        if len(filled) < 2:
            continue
        for c in filled:
            widths[c.column] = max(widths.get(c.column, 0), len(str(c.value)))
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = min(max(width + 2, 10), 45)
    _print_setup(ws)


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _sheet_name(name: str, taken: set[str]) -> str:
    """A legal sheet name (31 characters, none of []:*?/\\), unique in the book."""
    base = re.sub(r"[\[\]:*?/\\]", " ", name).strip()[:31] or "Satuan"
    candidate, n = base, 2
    while candidate in taken:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate)
    return candidate
