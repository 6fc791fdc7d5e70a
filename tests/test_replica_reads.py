"""Past one machine: with SEJUK_DATABASE_REPLICA_URL set, pages and API calls that only
read read from the replica, writes go to the primary, and whoever has just written reads
from the primary for a while, so their next page shows what they saved.

A real served Sejuk over real connections. The replica is a real database of the same
engine, copied from the primary once the operator exists and never refreshed: a replica
lagging forever, so a read that reaches it is seen for what it is."""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.served import Served, fresh_database, server_process

pytestmark = pytest.mark.browser  # a served instance, like the browser journeys


@contextmanager
def _copy_of(database_url: str, data_dir: Path) -> Iterator[str]:
    if database_url.startswith("sqlite"):
        replica = data_dir / "replica.sqlite3"
        primary = sqlite3.connect(database_url.removeprefix("sqlite:///"))
        copy = sqlite3.connect(replica)
        primary.backup(copy)
        copy.close()
        primary.close()
        yield f"sqlite:///{replica}"
        return
    import psycopg

    base, _, name = database_url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}_replica" TEMPLATE "{name}"')
    try:
        yield f"{base}/{name}_replica"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}_replica" WITH (FORCE)')


def _call(url: str, method: str, path: str, headers: dict[str, str], body: object = None):  # type: ignore[no-untyped-def]
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        payload = json.dumps(body) if body is not None else None
        connection.request(method, path, body=payload, headers=headers)
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


def test_reads_go_to_the_replica_and_a_writers_next_page_shows_their_write(tmp_path):
    with fresh_database(tmp_path) as database_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(
            SEJUK_DATA_DIR=str(tmp_path),
            SEJUK_DATABASE_URL=database_url,
            SEJUK_BULLETIN_SCHEDULE="0",
            SEJUK_SERVE_JOBS="0",
        )
        served = Served(url="", env=env)
        served.sejuk("setup", "--no-demo")
        served.sejuk(
            *("users", "create", "--username", "budi", "--unit", "Polres Lombok Barat"),
            *("--role", "operator", "--password-stdin"),
            stdin="Sekotong-Barat-2024\n",
        )
        token = re.findall(r"\S{30,}", served.sejuk("users", "token", "budi", "--name", "uji"))[-1]
        with _copy_of(database_url, tmp_path) as replica_url:
            env = {**env, "SEJUK_DATABASE_REPLICA_URL": replica_url}
            with server_process(env) as url:
                auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
                activity = {
                    "region": "52.01.07.2002",
                    "date": str(date.today() - timedelta(days=1)),
                    "start_time": "09:00",
                    "types": ["patroli_dialogis"],
                    "summary": "Patroli dialogis di Dusun Tawun bersama warga.",
                }
                status, headers, body = _call(url, "POST", "/api/activities", auth, activity)
                assert status == 201, body
                pin = re.search(r"(sejuk_primer=[^;]+)", headers["Set-Cookie"])
                assert pin is not None
                new_id = json.loads(body)["id"]

                # Without the pin, a read reaches the replica, which has not seen it yet.
                _, _, stale = _call(url, "GET", "/api/activities", auth)
                assert new_id not in [a["id"] for a in json.loads(stale)["items"]]
                # The writer's next page (the pin sent back) reads the primary.
                fresh_headers = {**auth, "Cookie": pin[1]}
                _, _, fresh = _call(url, "GET", "/api/activities", fresh_headers)
                assert new_id in [a["id"] for a in json.loads(fresh)["items"]]
    shutil.rmtree(tmp_path, ignore_errors=True)
