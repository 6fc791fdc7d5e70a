"""What the pages and the API show, computed once: the picture of a viewer's area (the
commander's home) and the page of one desa. Both read the stored tension and the daily
figures through ``services``; a desa page also lists the records behind its parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet

from sejuk.accounts.access import OutsideArea, Viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.activities.services import visible as visible_activities
from sejuk.errors import NotFound
from sejuk.incidents.services import visible as visible_incidents
from sejuk.leaders.services import LeaderFilter, leaders
from sejuk.regions.models import Level, Region
from sejuk.regions.names import with_places_above
from sejuk.reports.services import visible as visible_reports

from . import ranking as ranking_page
from . import score, services, summary
from .codes import below
from .lines import Line, lines, parts_list, places

COVERAGE_DAYS = summary.REACH_DAYS
RANK_SIZE = 15
LISTED = 15  # a desa page's activities, reports and incidents


@dataclass(frozen=True)
class AreaPicture:
    day: date | None
    ranking: list[Line]
    rises: list[Line]
    levels: dict[str, int]
    trend: list[tuple[date, dict[str, int]]]
    reached: int
    villages: int
    level_labels: dict[str, str] = field(default_factory=lambda: dict(score.LEVELS))

    @property
    def coverage_share(self) -> float:
        return self.reached / self.villages if self.villages else 0.0


def _villages(area: tuple[str, ...] | None) -> int:
    qs = Region.objects.filter(level=Level.DESA)
    if area is not None:
        q = Q(pk__in=[])
        for code in area:
            q |= below(code, "code") | Q(code=code)
        qs = qs.filter(q)
    return qs.count()


def area_picture(viewer: Viewer, on: date | None = None, size: int = RANK_SIZE) -> AreaPicture:
    """The picture of the viewer's area on a day (today where they work)."""
    require(viewer, "tension.read")
    services.catch_up()
    area = viewer.region_area("tension.read")
    today = on or today_for(viewer)
    day = services.latest_day(area, today)
    if day is None:
        since = today - timedelta(days=COVERAGE_DAYS - 1)
        reached = services.reached(area, since, today)
        return AreaPicture(None, [], [], {}, [], reached, _villages(area))
    # The trend's last day is the day's counts: one read of the area summary for both.
    by_day = summary.counts(area, day - timedelta(days=services.TREND_DAYS - 1), day)
    trend = services.trend_of(by_day, day)
    counts = by_day.get(day, summary.Counts())
    top, risen = services.ranking(area, day, size), services.rises(area, day, 5)
    both = lines(top + risen)  # the names of both lists read at once
    return AreaPicture(
        day=day,
        ranking=both[: len(top)],
        rises=both[len(top) :],
        levels=trend[-1][1],
        trend=trend,
        reached=counts.reached,
        villages=counts.villages,
    )


@dataclass(frozen=True)
class DesaPage:
    region: Region
    kecamatan: str
    above: str  # "Kec. Gerung, Kab. Lombok Barat"
    day: date
    tension: score.Tension
    parts: list[tuple[str, str, float, str]]
    history: list[tuple[date, float, str, str]]
    activities: list[Any]
    reports: list[Any]
    incidents: list[Any]
    leaders: list[Any]
    last_visit: date | None

    @property
    def level_label(self) -> str:
        return score.LEVELS[self.tension.level]


def desa_page(viewer: Viewer, code: str, on: date | None = None) -> DesaPage:
    """One desa: tension today with its parts, over time, and the records behind it."""
    require(viewer, "tension.read")
    services.catch_up()
    chain, above = with_places_above(code)
    region = chain.get(code)
    if region is None or region.level != Level.DESA:
        raise NotFound("Desa/kelurahan tidak ditemukan.")
    if not viewer.covers("tension.read", code):
        raise OutsideArea("region", code)
    day = on or today_for(viewer)
    found = services.desa_tension(code, day)
    assert found is not None
    history = [(d, s, lv, score.LEVELS.get(lv, lv)) for d, s, lv in services.history(code, day)]
    acts = visible_activities(viewer).filter(region_id=code).order_by("-starts_at", "-pk")
    listed = list(acts.prefetch_related("types")[:LISTED])
    return DesaPage(
        region=region,
        kecamatan=getattr(chain.get(code.rsplit(".", 1)[0]), "name", ""),
        above=above,
        day=day,
        tension=found,
        parts=parts_list({n: [p.points, p.why] for n, p in found.parts.items()}),
        history=history,
        activities=listed,
        reports=list(visible_reports(viewer).filter(region_id=code).order_by("-created_at")[:15])
        if viewer.can("report.read")
        else [],
        incidents=list(visible_incidents(viewer).filter(region_id=code)[:15])
        if viewer.can("incident.read")
        else [],
        leaders=list(leaders(viewer, LeaderFilter(region=code))[:20])
        if viewer.can("leader.read")
        else [],
        last_visit=_last_visit(acts, listed, day),
    )


def _last_visit(acts: QuerySet[Any], listed: list[Any], day: date) -> date | None:
    """The day of the desa's last activity up to ``day``: the first of the listed ones
    on or before it (the list runs newest first, and a desa's local days with it), else
    asked of the database (a past day, older than the whole list)."""
    for activity in listed:
        if activity.local_date <= day:
            return activity.local_date
    if len(listed) < LISTED:  # the list holds every activity: none up to the day
        return None
    return acts.filter(local_date__lte=day).values_list("local_date", flat=True).first()


def _check_area(viewer: Viewer, code: str) -> Region:
    region = Region.objects.filter(pk=code).first()
    if region is None:
        raise NotFound("Wilayah tidak ditemukan.")
    if not viewer.covers("tension.read", code):
        raise OutsideArea("region", code)
    return region


def _narrowed(viewer: Viewer, code: str) -> tuple[str, ...] | None:
    """The viewer's area, or the region ``code`` inside it."""
    if not code:
        return viewer.region_area("tension.read")
    _check_area(viewer, code)
    return (code,)


def ranked(
    viewer: Viewer, code: str, level: str, on: date | None, number: object, size: int
) -> ranking_page.RankingPage:
    require(viewer, "tension.read")
    services.catch_up()
    return ranking_page.page_of(
        _narrowed(viewer, code), on or today_for(viewer), level, number, size
    )


@dataclass(frozen=True)
class RegionPicture:
    region: Region
    day: date | None
    tension: Line | None
    baseline_only: bool | None
    levels: dict[str, int]
    top: list[Line]
    figures: dict[str, float]
    reached: int
    villages: int


def region_picture(viewer: Viewer, code: str, on: date | None = None) -> RegionPicture:
    """Any region in the viewer's area: a desa's tension with its parts, or a larger
    region's levels and tensest desa; with 30 days of figures and coverage."""
    require(viewer, "tension.read")
    services.catch_up()
    region = _check_area(viewer, code)
    today = on or today_for(viewer)
    area = (code,)
    since = today - timedelta(days=COVERAGE_DAYS - 1)
    line, only = None, None
    if region.level == Level.DESA:
        found = services.desa_tension(code, today)
        assert found is not None
        place = places([code])[code]
        line = Line(
            place,
            found.score,
            found.level,
            parts_list({n: [p.points, p.why] for n, p in found.parts.items()}),
        )
        only = found.baseline_only
    day = services.latest_day(area, today)
    return RegionPicture(
        region=region,
        day=day if day is not None else (today if line else None),
        tension=line,
        baseline_only=only,
        levels=services.level_counts(area, day) if day else {},
        top=lines(services.ranking(area, day, 10)) if day else [],
        figures=services.totals(area, since, today),
        reached=services.reached(area, since, today),
        villages=_villages(area),
    )
