"""The area summary: per kecamatan, kabupaten, province and the nation and day, the desa
at each level, reached in the last ``REACH_DAYS`` days, and in all (``AreaDay``).

Written whenever tension is stored (``store``, from the desa just computed), so the
counts, the 30-day trend and the coverage of any commander's area read a handful of
rows: the nation's trend is 30 rows where counting stored tension would read 2.5
million. ``recount`` builds a day again from the stored tension and the daily figures
alone (for the migration that adds the table, and to check ``store`` against)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Max, Q
from django.db.models.functions import Length

from sejuk import bulk
from sejuk.reference.codes import KECAMATAN, normalised

from . import lastvisit
from .codes import area_q, below
from .models import AreaDay, DayFigures, Tension

REACH_DAYS = 30
LEVEL_NAMES = ("kurang_rawan", "rawan", "sangat_rawan")
COLUMNS = (*LEVEL_NAMES, "reached", "villages")


@dataclass
class Counts:
    """An area's desa on a day: by level, reached, and in all."""

    levels: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVEL_NAMES, 0))
    reached: int = 0
    villages: int = 0

    def add(self, row: Mapping[str, Any]) -> None:
        for name in LEVEL_NAMES:
            self.levels[name] += row[name] or 0
        self.reached += row["reached"] or 0
        self.villages += row["villages"] or 0


def kecamatan_rows(
    day: date, levels: Iterable[tuple[str, str]], visits: Mapping[str, date]
) -> dict[str, dict[str, int]]:
    """Per kecamatan, from (desa code, level) pairs and each desa's last visit."""
    since = day - timedelta(days=REACH_DAYS - 1)
    rows: dict[str, dict[str, int]] = {}
    for code, level in levels:
        row = rows.setdefault(code[:KECAMATAN], dict.fromkeys(COLUMNS, 0))
        row[level] += 1
        row["villages"] += 1
        last = visits.get(code)
        if last is not None and since <= last <= day:
            row["reached"] += 1
    return rows


def store(
    day: date, prefix: str | None, levels: Iterable[tuple[str, str]], visits: Mapping[str, date]
) -> None:
    """Replace the day's rows of every kecamatan under ``prefix`` (None: the nation; at
    most a kecamatan code) with the counts of ``levels``, which holds every desa under
    it, then the rows above them (kabupaten, province, nation) from the kecamatan rows.
    In the caller's transaction."""
    assert prefix is None or len(prefix) <= KECAMATAN, prefix

    rows = kecamatan_rows(day, levels, visits)
    old = AreaDay.objects.filter(day=day).alias(n=Length("region_code")).filter(n=KECAMATAN)
    if prefix:
        old = old.filter(Q(region_code=prefix) | below(prefix))
    old.delete()
    _insert(day, rows)
    _roll_up(day, prefix)


def _insert(day: date, rows: Mapping[str, Mapping[str, int]]) -> None:
    """Tuples straight to the table (a model instance per kecamatan costs more than the
    database does at the nation's 7,000), as an upsert: the upkeep of a kecamatan and a
    recompute around it may write the same rows above them at the same moment (on
    PostgreSQL), and the later writes over the earlier instead of failing."""
    bulk.upsert(
        AreaDay,
        ("region_code", "day", *COLUMNS),
        ("region_code", "day"),
        ((code, day, *(row[name] for name in COLUMNS)) for code, row in rows.items()),
    )


def _roll_up(day: date, prefix: str | None) -> None:
    """The kabupaten, province and nation rows of the day that contain ``prefix``,
    summed from the rows one level down."""

    for length, parent in ((5, KECAMATAN), (2, 5), (0, 2)):
        anchor = (prefix or "")[:length]  # the prefix's region of this length, or above
        children = AreaDay.objects.filter(day=day).alias(n=Length("region_code")).filter(n=parent)
        gone = AreaDay.objects.filter(day=day).alias(n=Length("region_code")).filter(n=length)
        if anchor:
            children = children.filter(below(anchor))
            gone = gone.filter(Q(region_code=anchor) | below(anchor))
        sums: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
        for code, *values in children.values_list("region_code", *COLUMNS).iterator(
            chunk_size=5000
        ):
            into = sums[code[:length]]
            for name, value in zip(COLUMNS, values, strict=True):
                into[name] += value
        gone.delete()
        _insert(day, sums)


def recount(day: date) -> None:
    """The day's rows again from the stored tension and the daily figures alone."""

    since = day - timedelta(days=REACH_DAYS - 1)
    visited = (
        DayFigures.objects.filter(day__range=(since, day), activities__gt=0)
        .values("region_code")
        .annotate(last=Max("day"))
    )
    visits = {r["region_code"]: r["last"] for r in visited}
    levels = Tension.objects.filter(day=day).values_list("region_code", "level")
    store(day, None, levels.iterator(chunk_size=20000), visits)


def counts(area: tuple[str, ...] | None, first: date, last: date) -> dict[date, Counts]:
    """Per day from ``first`` to ``last`` (days without stored tension left out): the
    area's desa by level, reached and in all. Areas of whole regions read the summary;
    desa codes in an area (a bhabinkamtibmas' villages) count their stored tension, and
    their reached desa on the last day only (the trend does not show it)."""

    codes = ("",) if area is None else normalised(area)
    summed = [c for c in codes if len(c) <= KECAMATAN]
    single = [c for c in codes if len(c) > KECAMATAN]
    out: dict[date, Counts] = {}
    if summed:
        rows = AreaDay.objects.filter(region_code__in=summed, day__range=(first, last))
        for row in rows.values("day", *COLUMNS):
            out.setdefault(row["day"], Counts()).add(row)
    if single:
        found = (
            Tension.objects.filter(area_q(tuple(single)), day__range=(first, last))
            .values("day", "level")
            .annotate(n=Count("id"))
        )
        for row in found:
            got = out.setdefault(row["day"], Counts())
            got.levels[row["level"]] = got.levels.get(row["level"], 0) + row["n"]
            got.villages += row["n"]
        if last in out:  # reached only for the last day (the trend does not show it)
            since = last - timedelta(days=REACH_DAYS - 1)
            visits = lastvisit.last_visits(tuple(single), last)
            out[last].reached += sum(1 for day in visits.values() if day >= since)
    return out


def total(area: tuple[str, ...] | None, day: date) -> Counts:
    return counts(area, day, day).get(day, Counts())


def recount_stored() -> int:
    """Every day with stored tension, counted again (the migration adding the table)."""

    days = list(Tension.objects.values_list("day", flat=True).distinct().order_by("day"))
    for on in days:
        recount(on)
    return len(days)
