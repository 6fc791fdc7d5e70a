"""The picture's one service: daily figures, tension per desa, and what the pages, the
API, the daily report and the map read from them.

``levels(area_prefix, level, day)`` is the map's entry: for every region of one level
(provinsi 1, kabupaten 2, kecamatan 3, desa 4) under a code prefix, its (score, level)
on a day, a larger region taking the highest of its desa (the desa that needs a patrol
first decides its colour)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import F, Max, Q
from django.db.models.functions import Length
from django.utils import timezone

from sejuk import bulk
from sejuk.reference.codes import DESA, KECAMATAN, normalised

from . import compute, lastvisit, rollup, score, store, stored, summary, upkeep
from .codes import area_q, below, chunks
from .models import AreaDay, DayFigures, Dirty, Tension

TREND_DAYS = 30
RISE_DAYS = 7
LENGTHS = {1: 2, 2: 5, 3: 8, 4: 13}


def rebuild(
    since: date | None = None,
    now: datetime | None = None,
    tension_days: int = 1,
    area: tuple[str, ...] | None = None,
) -> int:
    """The daily figures from the raw records (from ``since``, or all), then the stored
    tension of the last ``tension_days`` days, of ``area`` (codes; None: the nation). For
    writers that bypass model signals (bulk inserts, ``QuerySet.update``). Works in
    transactions of its own, a month or a day at a time."""
    now = now or timezone.now()
    rows = store.rebuild(now, since)
    recompute_area(area, tension_days, now)
    return rows


def refresh(now: datetime | None = None) -> int:
    """Recompute the keys writes marked dirty, then today's tension of their kecamatan."""
    now = now or timezone.now()
    touched = upkeep.pending_kecamatan()
    done = upkeep.refresh(now)
    for kec in touched:
        recompute(compute.local_today(kec, now), prefix=kec, now=now)
    return done


def upkeep_round(now: datetime | None = None, every: timedelta = timedelta(minutes=1)) -> str:
    """The background round of upkeep: the keys writes marked, and the days of report
    deadlines that passed in the last two minutes (marking a day twice costs a
    recompute, never a wrong figure)."""
    now = now or timezone.now()
    marked = upkeep.deadlines_passed(now - 2 * every, now)
    done = refresh(now)
    return f"{done} wilayah-hari dihitung ulang, {marked} karena batas tanggapan lewat"


# A reader recomputes at most this many waiting keys itself (a write marks one to three).
# A burst beyond it (hundreds of citizens' reports in seconds, a large import) is left to
# the ``angka-harian`` job, seconds behind: a page does not pay for it. Unbounded, every
# commander's page after 2,000 reports in ten seconds recomputed 2,000 kecamatan, each
# request the same ones again (21 s of CPU per page; none answered within 120 s).
READER_KEYS = 50
_catching_up = threading.Lock()


def catch_up() -> None:
    """Readers call this first: keys still marked (written in this very transaction, or
    committed a moment ago and not yet recomputed) are recomputed before reading, so a
    page shows the writes it can see, up to ``READER_KEYS`` of them waiting; past that,
    or while another request of this process is catching up, it reads what is stored
    and the job brings it up to date. One indexed query when nothing waits."""
    waiting = Dirty.objects.values("pk")[: READER_KEYS + 1].count()
    if not waiting or waiting > READER_KEYS:
        return
    if not _catching_up.acquire(blocking=False):
        return
    try:
        refresh()
    finally:
        _catching_up.release()


def recompute_today(now: datetime | None = None) -> str:
    """Today's tension of every desa in the nation (the decay of incidents and the age
    of the last visit change with the day, not only with writes)."""
    now = now or timezone.now()
    with transaction.atomic():
        n = recompute(compute.local_today("31", now), now=now)
    return f"Kerawanan {n} desa dihitung ulang"


def recompute_area(area: tuple[str, ...] | None, days: int, now: datetime | None = None) -> int:
    """The stored tension of an area (None: the nation) for its last ``days`` days, a
    day per transaction."""
    now = now or timezone.now()
    today = compute.local_today(area[0] if area else "31", now)
    n = 0
    for back in reversed(range(days)):  # oldest first: a day's rise reads the day before
        for code in area if area is not None else (None,):
            with transaction.atomic():
                n += recompute(today - timedelta(days=back), prefix=code, now=now)
    return n


def recompute(day: date, prefix: str | None = None, now: datetime | None = None) -> int:
    """Store the tension of every desa under ``prefix`` on ``day`` (a desa code: its
    whole kecamatan), and the area summary above them."""
    if prefix and len(prefix) > KECAMATAN:
        prefix = prefix[:KECAMATAN]
    visits: dict[str, date] = {}
    with _collector_paused():
        found = compute.tensions(prefix, day, now, visits)
        return store_tensions(day, prefix, found, visits)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The nation's recompute makes hundreds of thousands of objects that all live until
    it ends: Python's cycle collector would walk them again and again for nothing (a
    quarter of the recompute's own time). Freed by their counts all the same."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def store_tensions(
    day: date,
    prefix: str | None,
    found: dict[str, score.Tension],
    visits: dict[str, date],
) -> int:
    """Replace the stored tension of the desa under ``prefix`` on ``day`` with ``found``
    (every desa under it), each with its rise against ``RISE_DAYS`` days before (as
    stored then: the ranking of rises is one indexed query), then the area summary.
    One writer at a time (``stored.one_writer``): the summary's rows above an area are
    summed from the rows below, which another writer may be changing."""
    with transaction.atomic():
        stored.one_writer()
        return _store_tensions(day, prefix, found, visits)


def _store_tensions(
    day: date,
    prefix: str | None,
    found: dict[str, score.Tension],
    visits: dict[str, date],
) -> int:
    before_rows = Tension.objects.filter(day=day - timedelta(days=RISE_DAYS))
    if prefix:
        before_rows = before_rows.filter(below(prefix) | Q(region_code=prefix))
    before = dict(before_rows.values_list("region_code", "score").iterator(chunk_size=20000))
    # Tuples straight to the table (sejuk.tension.stored): a model instance per desa
    # would cost more than the database does at the nation's 83,762 desa.
    explained: dict[int, bulk.Encoded] = {}

    def parts_of(t: score.Tension) -> bulk.Encoded:
        if id(t) not in explained:  # desa with the same inputs share one Tension
            explained[id(t)] = bulk.encoded({n: [p.points, p.why] for n, p in t.parts.items()})
        return explained[id(t)]

    stored.replace(
        day,
        prefix,
        [
            (
                code,
                t.score,
                t.level,
                parts_of(t),
                None if (then := before.get(code)) is None else round(t.score - then, 2),
            )
            for code, t in found.items()
        ],
    )
    summary.store(day, prefix, ((code, t.level) for code, t in found.items()), visits)
    return len(found)


def desa_tension(code: str, day: date, now: datetime | None = None) -> score.Tension | None:
    """A desa's tension on a day, the one figure every page shows (None: no such desa).
    The stored one where the job stored the day (what the ranking, the map and the
    summary read); else computed the way the job computes it: with the other desa of
    its kecamatan (their share of incidents) and the reports as of ``now``."""
    row = (
        Tension.objects.filter(region_code=code, day=day)
        .values_list("score", "level", "parts")
        .first()
    )
    if row is not None:
        return score.from_stored(*row, compute.weights())
    kecamatan = code[:KECAMATAN] if len(code) > KECAMATAN else code
    return compute.tensions(kecamatan, day, now or timezone.now()).get(code)


def history(code: str, day: date, days: int = TREND_DAYS) -> list[tuple[date, float, str]]:
    """A desa's stored tension over the last ``days`` days (the days the job stored)."""
    rows = Tension.objects.filter(
        region_code=code, day__range=(day - timedelta(days=days - 1), day)
    )
    return list(rows.order_by("day").values_list("day", "score", "level"))


def activity_sums(
    areas: dict[int, tuple[str, ...] | None], start: date, end: date
) -> dict[int, rollup.Sums]:
    """Per key, the activities of its area (codes; None: the nation) from ``start`` to
    ``end``, per type and per day: the recap's counts."""
    catch_up()
    return rollup.sums(areas, start, end)


def last_visits(area: tuple[str, ...] | None, until: date) -> dict[str, date]:
    """Each desa of the area reached by an activity up to ``until``, and the last day it
    was: the coverage's figures."""
    catch_up()
    return lastvisit.last_visits(area, until)


def latest_day(area: tuple[str, ...] | None, day: date) -> date | None:
    """The last day up to ``day`` with stored tension (the job stores the nation's
    today, so the area is asked only when nothing is stored for the nation)."""
    found = Tension.objects.filter(day__lte=day).aggregate(d=Max("day"))["d"]
    if found is None or area is None:
        return found
    codes = normalised(area)
    if all(len(c) <= KECAMATAN for c in codes):  # whole regions: their summary
        rows = AreaDay.objects.filter(region_code__in=codes, day__lte=day)
        return rows.aggregate(d=Max("day"))["d"]
    return Tension.objects.filter(area_q(area), day__lte=day).aggregate(d=Max("day"))["d"]


@dataclass(frozen=True)
class Ranked:
    code: str
    score: float
    level: str
    parts: dict[str, list[object]]
    rise: float | None = None


def ranking(
    area: tuple[str, ...] | None, day: date, limit: int = 20, offset: int = 0, level: str = ""
) -> list[Ranked]:
    qs = Tension.objects.filter(area_q(area), day=day)
    if level:
        qs = qs.filter(level=level)
    if area is None:  # the nation walks the day's score index, highest first
        qs = qs.order_by("-score", "region_code")
    else:
        # An area's desa read by their codes, then sorted: ordered by the bare score,
        # PostgreSQL walked the nation's score index until 15 fell inside a province
        # (55,000 rows read for a Polda's first page) instead.
        qs = qs.alias(by_score=F("score") + 0).order_by("-by_score", "region_code")
    rows = qs[offset : offset + limit]
    return [Ranked(t.region_code, t.score, t.level, t.parts) for t in rows]


def rises(area: tuple[str, ...] | None, day: date, limit: int = 10) -> list[Ranked]:
    """The desa whose tension rose most against ``RISE_DAYS`` days before (the rise is
    stored with the day's tension). The nation reads the rise index in order; an area
    reads its own desa's rises (a few hundred, by the day and code index) and sorts them,
    rather than walking the nation's rises until enough fall inside it."""
    fields = ("region_code", "score", "level", "parts", "rise")
    if area is None:
        rows = list(
            Tension.objects.filter(day=day, rise__gt=0)
            .order_by("-rise", "region_code")
            .only(*fields)[:limit]
        )
    else:
        # No condition on the rise in SQL: SQLite would then walk the rise index.
        mine = Tension.objects.filter(area_q(area), day=day).values_list("rise", "region_code")
        top = sorted(((r, c) for r, c in mine if r and r > 0), key=lambda p: (-p[0], p[1]))
        codes = [c for _, c in top[:limit]]
        found = {
            t.region_code: t
            for t in Tension.objects.filter(day=day, region_code__in=codes).only(*fields)
        }
        rows = [found[c] for c in codes if c in found]
    return [Ranked(t.region_code, t.score, t.level, t.parts, t.rise) for t in rows]


def level_counts(area: tuple[str, ...] | None, day: date) -> dict[str, int]:
    """The area's desa per level on a day (from the area summary)."""
    found = summary.total(area, day).levels
    return {lv: found.get(lv, 0) for lv in score.LEVELS}


def trend(
    area: tuple[str, ...] | None, day: date, days: int = TREND_DAYS
) -> list[tuple[date, dict[str, int]]]:
    """Per day of the last ``days`` up to ``day``: the area's desa per level."""
    first = day - timedelta(days=days - 1)
    return trend_of(summary.counts(area, first, day), day, days)


def trend_of(
    counts: dict[date, summary.Counts], day: date, days: int = TREND_DAYS
) -> list[tuple[date, dict[str, int]]]:
    """``trend`` from the area's counts per day (``summary.counts`` over those days)."""
    first = day - timedelta(days=days - 1)
    by = {on: c.levels for on, c in counts.items()}
    return [
        (
            first + timedelta(days=i),
            by.get(first + timedelta(days=i), {lv: 0 for lv in score.LEVELS}),
        )
        for i in range(days)
    ]


def totals(area: tuple[str, ...] | None, start: date, end: date) -> dict[str, float]:
    """Sums of the daily figures of an area over a period, read from the area rows."""
    return rollup.totals(area, start, end)


def reached(area: tuple[str, ...] | None, start: date, end: date) -> int:
    """Desa with an activity in the period (from each desa's last visit up to ``end``)."""
    return sum(1 for last in lastvisit.last_visits(area, end).values() if last >= start)


def reached_on(area: tuple[str, ...] | None, day: date) -> int:
    """Desa of the area (None: the nation) with an activity on ``day``: the day's rows
    of the daily figures (one index range on the day), not the day's activities."""
    catch_up()
    rows = DayFigures.objects.filter(area_q(area), day=day, activities__gt=0)
    return rows.alias(length=Length("region_code")).filter(length=DESA).count()


def levels(area_prefix: str | None, level: int, day: date) -> dict[str, tuple[float, str]]:
    """For the map: {region code: (score, level)} of every region of ``level`` (1
    provinsi .. 4 desa) under ``area_prefix`` (None: the nation) on ``day``, from the
    stored tension; a larger region takes its highest desa."""
    length = LENGTHS[level]
    out: dict[str, tuple[float, str]] = {}
    qs = Tension.objects.filter(area_q((area_prefix,) if area_prefix else None), day=day)
    for code, value, lv in qs.values_list("region_code", "score", "level").iterator(
        chunk_size=20000
    ):
        key = code[:length]
        if key not in out or value > out[key][0]:
            out[key] = (value, lv)
    return out


def latest_situations(
    area: tuple[str, ...] | None, start: date, end: date, codes: Iterable[str] | None = None
) -> dict[str, tuple[date, str]]:
    """Per desa, its latest reported situation in the days start..end, and its day;
    ``codes``: of those desa only."""
    rows = (
        DayFigures.objects.filter(area_q(area), day__range=(start, end))
        .exclude(situation="")
        .alias(length=Length("region_code"))
        .filter(length=DESA)
        .order_by("day")
        .values_list("region_code", "day", "situation")
    )
    if codes is None:
        return {code: (on, situation) for code, on, situation in rows}
    out: dict[str, tuple[date, str]] = {}
    for part in chunks(set(codes)):
        out.update((c, (on, situation)) for c, on, situation in rows.filter(region_code__in=part))
    return out


SEVERITY = {"kondusif": 0, "waspada": 1, "rawan": 2}


def worsened(
    area: tuple[str, ...] | None, day: date, window: int
) -> list[tuple[str, date, str, date, str]]:
    """Desa whose latest situation in the ``window`` days up to ``day`` is worse than
    their latest in the ``window`` days before: (code, day before, situation before,
    day after, situation after)."""
    boundary = day - timedelta(days=window - 1)
    after = latest_situations(area, boundary, day)
    # Only a desa not calm now can have got worse: the window before is read for those.
    tense = [code for code, (_, now) in after.items() if SEVERITY[now] > 0]
    before = latest_situations(
        area, day - timedelta(days=2 * window - 1), boundary - timedelta(days=1), tense
    )
    return [
        (code, before[code][0], before[code][1], on, now)
        for code, (on, now) in after.items()
        if code in before and SEVERITY[now] > SEVERITY[before[code][1]]
    ]
