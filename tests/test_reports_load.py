"""Nothing accepted is lost: 5,000 citizen reports from concurrent clients through the
public endpoint of a running Sejuk (SQLite here; PostgreSQL when the suite runs on it),
then every acknowledged code is looked up in the database: stored, and exactly once."""

from __future__ import annotations

import json
import sqlite3
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.served import serve

REPORTS = 5000
CLIENTS = 16
CATEGORIES = ("hoaks", "provokasi", "politik_uang", "intimidasi", "unjuk_rasa")


def send(url: str, n: int) -> tuple[int, str]:
    body = json.dumps(
        {
            "category": CATEGORIES[n % len(CATEGORIES)],
            "description": f"Laporan uji beban nomor {n}: selebaran dan kabar bohong di dusun.",
            "region": "52.01.07.2002",
            "anonymous": n % 2 == 0,
            "name": "" if n % 2 == 0 else f"Pelapor {n}",
            "phone": "" if n % 2 == 0 else "081234567890",
        }
    ).encode()
    request = urllib.request.Request(
        url + "/api/public/reports", data=body, headers={"Content-Type": "application/json"}
    )
    for attempt in range(3):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())["code"]
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5 * (attempt + 1))  # not acknowledged: the client may retry
    return 0, ""


def stored_codes(database_url: str) -> list[str]:
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
            return [row[0] for row in conn.execute("SELECT code FROM reports_report")]
    import psycopg

    with psycopg.connect(database_url) as conn:
        return [row[0] for row in conn.execute("SELECT code FROM reports_report")]


@pytest.mark.browser
def test_five_thousand_concurrent_reports_are_all_stored_exactly_once(tmp_path: Path):
    with serve(
        tmp_path, setup_args=("--no-demo",), extra_env={"SEJUK_RATE_REPORT": "100000/h"}
    ) as served:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            results = list(pool.map(lambda n: send(served.url, n), range(REPORTS)))
        elapsed = time.perf_counter() - started
        acknowledged = [code for status, code in results if status == 201]
        refused = [status for status, _ in results if status != 201]
        stored = stored_codes(served.env["SEJUK_DATABASE_URL"])
    print(
        f"\n{len(acknowledged)} of {REPORTS} acknowledged in {elapsed:.1f} s "
        f"({len(acknowledged) / elapsed:.0f}/s, {CLIENTS} clients); refused: {len(refused)}"
    )
    assert len(acknowledged) == len(set(acknowledged))  # no code handed out twice
    assert sorted(stored) == sorted(set(stored))  # no report stored twice
    assert set(acknowledged) <= set(stored)  # every acknowledged report is there
    assert len(acknowledged) >= REPORTS * 0.99, refused[:10]
    # A report stored without its acknowledgement reaching the client can only come from a
    # transport failure, never from a refused one.
    assert len(set(stored) - set(acknowledged)) <= len(refused)
