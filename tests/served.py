"""A real Sejuk, set up and served the way `make run` does, for journeys in a browser and
for load from concurrent clients: `sejuk setup` into a fresh data folder and database,
then `sejuk serve` on a free port, in their own processes.

The database is a fresh SQLite file, or, when the suite runs with SEJUK_DATABASE_URL
pointing at PostgreSQL, a fresh database on that server, dropped afterwards.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEJUK = str(Path(sys.executable).with_name("sejuk"))


@dataclass
class Served:
    url: str
    env: dict[str, str]

    def sejuk(self, *args: str, stdin: str | None = None) -> str:
        """Run a `sejuk` command against the served instance's database."""
        result = subprocess.run(
            [SEJUK, *args],
            env=self.env,
            cwd=REPO,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=300,
        )
        if result.returncode != 0:
            raise RuntimeError(f"sejuk {' '.join(args)} failed: {result.stderr}")
        return result.stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def fresh_database(data_dir: Path) -> Iterator[str]:
    configured = os.environ.get("SEJUK_DATABASE_URL", "")
    if not configured.startswith("postgres"):
        yield f"sqlite:///{data_dir / 'sejuk.sqlite3'}"
        return
    import psycopg

    name = f"sejuk_e2e_{uuid.uuid4().hex[:10]}"
    base, _, _ = configured.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def serve(
    data_dir: Path, *, setup_args: tuple[str, ...] = (), extra_env: dict[str, str] | None = None
) -> Iterator[Served]:
    with fresh_database(data_dir) as database_url:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(SEJUK_DATA_DIR=str(data_dir), SEJUK_DATABASE_URL=database_url)
        # The morning-report scheduler only where a test asks for it (extra_env), so the
        # other journeys share the machine with nothing in the background.
        env.update(SEJUK_BULLETIN_SCHEDULE="0")
        env.update(extra_env or {})
        served = Served(url="", env=env)
        served.sejuk("setup", *setup_args)
        with server_process(env) as url:
            served.url = url
            yield served


@contextmanager
def serve_again(served: Served, extra_env: dict[str, str]) -> Iterator[Served]:
    """A second `sejuk serve` on the same data folder and database, with other settings."""
    env = {**served.env, **extra_env}
    with server_process(env) as url:
        yield Served(url=url, env=env)


@contextmanager
def server_process(env: dict[str, str]) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [SEJUK, "serve", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_up("127.0.0.1", port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=15)


def _wait_until_up(host: str, port: int) -> None:
    """Any answer will do (one behind SEJUK_HTTPS=1 is a redirect to https)."""
    for _ in range(150):
        connection = http.client.HTTPConnection(host, port, timeout=5)
        try:
            connection.request("GET", "/")
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise RuntimeError(f"{host}:{port} did not come up")
