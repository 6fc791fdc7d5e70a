"""One download of `make bench-documents`, in a process of its own with one database's
settings: ``python -m bench.documents_probe DOCUMENT FORMAT UNIT_ID`` (daily pdf, daily
docx or recap xlsx). Prints one JSON line: the download end to end (wall and CPU
seconds, SQL queries, the process's peak memory right after it), then the same document
again in parts (the figures, the outline, the file drawn).

Everything runs in one transaction that is rolled back: the audit line of an export (and
any upkeep the picture catches up on) is not left in the shared benchmark database."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from sejuk.accounts.access import viewer_of_unit  # noqa: E402
from sejuk.accounts.workplace import today_for  # noqa: E402
from sejuk.bulletins import services, workbook  # noqa: E402
from sejuk.bulletins.documents import daily_outline  # noqa: E402
from sejuk.units.models import Unit  # noqa: E402


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Counter:
    """Counts the SQL statements the connection runs."""

    def __init__(self) -> None:
        self.n = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.n += 1
        return execute(sql, params, many, context)


def cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def timed(work: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    out = work()
    return out, time.perf_counter() - started


def download(work: Callable[[], Any], figures: dict[str, Any], counter: Counter) -> None:
    """The download as the user gets it, end to end (figures, audit line, file): wall
    time, CPU time of the process (less moved by other work on the machine), SQL
    queries and the peak memory of the process so far."""
    queries, used = counter.n, cpu()
    _, figures["download_s"] = timed(work)
    figures["download_cpu_s"] = cpu() - used
    figures["download_queries"] = counter.n - queries
    figures["peak_mb"] = round(peak_mb())


def daily(unit: Unit, fmt: str, figures: dict[str, Any], counter: Counter) -> None:
    viewer = viewer_of_unit(unit)
    day = today_for(viewer) - timedelta(days=1)  # the morning report: yesterday
    download(lambda: services.daily_file(viewer, unit.pk, day, fmt), figures, counter)
    report, figures["figures_s"] = timed(lambda: services.daily(viewer, unit.pk, day))
    outline, figures["outline_s"] = timed(lambda: daily_outline(report))
    content, figures["drawn_s"] = timed(lambda: services.RENDERERS[fmt][1](outline))
    figures["bytes"] = len(content)
    figures["activities"] = report.activities.total


def recap(unit: Unit, fmt: str, figures: dict[str, Any], counter: Counter) -> None:
    viewer = viewer_of_unit(unit)
    download(lambda: services.recap_file(viewer, unit.pk, None, None), figures, counter)
    book, figures["figures_s"] = timed(lambda: services.recap_book(viewer, unit.pk, None, None))
    content, figures["drawn_s"] = timed(lambda: workbook.render(book))
    figures["bytes"] = len(content)
    figures["activities"] = book.whole.total


def main() -> int:
    document, fmt, unit_id = sys.argv[1], sys.argv[2], int(sys.argv[3])
    figures: dict[str, Any] = {
        "document": document,
        "format": fmt,
        "start_mb": round(peak_mb()),
    }
    counter = Counter()
    with transaction.atomic(), connection.execute_wrapper(counter):
        unit = Unit.objects.select_related("parent").get(pk=unit_id)
        figures["unit"] = unit.name
        (daily if document == "daily" else recap)(unit, fmt, figures, counter)
        transaction.set_rollback(True)
    figures["peak_all_mb"] = round(peak_mb())
    figures["load"] = round(os.getloadavg()[0], 2)
    print(json.dumps(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
