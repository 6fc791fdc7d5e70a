"""Alerts tests: the jobs the writers queue are run by the real runner and registry."""

from __future__ import annotations

import pytest

# The channels switched on, their APIs on a fake server on 127.0.0.1.
from tests.channels.conftest import channels_on, fake  # noqa: F401


@pytest.fixture
def run_jobs():  # type: ignore[no-untyped-def]
    """Run every due queued job (what writers asked for), round after round, until none
    is left: what `sejuk worker` does, in this process, leaving out the scheduled rounds
    (the tests call those themselves)."""
    from sejuk.background import REGISTRY
    from sejuk.jobs.runner import Registry, run_due

    queued_only = Registry(queued=REGISTRY.queued)

    def run(rounds: int = 5) -> list[str]:
        done: list[str] = []
        for _ in range(rounds):
            outcomes = run_due(queued_only, "test-runner")
            queued = [o for o in outcomes if o.job.kind == "antrean"]
            done += [f"{o.job.name}:{'ok' if o.ok else 'gagal'}" for o in outcomes]
            if not queued:
                break
        return done

    return run
