"""The routing table a server process keeps: read by one thread at a time. When it has
grown old the other threads go on with it while one reads it anew; a table dropped by a
change is waited for, and read once."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from sejuk.units import routing


def test_the_routing_table_is_read_by_one_thread_when_old_or_dropped(monkeypatch):
    reads: list[object] = []

    class SlowTable:  # a national table takes about a second to read
        def __init__(self) -> None:
            reads.append(self)
            time.sleep(1.0)

    clock = [0.0]
    monkeypatch.setattr(routing, "RouteTable", SlowTable)
    monkeypatch.setattr(routing.time, "monotonic", lambda: clock[0])
    kept = routing.RouteCache(keep_seconds=60)
    first = kept.table()
    assert kept.table() is first and len(reads) == 1

    clock[0] = 61  # grown old: one thread reads it again, the others are not held up
    with ThreadPoolExecutor(8) as pool:
        started = time.perf_counter()
        got = list(pool.map(lambda _: (kept.table(), time.perf_counter() - started), range(8)))
    assert len(reads) == 2
    assert kept.table() is reads[1]
    served_old = [waited for table, waited in got if table is first]
    assert served_old and max(served_old) < 0.8  # not the second a read takes

    kept.clear()  # dropped by a change: everyone waits for the one new read
    with ThreadPoolExecutor(8) as pool:
        after = list(pool.map(lambda _: kept.table(), range(8)))
    assert len(reads) == 3
    assert all(table is reads[2] for table in after)
