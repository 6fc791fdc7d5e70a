"""`python -m fuzz` (`make fuzz`): a bounded property-based run of the whole JSON API from
its own OpenAPI schema, with schemathesis, against a real `sejuk serve`.

A fresh Sejuk is set up the way `make run` does (every region and unit, the demo Polres
Lombok Barat with its users) in a throwaway data folder: on SQLite by default, on a
throwaway PostgreSQL database (the name in SEJUK_DATABASE_URL plus "_fuzz", made and
dropped here) when SEJUK_DATABASE_URL names one. The API is then tested three times, as
an anonymous client, as the demo operator and as the demo Bhabinkamtibmas (each with an
API token), and every answer must be no server error and exactly what the schema says
(status code, content type, headers, body). The run is bounded: a fixed number of
examples per operation and a fixed seed, a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BIN = Path(sys.executable).parent
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
)
# Who the API is tried as: a name and the demo user whose token is sent (None: no token).
PERSONAS = {"anonim": None, "bhabinkamtibmas": "demo.bhabin", "operator": "demo.operator"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m fuzz", description=__doc__)
    parser.add_argument("--examples", type=int, default=10, help="contoh per operasi")
    parser.add_argument("--seed", type=int, default=20241127)
    parser.add_argument("--persona", choices=PERSONAS, action="append")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="sejuk-fuzz-") as folder, _database() as url:
        env = {
            **os.environ,
            "SEJUK_DATA_DIR": folder,
            "SEJUK_DATABASE_URL": url or f"sqlite:///{folder}/sejuk.sqlite3",
            # Deep enough into the public endpoints rather than stopped by the limit.
            "SEJUK_RATE_REPORT": "100000/h",
            "SEJUK_RATE_CHECK": "100000/h",
            "SEJUK_BULLETIN_SCHEDULE": "0",
            "SEJUK_PORT": str(_free_port()),
            "SEJUK_THREADS": "4",
        }
        print(f"== Sejuk on {'PostgreSQL' if url else 'SQLite'}, set up in {folder}", flush=True)
        _run(["sejuk", "setup"], env)
        tokens = {name: _token(user, env) for name, user in PERSONAS.items() if user}
        failed = []
        with _serve(env) as base:
            for name in args.persona or list(PERSONAS):
                print(f"== the API as {name}", flush=True)
                if _schemathesis(base, tokens.get(name), args, Path(folder)) != 0:
                    failed.append(name)
    print(f"== {time.monotonic() - started:.0f} s; failed: {', '.join(failed) or 'none'}")
    return 1 if failed else 0


def _schemathesis(base: str, token: str | None, args: argparse.Namespace, folder: Path) -> int:
    command = [
        str(BIN / "schemathesis"),
        "run",
        f"{base}/api/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(args.examples),
        "--seed",
        str(args.seed),
        # One worker: with two threads, Python 3.11 before 3.11.8 can fail its own AST
        # building (CPython gh-106905, "AST constructor recursion depth mismatch") while
        # hypothesis describes a strategy (3.11.7 did, once in a run).
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--suppress-health-check",
        "all",
        "--request-timeout",
        "60",
        "--no-color",
        "--report-dir",
        str(folder / "report"),
    ]
    if token:
        command += ["--header", f"Authorization: Bearer {token}"]
    # Run in the throwaway folder: schemathesis keeps its own files where it runs.
    return subprocess.run(command, cwd=folder, check=False).returncode


def _run(command: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [str(BIN / command[0]), *command[1:]], env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def _token(username: str, env: dict[str, str]) -> str:
    out = _run(["sejuk", "users", "token", username, "--name", "fuzz"], env)
    match = re.search(r"(sejuk_\S+)", out)
    if not match:
        raise SystemExit(f"no token in: {out}")
    return match[1]


@contextmanager
def _serve(env: dict[str, str]) -> Iterator[str]:
    base = f"http://127.0.0.1:{env['SEJUK_PORT']}"
    log = open(Path(env["SEJUK_DATA_DIR"]) / "serve.log", "w")  # noqa: SIM115
    server = subprocess.Popen([str(BIN / "sejuk"), "serve"], env=env, stdout=log, stderr=log)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/api/openapi.json", timeout=5):
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("sejuk serve did not answer")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        for block in _tracebacks((Path(env["SEJUK_DATA_DIR"]) / "serve.log").read_text()):
            print(f"== the server logged:\n{block}")


def _tracebacks(log: str) -> list[str]:
    """Each traceback in the server's log, with the line that names the request."""
    blocks, lines = [], log.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Traceback"):
            end = next((j for j in range(i + 1, len(lines)) if not lines[j][:1].isspace()), i)
            blocks.append("\n".join(lines[max(i - 1, 0) : end + 1]))
    return blocks


@contextmanager
def _database() -> Iterator[str | None]:
    """A throwaway PostgreSQL database beside SEJUK_DATABASE_URL's, or None (SQLite)."""
    given = os.environ.get("SEJUK_DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    parts = urlsplit(given)
    name = f"{parts.path.lstrip('/') or 'sejuk'}_fuzz"
    with psycopg.connect(given, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(given, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
