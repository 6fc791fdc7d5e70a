"""A bounded load generator on the loopback address: client threads, each with its own
keep-alive connection (http.client), sending requests until a count or a time limit is
reached, whichever comes first. It measures throughput and latency, and the server's
CPU time over the run from /proc."""

from __future__ import annotations

import http.client
import itertools
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    body: bytes | None = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Outcome:
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    bodies: list[bytes] = field(default_factory=list)  # kept when asked (to check them)
    server_cpu: float = 0.0  # seconds of the server process's CPU over the run
    load: float = 0.0  # the machine's 1-minute load average at the end

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies)
        if not ordered:
            return 0.0
        return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]

    @property
    def cpu_per_request(self) -> float:
        return self.server_cpu / self.requests if self.requests else 0.0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def load_average() -> float:
    with open("/proc/loadavg") as loadavg:
        return float(loadavg.read().split()[0])


def drive(
    host: str,
    port: int,
    make: Callable[[int], Request],
    *,
    clients: int,
    max_requests: int,
    max_seconds: float,
    server_pid: int,
    keep_bodies: bool = False,
) -> Outcome:
    """Send ``make(0)``, ``make(1)``, ... from ``clients`` threads until ``max_requests``
    were sent or ``max_seconds`` have passed."""
    outcome = Outcome()
    numbers = itertools.count()
    lock = threading.Lock()
    deadline = time.perf_counter() + max_seconds

    def client() -> None:
        connection = http.client.HTTPConnection(host, port, timeout=120)
        latencies: list[float] = []
        statuses: dict[int, int] = {}
        bodies: list[bytes] = []
        try:
            while time.perf_counter() < deadline:
                with lock:
                    n = next(numbers)
                if n >= max_requests:
                    break
                request = make(n)
                started = time.perf_counter()
                try:
                    connection.request(
                        request.method, request.path, body=request.body, headers=request.headers
                    )
                    response = connection.getresponse()
                    body = response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    connection.close()  # counted as status 0; the next request reconnects
                    body, status = b"", 0
                latencies.append(time.perf_counter() - started)
                statuses[status] = statuses.get(status, 0) + 1
                if keep_bodies:
                    bodies.append(body)
        finally:
            connection.close()
            with lock:
                outcome.latencies.extend(latencies)
                outcome.bodies.extend(bodies)
                for status, count in statuses.items():
                    outcome.statuses[status] = outcome.statuses.get(status, 0) + count

    cpu_before = cpu_seconds(server_pid)
    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    outcome.seconds = time.perf_counter() - started
    outcome.server_cpu = cpu_seconds(server_pid) - cpu_before
    outcome.requests = len(outcome.latencies)
    outcome.load = load_average()
    return outcome
