"""`make bench-channels` (`python -m bench channels`): the channels' webhook under load,
against the floor of the same server in the same run, and the time from a message's
receipt to the reply leaving Sejuk.

    python -m bench channels [--seconds 10] [--clients 8] [--replies 60]

A fresh SQLite installation in var/bench-channels/ (`sejuk setup --no-demo`), served by
`sejuk serve` with ``bench.settings`` (Sejuk plus the floor's bare views) and WhatsApp
switched on with benchmark secrets, its sending API a recorder on 127.0.0.1.
 1. The floor: a bare view that validates a JSON body and inserts one row.
 2. Acknowledgements: signed WhatsApp webhook calls (one text message each, from a few
    hundred senders), with SEJUK_SERVE_JOBS=0 as on a server whose workers run apart;
    then every acknowledged message id is looked up: stored, exactly once.
 3. Receipt to reply: the same server with its job runner on (SEJUK_SERVE_JOBS=1, a
    laptop's set-up), after three warm-up messages (the first loads the text reader's
    gazetteer), messages from new senders sent one by one a little apart; the
    time from sending the webhook call to the recorder receiving Sejuk's first answer to
    that sender, p50 and p95. (The backlog of step 2 is marked processed first: a
    measurement of the reply path, not of a queue of thousands.)
Targets (issue 17): ≥ 500 acknowledged/s and ≥ 0.5 of the floor. The exit status is 1
only when something broke (a message acknowledged and not stored, server errors).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from bench.load import Outcome, Request, drive
from bench.web import HOST, REPO, SEJUK, _floor_insert, _free_port, _verdict, _wait_until_up

ACK_PER_S = 500.0
ACK_RATIO = 0.5
SECRET = "rahasia-aplikasi-bench"  # noqa: S105 - the benchmark's own, on loopback


class Recorder:
    """WhatsApp's sending API, as far as Sejuk needs it: answers, and notes when the first
    message to each recipient arrived."""

    def __init__(self) -> None:
        self.first: dict[str, float] = {}
        lock = threading.Lock()
        first = self.first

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"] or 0)))
                with lock:
                    first.setdefault(str(body.get("to", "")), time.perf_counter())
                data = b'{"messages": [{"id": "wamid.bench"}]}'
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def _message(n: int, sender: str) -> Request:
    body = json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {"phone_number_id": "1"},
                                "messages": [
                                    {
                                        "from": sender,
                                        "id": f"wamid.bench{n}",
                                        "timestamp": str(int(time.time())),
                                        "type": "text",
                                        "text": {"body": f"Halo, pesan uji nomor {n}"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        }
    ).encode()
    signature = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    return Request(
        "POST",
        "/saluran/webhook/whatsapp/",
        body,
        {"Content-Type": "application/json", "X-Hub-Signature-256": f"sha256={signature}"},
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench channels")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--writes", type=int, default=20_000)
    parser.add_argument("--replies", type=int, default=60)
    args = parser.parse_args(argv)
    data_dir = REPO / "var" / "bench-channels"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    recorder = Recorder()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
    database = data_dir / "sejuk.sqlite3"
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "PYTHONPATH": str(REPO),
            "SEJUK_DATA_DIR": str(data_dir),
            "SEJUK_DATABASE_URL": f"sqlite:///{database}",
            "SEJUK_BULLETIN_SCHEDULE": "0",
            "SEJUK_WHATSAPP_TOKEN": "token-bench",
            "SEJUK_WHATSAPP_APP_SECRET": SECRET,
            "SEJUK_WHATSAPP_VERIFY_TOKEN": "verify-bench",
            "SEJUK_WHATSAPP_PHONE_NUMBER_ID": "1",
            "SEJUK_WHATSAPP_API_URL": recorder.url,
        }
    )
    print("setting up a fresh installation (region list, units) ...", flush=True)
    for command in (["setup", "--no-demo"], ["migrate", "--run-syncdb", "--verbosity", "0"]):
        subprocess.run([SEJUK, *command], env=env, cwd=REPO, check=True, capture_output=True)
    broken = 0
    with _served({**env, "SEJUK_SERVE_JOBS": "0"}) as (port, pid):
        print(f"{'scenario':<46}{'req':>6}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'cpu ms':>8}"
              f"{'×floor':>8}{'load':>6}")  # fmt: skip
        floor = _scenario(port, pid, args, "floor: bare insert (POST JSON)", _floor_insert)
        acks = _scenario(
            port, pid, args, "webhook: POST /saluran/webhook/whatsapp/",
            lambda n: _message(n, f"62811{n % 500:07d}"), floor,
        )  # fmt: skip
        broken |= _check_stored(acks, database)
        ratio = acks.throughput / floor.throughput if floor.throughput else 0.0
        rate = _verdict(acks.throughput, ACK_PER_S, "/s")
        print(f"   target ≥ {ACK_PER_S:.0f} acknowledged/s: {rate}")
        print(f"   target ≥ {ACK_RATIO} of the floor: {_verdict(ratio, ACK_RATIO, '')}")
    with sqlite3.connect(database) as conn:  # the backlog is not what step 3 measures
        conn.execute("DELETE FROM jobs_job WHERE kind = 'antrean'")
        conn.execute("UPDATE channels_inbound SET processed_at = received_at")
    with _served({**env, "SEJUK_SERVE_JOBS": "1"}) as (port, pid):
        broken |= _replies(port, recorder, args.replies)
    return broken


def _scenario(
    port: int,
    pid: int,
    args: argparse.Namespace,
    label: str,
    make: Any,
    floor: Outcome | None = None,
) -> Outcome:
    drive(HOST, port, make, clients=1, max_requests=3, max_seconds=60, server_pid=pid)
    outcome = drive(
        HOST, port, lambda n: make(n + 10), clients=args.clients, max_requests=args.writes,
        max_seconds=args.seconds, server_pid=pid, keep_bodies=True,
    )  # fmt: skip
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
    return outcome


def _check_stored(acks: Outcome, database: Path) -> int:
    """Every acknowledged call's message is stored, exactly once."""
    acknowledged = sum(1 for body in acks.bodies if body == b'{"diterima": 1}')
    with sqlite3.connect(database) as conn:
        rows, distinct = conn.execute(
            "SELECT COUNT(*), COUNT(DISTINCT external_id) FROM channels_inbound"
        ).fetchone()
    # The warm-up's three messages are stored too.
    ok = rows == distinct and rows >= acknowledged and rows - acknowledged <= 3
    print(
        f"   nothing lost: {acknowledged:,} acknowledged, {rows:,} stored ({distinct:,} "
        f"distinct, 3 from the warm-up): {'met' if ok else 'BROKEN'}"
    )
    return 0 if ok else 1


def _replies(port: int, recorder: Recorder, count: int) -> int:
    """Receipt to reply for ``count`` new senders, one message each, 0.2 s apart."""
    import http.client

    sent: dict[str, float] = {}
    conn = http.client.HTTPConnection(HOST, port, timeout=60)
    for n in range(3):  # warm-up: the first message loads the text reader's gazetteer
        request = _message(2_000_000 + n, f"62833{n:07d}")
        conn.request(request.method, request.path, body=request.body, headers=request.headers)
        conn.getresponse().read()
    deadline = time.perf_counter() + 60
    while len(recorder.first) < 3 and time.perf_counter() < deadline:
        time.sleep(0.1)
    for n in range(count):
        sender = f"62822{n:07d}"
        request = _message(1_000_000 + n, sender)
        sent[sender] = time.perf_counter()
        conn.request(request.method, request.path, body=request.body, headers=request.headers)
        conn.getresponse().read()
        time.sleep(0.2)
    deadline = time.perf_counter() + 60
    while len([s for s in sent if s in recorder.first]) < count and time.perf_counter() < deadline:
        time.sleep(0.1)
    waits = sorted(recorder.first[s] - t for s, t in sent.items() if s in recorder.first)
    if not waits:
        print("   receipt to reply: no reply arrived: BROKEN")
        return 1

    def pct(p: float) -> float:
        return waits[min(len(waits) - 1, round(p / 100 * (len(waits) - 1)))] * 1000

    print(
        f"receipt → reply ({len(waits)} of {count} senders answered, job runner in serve): "
        f"p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms"
    )
    return 0 if len(waits) == count else 1


class _served:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def __enter__(self) -> tuple[int, int]:
        self.port = _free_port()
        self.log = (Path(self.env["SEJUK_DATA_DIR"]) / "serve.log").open("a")
        self.server = subprocess.Popen(
            [SEJUK, "serve", "--port", str(self.port)],
            env=self.env, cwd=REPO, stdout=self.log, stderr=self.log,
        )  # fmt: skip
        _wait_until_up(self.port)
        return self.port, self.server.pid

    def __exit__(self, *exc: object) -> None:
        self.server.terminate()
        self.server.wait(timeout=30)
        self.log.close()
