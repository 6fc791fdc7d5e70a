"""What colours the regions of the map: one registry of measures, each giving a value and
a class per region code for a day and a period.

A measure reads the work apps only through their services (so through the area rule)
and sums what happened in a desa up to the kecamatan, kabupaten or province drawn.
Classes and their colours live here, with the measure, and reach the page through the
API, so the page's legend and the colours never disagree.

``kerawanan`` (tension) comes first: the level of each desa as the tension picture
stored it for the latest day it computed up to the date asked (a larger region takes
its tensest desa), read through ``sejuk.tension.services``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Count, Max, QuerySet

from sejuk import dates
from sejuk.accounts.access import Viewer, region_q
from sejuk.accounts.workplace import zone_for
from sejuk.activities.services import visible as visible_activities
from sejuk.reports.services import ReportFilter, queue
from sejuk.tension import services as tension

if TYPE_CHECKING:
    from sejuk.activities.models import Activity


@dataclass(frozen=True)
class Band:
    """One class of a measure: its key, its words in the legend and its colour."""

    key: str
    label: str
    colour: str


@dataclass(frozen=True)
class Reading:
    value: float | None
    band: str  # the key of a Band
    text: str  # the value in words, for the card and the tooltip


@dataclass(frozen=True)
class Period:
    """A day and the ``days`` up to it (a 30-day period ends on ``day``)."""

    day: date
    days: int

    @property
    def start(self) -> date:
        return self.day - timedelta(days=self.days - 1)


@dataclass(frozen=True)
class Targets:
    """The regions to colour: codes of one level, each with its number of desa, and the
    codes (already narrowed to the viewer's area; None: everywhere) they lie in."""

    level: int
    villages: dict[str, int]
    within: tuple[str, ...] | None


Compute = Callable[[Viewer, Targets, Period], dict[str, Reading]]


@dataclass(frozen=True)
class Measure:
    key: str
    label: str
    explain: str  # what the colour means, shown under the legend
    bands: Callable[[int], tuple[Band, ...]]  # per level drawn
    compute: Compute | None  # None: not available yet
    capability: str = "activity.read"


NONE = "#f2f2f2"


def _target(code: str, level: int) -> str:
    return ".".join(code.split(".")[:level])


def _roll_up(rows: Iterable[tuple[str, int]], targets: Targets) -> Counter[str]:
    """Counts per region summed into the drawn regions that hold them."""
    out: Counter[str] = Counter()
    for code, n in rows:
        if code.count(".") + 1 >= targets.level:
            key = _target(code, targets.level)
            if key in targets.villages:
                out[key] += n
    return out


def _activities(viewer: Viewer, targets: Targets) -> QuerySet[Activity]:
    """The activities the viewer may see inside the targets' regions (the service's
    queryset, narrowed)."""
    qs = visible_activities(viewer)
    return qs if targets.within is None else qs.filter(region_q(targets.within, "region__code"))


# -- coverage ----------------------------------------------------------------------------

_RECENT = Band("baru", "dikunjungi ≤ 7 hari lalu", "#1a9850")
_MONTH = Band("bulan", "8–30 hari lalu", "#fee08b")
_OLD = Band("lama", "lebih dari 30 hari lalu", "#fc8d59")
_NEVER = Band("belum", "belum pernah dikunjungi", "#d73027")
_SHARE = (
    Band("s75", "≥ 75% desa dikunjungi dalam periode", "#1a9850"),
    Band("s50", "50–74% desa", "#a6d96a"),
    Band("s25", "25–49% desa", "#fdae61"),
    Band("s0", "< 25% desa", "#d73027"),
)


def _coverage_bands(level: int) -> tuple[Band, ...]:
    return (_RECENT, _MONTH, _OLD, _NEVER) if level == 4 else _SHARE


def _coverage(viewer: Viewer, targets: Targets, period: Period) -> dict[str, Reading]:
    """A desa: days since the last activity there, up to the day. Above a desa: the share
    of its desa reached by an activity in the period."""
    qs = _activities(viewer, targets).filter(local_date__lte=period.day, region__level=4)
    if targets.level == 4:
        last = dict(
            qs.values("region_id").annotate(last=Max("local_date")).values_list("region_id", "last")
        )
        out: dict[str, Reading] = {}
        for code in targets.villages:
            seen = last.get(code)
            if seen is None:
                out[code] = Reading(None, _NEVER.key, "belum pernah dikunjungi")
                continue
            days = (period.day - seen).days
            band = _RECENT if days <= 7 else _MONTH if days <= 30 else _OLD
            words = "hari ini" if days == 0 else f"{days} hari lalu"
            out[code] = Reading(days, band.key, f"kunjungan terakhir {words}")
        return out
    reached = qs.filter(local_date__gte=period.start).values_list("region_id", flat=True)
    visited = _roll_up(((code, 1) for code in set(reached)), targets)
    out = {}
    for code, total in targets.villages.items():
        share = visited[code] / total if total else 0.0
        band = _SHARE[0 if share >= 0.75 else 1 if share >= 0.5 else 2 if share >= 0.25 else 3]
        out[code] = Reading(
            round(share * 100, 1),
            band.key,
            f"{visited[code]} dari {total} desa dikunjungi dalam {period.days} hari ({share:.0%})",
        )
    return out


# -- activities in the period ------------------------------------------------------------

_ACTIVITY_BANDS = (
    Band("a0", "tidak ada kegiatan", NONE),
    Band("a1", "kurang dari 1 per desa", "#c6dbef"),
    Band("a2", "1–2 per desa", "#6baed6"),
    Band("a3", "3 atau lebih per desa", "#2171b5"),
)


def _activity_count(viewer: Viewer, targets: Targets, period: Period) -> dict[str, Reading]:
    """Activities in the period, per desa of the region (a kabupaten of 100 desa with 50
    activities has 0.5 per desa)."""
    rows = (
        _activities(viewer, targets)
        .filter(local_date__gte=period.start, local_date__lte=period.day)
        .values("region_id")
        .annotate(n=Count("id"))
        .values_list("region_id", "n")
    )
    counts = _roll_up(rows, targets)
    out: dict[str, Reading] = {}
    for code, total in targets.villages.items():
        n = counts[code]
        per = n / total if total else 0.0
        band = _ACTIVITY_BANDS[0 if n == 0 else 1 if per < 1 else 2 if per < 3 else 3]
        out[code] = Reading(n, band.key, f"{n} kegiatan dalam {period.days} hari")
    return out


# -- open citizen reports ----------------------------------------------------------------

_REPORT_BANDS = (
    Band("r0", "tidak ada laporan terbuka", NONE),
    Band("r1", "1 laporan", "#fdd49e"),
    Band("r2", "2–4 laporan", "#fc8d59"),
    Band("r5", "5 laporan atau lebih", "#d7301f"),
)


def _open_reports(viewer: Viewer, targets: Targets, period: Period) -> dict[str, Reading]:
    """Citizen reports still open (new, verified, in hand, referred) that were received
    by the end of the day."""
    zone = zone_for(viewer)
    since = dates.day_bounds(date(2000, 1, 1), zone)[0]
    qs = queue(
        viewer,
        ReportFilter(view="terbuka", received=(since, dates.day_bounds(period.day, zone)[1])),
    )
    if targets.within is not None:
        qs = qs.filter(region_q(targets.within, "region__code"))
    rows = qs.order_by().values("region_id").annotate(n=Count("id")).values_list("region_id", "n")
    counts = _roll_up(rows, targets)
    out: dict[str, Reading] = {}
    for code in targets.villages:
        n = counts[code]
        band = _REPORT_BANDS[0 if n == 0 else 1 if n == 1 else 2 if n < 5 else 3]
        out[code] = Reading(n, band.key, f"{n} laporan masyarakat terbuka")
    return out


# -- the registry ------------------------------------------------------------------------

_TENSION_BANDS = (
    Band("kurang_rawan", "kurang rawan", "#1a9850"),
    Band("rawan", "rawan", "#fdae61"),
    Band("sangat_rawan", "sangat rawan", "#d73027"),
)

_TENSION_WORDS = {b.key: b.label for b in _TENSION_BANDS}


def _tension(viewer: Viewer, targets: Targets, period: Period) -> dict[str, Reading]:
    """A region's tension level on the latest day stored up to the day (a kecamatan and
    above: its tensest desa); a region with nothing stored has no colour."""
    day = tension.latest_day(targets.within, period.day)
    found: dict[str, tuple[float, str]] = {}
    if day is not None:
        for prefix in targets.within if targets.within is not None else (None,):
            for code, value in tension.levels(prefix, targets.level, day).items():
                if code not in found or value[0] > found[code][0]:
                    found[code] = value
    out: dict[str, Reading] = {}
    for code in targets.villages:
        if code not in found:
            continue
        score, level = found[code]
        words = _TENSION_WORDS.get(level, level)
        top = "" if targets.level == 4 else " (desa tertinggi)"
        out[code] = Reading(round(score, 1), level, f"{words}, skor {score:.1f}{top}")
    return out


MEASURES: tuple[Measure, ...] = (
    Measure(
        "kerawanan",
        "Kerawanan",
        "Tingkat kerawanan desa menurut Polri: kurang rawan, rawan, sangat rawan.",
        lambda level: _TENSION_BANDS,
        _tension,
        capability="tension.read",
    ),
    Measure(
        "cakupan",
        "Cakupan kunjungan",
        "Desa: berapa hari sejak kegiatan Cooling System terakhir di sana. Kecamatan ke "
        "atas: bagian desanya yang dikunjungi dalam periode.",
        _coverage_bands,
        _coverage,
    ),
    Measure(
        "kegiatan",
        "Jumlah kegiatan",
        "Kegiatan dalam periode, dibagi jumlah desa wilayah itu.",
        lambda level: _ACTIVITY_BANDS,
        _activity_count,
    ),
    Measure(
        "laporan",
        "Laporan terbuka",
        "Laporan masyarakat yang belum selesai, diterima sampai tanggal itu.",
        lambda level: _REPORT_BANDS,
        _open_reports,
        capability="report.read",
    ),
)


def available(viewer: Viewer) -> list[Measure]:
    """The measures that exist and that the viewer may read, in registry order."""
    return [m for m in MEASURES if m.compute is not None and viewer.can(m.capability)]
