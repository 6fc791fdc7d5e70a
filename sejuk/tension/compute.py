"""The tension of every desa under a code prefix on a day, from the daily figures, the
baseline and the open citizen reports: gathered in a few queries, then the pure
``score.tension`` per desa."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Q

from sejuk import dates
from sejuk.reference.codes import DESA
from sejuk.reference.zones import zone_of
from sejuk.regions.models import Level, Region
from sejuk.reports.models import Report, State

from . import baseline, calendar, media, score, summary
from .codes import below
from .models import DayFigures

OPEN_STATES = (State.BARU, State.DIVERIFIKASI, State.DITANGANI)


def weights() -> score.Weights:
    t = settings.TENSION
    return score.Weights(**t)


def _prefix_q(prefix: str | None, name: str) -> Q:
    if not prefix:
        return Q()
    if len(prefix) >= DESA:  # a desa has nothing below it: one index lookup
        return Q(**{name: prefix})
    return Q(**{name: prefix}) | below(prefix, name)


def desa_codes(prefix: str | None) -> list[str]:
    qs = Region.objects.filter(_prefix_q(prefix, "code"), level=Level.DESA)
    return list(qs.order_by("code").values_list("code", flat=True))


def tensions(
    prefix: str | None,
    day: date,
    now: datetime | None = None,
    visits: dict[str, date] | None = None,
    known: list[str] | None = None,
) -> dict[str, score.Tension]:
    """Every desa under ``prefix`` (None: the nation), as the day ``day`` ends. When
    ``visits`` is given it receives each desa's last day with an activity (in the
    lookback, at least ``summary.REACH_DAYS``), for the area summary. ``known``: the
    desa under ``prefix`` when the caller has read them already."""
    w = weights()
    codes = desa_codes(prefix) if known is None else known
    if not codes:
        return {}
    lookback = max(w.incident_window, w.situation_days, w.coverage_days, summary.REACH_DAYS)
    first = day - timedelta(days=lookback)
    incidents: dict[str, list[tuple[int, dict[str, int], int]]] = defaultdict(list)
    situation: dict[str, tuple[date, str]] = {}
    last_activity: dict[str, date] = {}
    rows = (
        DayFigures.objects.filter(_prefix_q(prefix, "region_code"), day__range=(first, day))
        .order_by("day")
        .values_list(
            "region_code", "day", "activities", "incident_types", "incidents_severe", "situation"
        )
    )
    for code, on, activities, types, severe, said in rows.iterator(chunk_size=20000):
        if activities:
            last_activity[code] = on
        if types:
            incidents[code].append(((day - on).days, types, severe))
        if said:
            situation[code] = (on, said)
    if visits is not None:
        visits.update(last_activity)
    own_points = {c: score.incident_points(tuple(v), w) for c, v in incidents.items()}
    per_kec: dict[str, float] = defaultdict(float)
    for code, points in own_points.items():
        per_kec[code.rsplit(".", 1)[0]] += points
    open_reports, overdue = _open_reports(prefix, day, now)
    imported = baseline.imported(prefix)
    signals = media.signals(prefix, day)
    out: dict[str, score.Tension] = {}
    stage_cache: dict[str, tuple[tuple[str, int], ...]] = {}
    extra = calendar.added()
    figures = baseline.figures(codes, imported)
    # Most desa have nothing of their own on a day: their tension depends only on the
    # baseline, the calendar and their neighbours, so it is computed once per such case.
    quiet: dict[tuple[object, ...], score.Tension] = {}
    # ``score.tension`` is a pure function of its inputs, and desa with something of
    # their own still share them often (the same last visit and situation, days ago):
    # computed once per distinct inputs (a fifth of the calls at the nation's size).
    seen: dict[tuple[object, ...], score.Tension] = {}
    for code in codes:
        figure = figures[code]
        kab = code[:5]
        if kab not in stage_cache:
            stage_cache[kab] = calendar.stages(kab, day, extra)
        own = own_points.get(code, 0.0)
        near = per_kec.get(code.rsplit(".", 1)[0], 0.0) - own
        plain = (
            code not in incidents
            and code not in situation
            and code not in last_activity
            and code not in open_reports
            and code not in signals
        )
        key: tuple[object, ...] = (figure, kab, round(near, 6))
        if plain and key in quiet:
            out[code] = quiet[key]
            continue
        reported = situation.get(code)
        last = last_activity.get(code)
        x = score.Inputs(
            ikp=figure.ikp,
            ikp_source=figure.source,
            tps_class=figure.tps_class,
            incidents=tuple(incidents.get(code, ())),
            neighbour_points=near,
            open_reports=open_reports.get(code, {}),
            overdue_reports=overdue.get(code, 0),
            situation=reported[1] if reported else "",
            situation_age=(day - reported[0]).days if reported else None,
            last_activity_age=(day - last).days if last else None,
            stages=stage_cache[kab],
            media=signals.get(code),
        )
        same = score.inputs_key(x)
        found = seen.get(same)
        if found is None:
            found = seen[same] = score.tension(x, w)
        out[code] = found
        if plain:
            quiet[key] = found
    return out


def _open_reports(
    prefix: str | None, day: date, now: datetime | None
) -> tuple[dict[str, dict[str, int]], dict[str, int]]:
    """Reports open as the day ends (or now, for today): the live queue, which is small;
    a report left open counts, one settled by then does not."""
    end = datetime.combine(day + timedelta(days=1), time.min, UTC) - timedelta(hours=7)
    if now is not None:
        end = min(end, now)
    qs = Report.objects.filter(_prefix_q(prefix, "region__code"), created_at__lt=end).filter(
        Q(state__in=OPEN_STATES) | Q(state=State.SELESAI, settled_at__gt=end)
    )
    by: dict[str, dict[str, int]] = defaultdict(dict)
    late: dict[str, int] = defaultdict(int)
    for code, urgency, due, responded in qs.values_list(
        "region_id", "urgency", "due_at", "first_response_at"
    ):
        by[code][urgency] = by[code].get(urgency, 0) + 1
        if due < end and (responded is None or responded > due):
            late[code] += 1
    return by, late


def local_today(code: str, now: datetime) -> date:
    return dates.local(now, zone_of(code or "31")).date()
