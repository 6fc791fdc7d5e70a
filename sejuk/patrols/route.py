"""The patrol planner: which desa each team visits, in which order, within its hours.

A pure function of what the service gathered (no Django, no database), so a test can
check it against brute force on tiny inputs. The problem is a team orienteering problem
(N routes from one start, each within a time budget, collecting the most need); it is
NP-hard, so the planner uses the textbook heuristic for it:

1. greedy insertion: repeatedly put the desa with the best need per added minute at
   the cheapest place of the team route where it still fits (desa asked for come first);
2. improvement until nothing changes: 2-opt within each route (shorter routes leave room),
   then insert what now fits, then swap a planned desa for an unplanned one of more need.

Why hand-written: the routing libraries that solve this (OR-Tools, PyVRP) are compiled
packages many times Sejuk's size for inputs of a few dozen desa, and neither takes the
per-team value this plan needs (a desa is worth more to the team that carries its own
Bhabinkamtibmas) nor says why a desa was left out. The whole planner is ~200 lines.

Travel between two places is the straight-line distance times a road factor at an
average speed where both have a centre; else a fixed time within a kecamatan and another
between kecamatan (the issue's adjacency rule). A route starts and ends at the start.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

AVOIDED = "dihindari"
OVER_BUDGET = "melebihi anggaran waktu"
NO_NEED = "tidak ada kebutuhan tercatat"
NO_TEAM = "tidak ada tim"


@dataclass(frozen=True)
class Place:
    """Where something is: a centre (lat, lng) when known, and its kecamatan code."""

    point: tuple[float, float] | None = None
    kecamatan: str = ""


@dataclass(frozen=True)
class Candidate:
    code: str
    need: float
    place: Place = Place()
    officer_ids: frozenset[int] = frozenset()  # the desa's own Bhabinkamtibmas
    include: bool = False  # asked for: planned first, wherever it fits
    avoid: bool = False


@dataclass(frozen=True)
class Team:
    budget_minutes: float
    officer_ids: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Travel:
    """Minutes between places (the ``SEJUK_PATROL_*`` settings)."""

    speed_kmh: float = 30.0
    road_factor: float = 1.4
    same_kecamatan_minutes: float = 20.0
    other_kecamatan_minutes: float = 50.0
    visit_minutes: float = 45.0
    own_officer_bonus: float = 0.25  # share of need added when the team has its bhabin

    def minutes(self, a: Place, b: Place) -> float:
        if a.point is not None and b.point is not None:
            return _km(a.point, b.point) * self.road_factor / self.speed_kmh * 60.0
        if a.kecamatan and a.kecamatan == b.kecamatan:
            return self.same_kecamatan_minutes
        return self.other_kecamatan_minutes


@dataclass(frozen=True)
class Stop:
    code: str
    arrive: float  # minutes after the start
    value: float
    own_officer: bool


@dataclass(frozen=True)
class Route:
    stops: tuple[Stop, ...]
    minutes: float  # back at the start included
    value: float


@dataclass(frozen=True)
class Plan:
    routes: tuple[Route, ...]
    left_out: dict[str, str] = field(default_factory=dict)  # code -> why

    @property
    def value(self) -> float:
        return sum(r.value for r in self.routes)


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class _Problem:
    def __init__(
        self, candidates: Sequence[Candidate], teams: Sequence[Team], start: Place, t: Travel
    ) -> None:
        self.c = list(candidates)
        self.teams = list(teams)
        self.t = t
        places = [start, *(c.place for c in self.c)]  # index 0 is the start
        # A place to itself is no journey (two desa without a centre in one kecamatan
        # look alike, so it is the index that says "the same place", not equality).
        self.d = [
            [0.0 if i == j else t.minutes(a, b) for j, b in enumerate(places)]
            for i, a in enumerate(places)
        ]

    def value(self, i: int, team: int) -> float:
        c = self.c[i]
        own = bool(c.officer_ids & self.teams[team].officer_ids)
        return c.need * (1 + self.t.own_officer_bonus) if own else c.need

    def duration(self, route: list[int]) -> float:
        if not route:
            return 0.0
        d, prev = 0.0, 0
        for i in route:
            d += self.d[prev][i + 1] + self.t.visit_minutes
            prev = i + 1
        return d + self.d[prev][0]

    def insertion(self, route: list[int], i: int) -> tuple[float, int]:
        """The cheapest added minutes for desa ``i`` in ``route``, and where."""
        nodes = [0, *(j + 1 for j in route), 0]
        best, where = math.inf, 0
        for k in range(len(nodes) - 1):
            a, b = nodes[k], nodes[k + 1]
            extra = self.d[a][i + 1] + self.d[i + 1][b] - self.d[a][b]
            if extra < best:
                best, where = extra, k
        return best + self.t.visit_minutes, where


def plan(
    candidates: Sequence[Candidate], teams: Sequence[Team], start: Place, travel: Travel
) -> Plan:
    """Routes for ``teams`` over ``candidates`` from ``start``: no desa in two routes,
    every route within its team's budget; the rest left out, each with why."""
    p = _Problem(candidates, teams, start, travel)
    best: list[list[int]] | None = None
    for weight in GREEDY_WEIGHTS:
        routes = _improved(p, weight)
        if best is None or _total(p, routes) > _total(p, best) + 1e-9:
            best = routes
    assert best is not None
    return _result(p, best)


# Greedy by need per minute (1), then leaning to need (0.5, 0: the tensest first) or to
# short detours (2): the best of the four, each improved, is kept. Several greedy starts
# are the usual cheap remedy for one greedy order's blind spots.
GREEDY_WEIGHTS = (1.0, 0.5, 2.0, 0.0)


def _improved(p: _Problem, weight: float) -> list[list[int]]:
    routes: list[list[int]] = [[] for _ in p.teams]
    open_ = {i for i, c in enumerate(p.c) if not c.avoid and (c.need > 0 or c.include)}
    _insert_greedily(p, routes, open_, weight)
    for _ in range(50):  # each round must gain; the bound only guards against cycling
        before = _total(p, routes)
        for r in routes:
            _two_opt(p, r)
        _insert_greedily(p, routes, open_, weight)
        _swap(p, routes, open_)
        if _total(p, routes) <= before + 1e-9:
            break
    return routes


def _total(p: _Problem, routes: list[list[int]]) -> float:
    return sum(p.value(i, t) for t, r in enumerate(routes) for i in r)


def _insert_greedily(
    p: _Problem, routes: list[list[int]], open_: set[int], weight: float = 1.0
) -> None:
    used = [p.duration(r) for r in routes]
    while open_:
        best: tuple[bool, float, int, int, int, float] | None = None
        for i in sorted(open_):
            for t, r in enumerate(routes):
                extra, where = p.insertion(r, i)
                if used[t] + extra > p.teams[t].budget_minutes + 1e-9:
                    continue
                ratio = p.value(i, t) / max(extra, 1e-6) ** weight
                key = (p.c[i].include, ratio, -t, i, where, extra)
                if best is None or key[:3] > best[:3]:
                    best = key
        if best is None:
            return
        _, _, neg_t, i, where, extra = best
        routes[-neg_t].insert(where, i)
        used[-neg_t] += extra
        open_.discard(i)


def _two_opt(p: _Problem, route: list[int]) -> None:
    improved = True
    while improved:
        improved = False
        base = p.duration(route)
        for a in range(len(route) - 1):
            for b in range(a + 1, len(route)):
                candidate = route[:a] + route[a : b + 1][::-1] + route[b + 1 :]
                if p.duration(candidate) < base - 1e-9:
                    route[:] = candidate
                    improved = True
                    break
            if improved:
                break


def _swap(p: _Problem, routes: list[list[int]], open_: set[int]) -> None:
    """Trade a planned desa (not one asked for) for an unplanned one worth more to the
    same team, where the unplanned one fits in the room the planned one leaves."""
    for t, r in enumerate(routes):
        budget = p.teams[t].budget_minutes
        for u in sorted(open_, key=lambda i: -p.value(i, t)):
            for pos, planned in enumerate(list(r)):
                if p.c[planned].include or p.value(u, t) <= p.value(planned, t) + 1e-9:
                    continue
                trial = r[:pos] + r[pos + 1 :]
                extra, where = p.insertion(trial, u)
                if p.duration(trial) + extra <= budget + 1e-9:
                    trial.insert(where, u)
                    r[:] = trial
                    open_.discard(u)
                    open_.add(planned)
                    break


def _result(p: _Problem, routes: list[list[int]]) -> Plan:
    out: list[Route] = []
    for t, r in enumerate(routes):
        stops, clock, prev = [], 0.0, 0
        for i in r:
            clock += p.d[prev][i + 1]
            own = bool(p.c[i].officer_ids & p.teams[t].officer_ids)
            stops.append(Stop(p.c[i].code, round(clock, 1), p.value(i, t), own))
            clock += p.t.visit_minutes
            prev = i + 1
        out.append(Route(tuple(stops), round(p.duration(r), 1), sum(p.value(i, t) for i in r)))
    planned = {i for r in routes for i in r}
    left: dict[str, str] = {}
    for i, c in enumerate(p.c):
        if i in planned:
            continue
        if c.avoid:
            left[c.code] = AVOIDED
        elif not p.teams:
            left[c.code] = NO_TEAM
        elif c.need <= 0 and not c.include:
            left[c.code] = NO_NEED
        else:
            left[c.code] = OVER_BUDGET
    return Plan(tuple(out), left)


def timeline(start: Place, places: Sequence[Place], travel: Travel) -> tuple[list[float], float]:
    """A route in a given order (as the user edited it): the minutes after the start at
    which each stop is reached, and the minutes until the team is back."""
    arrivals, clock, here = [], 0.0, start
    for place in places:
        clock += travel.minutes(here, place)
        arrivals.append(round(clock, 1))
        clock += travel.visit_minutes
        here = place
    if places:
        clock += travel.minutes(here, start)
    return arrivals, round(clock, 1)
