"""Two runners after the same jobs at the same moment, on SQLite and on PostgreSQL: each
in its own thread with its own connection, as two `sejuk worker` processes (or a server's
thread and a worker) would be. Every job runs exactly once, queued and scheduled alike.

The tests commit for real (``transaction=True``); ``available_apps`` leaves out the region
list and the units loaded once per session, so the flush after each test keeps them.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.db import connections

from sejuk.jobs import services
from sejuk.jobs.models import Job, State
from sejuk.jobs.runner import Queued, Registry, Scheduled, run_due

pytestmark = pytest.mark.django_db(transaction=True, available_apps=["sejuk.jobs"])
JOBS = 40
ROUNDS = 3


class Ledger:
    """Who ran what: appended to by both runners' threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.runs: list[tuple[str, str]] = []

    def job(self, label: str):  # type: ignore[no-untyped-def]
        def run(payload: dict | None = None) -> str:
            time.sleep(0.002)  # long enough for the other runner to try the same row
            with self.lock:
                self.runs.append((label, str((payload or {}).get("n", ""))))
            return "ok"

        return run


def race(registry: Registry, runners: int = 2) -> list[list[str]]:
    """Runners released together, each doing rounds until nothing is due for it."""
    barrier = threading.Barrier(runners)
    claimed: list[list[str]] = [[] for _ in range(runners)]
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            barrier.wait(timeout=10)
            while outcomes := run_due(registry, f"pelari-{i}"):
                claimed[i].extend(str(o.job.payload.get("n", o.job.name)) for o in outcomes)
        except BaseException as exc:  # a crash is an outcome the test must see
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(runners)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    return claimed


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_runners_run_every_queued_job_exactly_once(round_):
    ledger = Ledger()
    registry = Registry(queued={"kirim-pesan": Queued(run=ledger.job("kirim"), label="Kirim")})
    for n in range(JOBS):
        services.enqueue("kirim-pesan", {"n": n})
    claimed = race(registry)
    assert Counter(n for _, n in ledger.runs) == {str(n): 1 for n in range(JOBS)}
    assert sorted(int(n) for n in claimed[0] + claimed[1]) == list(range(JOBS))
    assert set(Job.objects.values_list("state", flat=True)) == {State.DONE}
    assert all(Job.objects.values_list("attempts", flat=True))  # each claimed once
    assert set(Job.objects.values_list("attempts", flat=True)) == {1}


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_two_runners_make_one_row_of_a_scheduled_job_and_run_it_once(round_):
    ledger = Ledger()
    registry = Registry(
        scheduled={
            "rekap": Scheduled(run=ledger.job("rekap"), every=timedelta(hours=1), label="Rekap")
        }
    )
    race(registry, runners=3)
    assert ledger.runs == [("rekap", "")]
    job = Job.objects.get(name="rekap")
    assert job.state == State.WAITING and job.attempts == 0
