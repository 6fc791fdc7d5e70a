"""Nothing acknowledged is lost: a burst of Telegram updates from many chats against a
running `sejuk serve`, killed (SIGKILL) in the middle of it. Every update the server
acknowledged is stored, once; a worker started afterwards processes each exactly once and
answers each chat. (As the web intake's load test, against SQLite here and PostgreSQL
when the suite runs on it.)"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.channels import payloads as p
from tests.channels.fake import fake_server
from tests.served import REPO, SEJUK, _wait_until_up, free_port, fresh_database

MESSAGES = 300
CLIENTS = 8


def send(url: str, n: int) -> int:
    body = p.telegram(100_000 + n, {"text": f"Halo, pesan uji nomor {n}"}, chat_id=800_000 + n)
    request = urllib.request.Request(
        url + "/saluran/webhook/telegram/",
        data=body,
        headers={
            "Content-Type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": p.TG_SECRET,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return 0  # the server is gone: not acknowledged


def query(database_url: str, sql: str) -> list[tuple[Any, ...]]:
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as conn:
            return list(conn.execute(sql))
    import psycopg

    with psycopg.connect(database_url) as conn:
        return list(conn.execute(sql))


@pytest.mark.browser
def test_a_server_killed_mid_burst_loses_no_acknowledged_message(tmp_path: Path):
    with fake_server() as fake, fresh_database(tmp_path) as database_url:
        env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("SEJUK_")}
        env.update(
            SEJUK_DATA_DIR=str(tmp_path),
            SEJUK_DATABASE_URL=database_url,
            SEJUK_BULLETIN_SCHEDULE="0",
            SEJUK_SERVE_JOBS="0",
            SEJUK_TELEGRAM_TOKEN="123456:token-bot-uji",
            SEJUK_TELEGRAM_SECRET=p.TG_SECRET,
            SEJUK_TELEGRAM_API_URL=fake.url,
        )
        subprocess.run(
            [SEJUK, "setup", "--no-demo"], env=env, cwd=REPO, check=True, capture_output=True
        )
        port = free_port()
        server = subprocess.Popen(
            [SEJUK, "serve", "--port", str(port)],
            env=env,
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_until_up("127.0.0.1", port)
        url = f"http://127.0.0.1:{port}"
        acknowledged: list[int] = []

        def one(n: int) -> None:
            if send(url, n) == 200:
                acknowledged.append(n)

        def kill_midway() -> None:
            while len(acknowledged) < MESSAGES // 3:
                time.sleep(0.01)
            server.send_signal(signal.SIGKILL)

        killer = threading.Thread(target=kill_midway)
        killer.start()
        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            list(pool.map(one, range(MESSAGES)))
        killer.join()
        server.wait(timeout=15)

        stored = [
            int(r[0]) - 100_000
            for r in query(database_url, "SELECT external_id FROM channels_inbound")
        ]
        print(
            f"\n{len(acknowledged)} of {MESSAGES} acknowledged before the kill; "
            f"{len(stored)} stored"
        )
        assert MESSAGES // 3 <= len(acknowledged) < MESSAGES  # the kill came mid-burst
        assert len(stored) == len(set(stored))
        assert set(acknowledged) <= set(stored)

        # A worker afterwards: every stored message processed once, every chat answered.
        for _ in range(30):
            subprocess.run(
                [SEJUK, "worker", "--once"], env=env, cwd=REPO, check=True, capture_output=True
            )
            waiting = query(
                database_url,
                "SELECT count(*) FROM jobs_job WHERE state = 'menunggu' AND kind = 'antrean'",
            )
            if waiting[0][0] == 0:
                break
        unprocessed = query(
            database_url, "SELECT count(*) FROM channels_inbound WHERE processed_at IS NULL"
        )
        assert unprocessed[0][0] == 0
        chats = query(
            database_url, "SELECT count(*), count(DISTINCT sender_key) FROM channels_conversation"
        )
        assert chats[0] == (len(stored), len(stored))
        answered = {r.body["chat_id"] for r in fake.sent("/sendMessage")}
        assert answered == {str(800_000 + n) for n in stored}
        assert json.dumps(sorted(answered))  # every answer went to a chat that wrote
