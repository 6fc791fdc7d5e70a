"""The runner: rounds over the due jobs of a registry, in a thread of `sejuk serve` or in
`sejuk worker`. The registry is given to it (``sejuk.background.REGISTRY``): this module
knows no job."""

from __future__ import annotations

import logging
import os
import socket
import threading
import traceback
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import close_old_connections
from django.utils import timezone

from . import services
from .models import Job, Kind

log = logging.getLogger(__name__)
POLL_SECONDS = 5  # how often an idle runner looks for due jobs: one indexed SELECT


@dataclass(frozen=True)
class Scheduled:
    """A job that comes round every ``every``; ``run`` returns a line for the admin."""

    run: Callable[[], str | None]
    every: timedelta
    label: str
    enabled: bool = True


@dataclass(frozen=True)
class Queued:
    """A kind of job that is enqueued by name with a payload, and runs once."""

    run: Callable[[dict[str, Any]], str | None]
    label: str


@dataclass(frozen=True)
class Registry:
    scheduled: Mapping[str, Scheduled] = field(default_factory=dict)
    queued: Mapping[str, Queued] = field(default_factory=dict)

    def active_scheduled(self) -> list[str]:
        return [name for name, spec in self.scheduled.items() if spec.enabled]


@dataclass
class Outcome:
    job: Job
    ok: bool
    result: str


def runner_name() -> str:
    """Who holds a claim: machine, process and a random part (unique per runner)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def run_due(
    registry: Registry,
    runner: str,
    now: datetime | None = None,
    stale: timedelta = services.STALE,
) -> list[Outcome]:
    """One round: every due job of the registry that this runner wins, run one by one.
    ``now`` fixes the clock (tests); otherwise each claim and answer is timed as it
    happens, so a job that waited behind a long one is not taken for abandoned."""

    def clock() -> datetime:
        return now or timezone.now()

    scheduled = registry.active_scheduled()
    services.ensure_scheduled(scheduled, clock())
    outcomes = []
    # Every queued job is claimed, also one of a name the registry does not hold (a
    # misspelt enqueue): it then fails with its reason instead of waiting for ever.
    for job_id in services.due(clock(), scheduled, stale):
        job = services.claim(job_id, runner, clock(), stale)
        if job is not None:
            outcomes.append(_run(registry, job, clock))
    return outcomes


def _run(registry: Registry, job: Job, clock: Callable[[], datetime]) -> Outcome:
    every = registry.scheduled[job.name].every if job.kind == Kind.SCHEDULED else None
    services.running(job)
    try:
        if job.kind == Kind.SCHEDULED:
            result = registry.scheduled[job.name].run()
        elif job.name in registry.queued:
            result = registry.queued[job.name].run(job.payload)
        else:
            raise LookupError(f"pekerjaan {job.name!r} tidak ada dalam daftar pekerjaan latar")
    except Exception as exc:  # a failing job must not stop the others
        log.exception("Pekerjaan latar %s gagal", job)
        error = "".join(traceback.format_exception_only(exc)).strip()
        services.fail(job, clock(), error, every)
        return Outcome(job, False, error)
    finally:
        services.running(None)
    services.finish(job, clock(), result or "", every)
    return Outcome(job, True, result or "")


class RunnerThread(threading.Thread):
    """The runner inside `sejuk serve`: a round now, then one every few seconds."""

    def __init__(self, registry: Registry, poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__(name="sejuk-pekerjaan-latar", daemon=True)
        self.registry = registry
        self.poll = poll_seconds
        self.runner = runner_name()
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            services.queued_here.clear()  # a job queued from now on wakes the next wait
            try:
                for outcome in run_due(self.registry, self.runner):
                    log.info("Pekerjaan latar %s: %s", outcome.job, outcome.result)
            except Exception:  # the server keeps serving; the next round tries again
                log.exception("Putaran pekerjaan latar gagal")
            finally:
                close_old_connections()
            services.queued_here.wait(self.poll)

    def stop(self) -> None:
        self.stopping.set()
        services.queued_here.set()
