"""`python -m bench import`: an activity import against the floor of the same tables.

In a throwaway data folder and database (SQLite, or PostgreSQL beside the one
``SEJUK_DATABASE_URL`` names), set up as ``sejuk setup --no-demo`` sets it up, an
operator of Polres Lombok Barat imports a CSV of ``--rows`` activities the way a large
file is imported (queued as the page queues it, then the background job: the kept file
read, every row checked, then written in chunks, each in its own transaction, with
SQLite's pause between two), and then the same rows are written again as the floor: the
same values, prepared beforehand, sent with ``executemany`` into the same four tables
(activities, types, participants, history) in the same chunks, without checks. It prints
rows per second of both, the ratio and the load average (the issue's target: 50,000
rows/s and 0.4 of the floor)."""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SEJUK = str(Path(sys.executable).with_name("sejuk"))


def _database(folder: Path) -> tuple[str, str]:
    configured = os.environ.get("SEJUK_DATABASE_URL", "")
    if not configured.startswith("postgres"):
        return f"sqlite:///{folder / 'sejuk.sqlite3'}", ""
    import psycopg

    base, _, name = configured.rpartition("/")
    throwaway = f"{name}_import_{uuid.uuid4().hex[:6]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{throwaway}"')
    return f"{base}/{throwaway}", throwaway


def _drop(throwaway: str) -> None:
    if not throwaway:
        return
    import psycopg

    base = os.environ["SEJUK_DATABASE_URL"].rpartition("/")[0]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{throwaway}" WITH (FORCE)')


def _csv(rows: int, desa: list[str]) -> bytes:
    day = (date.today() - timedelta(days=3)).strftime("%d/%m/%Y")
    lines = ["tanggal,jam_mulai,kode_wilayah,jenis,peserta,uraian"]
    for n in range(rows):
        lines.append(
            f"{day},{8 + n % 9:02d}.{n % 60:02d},{desa[n % len(desa)]},sambang;penyuluhan,"
            f"warga:12,Sambang warga ke-{n} di pos kamling."
        )
    return ("\n".join(lines) + "\n").encode()


class _Phases:
    """Time spent writing chunks and pausing between them, inside the job."""

    def __init__(self, imports: Any) -> None:
        self.imports, self.writing, self.pauses, self.chunks = imports, 0.0, 0.0, 0
        self.write_chunk, self.between = imports.write_chunk, imports.between_chunks
        self.check_stream, self.checking = imports.check_stream, 0.0
        imports.write_chunk, imports.between_chunks = self._write, self._pause
        imports.check_stream = self._check

    def _check(self, viewer: Any, table: Any) -> Any:
        parts = self.check_stream(viewer, table)
        while True:
            started = time.perf_counter()
            part = next(parts, None)
            self.checking += time.perf_counter() - started
            if part is None:
                return
            yield part

    def _write(self, viewer: Any, chunk: Any) -> int:
        started = time.perf_counter()
        try:
            return int(self.write_chunk(viewer, chunk))
        finally:
            self.writing += time.perf_counter() - started
            self.chunks += 1

    def _pause(self) -> None:
        started = time.perf_counter()
        self.between()
        self.pauses += time.perf_counter() - started

    def stop(self) -> None:
        self.imports.write_chunk, self.imports.between_chunks = self.write_chunk, self.between
        self.imports.check_stream = self.check_stream


def _memory(name: str) -> float:
    """The process's resident memory (VmRSS) or its peak (VmHWM), in MB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{name}:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _forget_peak() -> None:
    """The peak (VmHWM) from now on: the file's generation before the import is no part
    of it (Linux: writing 5 to clear_refs resets it)."""
    with open("/proc/self/clear_refs", "w") as clear:
        clear.write("5")


def _measure(rows: int) -> None:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import timezone

    from sejuk.accounts.access import viewer_for
    from sejuk.activities import import_runs, imports, services
    from sejuk.activities.models import Activity, Change
    from sejuk.regions.models import Region
    from tests.personas import make_user

    with transaction.atomic():
        user = make_user("bench_import", "Polres Lombok Barat", "operator")
    viewer = viewer_for(user)
    desa = list(
        Region.objects.filter(code__startswith="52.01.", level=4).values_list("code", flat=True)
    )
    content = _csv(rows, desa)
    imports.MAX_ROWS = max(imports.MAX_ROWS, rows)
    imports.MAX_BYTES = max(imports.MAX_BYTES, len(content) + 1)

    with transaction.atomic():  # as the page queues a large file
        run = import_runs.queue(viewer, "kegiatan.csv", content, partial=False)
    before_mb = _memory("VmRSS")
    _forget_peak()
    phases = _Phases(imports)
    started = time.perf_counter()
    import_runs.run(run.pk)  # the background job: the kept file read, checked, written
    seconds = time.perf_counter() - started
    phases.stop()
    peak_mb = _memory("VmHWM")
    run.refresh_from_db()
    assert run.written == rows, run.refused_rows[:3]
    started = time.perf_counter()
    rows_read = imports.read_table("kegiatan.csv", content)
    reading = time.perf_counter() - started
    started = time.perf_counter()
    checked = imports.check_table(viewer, rows_read)  # also the floor's values
    checking = time.perf_counter() - started

    names = [*services._COLUMNS, "created_at", "updated_at"]
    by_attname = {f.attname: f for f in Activity._meta.concrete_fields}
    fields = [by_attname[name] for name in names]
    now = timezone.now()
    prepared: list[tuple[Any, ...]] = []
    for _, p in checked.inputs:
        assert p is not None
        values = (*p.values, now, now)
        prepared.append(
            tuple(f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True))
        )
    columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    change = Change._meta.db_table
    history = "activity_id, at, by_id, by_name, action, fields, reason, version"
    made_at = Change._meta.get_field("at").get_db_prep_save(timezone.now(), connection)
    entry = (made_at, user.pk, user.username, "created", "{}", "", 1)
    marks = ", ".join(["%s"] * len(fields))
    table = Activity._meta.db_table
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for at in range(0, rows, imports.CHUNK_ROWS):
            part = prepared[at : at + imports.CHUNK_ROWS]
            with transaction.atomic():
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
                first = cursor.fetchone()[0] + 1
                cursor.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
                    part,
                )
                ids = range(first, first + len(part))
                cursor.executemany(
                    "INSERT INTO activities_activitytype (activity_id, code) VALUES (%s, %s)",
                    [(i, code) for i in ids for code in ("sambang", "penyuluhan")],
                )
                cursor.executemany(
                    "INSERT INTO activities_participation (activity_id, category, count) "
                    "VALUES (%s, %s, %s)",
                    [(i, "warga", 12) for i in ids],
                )
                cursor.executemany(
                    f"INSERT INTO {change} ({history}) VALUES ({', '.join(['%s'] * 8)})",  # noqa: S608
                    [(i, *entry) for i in ids],
                )
    floor = time.perf_counter() - started
    ours, raw = rows / seconds, rows / floor
    print(f"{connection.vendor}: {rows:,} rows, chunks of {imports.CHUNK_ROWS:,}")
    print(
        f"  import (background job: read, checked, chunked): {ours:,.0f} rows/s ({seconds:.1f} s)"
    )
    print(f"  floor (executemany, same four tables): {raw:,.0f} rows/s ({floor:.1f} s)")
    print(
        f"  ratio {ours / raw:.2f} (target 0.4); target 50,000 rows/s: "
        + ("met" if ours >= 50_000 else f"short by {50_000 - ours:,.0f}/s")
    )
    rest = seconds - phases.checking - phases.writing - phases.pauses
    print(
        f"  where the import's {seconds:.1f} s went: file read, rows checked and prepared "
        f"{phases.checking:.1f} s (alone, after: read {reading:.1f} s, checked and "
        f"prepared {checking:.1f} s), written {phases.writing:.1f} s in {phases.chunks} "
        f"chunks, pauses between chunks {phases.pauses:.1f} s, the rest (commits, "
        f"progress, heartbeat) {rest:.1f} s"
    )
    print(
        f"  peak memory of the process during the import: {peak_mb:,.0f} MB (VmHWM; "
        f"{before_mb:,.0f} MB before it, the apps loaded and the file generated; target "
        f"300 MB " + ("met)" if peak_mb <= 300 else f"short by {peak_mb - 300:,.0f} MB)")
    )
    with open("/proc/loadavg") as loadavg:
        print(f"  load {loadavg.read().split()[0]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench import", description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        _measure(args.rows)
        return 0
    with tempfile.TemporaryDirectory(prefix="sejuk-bench-import-") as folder:
        url, throwaway = _database(Path(folder))
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(SEJUK_DATA_DIR=folder, SEJUK_DATABASE_URL=url, SEJUK_SERVE_JOBS="0")
        try:
            subprocess.run(
                [SEJUK, "setup", "--no-demo"], env=env, check=True, stdout=subprocess.DEVNULL
            )
            env["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
            return subprocess.run(
                [sys.executable, "-m", "bench", "import", "--measure", "--rows", str(args.rows)],
                env=env,
                check=False,
                cwd=Path(__file__).resolve().parents[1],
            ).returncode
        finally:
            _drop(throwaway)
