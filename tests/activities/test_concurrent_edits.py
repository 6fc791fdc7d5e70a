"""Two operators save the same activity at the same moment, on a running Sejuk (SQLite
here; PostgreSQL when the suite runs on it): real concurrent requests, each in its own
thread, connection and transaction on the server.

Both edits made on the same version: exactly one is saved, the other answers 409 and
changes nothing. Edits that name no version run one after the other and both land: no
change is lost under another."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from datetime import date, timedelta
from typing import Any

import pytest

from tests.served import Served, serve

pytestmark = pytest.mark.browser
ROUNDS = 12
PASSWORD = "kata-sandi-yang-panjang-1"


# Two operators of Polres Lombok Barat with an API token each, made in one process (each
# `sejuk` command costs a start-up).
OPERATORS = f"""
from sejuk.accounts import services
from sejuk.units.models import Unit
unit = Unit.objects.get(name="Polres Lombok Barat")
for name in ("operator.satu", "operator.dua"):
    made = services.create_user(
        username=name, unit=unit, roles=["operator"], full_name=name, password="{PASSWORD}"
    )
    print("token", services.issue_token(made.user, "uji serentak"))
"""


@pytest.fixture(scope="module")
def sejuk(tmp_path_factory: pytest.TempPathFactory) -> Any:
    with serve(tmp_path_factory.mktemp("served")) as served:
        out = served.sejuk("shell", "-c", OPERATORS)
        one, two = [line.split()[1] for line in out.splitlines() if line.startswith("token ")]
        yield served, one, two


def call(served: Served, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        served.url + path,
        data=None if body is None else json.dumps(body).encode(),
        method=method,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"null")


def at_once(*calls: Any) -> list[tuple[int, Any]]:
    """Run the calls in their own threads, released together."""
    start = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int) -> None:
        start.wait()
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def _new_activity(served: Served, token: str) -> dict[str, Any]:
    status, body = call(
        served,
        token,
        "POST",
        "/api/activities",
        {
            "region": "52.01.07.2002",
            "date": str(date.today() - timedelta(days=1)),
            "start_time": "09:30",
            "types": ["patroli_dialogis"],
            "summary": "Patroli dialogis pagi",
            "situation": "kondusif",
            "personnel_count": 2,
            "participants": {"warga": 12},
        },
    )
    assert status == 201, body
    return body


def test_two_edits_of_one_version_at_once_save_one_and_refuse_the_other(sejuk):
    served, one, two = sejuk
    activity = _new_activity(served, one)
    path = f"/api/activities/{activity['id']}"
    for n in range(ROUNDS):
        _, seen = call(served, one, "GET", path)
        version = seen["version"]
        situation = "waspada" if seen["situation"] != "waspada" else "kondusif"
        results = at_once(
            lambda v=version, s=situation: call(
                served, one, "PATCH", path, {"situation": s, "version": v}
            ),
            lambda v=version, n=n: call(
                served, two, "PATCH", path, {"personnel_count": 10 + n, "version": v}
            ),
        )
        statuses = sorted(status for status, _ in results)
        assert statuses == [200, 409], (n, results)
        refused = next(body for status, body in results if status == 409)
        assert refused["error"]["code"] == "konflik"
        _, after = call(served, one, "GET", path)
        assert after["version"] == version + 1
        # Exactly the saved edit's field moved; the refused one left no trace.
        moved = {k for k in ("situation", "personnel_count") if after[k] != seen[k]}
        assert len(moved) == 1, (n, seen, after)
        assert after["participants"] == [{"category": "warga", "count": 12}]
    _, history = call(served, one, "GET", path + "/history")
    assert len([h for h in history if h["action"] == "updated"]) == ROUNDS


def test_two_edits_without_a_version_at_once_both_land(sejuk):
    served, one, two = sejuk
    activity = _new_activity(served, one)
    path = f"/api/activities/{activity['id']}"
    for n in range(ROUNDS):
        _, seen = call(served, one, "GET", path)
        results = at_once(
            lambda n=n: call(served, one, "PATCH", path, {"findings": f"temuan {n}"}),
            lambda n=n: call(served, two, "PATCH", path, {"personnel_count": 20 + n}),
        )
        assert [status for status, _ in results] == [200, 200], (n, results)
        _, after = call(served, one, "GET", path)
        assert (after["findings"], after["personnel_count"]) == (f"temuan {n}", 20 + n)
        assert after["version"] == seen["version"] + 2
