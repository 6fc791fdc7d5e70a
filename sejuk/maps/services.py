"""Map services: what the map draws for a viewer. One service per thing the page asks for
(its frame, a layer of regions, the colours, the points, one region's card, the region
under a point); the JSON API and the pages call the same ones.

Every request goes through the area rule (``sejuk.accounts.access``): the codes a page
asks for are narrowed to the viewer's area before any query (``clip``), so a Polres user
asking for the whole province gets the desa of the Polres and nothing else. Activities
and reports are read only through their apps' services, which apply the same rule.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max, Q, QuerySet
from django.urls import reverse

from sejuk import dates
from sejuk.accounts.access import OutsideArea, Viewer, region_q, require
from sejuk.accounts.workplace import today_for, zone_for
from sejuk.activities.services import ActivityFilter, list_activities
from sejuk.errors import Invalid, NotFound
from sejuk.incidents.services import happened
from sejuk.reference.taxonomy import ACTIVITY_TYPES, INCIDENT_TYPES
from sejuk.regions.models import Region
from sejuk.regions.names import place_name
from sejuk.reports.services import OPEN_STATES, ReportFilter, queue

from . import geometry
from .measures import MEASURES, Measure, Period, Reading, Targets, available
from .models import Shape

CAPABILITY = "activity.read"  # the map shows activities first; reports where allowed
MAX_FEATURES = 3000  # regions in one layer answer (a kabupaten has at most a few hundred)
MAX_POINTS = 3000
MAX_WITHIN = 200
MAX_DAYS = 366
LEVEL_NAMES = {1: "provinsi", 2: "kabupaten/kota", 3: "kecamatan", 4: "desa/kelurahan"}
_CODE = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
_COLUMN = {1: "province", 2: "kabupaten", 3: "kecamatan", 4: "code"}


def level_of(code: str) -> int:
    return code.count(".") + 1


def _inside(code: str, other: str) -> bool:
    return code == other or code.startswith(other + ".")


def parse_codes(text: str) -> list[str]:
    """``52.01,52.02`` -> the codes, checked; a bad one is refused in Indonesian."""
    codes = [c.strip() for c in text.split(",") if c.strip()]
    bad = [c for c in codes if not _CODE.match(c)]
    if bad:
        raise Invalid(f"Kode wilayah tidak sah: {bad[0][:20]}.", {"within": "kode tidak sah"})
    if len(codes) > MAX_WITHIN:
        raise Invalid(
            f"Paling banyak {MAX_WITHIN} kode wilayah sekaligus.", {"within": "terlalu banyak"}
        )
    return codes


def clip(viewer: Viewer, within: Sequence[str]) -> tuple[str, ...] | None:
    """The codes asked for, narrowed to the viewer's area (None: the whole country). A
    code above the area gives the area's part of it; a code outside gives nothing."""
    require(viewer, CAPABILITY)
    area = viewer.region_area(CAPABILITY)
    wanted = list(dict.fromkeys(within))
    if area is None:
        return tuple(wanted) or None
    if not wanted:
        return area
    kept: set[str] = set()
    for code in wanted:
        for mine in area:
            if _inside(code, mine):
                kept.add(code)
            elif _inside(mine, code):
                kept.add(mine)
    return tuple(sorted(c for c in kept if not any(c != o and _inside(c, o) for o in kept)))


def _shapes_within(codes: tuple[str, ...] | None) -> Q:
    if codes is None:
        return Q()
    q = Q(pk__in=[])
    for code in codes:
        q |= Q(**{_COLUMN[level_of(code)]: code})
    return q


def _shapes(level: int, codes: tuple[str, ...] | None) -> QuerySet[Shape]:
    return Shape.objects.filter(_shapes_within(codes), level=level)


# -- the frame: where the map opens ------------------------------------------------------


@dataclass(frozen=True)
class MeasureInfo:
    key: str
    label: str
    explain: str


@dataclass(frozen=True)
class Frame:
    features: list[str]  # the area's own regions (the provinces for the whole country)
    missing: list[tuple[str, str]]  # area regions the map cannot draw (no boundary, no centre)
    bbox: tuple[float, float, float, float] | None
    measures: list[MeasureInfo]
    kinds: list[tuple[str, str]]  # point kinds the viewer may see
    types: list[tuple[str, str]]  # activity and incident types to filter points by
    today: date
    zone: str
    whole_country: bool  # the viewer's area is all of Indonesia


def frame(viewer: Viewer, *, features: bool = True) -> Frame:
    """Where the map opens: the viewer's area (its regions' shapes unless ``features`` is
    False, for the page that only needs the choices) and what the viewer may choose."""
    codes = clip(viewer, [])
    roots = _shapes(1, None) if codes is None else Shape.objects.filter(code__in=codes)
    rows = list(
        roots.order_by("code").values_list("code", "feature", "west", "south", "east", "north")
    )
    have = {r[0] for r in rows}
    missing = [] if codes is None else [(c, place_name(c)) for c in codes if c not in have]
    bbox = None
    if rows:
        bbox = (
            min(r[2] for r in rows),
            min(r[3] for r in rows),
            max(r[4] for r in rows),
            max(r[5] for r in rows),
        )
    kinds = [("activity", "Kegiatan")]
    if viewer.can("report.read"):
        kinds += [("report", "Laporan masyarakat"), ("incident", "Kejadian")]
    types = [(f"activity:{c}", label) for c, label in ACTIVITY_TYPES.items()]
    if viewer.can("report.read"):
        types += [(f"incident:{c}", label) for c, label in INCIDENT_TYPES.items()]
    return Frame(
        features=[r[1] for r in rows],
        missing=missing,
        bbox=bbox,
        measures=[MeasureInfo(m.key, m.label, m.explain) for m in available(viewer)],
        kinds=kinds,
        types=types,
        today=today_for(viewer),
        zone=zone_for(viewer),
        whole_country=codes is None,
    )


# -- a layer of regions ------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    level: int
    features: list[str]  # GeoJSON features, already serialised
    missing: list[tuple[str, str]]  # regions of the level the map cannot draw


def _check_level(level: int) -> None:
    if level not in LEVEL_NAMES:
        raise Invalid("Tingkat wilayah 1 sampai 4.", {"level": "1 sampai 4"})


def layer(viewer: Viewer, level: int, within: Sequence[str]) -> Layer:
    """The regions of ``level`` inside ``within`` (all of the viewer's area when empty),
    as the map draws them."""
    _check_level(level)
    codes = clip(viewer, within)
    qs = _shapes(level, codes)
    count = qs.count()
    if count > MAX_FEATURES:
        raise Invalid(
            f"Terlalu banyak wilayah ({count}) untuk digambar sekaligus: perbesar peta atau "
            "pilih tingkat di atasnya.",
            {"level": "terlalu rinci untuk wilayah ini"},
        )
    features = list(qs.order_by("code").values_list("feature", flat=True))
    return Layer(level, features, _missing(level, codes, count))


def _missing(level: int, codes: tuple[str, ...] | None, drawn: int) -> list[tuple[str, str]]:
    """Regions of the level in ``codes`` that have no shape: listed beside the map. Only
    looked up when the counts say some are missing."""
    if codes is None:
        return []
    expected = 0
    for code in codes:
        own = level_of(code)
        if own == level:
            expected += 1
        elif own < level:
            shape = Shape.objects.filter(code=code).values_list("feature", flat=True).first()
            if shape is None:
                expected = -1
                break
            expected += json.loads(shape)["properties"]["k"][level - own - 1]
    if expected == drawn:
        return []
    regions = Region.objects.filter(region_q(codes, "code"), level=level).exclude(
        code__in=Shape.objects.filter(level=level).values("code")
    )
    return [(r.code, r.name) for r in regions.order_by("code")[:MAX_FEATURES]]


# -- colours -----------------------------------------------------------------------------


def measure_named(key: str, viewer: Viewer) -> Measure:
    for measure in MEASURES:
        if measure.key == key:
            if measure.compute is None:
                raise Invalid(
                    f"Ukuran {measure.label.lower()} belum tersedia.", {"measure": "belum tersedia"}
                )
            require(viewer, measure.capability)
            return measure
    raise Invalid(f"Ukuran {key[:30]!r} tidak dikenal.", {"measure": "tidak dikenal"})


def period_of(viewer: Viewer, day: date | None, days: int) -> Period:
    if not 1 <= days <= MAX_DAYS:
        raise Invalid(f"Periode 1 sampai {MAX_DAYS} hari.", {"days": f"1 sampai {MAX_DAYS}"})
    today = today_for(viewer)
    day = day or today
    if day > today:
        raise Invalid("Tanggal di masa depan.", {"date": "di masa depan"})
    if day < date(2000, 1, 1):
        raise Invalid("Tanggal terlalu lama.", {"date": "sebelum tahun 2000"})
    return Period(day, days)


@dataclass(frozen=True)
class Colours:
    measure: Measure
    level: int
    period: Period
    values: dict[str, Reading]


def colours(
    viewer: Viewer, key: str, level: int, within: Sequence[str], day: date | None, days: int
) -> Colours:
    """A value and a class per region of ``level`` inside ``within`` for one measure."""
    _check_level(level)
    measure = measure_named(key, viewer)
    period = period_of(viewer, day, days)
    codes = clip(viewer, within)
    villages = dict(_shapes(level, codes).values_list("code", "villages")[: MAX_FEATURES + 1])
    if len(villages) > MAX_FEATURES:
        raise Invalid("Terlalu banyak wilayah sekaligus.", {"level": "terlalu rinci"})
    assert measure.compute is not None
    values = measure.compute(viewer, Targets(level, villages, codes), period) if villages else {}
    return Colours(measure, level, period, values)


# -- points ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    kind: str  # activity, report, incident
    id: int
    lat: float
    lng: float
    exact: bool  # a GPS point; False: the centre of its region
    day: date
    title: str
    place: str
    url: str


@dataclass(frozen=True)
class Points:
    items: list[Point]
    truncated: bool
    unplaced: int  # records whose region has no centre on the map
    period: Period


_KINDS = ("activity", "report", "incident")


def points(
    viewer: Viewer,
    within: Sequence[str],
    kinds: Sequence[str],
    day: date | None,
    days: int,
    type_filter: str = "",
) -> Points:
    """Activities, citizen reports and incidents in the period, each at its GPS point or
    at its region's centre, newest first, at most ``MAX_POINTS``."""
    period = period_of(viewer, day, days)
    codes = clip(viewer, within)
    unknown = [k for k in kinds if k not in _KINDS]
    if unknown:
        raise Invalid(f"Jenis titik {unknown[0][:20]!r} tidak dikenal.", {"kinds": "tidak dikenal"})
    type_kind, _, type_code = type_filter.partition(":")
    if type_filter and not (
        (type_kind == "activity" and type_code in ACTIVITY_TYPES)
        or (type_kind == "incident" and type_code in INCIDENT_TYPES)
    ):
        raise Invalid("Jenis kegiatan atau kejadian tidak dikenal.", {"type": "tidak dikenal"})
    zone = zone_for(viewer)
    span = (dates.day_bounds(period.start, zone)[0], dates.day_bounds(period.day, zone)[1])
    activities: list[dict[str, Any]] = []
    kinds_of: dict[int, list[str]] = {}
    reports: list[Any] = []
    events: list[Any] = []
    if "activity" in kinds and type_kind in ("", "activity"):
        qs = list_activities(
            viewer, ActivityFilter(start=period.start, end=period.day, type=type_code)
        )
        if codes is not None:
            qs = qs.filter(region_q(codes, "region__code"))
        activities = list(
            qs.order_by("-starts_at").values(  # type: ignore[arg-type]
                "id", "lat", "lng", "region_id", "region__name", "local_date"
            )[: MAX_POINTS + 1]
        )
        for pk, code in qs.filter(pk__in=[a["id"] for a in activities]).values_list(
            "id", "types__code"
        ):
            if code:
                kinds_of.setdefault(pk, []).append(code)
    if "report" in kinds and type_kind in ("", "incident") and viewer.can("report.read"):
        rq = queue(viewer, ReportFilter(received=span, category=type_code))
        if codes is not None:
            rq = rq.filter(region_q(codes, "region__code"))
        reports = list(rq.order_by("-created_at")[: MAX_POINTS + 1])
    if "incident" in kinds and type_kind in ("", "incident") and viewer.can("incident.read"):
        iq = happened(viewer, span)
        if codes is not None:
            iq = iq.filter(region_q(codes, "region__code"))
        events = [
            i
            for i in iq.order_by("-occurred_at")[: MAX_POINTS + 1]
            if not type_code or type_code in i.types
        ]
    centres = _Centres(
        {a["region_id"] for a in activities} | {r.region_id for r in (*reports, *events)}
    )
    activity_url = reverse("activities:index")
    found: list[Point] = []
    unplaced = 0
    for a in activities:
        where = centres.place(a["region_id"], a["lat"], a["lng"])
        if where is None:
            unplaced += 1
            continue
        labels = [ACTIVITY_TYPES.get(c, c) for c in sorted(kinds_of.get(a["id"], []))]
        found.append(
            Point(
                "activity",
                a["id"],
                *where,
                a["local_date"],
                ", ".join(labels) or "Kegiatan",
                a["region__name"],
                f"{activity_url}{a['id']}/",
            )
        )
    for r in reports:
        where = centres.place(r.region_id, r.lat, r.lng)
        if where is None:
            unplaced += 1
            continue
        found.append(
            Point(
                "report",
                r.pk,
                *where,
                dates.local(r.created_at, zone).date(),
                f"{r.get_category_display()} ({r.get_state_display().lower()}, {r.code})",
                r.region.name,
                reverse("reports:detail", args=[r.pk]),
            )
        )
    for i in events:
        where = centres.place(i.region_id, None, None)
        if where is None or i.occurred_at is None:
            unplaced += 1
            continue
        found.append(
            Point(
                "incident",
                i.pk,
                *where,
                dates.local(i.occurred_at, zone).date(),
                ", ".join(INCIDENT_TYPES.get(t, t) for t in i.types) or "Kejadian",
                i.region.name,
                reverse("incidents:detail", args=[i.pk]),
            )
        )
    found.sort(key=lambda p: p.day, reverse=True)
    return Points(found[:MAX_POINTS], len(found) > MAX_POINTS, unplaced, period)


class _Centres:
    """Where a record goes on the map: its GPS point, else its region's centre (one
    query for all the regions of an answer)."""

    def __init__(self, codes: set[str]) -> None:
        self.known: dict[str, tuple[float, float]] = {
            code: (lat, lng)
            for code, lat, lng in Shape.objects.filter(code__in=codes).values_list(
                "code", "lat", "lng"
            )
        }

    def place(
        self, code: str, lat: float | None, lng: float | None
    ) -> tuple[float, float, bool] | None:
        if lat is not None and lng is not None:
            return lat, lng, True
        centre = self.known.get(code)
        return (centre[0], centre[1], False) if centre else None


# -- one region's card -------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    code: str
    name: str
    path: str
    level: int
    readings: list[tuple[Measure, Reading]]
    last_visit: date | None
    open_reports: int | None  # None: the viewer may not read reports
    links: list[tuple[str, str]]  # (label, url)


def card(viewer: Viewer, code: str, day: date | None, days: int) -> Card:
    """What the map shows when a region is clicked: its name with kecamatan and
    kabupaten, every available measure, the last visit and the open reports."""
    if not _CODE.match(code):
        raise NotFound("Wilayah tidak ditemukan.")
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFound("Wilayah tidak ditemukan.")
    require(viewer, CAPABILITY)
    if not viewer.covers(CAPABILITY, code):
        raise OutsideArea("region", code)
    period = period_of(viewer, day, days)
    villages = Shape.objects.filter(code=code).values_list("villages", flat=True).first()
    if villages is None:
        villages = (
            Region.objects.filter(region_q((code,), "code"), level=4).count()
            if region.level < 4
            else 1
        )
    targets = Targets(region.level, {code: villages}, (code,))
    readings = []
    for measure in available(viewer):
        assert measure.compute is not None
        reading = measure.compute(viewer, targets, period).get(code)
        if reading is not None:  # tension not computed for the region yet
            readings.append((measure, reading))
    last = (
        list_activities(viewer, ActivityFilter(region=code, end=period.day))
        .aggregate(last=Max("local_date"))
        .get("last")
    )
    open_reports = None
    links = [("Kegiatan di wilayah ini", reverse("activities:index") + f"?wilayah={code}")]
    if region.level == 4 and viewer.can("tension.read"):
        links.insert(0, ("Halaman desa", reverse("tension:desa", args=[code])))
    if viewer.can("report.read"):
        open_reports = (
            queue(viewer, ReportFilter(region=code)).filter(state__in=OPEN_STATES).count()
        )
        links.append(
            ("Laporan terbuka", reverse("reports:queue") + f"?tampil=terbuka&wilayah={code}")
        )
    return Card(
        code=code,
        name=region.name,
        path=place_name(code),
        level=region.level,
        readings=readings,
        last_visit=last,
        open_reports=open_reports,
        links=links,
    )


# -- the region under a point ------------------------------------------------------------


@dataclass(frozen=True)
class Located:
    code: str
    name: str  # with its kecamatan and kabupaten, as the forms write a place
    level: int
    geometry: dict[str, object] | None  # the drawn outline


BOUNDS = {"lat": (-11.5, 6.5), "lng": (94.5, 141.5)}


def locate(lat: float, lng: float) -> Located | None:
    """The most detailed region whose boundary holds the point: a desa where desa
    boundaries are loaded, else its kecamatan (or above). Candidates are the regions
    whose box holds the point; each is tested against its full boundary."""
    for name, value in (("lat", lat), ("lng", lng)):
        low, high = BOUNDS[name]
        if not low <= value <= high:
            raise Invalid("Titik di luar wilayah Indonesia.", {name: "di luar Indonesia"})
    for level in (4, 3, 2, 1):
        candidates = Shape.objects.filter(
            level=level, has_area=True, west__lte=lng, east__gte=lng, south__lte=lat, north__gte=lat
        ).values_list("code", flat=True)
        codes = list(candidates[:50])
        if not codes:
            continue
        boundaries = Region.objects.filter(code__in=codes).exclude(boundary="")
        for code, boundary in boundaries.order_by("code").values_list("code", "boundary"):
            if geometry.contains(json.loads(boundary), lat, lng):
                drawn = Shape.objects.get(code=code).feature
                return Located(code, place_name(code), level, json.loads(drawn)["geometry"])
    return None
