"""The job runner on a real database: claim, finish, retry with a growing wait, takeover
of an abandoned claim, keys that wait once, and the morning reports as a scheduled job."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sejuk.background import REGISTRY, SCHEDULED
from sejuk.bulletins.models import Bulletin
from sejuk.jobs import services
from sejuk.jobs.models import Job, Kind, State
from sejuk.jobs.runner import Queued, Registry, Scheduled, run_due

pytestmark = pytest.mark.django_db
NOW = datetime(2024, 12, 8, 22, 30, tzinfo=UTC)  # 06.30 WITA on Monday 9 December 2024


class Calls:
    """A job's function that records its calls, and fails while told to."""

    def __init__(self, failing: int = 0) -> None:
        self.payloads: list[dict] = []
        self.failing = failing

    def __call__(self, payload: dict | None = None) -> str:
        self.payloads.append(payload or {})
        if self.failing:
            self.failing -= 1
            raise RuntimeError("gateway SMS tidak menjawab")
        return f"terkirim {len(self.payloads)}"


def queued(calls: Calls) -> Registry:
    return Registry(queued={"kirim-pesan": Queued(run=calls, label="Kirim pesan")})


def scheduled(calls: Calls, every: timedelta = timedelta(minutes=10)) -> Registry:
    return Registry(scheduled={"rekap": Scheduled(run=calls, every=every, label="Rekap")})


def test_a_queued_job_runs_once_and_is_done():
    calls = Calls()
    job = services.enqueue("kirim-pesan", {"ke": "0812"}, run_after=NOW)
    assert run_due(queued(calls), "satu", NOW)[0].ok
    assert run_due(queued(calls), "dua", NOW + timedelta(minutes=1)) == []
    job.refresh_from_db()
    assert calls.payloads == [{"ke": "0812"}]
    assert (job.state, job.finished_at, job.result) == (State.DONE, NOW, "terkirim 1")


def test_a_job_is_claimed_by_one_runner_and_not_before_it_is_due():
    job = services.enqueue("kirim-pesan", run_after=NOW + timedelta(minutes=5))
    assert services.claim(job.pk, "satu", NOW) is None  # not yet due
    later = NOW + timedelta(minutes=5)
    mine = services.claim(job.pk, "satu", later)
    assert mine is not None and (mine.state, mine.claimed_by, mine.attempts) == (
        State.RUNNING,
        "satu",
        1,
    )
    assert services.claim(job.pk, "dua", later) is None


def test_a_failing_job_is_tried_again_after_a_wait_that_doubles_then_given_up():
    calls = Calls(failing=99)
    job = services.enqueue("kirim-pesan", run_after=NOW)
    moment, waits = NOW, []
    for _ in range(services.MAX_ATTEMPTS):
        assert run_due(queued(calls), "satu", moment)[0].ok is False
        job.refresh_from_db()
        if job.state == State.WAITING:
            waits.append(job.run_after - moment)
            assert run_due(queued(calls), "satu", job.run_after - timedelta(seconds=1)) == []
            moment = job.run_after
    assert waits == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert job.state == State.FAILED and job.attempts == services.MAX_ATTEMPTS
    assert "RuntimeError: gateway SMS tidak menjawab" in job.last_error
    assert run_due(queued(calls), "satu", moment + timedelta(days=1)) == []
    assert len(calls.payloads) == services.MAX_ATTEMPTS


def test_a_job_that_fails_once_then_works_is_done_with_its_failure_kept():
    calls = Calls(failing=1)
    job = services.enqueue("kirim-pesan", run_after=NOW)
    run_due(queued(calls), "satu", NOW)
    run_due(queued(calls), "satu", NOW + timedelta(minutes=1))
    job.refresh_from_db()
    assert (job.state, job.attempts, job.failed_at) == (State.DONE, 2, NOW)
    assert "gateway SMS" in job.last_error


def test_an_abandoned_claim_is_taken_over_and_the_late_answer_changes_nothing():
    calls = Calls()
    job = services.enqueue("kirim-pesan", run_after=NOW)
    dead = services.claim(job.pk, "mati", NOW)  # its process was killed mid-run
    assert dead is not None
    assert run_due(queued(calls), "hidup", NOW + services.STALE - timedelta(minutes=1)) == []
    taken = run_due(queued(calls), "hidup", NOW + services.STALE + timedelta(minutes=1))
    assert [o.ok for o in taken] == [True] and len(calls.payloads) == 1
    job.refresh_from_db()
    assert (job.state, job.claimed_by, job.attempts) == (State.DONE, "hidup", 2)
    # The first runner wakes up and reports: its claim is no longer the row's.
    assert services.finish(dead, NOW + timedelta(hours=1), "terlambat") is False
    assert services.fail(dead, NOW + timedelta(hours=1), "terlambat") is False
    job.refresh_from_db()
    assert (job.state, job.result) == (State.DONE, "terkirim 1")


def test_a_key_waits_once_however_often_it_is_asked_for():
    first = services.enqueue("kirim-pesan", {"n": 1}, key="desa:52.01.07.2002", run_after=NOW)
    again = services.enqueue("kirim-pesan", {"n": 2}, key="desa:52.01.07.2002", run_after=NOW)
    other = services.enqueue("kirim-pesan", {"n": 3}, key="desa:52.01.01.1001", run_after=NOW)
    assert again.pk == first.pk and other.pk != first.pk
    calls = Calls()
    run_due(queued(calls), "satu", NOW)
    assert sorted(p["n"] for p in calls.payloads) == [1, 3]
    # Once it ran, the same key may be queued again.
    assert services.enqueue("kirim-pesan", key="desa:52.01.07.2002").pk != first.pk


def test_a_job_of_an_unknown_name_fails_with_its_reason_instead_of_waiting():
    job = services.enqueue("kirim-pesn", run_after=NOW)
    for attempt in range(services.MAX_ATTEMPTS):
        run_due(queued(Calls()), "satu", NOW + timedelta(hours=attempt))
    job.refresh_from_db()
    assert job.state == State.FAILED and "'kirim-pesn' tidak ada" in job.last_error


def test_a_scheduled_job_comes_round_every_interval():
    calls = Calls()
    registry = scheduled(calls)
    assert [o.ok for o in run_due(registry, "satu", NOW)] == [True]  # due at once when new
    job = Job.objects.get(name="rekap")
    assert (job.kind, job.state, job.run_after, job.finished_at) == (
        Kind.SCHEDULED,
        State.WAITING,
        NOW + timedelta(minutes=10),
        NOW,
    )
    assert run_due(registry, "dua", NOW + timedelta(minutes=9)) == []
    assert len(run_due(registry, "dua", NOW + timedelta(minutes=10))) == 1
    assert len(calls.payloads) == 2 and Job.objects.filter(name="rekap").count() == 1


def test_a_scheduled_job_that_keeps_failing_waits_for_its_next_regular_run():
    calls = Calls(failing=99)
    registry = scheduled(calls, every=timedelta(hours=6))
    moment = NOW
    for _ in range(services.MAX_ATTEMPTS):
        run_due(registry, "satu", moment)
        moment = Job.objects.get(name="rekap").run_after
    job = Job.objects.get(name="rekap")
    assert job.state == State.WAITING and job.attempts == 0
    assert job.run_after == job.failed_at + timedelta(hours=6)


def test_a_scheduled_job_switched_off_is_neither_made_nor_run():
    calls = Calls()
    off = Registry(
        scheduled={"rekap": Scheduled(run=calls, every=timedelta(1), label="Rekap", enabled=False)}
    )
    assert run_due(off, "satu", NOW) == [] and not Job.objects.exists()


def test_the_registry_holds_the_morning_reports(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert list(SCHEDULED) == [
        "laporan-pagi", "angka-harian", "kerawanan-harian", "percakapan-kedaluwarsa",
        "telegram-polling", "peringatan-berkala", "peringatan-ringkasan", "media-umpan",
    ]  # fmt: skip
    assert SCHEDULED["laporan-pagi"].every == timedelta(minutes=settings.BULLETIN_CHECK_MINUTES)
    assert SCHEDULED["media-umpan"].every == timedelta(minutes=settings.FEEDS_POLL_MINUTES)
    assert not SCHEDULED["telegram-polling"].enabled  # only with SEJUK_TELEGRAM_POLLING
    outcomes = run_due(REGISTRY, "serve", NOW)
    assert sorted((o.job.name, o.ok) for o in outcomes) == [
        ("angka-harian", True),
        ("kerawanan-harian", True),
        ("laporan-pagi", True),
        ("media-umpan", True),
        ("percakapan-kedaluwarsa", True),
        ("peringatan-berkala", True),
        ("peringatan-ringkasan", True),
    ]
    morning = next(o for o in outcomes if o.job.name == "laporan-pagi")
    assert "3 dibuat" in morning.result
    assert Bulletin.objects.filter(state="siap").count() == 3


def test_sejuk_worker_once_runs_what_is_due_and_says_so(world, settings, tmp_path, capsys):
    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path
    call_command("worker", "--once")
    out = capsys.readouterr().out
    assert "laporan-pagi\tselesai\t" in out and "media-umpan\tselesai\t" in out
    assert "Pekerjaan latar: 7 dijalankan." in out
    call_command("worker", "--once")
    again = capsys.readouterr().out
    # what runs every few minutes is not due again; only the seconds-apart upkeep may be
    minutes_apart = (
        "laporan-pagi",
        "media-umpan",
        "kerawanan-harian",
        "percakapan-kedaluwarsa",
        "peringatan-berkala",
        "peringatan-ringkasan",
    )
    for name in minutes_apart:
        assert name not in again
    assert "Pekerjaan latar: 0 dijalankan." in again or "angka-harian\tselesai" in again
