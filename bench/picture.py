"""`make bench-picture`: the situation picture on generated national data (`sejuk
generate national`, the data of `make bench-web`, kept in var/bench-picture/), on SQLite
and on PostgreSQL when SEJUK_DATABASE_URL names one. For each database it prints the
full recompute of tension for every desa, the rebuild of the daily figures, the upkeep
cost per write (a logged activity, with and without the picture listening), p50/p95 of
the commander's home, the recap page and a desa page at Polres, Polda and national scope
over repeated requests through Django's full request stack, peak memory and the load
average, and whether each target is met:

- full recompute of tension: <= 10 s on SQLite, <= 3 s on PostgreSQL
- every commander page p95 <= 50 ms
- upkeep adds <= 20% to a write

The measuring runs in a child process (bench/picture_probe.py) with the database's
settings."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from bench import web

REPO = Path(__file__).resolve().parent.parent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench picture", description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000, help="kegiatan (BENCH_SCALE)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--area", default="", help="kode wilayah (bawaan: seluruh Indonesia)")
    parser.add_argument("--requests", type=int, default=30, help="permintaan per halaman")
    parser.add_argument("--writes", type=int, default=30, help="tulisan per cara")
    parser.add_argument("--work", type=Path, default=REPO / "var" / "bench-picture")
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument("--throwaway", action="store_true", help="drop the databases afterwards")
    web.only_option(parser)
    args = parser.parse_args(list(argv or []))
    args.threads = 1  # the generated database's environment (bench.web) names it; unused
    status = 0
    for database in web._databases(args):
        with web._prepared(database, args) as env:
            env = {**env, "DJANGO_SETTINGS_MODULE": "sejuk.settings", "SEJUK_SERVE_JOBS": "0"}
            print(f"\n== {database.label}: {args.scale:,} activities", flush=True)
            done = subprocess.run(
                [
                    sys.executable, "-m", "bench.picture_probe", database.label,
                    str(args.requests), str(args.writes),
                ],
                env=env, cwd=REPO, check=False,
            )  # fmt: skip
            status |= done.returncode
    return status
