"""The daily situation report (Laporan Situasi Harian) of a unit for one day, as figures.

Every figure comes from the service behind the page that shows it, called for the unit as
its commander sees it (``viewer_of_unit``): activities per unit and type from the recap
of /kegiatan/rekap/, coverage from its coverage, reports from the queue of /laporan/ with
the same date filter. So the report and the pages cannot disagree.

"Situation worsened" is defined here, and printed in the report: a desa whose latest
situation reported by an activity in the seven days up to the report's date is worse
(kondusif < waspada < rawan) than its latest in the seven days before those.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from sejuk import dates
from sejuk.accounts.access import OutsideArea, Viewer, require, viewer_of_unit
from sejuk.activities.recap import Coverage, Recap, coverage, recap
from sejuk.errors import Invalid, NotFound
from sejuk.incidents.models import Incident
from sejuk.incidents.services import happened
from sejuk.media.models import Signal
from sejuk.media.services import confirmed_on
from sejuk.reference.taxonomy import SITUATIONS
from sejuk.reference.zones import zone_of
from sejuk.regions.models import Region
from sejuk.reports.models import Report
from sejuk.reports.services import ReportFilter, overdue, queue
from sejuk.reports.services import visible as visible_reports
from sejuk.tension import services as tension
from sejuk.tension.lines import Line, lines
from sejuk.units.models import Unit

TREND_DAYS = 7
TOP_SIZE = 10
# Rows a table of the report lists at most (reports, incidents, desa, signals); the
# counts are always whole and the report says where the rest is. A Polres's day fits;
# a Polda's or the nation's history of overdue cases would be pages of names.
LISTED = 30
NAMES_SHOWN = 40  # desa never reached, named in one sentence up to this many
COVERAGE_DAYS = 30
WINDOW_DAYS = 7
SEVERITY = {"kondusif": 0, "waspada": 1, "rawan": 2}
WORSENED_RULE = (
    f"Desa/kelurahan yang situasi terakhirnya menurut kegiatan dalam {WINDOW_DAYS} hari "
    f"sampai tanggal laporan lebih buruk daripada situasi terakhirnya dalam {WINDOW_DAYS} "
    "hari sebelumnya (dari baik ke buruk: kondusif, waspada, rawan)."
)


@dataclass(frozen=True)
class Worsened:
    region: Region
    kecamatan: str
    before: str
    before_day: date
    after: str
    after_day: date


@dataclass(frozen=True)
class DailyReport:
    unit: Unit
    day: date
    zone: str
    made_at: datetime
    activities: Recap  # the day, per unit below and per type
    trend: Recap  # the days up to the day
    coverage: Coverage  # desa reached in the days up to the day
    reached_today: int  # desa/kelurahan with an activity that day
    received: list[Report]  # the first LISTED of each list; the totals below
    settled: list[Report]
    overdue: list[Report]
    overdue_at: datetime  # the end of the day, or now for today's report
    day_over: bool  # overdue_at is the end of the day
    incidents: list[Incident]
    worsened: list[Worsened]
    media_signals: list[Signal]  # confirmed signals of the news about the day
    top: list[Line] = field(default_factory=list)  # the tensest desa (the picture's ranking)
    totals: dict[str, int] = field(default_factory=dict)  # of each list: its whole count

    def total(self, name: str) -> int:
        """How many a list holds in all (it shows at most ``LISTED``)."""
        return self.totals.get(name, len(getattr(self, name)))

    def figures(self) -> dict[str, Any]:
        """The headline numbers: for the API and the list of stored reports."""
        return {
            "unit": self.unit.name,
            "day": self.day.isoformat(),
            "zone": self.zone,
            "activities": self.activities.total,
            "by_type": {code: self.activities.totals[code] for code, _ in self.activities.types},
            "reached_today": self.reached_today,
            "coverage": {
                "days": self.coverage.days,
                "reached": self.coverage.reached,
                "total": self.coverage.total,
                "share": round(self.coverage.share, 4),
            },
            "reports_received": self.total("received"),
            "reports_settled": self.total("settled"),
            "reports_overdue": self.total("overdue"),
            "incidents": self.total("incidents"),
            "worsened": self.total("worsened"),
            "top_tension": [
                {"code": t.place.code, "score": t.score, "level": t.level} for t in self.top
            ],
            "media_signals": self.total("media_signals"),
        }


def report_unit(viewer: Viewer, unit_id: int) -> Unit:
    """A unit inside the viewer's area, for a bulletin: Mabes (the nation) only for a
    viewer who sees the whole country."""
    require(viewer, "bulletin.read")
    unit = Unit.objects.select_related("parent", "home_region", "commander").filter(pk=unit_id)
    found = unit.first()
    if found is None:
        raise NotFound("Satuan tidak ditemukan.")
    if viewer.unit_ids is not None and found.pk not in viewer.unit_ids:
        raise OutsideArea("unit", found.pk)
    return found


def unit_zone(unit: Unit) -> str:
    return zone_of(unit.home_region_id or "31")


def daily_report(
    viewer: Viewer, unit_id: int, day: date, now: datetime | None = None
) -> DailyReport:
    unit = report_unit(viewer, unit_id)
    zone = unit_zone(unit)
    now = now or timezone.now()
    if day > dates.local(now, zone).date():
        raise Invalid("Tanggal laporan belum tiba.", {"date": "di masa depan"})
    seen = viewer_of_unit(unit)
    span = dates.day_bounds(day, zone)
    at = min(span[1], now)
    received = _listed(queue(seen, ReportFilter(received=span)).order_by("created_at"))
    settled = _listed(queue(seen, ReportFilter(settled=span)).order_by("settled_at"))
    late = _listed(overdue(visible_reports(seen), at=at).order_by("due_at", "id"))
    incidents = _listed(happened(seen, span).order_by("occurred_at"))
    signals = confirmed_on(seen, day, span)
    worse, worse_total = worsened(seen, day)
    totals = {
        "received": received[1],
        "settled": settled[1],
        "overdue": late[1],
        "incidents": incidents[1],
        "worsened": worse_total,
        "media_signals": len(signals),
    }
    return DailyReport(
        unit=unit,
        day=day,
        zone=zone,
        made_at=now,
        activities=recap(seen, day, day, unit.pk),
        trend=recap(seen, day - timedelta(days=TREND_DAYS - 1), day, unit.pk),
        coverage=coverage(seen, unit.pk, COVERAGE_DAYS, today=day, listed=NAMES_SHOWN),
        reached_today=tension.reached_on(seen.area, day),
        received=received[0],
        settled=settled[0],
        overdue=late[0],
        overdue_at=at,
        day_over=at >= span[1],
        incidents=incidents[0],
        worsened=worse,
        top=top_tension(seen, day),
        media_signals=signals[:LISTED],
        totals=totals,
    )


def _listed(qs: QuerySet[Any]) -> tuple[list[Any], int]:
    """The first ``LISTED`` rows and how many there are in all (counted only when the
    list is full)."""
    rows = list(qs[:LISTED])
    return rows, (qs.count() if len(rows) == LISTED else len(rows))


def worsened(seen: Viewer, day: date) -> tuple[list[Worsened], int]:
    """Desa whose latest reported situation got worse than in the window before, from
    the picture's daily figures (the same service as the commander's pages): the worst
    ``LISTED`` (by how bad they are now, then by code), named, and how many in all."""
    tension.catch_up()
    found = tension.worsened(seen.area, day, WINDOW_DAYS)
    found.sort(key=lambda w: (-SEVERITY[w[4]], w[0]))
    shown = found[:LISTED]
    codes = [code for code, *_ in shown]
    regions = Region.objects.in_bulk(codes)
    kecamatan = Region.objects.in_bulk({c.rsplit(".", 1)[0] for c in codes})
    out = [
        Worsened(
            region=regions[code],
            kecamatan=getattr(kecamatan.get(code.rsplit(".", 1)[0]), "name", ""),
            before=SITUATIONS[before],
            before_day=before_day,
            after=SITUATIONS[after],
            after_day=after_day,
        )
        for code, before_day, before, after_day, after in shown
        if code in regions
    ]
    return sorted(out, key=lambda w: (-SEVERITY[w.after.lower()], w.region.name)), len(found)


def top_tension(seen: Viewer, day: date, size: int = TOP_SIZE) -> list[Line]:
    """The tensest desa of the unit's area as the day stood (the commander's ranking)."""
    stored = tension.latest_day(seen.area, day)
    if stored is None:
        return []
    return lines(tension.ranking(seen.area, stored, size))
