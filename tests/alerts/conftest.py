"""Alerts tests: the jobs the writers queue are run by the real runner and registry."""

from __future__ import annotations

import pytest


@pytest.fixture
def run_jobs():  # type: ignore[no-untyped-def]
    """Run every due background job, round after round, until none is due: what
    `sejuk worker` does, in this process."""
    from sejuk.background import REGISTRY
    from sejuk.jobs.runner import run_due

    def run(rounds: int = 5) -> list[str]:
        done: list[str] = []
        for _ in range(rounds):
            outcomes = run_due(REGISTRY, "test-runner")
            queued = [o for o in outcomes if o.job.kind == "antrean"]
            done += [f"{o.job.name}:{'ok' if o.ok else 'gagal'}" for o in outcomes]
            if not queued:
                break
        return done

    return run
