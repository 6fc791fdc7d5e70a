"""The measurements of `make bench-picture`, in a process with one database's settings:
``python -m bench.picture_probe LABEL REQUESTS WRITES``."""

from __future__ import annotations

import os
import resource
import statistics
import sys
import time
from datetime import time as clock
from datetime import timedelta

import django

django.setup()

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from sejuk.accounts.access import viewer_for  # noqa: E402
from sejuk.accounts.models import User, UserRole  # noqa: E402
from sejuk.activities.services import ActivityInput, create_activity  # noqa: E402
from sejuk.tension import compute, services, upkeep  # noqa: E402
from sejuk.tension.models import DayFigures, Tension  # noqa: E402
from sejuk.units.models import Unit  # noqa: E402

PAGE_TARGET_MS = 50.0
UPKEEP_TARGET = 0.20


def verdict(value: float, target: float, unit: str) -> str:
    if value <= target:
        return f"target <= {target:g} {unit}: met"
    return f"target <= {target:g} {unit}: SHORT by {value - target:.1f} {unit}"


def busiest_units() -> list[tuple[str, Unit]]:
    from django.db.models import Count

    counts = (
        Unit.objects.filter(level="polres")
        .annotate(n=Count("activities"))
        .order_by("-n")
        .values_list("pk", flat=True)[:1]
    )
    polres = Unit.objects.get(pk=counts[0])
    return [
        ("Polres", polres),
        ("Polda", polres.parent),  # type: ignore[list-item]
        ("nasional", Unit.objects.get(level="mabes")),
    ]


def commander(label: str, unit: Unit) -> User:
    name = f"bench.pimpinan.{label.lower()}"
    user = User.objects.filter(username=name).first()
    if user is None:
        user = User.objects.create_user(name, password=None, unit=unit)
        UserRole.objects.create(user=user, role="pimpinan")
    return user


def timed(client: Client, url: str, n: int) -> tuple[float, float]:
    client.get(url)  # warm
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        answer = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200, (url, answer.status_code)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def write_cost(unit: Unit, user: User, n: int, listening: bool) -> float:
    if not listening:
        upkeep.disconnect()
    try:
        viewer = viewer_for(user)
        region = Tension.objects.filter(region_code__startswith=unit.home_region_id or "")
        code = region.values_list("region_code", flat=True).first() or "52.01.07.2002"
        samples = []
        for i in range(n):
            data = ActivityInput(
                region=code,
                date=timezone.localdate() - timedelta(days=1),
                start_time=clock(8 + i % 10, 0),
                types=["patroli_dialogis"],
                summary="Patroli dialogis uji kecepatan.",
                unit_id=unit.pk,
            )
            started = time.perf_counter()
            with transaction.atomic():
                create_activity(viewer, data)
            samples.append(time.perf_counter() - started)  # includes the on-commit upkeep
        return statistics.median(samples)
    finally:
        upkeep.connect()


def main() -> int:
    label, requests, writes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    recompute_target = 10.0 if label == "SQLite" else 3.0
    if not DayFigures.objects.exists():
        started = time.perf_counter()
        rows = services.rebuild()
        print(f"daily figures rebuilt: {rows:,} rows in {time.perf_counter() - started:.1f} s")
    today = compute.local_today("31", timezone.now())
    started = time.perf_counter()
    with transaction.atomic():
        n = services.recompute(today)
    seconds = time.perf_counter() - started
    print(
        f"full recompute of tension: {n:,} desa in {seconds:.2f} s "
        f"({verdict(seconds, recompute_target, 's')})"
    )
    # The pages read what a month of the daily job leaves: 30 days of stored tension
    # (the trend reads them), filled once for the days missing.
    stored = set(Tension.objects.values_list("day", flat=True).distinct())
    missing = [today - timedelta(days=back) for back in range(1, services.TREND_DAYS)]
    missing = [day for day in missing if day not in stored]
    if missing:
        started = time.perf_counter()
        for day in missing:
            with transaction.atomic():
                services.recompute(day)
        print(
            f"tension of {len(missing)} earlier days stored for the pages' 30-day trend "
            f"in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
    scopes = busiest_units()
    polres_user = commander("writer", scopes[0][1])
    UserRole.objects.get_or_create(user=polres_user, role="operator")
    plain = write_cost(scopes[0][1], polres_user, writes, listening=False)
    kept = write_cost(scopes[0][1], polres_user, writes, listening=True)
    ratio = kept / plain - 1
    print(
        f"upkeep per write: {plain * 1000:.1f} ms without, {kept * 1000:.1f} ms with "
        f"(+{ratio:.0%}; {verdict(ratio * 100, UPKEEP_TARGET * 100, '%')})"
    )
    for scope, unit in scopes:
        client = Client()
        client.force_login(commander(scope, unit))
        top = services.ranking(
            viewer_for(commander(scope, unit)).region_area("tension.read"), today, 1
        )
        pages = {"home": "/", "recap": "/kegiatan/rekap/"}
        if top:
            pages["desa"] = f"/desa/{top[0].code}/"
        for name, url in pages.items():
            p50, p95 = timed(client, url, requests)
            print(
                f"{scope:9} {name:6} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  "
                f"({verdict(p95, PAGE_TARGET_MS, 'ms')})"
            )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB; load average (1 min): {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
