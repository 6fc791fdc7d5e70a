"""The upkeep of a kecamatan's tension (after a write) and a full recompute of a larger
area at the same moment: both store the same desa-days and the same rows of the area
summary above them, and both must succeed, leaving what one after the other leaves.

On PostgreSQL the second writer waits for the first's rows and then finds them
committed under its feet (the rows it deleted are gone, the rows the first inserted were
not there when it looked): every write of stored tension and of the summary is an
upsert. On SQLite an immediate transaction holds the one write lock from its start, so
the two run one after the other; the test checks that it stays so.

The tests commit for real (``transaction=True``); ``available_apps`` leaves the region
list loaded once per session in place."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection, connections, transaction

from sejuk.tension import services, stored, summary
from sejuk.tension.models import AreaDay, Tension

pytestmark = pytest.mark.django_db(transaction=True, available_apps=["sejuk.tension"])

DAY = date(2024, 11, 27)
KECAMATAN = "52.01.07"  # Sekotong
AREA = "52"  # Nusa Tenggara Barat: the recompute's area, the kecamatan inside it
OTHER = "52.01.01"  # Gerung: another kecamatan of the kabupaten (the same summary rows above)


def _waiting_on_a_lock() -> None:
    """Until another connection waits for a row this test's first writer holds."""
    if connection.vendor != "postgresql":
        time.sleep(1)  # SQLite: the second writer waits for the write lock meanwhile
        return
    for _ in range(300):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
            if cursor.fetchone()[0]:
                return
        time.sleep(0.1)
    raise AssertionError("the second writer never waited for the first")


def _summary() -> dict[str, tuple[int, ...]]:
    rows = AreaDay.objects.filter(day=DAY).values_list("region_code", *summary.COLUMNS)
    return {code: tuple(values) for code, *values in rows}


def _run(errors: dict[str, BaseException], name: str, work: Callable[[], None]) -> None:
    try:
        work()
    except BaseException as error:  # reported by the test
        errors[name] = error
    finally:
        connections.close_all()


@pytest.mark.parametrize(
    ("first", "second", "staged"),
    [
        (KECAMATAN, AREA, False),  # the upkeep holds, the recompute follows
        (AREA, KECAMATAN, False),
        (KECAMATAN, AREA, True),  # PostgreSQL's way for a large area (sejuk.tension.stored)
        (KECAMATAN, OTHER, False),  # two kecamatan: only the summary's rows above are shared
    ],
)
def test_the_upkeep_of_a_kecamatan_and_a_full_recompute_at_once_both_succeed(
    monkeypatch, first, second, staged
):
    if staged:
        monkeypatch.setattr(stored, "STAGED_FROM", 10)
    written, release = threading.Event(), threading.Event()
    errors: dict[str, BaseException] = {}

    def holder() -> None:
        with transaction.atomic():
            services.recompute(DAY, prefix=first)
            written.set()
            release.wait(60)

    def follower() -> None:
        written.wait(60)
        with transaction.atomic():
            services.recompute(DAY, prefix=second)

    threads = [
        threading.Thread(target=_run, args=(errors, "first", holder)),
        threading.Thread(target=_run, args=(errors, "second", follower)),
    ]
    for thread in threads:
        thread.start()
    try:
        assert written.wait(60), errors
        _waiting_on_a_lock()
    finally:
        release.set()
        for thread in threads:
            thread.join(120)
    assert errors == {}
    kept = _summary()
    assert (
        kept[KECAMATAN][-1]
        == Tension.objects.filter(day=DAY, region_code__startswith=KECAMATAN + ".").count()
    )
    with transaction.atomic():
        summary.recount(DAY)
    assert _summary() == kept
