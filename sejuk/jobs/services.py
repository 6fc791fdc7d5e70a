"""The mechanics of background jobs: enqueue by name, claim, finish, fail and retry.

A claim is one conditional UPDATE ("this job, if it is still due") in its own statement:
of several runners (threads of `sejuk serve`, `sejuk worker` processes, other servers)
exactly one sees a row changed, and only it runs the job. No transaction stays open while
a job runs; the job opens its own.

A job that fails is tried again after a wait that doubles each time (1, 2, 4, 8 minutes,
at most an hour), up to ``MAX_ATTEMPTS`` tries; a queued job then stays failed (an
administrator can run it again), a scheduled one waits for its next regular run. A claim
not finished after ``STALE`` is presumed dead (the process was killed) and may be taken
over; the old runner's late answer then changes nothing, because finishing is conditional
on the claim it made (who and when). A long job that calls ``heartbeat`` as it goes (an
import, per chunk) is presumed dead once no beat came for ``BEAT_STALE``, a few minutes,
and never while it beats, however long it runs.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Job, Kind, State

# Set when a job is queued in this process, so the runner thread of `sejuk serve` starts
# at once instead of at its next poll (a reply to a chat message should not wait 5 s).
queued_here = threading.Event()

MAX_ATTEMPTS = 5
BACKOFF = timedelta(minutes=1)
MAX_BACKOFF = timedelta(hours=1)
STALE = timedelta(minutes=30)
BEAT_STALE = timedelta(minutes=5)
BEAT_EVERY = timedelta(seconds=20)  # at most one beat written so often
# The job this thread runs now (set by the runner): what ``heartbeat`` beats for.
_running = threading.local()


def enqueue(
    name: str,
    payload: dict[str, Any] | None = None,
    *,
    key: str = "",
    run_after: datetime | None = None,
) -> Job:
    """Queue a job by its name in the registry (``sejuk.background``). With a ``key``, a
    job of that name and key already waiting is the answer and nothing is added. Called
    inside the caller's transaction, the job exists only if that transaction commits."""
    for _ in range(3):
        if key:
            waiting = Job.objects.filter(name=name, key=key, state=State.WAITING).first()
            if waiting is not None:
                return waiting
        try:
            with transaction.atomic():
                job = Job.objects.create(
                    name=name,
                    kind=Kind.QUEUED,
                    payload=payload or {},
                    key=key,
                    state=State.WAITING,
                    run_after=run_after or timezone.now(),
                )
            transaction.on_commit(queued_here.set)
            return job
        except IntegrityError:  # another process queued the same key just now
            continue
    raise RuntimeError(f"pekerjaan {name} ({key}) tidak dapat diantrekan")


def enqueue_many(name: str, payloads: list[dict[str, Any]]) -> None:
    """Queue one job of ``name`` per payload in one statement, with no key (nothing to
    refuse, so no savepoint): the webhooks' short write. Inside the caller's transaction."""
    if not payloads:
        return
    now = timezone.now()
    Job.objects.bulk_create(
        Job(name=name, kind=Kind.QUEUED, payload=p, state=State.WAITING, run_after=now)
        for p in payloads
    )
    transaction.on_commit(queued_here.set)


def ensure_scheduled(names: Iterable[str], now: datetime) -> None:
    """A row for every scheduled job, due at once when it is new."""
    have = set(Job.objects.filter(kind=Kind.SCHEDULED).values_list("name", flat=True))
    for name in set(names) - have:
        try:
            with transaction.atomic():
                Job.objects.create(
                    name=name, kind=Kind.SCHEDULED, state=State.WAITING, run_after=now
                )
        except IntegrityError:  # another runner made it first
            pass


def _due(now: datetime, stale: timedelta) -> Q:
    silent = Q(beat_at__isnull=True, claimed_at__lt=now - stale)
    stopped = Q(beat_at__lt=now - BEAT_STALE)
    return Q(state=State.WAITING, run_after__lte=now) | Q(state=State.RUNNING) & (silent | stopped)


def due(now: datetime, scheduled: Iterable[str], stale: timedelta = STALE) -> list[int]:
    """Ids of the jobs due (or abandoned) now, the most overdue first: every queued job,
    and the scheduled ones named (those switched on)."""
    which = Q(kind=Kind.QUEUED) | Q(kind=Kind.SCHEDULED, name__in=list(scheduled))
    return list(
        Job.objects.filter(_due(now, stale), which)
        .order_by("run_after", "id")
        .values_list("pk", flat=True)[:100]
    )


def claim(job_id: int, runner: str, now: datetime, stale: timedelta = STALE) -> Job | None:
    """The job, if this runner is the one to run it now."""
    won = Job.objects.filter(_due(now, stale), pk=job_id).update(
        state=State.RUNNING,
        claimed_at=now,
        claimed_by=runner,
        beat_at=None,
        attempts=F("attempts") + 1,
    )
    return Job.objects.get(pk=job_id) if won == 1 else None


def _mine(job: Job) -> Any:
    """The job's row while it is still this claim's (not taken over since)."""
    return Job.objects.filter(
        pk=job.pk, state=State.RUNNING, claimed_by=job.claimed_by, claimed_at=job.claimed_at
    )


def running(job: Job | None) -> None:
    """The runner's note of the job its thread runs now (None when it is done)."""
    _running.job = job
    _running.beat = None


def heartbeat(now: datetime | None = None) -> bool:
    """The job this thread runs is alive: a long job calls it as it goes (an import, per
    chunk), so a runner that died is taken over within ``BEAT_STALE`` while one that
    lives is never taken over. Outside a job (a command, a test) nothing happens. False
    when the claim was taken over meanwhile."""
    job = getattr(_running, "job", None)
    if job is None:
        return True
    now = now or timezone.now()
    last = getattr(_running, "beat", None)
    if last is not None and now - last < BEAT_EVERY:
        return True  # beaten a moment ago: no write (each is a commit of its own)
    _running.beat = now
    return _mine(job).update(beat_at=now) == 1


def finish(job: Job, now: datetime, result: str = "", every: timedelta | None = None) -> bool:
    """Record a run that went well: a scheduled job comes round again ``every`` later."""
    fields: dict[str, Any] = {"finished_at": now, "result": result[:2000]}
    if job.kind == Kind.SCHEDULED:  # the tries count again from the next run
        fields.update(state=State.WAITING, run_after=now + (every or timedelta(0)), attempts=0)
    else:
        fields.update(state=State.DONE)
    return _mine(job).update(**fields) == 1


def backoff(attempts: int) -> timedelta:
    """The wait before the next try after ``attempts`` failed ones: 1, 2, 4, ... minutes."""
    return min(BACKOFF * 2 ** max(attempts - 1, 0), MAX_BACKOFF)


def fail(
    job: Job,
    now: datetime,
    error: str,
    every: timedelta | None = None,
    max_attempts: int = MAX_ATTEMPTS,
) -> bool:
    """Record a run that failed, and when (or whether) it is tried again."""
    fields: dict[str, Any] = {"failed_at": now, "last_error": error[:4000]}
    if job.attempts < max_attempts:
        fields.update(state=State.WAITING, run_after=now + backoff(job.attempts))
    elif job.kind == Kind.SCHEDULED:  # given up for this run; the next regular one comes
        fields.update(state=State.WAITING, run_after=now + (every or timedelta(0)), attempts=0)
    else:
        fields.update(state=State.FAILED, finished_at=now)
    try:
        with transaction.atomic():
            return _mine(job).update(**fields) == 1
    except IntegrityError:  # the same key was queued again meanwhile: that one will run
        note = "\n(tidak diulang: pekerjaan yang sama sudah menunggu)"
        fields.update(state=State.FAILED, finished_at=now, last_error=error[:3900] + note)
        fields.pop("run_after", None)
        return _mine(job).update(**fields) == 1


def run_again(job: Job, now: datetime | None = None) -> bool:
    """An administrator's "run again": the job is due at once, with its tries reset. A
    running job is left to finish; a queued one whose key already waits is not doubled."""
    try:
        with transaction.atomic():
            return (
                Job.objects.filter(pk=job.pk)
                .exclude(state=State.RUNNING)
                .update(state=State.WAITING, run_after=now or timezone.now(), attempts=0)
                == 1
            )
    except IntegrityError:
        return False
