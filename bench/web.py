"""`make bench-web` (`python -m bench web`): Sejuk served on a database filled by
`sejuk generate national`, measured against the floor of the same server in the same run.

    python -m bench web [--scale 100000] [--seconds 10] [--clients 8] [--fresh]
                        [--scenarios floor,intake,reads]

For each database (SQLite; and PostgreSQL when SEJUK_DATABASE_URL names one): a database
of ``--scale`` activities (with scale/25 citizen reports and scale/100 incidents across
the whole country) is generated once and kept in var/bench-web/ (on PostgreSQL, a
database named after the one in SEJUK_DATABASE_URL plus "_web_<scale>_s<seed>"), so later
runs at that scale start at once; ``--fresh`` makes it again. Then `sejuk serve` (waitress,
SEJUK_THREADS threads) runs with ``bench.settings``: Sejuk's own settings plus the floor,
bare Django views on the same server (``bench.floor``), never part of a deployment.

A bounded load generator (``bench.load``: client threads with keep-alive connections on
the loopback address, each scenario stopped after a count or ``--seconds``) drives:
 - the floor: a bare view that validates a report-like JSON body and inserts one row with
   the ORM, and a bare view that reads 25 rows;
 - citizen-report intake through the JSON API (anonymous, as citizens send it), then
   every acknowledged tracking code is looked up: stored = acknowledged, exactly once;
 - the activity list page and its API, the report queue and the home page, signed in as
   an operator and commander of the busiest Polres, of its Polda and of Mabes (national).
``--scenarios`` measures only some of them (``floor``: the bare insert; ``intake``; ``reads``:
the bare read and the pages), e.g. ``--scenarios floor,intake`` for intake against its floor.
For each it prints throughput, p50/p95, the server's CPU time per request (its process's
/proc figures before and after), the ratio to the floor, the 1-minute load average, and
the issue's target: met, or short by how much. The exit status is 1 only when something
broke (a report acknowledged and not stored, server errors), never for a target missed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from bench.load import Outcome, Request, drive

REPO = Path(__file__).resolve().parents[1]
SEJUK = str(Path(sys.executable).with_name("sejuk"))
HOST = "127.0.0.1"
CATEGORIES = ("hoaks", "provokasi", "politik_uang", "intimidasi", "unjuk_rasa", "perusakan")
# The targets (issue 21; the home page is a commander page of issue 14).
INTAKE_PER_S = 1000.0
INTAKE_RATIO = 0.5
LIST_P95_MS = 50.0
SCENARIOS = ("floor", "intake", "reads")


def _scenarios(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    unknown = [name for name in chosen if name not in SCENARIOS]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(
            f"unknown scenario {', '.join(unknown) or '(none)'}: choose from {', '.join(SCENARIOS)}"
        )
    return chosen


@dataclass(frozen=True)
class Database:
    label: str
    url: str
    data_dir: Path


@dataclass(frozen=True)
class Scope:
    label: str  # Polres, Polda, nasional
    unit: str  # the unit's name
    note: str = ""
    cookie: str = ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench web", description=__doc__)
    parser.add_argument("--scale", type=int, default=100_000, help="kegiatan (BENCH_SCALE)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--area", default="", help="kode wilayah (bawaan: seluruh Indonesia)")
    parser.add_argument("--seconds", type=float, default=10.0, help="batas waktu per skenario")
    parser.add_argument("--writes", type=int, default=3000, help="batas permintaan tulis")
    parser.add_argument("--reads", type=int, default=400, help="batas permintaan baca")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--threads", type=int, default=8, help="SEJUK_THREADS of the server")
    parser.add_argument("--work", type=Path, default=REPO / "var" / "bench-web")
    parser.add_argument("--fresh", action="store_true", help="generate the data again")
    parser.add_argument(
        "--throwaway", action="store_true", help="drop the databases afterwards (tests)"
    )
    parser.add_argument(
        "--scenarios",
        type=_scenarios,
        default=SCENARIOS,
        help="which to measure, comma-separated: floor (bare insert), intake, reads "
        "(bare read and the pages); e.g. floor,intake (default: all)",
    )
    only_option(parser)
    args = parser.parse_args(list(argv or []))
    status = 0
    for database in _databases(args):
        with _prepared(database, args) as env:
            status |= _run(database, env, args)
    return status


# -- the databases --------------------------------------------------------------------


def only_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--only",
        choices=("sqlite", "postgresql"),
        help="one database only (e.g. each at its own scale, or PostgreSQL while another "
        "process holds the SQLite file)",
    )


def _databases(args: argparse.Namespace) -> list[Database]:
    name = f"{args.scale}-s{args.seed}" + (f"-{args.area.replace(',', '_')}" if args.area else "")
    out = [Database("SQLite", "", args.work / f"sqlite-{name}")]
    configured = os.environ.get("SEJUK_DATABASE_URL", "")
    if configured.startswith("postgres"):
        base, _, db = configured.rpartition("/")
        pg_name = f"{db}_web_{name}".replace("-", "_").replace(".", "_")
        out.append(Database("PostgreSQL", f"{base}/{pg_name}", args.work / f"pg-{name}"))
    only = getattr(args, "only", None)
    return [d for d in out if only is None or d.label.lower() == only]


def _environment(database: Database, args: argparse.Namespace) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
    url = database.url or f"sqlite:///{database.data_dir / 'sejuk.sqlite3'}"
    env.update(
        SEJUK_DATA_DIR=str(database.data_dir),
        SEJUK_DATABASE_URL=url,
        SEJUK_BULLETIN_SCHEDULE="0",
        # Intake is measured, not its limit per address (all clients share 127.0.0.1).
        SEJUK_RATE_REPORT="100000000/h",
        SEJUK_THREADS=str(args.threads),
        DJANGO_SETTINGS_MODULE="bench.settings",
        PYTHONPATH=str(REPO),
    )
    return env


@contextmanager
def _prepared(database: Database, args: argparse.Namespace) -> Iterator[dict[str, str]]:
    env = _environment(database, args)
    url = env["SEJUK_DATABASE_URL"]
    if args.fresh or not _generated(url, args.scale):
        _drop(database)
        database.data_dir.mkdir(parents=True, exist_ok=True)
        if database.url:
            _postgres(database.url, "CREATE")
        print(f"== {database.label}: generating {args.scale:,} activities", flush=True)
        started = time.perf_counter()
        _sejuk(env, "setup", "--no-demo")
        setup = time.perf_counter() - started
        generate = [
            "generate", "national", "--activities", str(args.scale), "--reports",
            str(args.scale // 25), "--incidents", str(args.scale // 100), "--seed", str(args.seed),
        ]  # fmt: skip
        if args.area:
            generate += ["--area", args.area]
        subprocess.run([SEJUK, *generate], env=env, cwd=REPO, check=True)  # progress shown
        total = time.perf_counter() - started
        print(f"   set up in {setup:.0f} s, generated in {total - setup:.0f} s", flush=True)
        (database.data_dir / "generated.txt").write_text(
            f"{args.scale} activities generated in {total - setup:.0f} s (setup {setup:.0f} s)\n"
        )
    _sejuk(env, "migrate", "--run-syncdb", "--verbosity", "0")  # the floor's table
    try:
        yield env
    finally:
        if args.throwaway:
            _drop(database)


def _drop(database: Database) -> None:
    shutil.rmtree(database.data_dir, ignore_errors=True)
    if database.url:
        _postgres(database.url, "DROP")


def _postgres(url: str, action: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if action == "DROP":
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        else:
            conn.execute(f'CREATE DATABASE "{name}"')


def _query(url: str, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            return list(conn.execute(sql.replace("%s", "?"), params))
    import psycopg

    with psycopg.connect(url) as conn:
        cursor = conn.execute(sql, params)  # type: ignore[call-overload]
        return list(cursor.fetchall()) if cursor.description else []


def _generated(url: str, scale: int) -> bool:
    try:
        rows = _query(url, "SELECT COUNT(*) FROM activities_activity WHERE is_demo = %s", [True])
    except Exception:  # no database, no table: not generated
        return False
    return bool(rows) and rows[0][0] == scale


def _sejuk(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    result = subprocess.run(
        [SEJUK, *args], env=env, cwd=REPO, capture_output=True, text=True, input=stdin
    )
    if result.returncode != 0:
        raise RuntimeError(f"sejuk {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


# -- one run ----------------------------------------------------------------------------


def _run(database: Database, env: dict[str, str], args: argparse.Namespace) -> int:
    url = env["SEJUK_DATABASE_URL"]
    chosen = getattr(args, "scenarios", SCENARIOS)
    scopes = _scopes(url) if "reads" in chosen else []
    password = secrets.token_urlsafe(16)
    run = secrets.token_hex(3)
    for n, scope in enumerate(scopes):
        _sejuk(
            env, "users", "create", "--username", f"bench-{run}-{n}", "--unit", scope.unit,
            "--role", "operator", "--role", "pimpinan", "--password-stdin", stdin=password + "\n",
        )  # fmt: skip
    villages = [row[0] for row in _query(url, _VILLAGES)]
    port = _free_port()
    log = (database.data_dir / "serve.log").open("w")
    server = subprocess.Popen(
        [SEJUK, "serve", "--port", str(port)], env=env, cwd=REPO, stdout=log, stderr=log
    )
    broken = 0
    try:
        _wait_until_up(port)
        scopes = [
            Scope(s.label, s.unit, s.note, _sign_in(port, f"bench-{run}-{n}", password))
            for n, s in enumerate(scopes)
        ]
        note = database.data_dir / "generated.txt"  # absent where another bench generated it
        generated = note.read_text().strip() if note.exists() else f"{args.scale:,} activities"
        print(
            f"\n== {database.label}: {generated}; waitress with {args.threads} threads, "
            f"{args.clients} clients, each scenario up to {args.seconds:.0f} s",
            flush=True,
        )
        if scopes:
            print("   scopes: " + "; ".join(f"{s.label}: {s.unit}{s.note}" for s in scopes))
        print(
            "   cpu ms: CPU time of the server process per request"
            + (
                " (PostgreSQL's own work runs in its processes: not counted)"
                if database.url
                else ""
            )
        )
        print(f"{'scenario':<46}{'req':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}"
              f"{'cpu ms':>8}{'×floor':>8}{'load':>6}")  # fmt: skip
        bench = _Bench(port, server.pid, args)
        floor_write = None
        if "floor" in chosen:
            floor_write = bench.scenario("floor: bare insert (POST JSON)", _floor_insert)
        if "intake" in chosen:
            intake = bench.scenario(
                "intake: POST /api/public/reports", lambda n: _report(n, villages), floor_write,
                keep_bodies=True,
            )  # fmt: skip
            broken |= _check_intake(intake, url)
            _target_rate(intake, floor_write)
        if "reads" in chosen:
            floor_read = bench.scenario(
                "floor: bare read of 25 rows (GET)",
                lambda n: Request("GET", "/bench/floor/read"),
                reads=True,
            )
            for scope in scopes:
                cookie = {"Cookie": scope.cookie}
                for label, path in (
                    ("activity list page", "/kegiatan/"),
                    ("activity list API", "/api/activities"),
                    ("report queue", "/laporan/"),
                    ("home page", "/"),
                ):
                    outcome = bench.scenario(
                        f"{scope.label}: {label} {path}",
                        lambda n, path=path, cookie=cookie: Request("GET", path, headers=cookie),
                        floor_read,
                        reads=True,
                    )
                    _target_p95(outcome)
        broken |= bench.server_errors
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        _cleanup(url)
    return broken


_VILLAGES = "SELECT code FROM regions_region WHERE level = 4 ORDER BY code"


def _scopes(url: str) -> list[Scope]:
    """The busiest Polres (by generated activities), its Polda, and the nation."""
    units = {
        pk: (name, level, parent)
        for pk, name, level, parent in _query(
            url, "SELECT id, name, level, parent_id FROM units_unit"
        )
    }
    per_polres: dict[int, int] = {}
    for unit_id, count in _query(
        url, "SELECT unit_id, COUNT(*) FROM activities_activity GROUP BY unit_id"
    ):
        polres = unit_id if units[unit_id][1] == "polres" else units[unit_id][2]
        if polres in units and units[polres][1] == "polres":
            per_polres[polres] = per_polres.get(polres, 0) + count
    busiest = max(per_polres, key=lambda pk: (per_polres[pk], -pk))
    polda = units[busiest][2]
    mabes = next(name for name, level, _ in units.values() if level == "mabes")
    return [
        Scope("Polres", units[busiest][0], f" ({per_polres[busiest]:,} activities)"),
        Scope("Polda", units[polda][0]),  # type: ignore[index]
        Scope("nasional", mabes),
    ]


class _Bench:
    def __init__(self, port: int, pid: int, args: argparse.Namespace) -> None:
        self.port, self.pid, self.args = port, pid, args
        self.server_errors = 0

    def scenario(
        self,
        label: str,
        make: Any,
        floor: Outcome | None = None,
        *,
        reads: bool = False,
        keep_bodies: bool = False,
    ) -> Outcome:
        # Warm up (templates, first queries, connections), then measure.
        drive(HOST, self.port, make, clients=1, max_requests=3, max_seconds=60,
              server_pid=self.pid)  # fmt: skip
        outcome = drive(
            HOST,
            self.port,
            make,
            clients=self.args.clients,
            max_requests=self.args.reads if reads else self.args.writes,
            max_seconds=self.args.seconds,
            server_pid=self.pid,
            keep_bodies=keep_bodies,
        )
        ratio = f"{outcome.throughput / floor.throughput:.2f}" if floor and floor.throughput else ""
        print(
            f"{label[:45]:<46}{outcome.requests:>6}{outcome.throughput:>8.0f}"
            f"{outcome.percentile(50) * 1000:>8.1f}{outcome.percentile(95) * 1000:>8.1f}"
            f"{outcome.cpu_per_request * 1000:>8.2f}{ratio:>8}{outcome.load:>6.2f}",
            flush=True,
        )
        odd = {s: n for s, n in outcome.statuses.items() if not 200 <= s < 300}
        if odd:
            print(f"   answers other than 2xx: {odd}")
            self.server_errors |= any(s >= 500 or s == 0 for s in odd)
        return outcome


def _floor_insert(n: int) -> Request:
    return _json_request("/bench/floor/insert", _body(n, "52.01.07.2002"))


def _report(n: int, villages: Sequence[str]) -> Request:
    return _json_request("/api/public/reports", _body(n, villages[(n * 7919) % len(villages)]))


def _body(n: int, region: str) -> dict[str, Any]:
    named = n % 3 == 0
    return {
        "category": CATEGORIES[n % len(CATEGORIES)],
        "description": f"Laporan uji kecepatan nomor {n}: selebaran hasutan di pos ronda dusun.",
        "region": region,
        "anonymous": not named,
        "name": f"Pelapor {n}" if named else "",
        "phone": "081234567890" if named else "",
    }


def _json_request(path: str, body: dict[str, Any]) -> Request:
    return Request("POST", path, json.dumps(body).encode(), {"Content-Type": "application/json"})


def _check_intake(intake: Outcome, url: str) -> int:
    """Every acknowledged tracking code is stored, exactly once."""
    acknowledged = [json.loads(body)["code"] for body in intake.bodies if b'"code"' in body]
    stored: dict[str, int] = {}
    for i in range(0, len(acknowledged), 500):
        chunk = acknowledged[i : i + 500]
        marks = ", ".join("%s" for _ in chunk)
        for code, count in _query(
            url,
            f"SELECT code, COUNT(*) FROM reports_report WHERE code IN ({marks}) GROUP BY code",  # noqa: S608
            chunk,
        ):  # fmt: skip
            stored[code] = count
    lost = [c for c in acknowledged if c not in stored]
    twice = [c for c, n in stored.items() if n > 1]
    ok = not lost and not twice and len(set(acknowledged)) == len(acknowledged)
    print(
        f"   nothing lost: {len(acknowledged):,} acknowledged, {sum(stored.values()):,} stored "
        f"({len(lost)} missing, {len(twice)} twice): {'met' if ok else 'BROKEN'}"
    )
    return 0 if ok else 1


def _target_rate(intake: Outcome, floor: Outcome | None) -> None:
    rate = intake.throughput
    print(f"   target ≥ {INTAKE_PER_S:,.0f} acknowledged/s: " + _verdict(rate, INTAKE_PER_S, "/s"))
    if floor is None:
        return
    ratio = rate / floor.throughput if floor.throughput else 0.0
    print(f"   target ≥ {INTAKE_RATIO} of the floor: " + _verdict(ratio, INTAKE_RATIO, ""))


def _target_p95(outcome: Outcome) -> None:
    p95 = outcome.percentile(95) * 1000
    met = p95 <= LIST_P95_MS
    short = "met" if met else f"short by {p95 - LIST_P95_MS:,.0f} ms ({p95:,.0f} ms)"
    print(f"   target p95 ≤ {LIST_P95_MS:.0f} ms: {short}")


def _verdict(value: float, target: float, unit: str) -> str:
    if value >= target:
        return f"met ({value:,.2f}{unit})"
    return f"short by {target - value:,.2f}{unit} ({value:,.2f}{unit})"


def _cleanup(url: str) -> None:
    """What the run added (the intake's reports, the floor's rows), so the generated
    database stays the same for the next run."""
    statements = [
        "DELETE FROM reports_event WHERE report_id IN "
        "(SELECT id FROM reports_report WHERE is_demo = %s)",
        "DELETE FROM reports_report WHERE is_demo = %s",
    ]
    for sql in statements:
        _query(url, sql, [False])
    _query(url, "DELETE FROM floor_barereport")


# -- signing in and serving -------------------------------------------------------------


def _sign_in(port: int, username: str, password: str) -> str:
    """A session cookie, from the sign-in form as a browser posts it."""
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    conn.request("GET", "/masuk/")
    page = conn.getresponse()
    html = page.read().decode()
    csrf = _cookie(page.getheader("Set-Cookie", ""), "csrftoken")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert csrf and token, "no CSRF token on the sign-in page"
    form = urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    )
    conn.request(
        "POST",
        "/masuk/",
        body=form,
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf}",
        },
    )
    answer = conn.getresponse()
    answer.read()
    session = _cookie(answer.getheader("Set-Cookie", ""), "sessionid")
    conn.close()
    if answer.status != 302 or not session:
        raise RuntimeError(f"sign-in as {username} failed ({answer.status})")
    return f"sessionid={session}; csrftoken={csrf}"


def _cookie(header: str, name: str) -> str:
    found = re.search(rf"{name}=([^;,\s]+)", header)
    return found.group(1) if found else ""


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int) -> None:
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/masuk/")
            conn.getresponse().read()
            conn.close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("sejuk serve did not come up")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
