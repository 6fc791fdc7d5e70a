"""`make bench-documents`: the daily situation report and the recap on generated
national data (`sejuk generate national`, the data of `make bench-picture`, kept in
var/bench-picture/ and generated when missing), for the busiest Polda (the province with
the most activities) and for the nation, on SQLite and on PostgreSQL when
SEJUK_DATABASE_URL names one.

Each download is built in a child process of its own (bench/documents_probe.py) exactly
as its download builds it: the daily report's figures, then its PDF (ReportLab) and
its DOCX (python-docx); the recap's figures, then its XLSX (openpyxl). No download goes
through LibreOffice. For each it prints the wall time end to end (and the child's CPU
time, less moved by other work on the machine) and per part, the SQL queries issued,
the child's peak memory (ru_maxrss) beside its memory before the document (the floor of
a Django process of Sejuk), the 1-minute load average, and the targets: <= 5 s and
<= 300 MB per download, met or short by how much. The first download of a child is
cold (fonts, caches); the parts are measured after it.

    python -m bench documents [--scale 100000] [--seed 2024]
    python -m bench documents --data-dir DIR [--database-url URL]   # data made before
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import web

REPO = Path(__file__).resolve().parent.parent
SECONDS = 5.0
MEGABYTES = 300.0
DOWNLOADS = (("daily", "pdf"), ("daily", "docx"), ("recap", "xlsx"))
BUSIEST_PROVINCE = (
    "SELECT SUBSTR(region_id, 1, 2) AS p, COUNT(*) FROM activities_activity "
    "GROUP BY SUBSTR(region_id, 1, 2) ORDER BY 2 DESC LIMIT 1"
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench documents", description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000, help="kegiatan (BENCH_SCALE)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--area", default="", help="kode wilayah (bawaan: seluruh Indonesia)")
    parser.add_argument("--work", type=Path, default=REPO / "var" / "bench-picture")
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument("--data-dir", type=Path, help="data made before (read, never changed)")
    parser.add_argument("--database-url", default="", help="with --data-dir (default: SQLite)")
    args = parser.parse_args(list(argv or []))
    args.threads, args.throwaway = 1, False  # bench.web's environment names them; unused
    if args.data_dir:
        url = args.database_url or f"sqlite:///{args.data_dir / 'sejuk.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(SEJUK_DATA_DIR=str(args.data_dir), SEJUK_DATABASE_URL=url)
        label = "PostgreSQL" if url.startswith("postgres") else "SQLite"
        return _measure(label, env)
    status = 0
    for database in web._databases(args):
        with web._prepared(database, args) as env:
            status |= _measure(database.label, env)
    return status


def _measure(label: str, env: dict[str, str]) -> int:
    env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "sejuk.settings",
        "SEJUK_SERVE_JOBS": "0",
        "SEJUK_BULLETIN_SCHEDULE": "0",
        "PYTHONPATH": str(REPO),
    }
    url = env["SEJUK_DATABASE_URL"]
    scopes = _scopes(url)
    print(f"\n== {label}: documents ({url.rpartition('/')[2]})", flush=True)
    status = 0
    for document, fmt in DOWNLOADS:
        for scope, unit_id in scopes:
            done = subprocess.run(
                [sys.executable, "-m", "bench.documents_probe", document, fmt, str(unit_id)],
                env=env, cwd=REPO, capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode != 0:
                print(f"{document} {fmt} {scope}: FAILED\n{done.stdout}{done.stderr}", flush=True)
                status = 1
                continue
            figures = json.loads(done.stdout.strip().splitlines()[-1])
            print(_line(scope, figures), flush=True)
    return status


def _scopes(url: str) -> list[tuple[str, int]]:
    province = web._query(url, BUSIEST_PROVINCE)[0][0]
    polda = web._query(
        url,
        "SELECT id FROM units_unit WHERE level = %s AND home_region_id = %s",
        ["polda", province],
    )
    mabes = web._query(url, "SELECT id FROM units_unit WHERE level = %s", ["mabes"])
    return [("Polda", polda[0][0]), ("nasional", mabes[0][0])]


def verdict(value: float, target: float, unit: str) -> str:
    if value <= target:
        return "met"
    return f"SHORT by {value - target:.1f} {unit}"


def _line(scope: str, f: dict[str, Any]) -> str:
    name = f"{f['document']} {f['format'].upper()}"
    return (
        f"{name:11} {scope:8} {f['unit']} ({f['activities']:,} activities counted): "
        f"{f['download_s']:.2f} s (CPU {f['download_cpu_s']:.2f} s; <= {SECONDS:g} s: "
        f"{verdict(f['download_s'], SECONDS, 's')}), {f['download_queries']:,} queries, "
        f"peak {f['peak_mb']} MB (before it {f['start_mb']} MB; <= {MEGABYTES:g} MB: "
        f"{verdict(f['peak_mb'], MEGABYTES, 'MB')}); load {f['load']}\n"
        f"{'':21}again in parts: figures {f['figures_s']:.2f} s"
        + (f", outline {f['outline_s']:.2f} s" if "outline_s" in f else "")
        + f", file drawn {f['drawn_s']:.2f} s ({f['bytes']:,} B)"
    )
