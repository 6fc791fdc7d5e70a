"""Importing activities from the XLSX or CSV template, row by row.

Every row is checked with the same rules as the form. A file with any bad row imports
nothing, and the answer lists each row's problems, unless the person asks to import the
good rows only.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import time as time_module
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, TypeVar

from django.conf import settings
from django.db import connection, transaction
from django.http import HttpResponse
from openpyxl import load_workbook

from sejuk.accounts.access import Viewer, require
from sejuk.errors import Invalid, SejukError
from sejuk.nlp.normalize import fold
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS, SITUATIONS
from sejuk.text import is_refused

from .exports import as_xlsx
from .models import Source
from .services import (
    ActivityInput,
    Known,
    Prepared,
    check_new,
    known_for,
    prepare,
    write_prepared,
)

T = TypeVar("T")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A Polda's year of activities in one file. Files above the background threshold
# (``settings.IMPORT_BACKGROUND_ROWS``) are imported by a job (``import_runs``).
MAX_ROWS = 100_000
# Rows written per transaction: short enough that intake waits no longer than a moment.
CHUNK_ROWS = 2000
MAX_BYTES = settings.IMPORT_MAX_BYTES
COLUMNS = (
    "tanggal",
    "jam_mulai",
    "jam_selesai",
    "kode_wilayah",
    "dusun",
    "jenis",
    "peserta",
    "jumlah_personel",
    "uraian",
    "temuan",
    "situasi",
    "daring",
    "pemilihan",
)
REQUIRED = ("tanggal", "jam_mulai", "kode_wilayah", "jenis", "uraian")
EXAMPLE = [
    "08/12/2024",
    "16.30",
    "18.00",
    "52.01.07.2002",
    "Tawun",
    "patroli_dialogis, sambang",
    "tokoh_agama:3; warga:20",
    3,
    "Patroli dialogis di dusun, menyampaikan pesan kamtibmas.",
    "Tidak ditemukan hal menonjol.",
    "kondusif",
    "tidak",
    "pilkada_2024",
]


def template() -> bytes:
    """The template the import page offers: the columns, an example row, and the codes."""
    codes = (
        [["jenis", code, label] for code, label in ACTIVITY_TYPES.items()]
        + [["peserta", code, label] for code, label in PARTICIPANTS.items()]
        + [["situasi", code, label] for code, label in SITUATIONS.items()]
        + [["pemilihan", code, label] for code, label in ELECTIONS.items()]
    )
    return as_xlsx(
        [
            ("Kegiatan", COLUMNS, [EXAMPLE]),
            ("Kode", ("kolom", "kode", "arti"), codes),
        ]
    )


def template_response() -> HttpResponse:
    response = HttpResponse(template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="templat-kegiatan.xlsx"'
    return response


@dataclass
class RowResult:
    row: int  # as numbered in the file (the header is row 1)
    errors: dict[str, str] = field(default_factory=dict)
    activity_id: int | None = None


@dataclass
class ImportResult:
    rows: list[RowResult]
    imported: int

    @property
    def failed(self) -> list[RowResult]:
        return [r for r in self.rows if r.errors]


NOT_A_TABLE = "Berkas ini bukan CSV atau XLSX. Unduh templat di halaman ini, isi, lalu unggah lagi."
MAX_UNPACKED = 100 * 1024 * 1024  # an XLSX is a zip: what its parts may unpack to, at most


def read_table(filename: str, content: bytes) -> list[dict[str, Any]]:
    """The file's rows as dicts by column, all at once (``iter_table``)."""
    return list(iter_table(filename, content))


def count_rows(filename: str, content: bytes) -> int:
    """How many rows the file has, read as the import reads it (``iter_table``) but
    keeping none: a file that is no template, or has too many rows, is refused in words
    here, before anything is queued or written."""
    return sum(1 for _ in iter_table(filename, content))


def iter_table(filename: str, content: bytes) -> Iterator[dict[str, Any]]:
    """The file's rows as dicts by column, one at a time (a file of 100,000 rows is not
    held as 100,000 dicts), judged by content: an XLSX (a zip) or CSV text. Anything
    else (a photo, another zip, random bytes) or a header without the required columns
    is refused in words at once; a row past ``MAX_ROWS`` when it is reached."""
    if len(content) > MAX_BYTES:
        raise Invalid(
            f"Berkas terlalu besar (maksimal {MAX_BYTES // (1024 * 1024)} MB). Bagi menjadi "
            "beberapa berkas, lalu unggah satu per satu.",
            {"file": "terlalu besar"},
        )
    if content[:4] == b"PK\x03\x04":
        return _as_dicts(_read_xlsx(content))
    if filename.lower().endswith((".xlsx", ".xls")) or b"\x00" in content:
        # CSV is text: a NUL byte means a binary file (a photo, a PDF, an old .xls).
        raise Invalid(NOT_A_TABLE, {"file": "bukan CSV/XLSX"})
    return _as_dicts(_read_csv(content))


_NOT_XLSX = Invalid(
    "Berkas ini bukan XLSX yang sah (rusak, atau zip lain). Simpan ulang dari "
    "Excel atau LibreOffice, atau pakai templat.",
    {"file": "bukan XLSX"},
)


def _read_xlsx(content: bytes) -> Iterator[Any]:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise Invalid("Isi berkas XLSX terlalu besar.", {"file": "terlalu besar"})
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True, max_row=MAX_ROWS + 2)
        first = next(rows, None)
    except Invalid:
        raise
    except Exception:
        # A zip that is no workbook, a part missing, broken XML inside: openpyxl and the
        # zip and XML readers under it fail in many ways, all of them "not an XLSX".
        raise _NOT_XLSX from None
    return _guarded(first, rows, _NOT_XLSX)


def _read_csv(content: bytes) -> Iterator[Any]:
    try:
        content.decode("utf-8")  # only to learn the encoding: the text is not kept
        encoding = "utf-8-sig"
    except UnicodeDecodeError:
        encoding = "latin-1"
    try:
        head = content[:4096].decode(encoding, errors="ignore")
        dialect = csv.Sniffer().sniff(head, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # Decoded as it is read, a few kilobytes at a time: never a second copy of the file
    # as text (a StringIO of it would take four bytes a character).
    text = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    rows = csv.reader(text, dialect)
    try:
        first = next(rows, None)
    except csv.Error:
        raise Invalid(NOT_A_TABLE, {"file": "bukan CSV/XLSX"}) from None
    return _guarded(first, rows, Invalid(NOT_A_TABLE, {"file": "bukan CSV/XLSX"}))


def _guarded(first: Any, rows: Iterator[Any], refusal: Invalid) -> Iterator[Any]:
    """The rows, the first one read already; a reader failing further on is refused in
    the same words as one failing at once."""
    if first is None:
        return
    yield first
    try:
        yield from rows
    except Invalid:
        raise
    except Exception:
        raise refusal from None


def _as_dicts(rows: Iterator[Any]) -> Iterator[dict[str, Any]]:
    """The header checked at once; the rows with anything in them, as dicts, lazily."""
    first = next(rows, None)
    if first is None:
        raise Invalid("Berkas kosong.", {"file": "kosong"})
    header = [fold(str(h or "")).replace(" ", "_") for h in first]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise Invalid(
            f"Kolom wajib tidak ada: {', '.join(missing)}. Pakai templat dari halaman impor.",
            {"file": "kolom kurang"},
        )
    return _body(header, rows)


def _body(header: list[str], rows: Iterator[Any]) -> Iterator[dict[str, Any]]:
    count = 0
    for row in rows:
        if not any(v not in (None, "") for v in row):
            continue
        count += 1
        if count > MAX_ROWS:
            raise Invalid(
                f"Paling banyak {MAX_ROWS:,} baris per berkas".replace(",", ".")
                + ". Bagi menjadi beberapa berkas, lalu unggah satu per satu.",
                {"file": "terlalu banyak baris"},
            )
        yield dict(zip(header, row, strict=False))


def _text(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if is_refused(text):
        raise ValueError("berisi karakter yang tidak sah (NUL)")
    return text


_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    # The template's own form, read without strptime (which asks the locale every time).
    if match := _DAY.fullmatch(text):
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            raise ValueError("tanggal tidak terbaca (pakai dd/mm/yyyy)") from None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d/%m/%y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("tanggal tidak terbaca (pakai dd/mm/yyyy)")


def _time(value: Any) -> time | None:
    if value in (None, ""):
        return None
    if isinstance(value, time):
        return value
    if isinstance(value, datetime):
        return value.time()
    match = re.fullmatch(r"(\d{1,2})[.:](\d{2})", _text(value))
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValueError("jam tidak terbaca (pakai 16.30)")
    return time(int(match[1]), int(match[2]))


_FOLDED: dict[int, dict[str, str]] = {}


def _by_label(allowed: dict[str, str]) -> dict[str, str]:
    """A taxonomy's codes by their folded labels, folded once per process, not per row
    (the taxonomies are constants of ``sejuk.reference``)."""
    found = _FOLDED.get(id(allowed))
    if found is None:
        found = _FOLDED[id(allowed)] = {fold(label): code for code, label in allowed.items()}
    return found


def _codes(value: Any, allowed: dict[str, str]) -> list[str]:
    by_label = _by_label(allowed)
    out = []
    for part in re.split(r"[,;]", _text(value)):
        key = part.strip()
        if not key:
            continue
        code = key if key in allowed else by_label.get(fold(key))
        if code is None:
            raise ValueError(f"tidak dikenal: {key}")
        out.append(code)
    return out


def _participants(value: Any) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for part in re.split(r";", _text(value)):
        if not part.strip():
            continue
        name, _, count = part.partition(":")
        (code,) = _codes(name, PARTICIPANTS)
        out[code] = int(count) if count.strip() else None
    return out


_MISSING = object()
# Distinct values a column's parse remembers, per process: a file's days, hours, places,
# type and participant lists repeat from row to row; a free text is seldom seen twice.
REMEMBERED = 10_000


def _once_per_value(
    parse: Callable[[Any], Any], copy: Callable[[Any], Any] | None = None
) -> Callable[[Any], Any]:
    """``parse``, run once per distinct cell value and remembered (a value that is
    refused is parsed again each time, and refused again). ``copy``: what a remembered
    answer that can change (a list, a dict) is handed out as, so no row shares it."""
    seen: dict[tuple[type, Any], Any] = {}

    def parsed(value: Any) -> Any:
        key = (type(value), value)
        try:
            found = seen.get(key, _MISSING)
        except TypeError:  # a cell value that cannot be a key
            return parse(value)
        if found is _MISSING:
            found = parse(value)
            if len(seen) < REMEMBERED:
                seen[key] = found
        return found if copy is None else copy(found)

    return parsed


_PARSERS = {
    "tanggal": ("date", _once_per_value(_date)),
    "jam_mulai": ("start_time", _once_per_value(_time)),
    "jam_selesai": ("end_time", _once_per_value(_time)),
    "kode_wilayah": ("region", _once_per_value(_text)),
    "dusun": ("dusun", _once_per_value(_text)),
    "jenis": ("types", _once_per_value(lambda v: _codes(v, ACTIVITY_TYPES), list)),
    "peserta": ("participants", _once_per_value(_participants, dict)),
    "jumlah_personel": (
        "personnel_count",
        _once_per_value(lambda v: int(v) if _text(v) else None),
    ),
    "uraian": ("summary", _text),
    "temuan": ("findings", _text),
    "situasi": ("situation", _once_per_value(lambda v: (_codes(v, SITUATIONS) or [""])[0])),
    "daring": (
        "online",
        _once_per_value(lambda v: fold(_text(v)) in {"ya", "y", "1", "true", "daring"}),
    ),
    "pemilihan": ("election", _once_per_value(lambda v: (_codes(v, ELECTIONS) or [""])[0])),
}


def row_input(row: dict[str, Any]) -> tuple[ActivityInput, dict[str, str]]:
    data = ActivityInput()
    errors: dict[str, str] = {}
    for column, (name, parse) in _PARSERS.items():
        if column not in row:
            continue
        try:
            setattr(data, name, parse(row[column]))
        except (ValueError, TypeError) as exc:
            errors[column] = str(exc) or "tidak terbaca"
    return data, errors


@dataclass
class CheckedRows:
    """A table read and every row checked: what ``write_chunk`` imports, chunk by chunk."""

    results: list[RowResult]
    inputs: list[tuple[RowResult, Prepared | None]]
    partial: bool

    def importable(self) -> bool:
        return self.partial or not any(r.errors for r in self.results)


def check_rows(
    viewer: Viewer, filename: str, content: bytes, *, partial: bool = False
) -> CheckedRows:
    """Read the file and check every row, writing nothing: the slow part of an import,
    before any transaction."""
    require(viewer, "activity.write")
    return check_table(viewer, iter_table(filename, content), partial=partial)


def check_table(
    viewer: Viewer, table: Iterable[dict[str, Any]], *, partial: bool = False
) -> CheckedRows:
    """Every row of a table (``read_table``, ``iter_table``) checked, writing nothing."""
    inputs = [pair for part in check_stream(viewer, table) for pair in part]
    return CheckedRows([r for r, _ in inputs], inputs, partial)


def check_stream(
    viewer: Viewer, table: Iterable[dict[str, Any]]
) -> Iterator[list[tuple[RowResult, Prepared | None]]]:
    """The table's rows checked with the form's rules a chunk at a time, writing nothing:
    each row's result and, when it passed, the values it is written as (small). The
    places and units a chunk names are looked up once, those of earlier chunks kept."""
    require(viewer, "activity.write")
    known = Known({}, {})
    shared: dict[Any, Any] = {}
    numbered = enumerate(table, start=2)  # the header is row 1
    while batch := list(itertools.islice(numbered, CHUNK_ROWS)):
        parsed = [(number, *row_input(row)) for number, row in batch]
        known_for(viewer, [data for _, data, errors in parsed if not errors], known)
        checked: list[tuple[RowResult, Prepared | None]] = []
        for number, data, errors in parsed:
            result = RowResult(number, errors)
            prepared = None
            if not errors:
                try:
                    checked_row = check_new(viewer, data, known)
                    prepared = prepare(viewer, checked_row, source=Source.IMPORT, shared=shared)
                except SejukError as exc:
                    result.errors = exc.fields or {"baris": exc.message}
            checked.append((result, prepared))
        yield checked


def chunks(rows: CheckedRows, start_row: int = 0) -> Iterator[Sequence[tuple[RowResult, Prepared]]]:
    """The rows to write, a few thousand at a time: the edge writes each chunk in its own
    short transaction, so reports and edits keep flowing during a large import (and
    between two, a pause on SQLite lets a waiting writer in: ``between_chunks``). None
    when any row is bad and the import is all or nothing. ``start_row``: the rows
    numbered below it are written already (a background import taken up again)."""
    if not rows.importable():
        return
    yield from in_chunks(
        [(r, p) for r, p in rows.inputs if p is not None and not r.errors and r.row >= start_row]
    )


def in_chunks(good: Sequence[T]) -> Iterator[Sequence[T]]:
    """``good`` a chunk at a time, with the pause between two (``between_chunks``)."""
    for at in range(0, len(good), CHUNK_ROWS):
        if at:  # the caller's transaction of the chunk before has committed
            between_chunks()
        yield good[at : at + CHUNK_ROWS]


# SQLite has one writer, and a writer that waits for the lock is not queued: it sleeps
# and tries again, at most 100 ms apart. An import that began its next chunk at once
# would win every time and keep a citizen's report waiting for the whole file, so it
# pauses that long between two chunks (PostgreSQL lets other writers in meanwhile).
SQLITE_PAUSE = 0.1


def between_chunks() -> None:
    """Between two chunks (``chunks``), after the first one's commit: let a writer that
    waits in first."""
    if connection.vendor == "sqlite":
        time_module.sleep(SQLITE_PAUSE)


def write_chunk(viewer: Viewer, chunk: Sequence[tuple[RowResult, Prepared]]) -> int:
    """Write one chunk of checked rows (inside the edge's transaction)."""
    ids = write_prepared(viewer, [p for _, p in chunk])
    for (result, _), pk in zip(chunk, ids, strict=True):
        result.activity_id = pk
    return len(ids)


def import_activities(
    viewer: Viewer, filename: str, content: bytes, *, partial: bool = False
) -> ImportResult:
    """Check, then write chunk by chunk (for commands and tests; the pages and the API
    do the same at their edge)."""
    rows = check_rows(viewer, filename, content, partial=partial)
    imported = 0
    for chunk in chunks(rows):
        with transaction.atomic():
            imported += write_chunk(viewer, chunk)
    return ImportResult(rows.results, imported)
