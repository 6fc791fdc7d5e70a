"""The pure planner against brute force on tiny areas, and the rules every plan keeps."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sejuk.patrols.route import (
    AVOIDED,
    NO_NEED,
    OVER_BUDGET,
    Candidate,
    Place,
    Team,
    Travel,
    _Problem,
    plan,
    timeline,
)

TRAVEL = Travel(speed_kmh=30, road_factor=1.4, visit_minutes=30)
START = Place((-8.75, 116.05), "52.01.07")


def area(rng: random.Random, n: int, with_points: bool = True) -> list[Candidate]:
    out = []
    for k in range(n):
        point = (-8.75 + rng.uniform(-0.08, 0.08), 116.05 + rng.uniform(-0.08, 0.08))
        out.append(
            Candidate(
                code=f"52.01.07.{2001 + k}",
                need=round(rng.uniform(1, 60), 1),
                place=Place(point if with_points else None, f"52.01.0{rng.randint(1, 3)}"),
                officer_ids=frozenset({k % 3}),
            )
        )
    return out


def best_by_brute_force(cands: list[Candidate], teams: list[Team], travel: Travel) -> float:
    """Every way of giving each desa to a team or to none, each route in its best order."""
    p = _Problem(cands, teams, START, travel)
    best = 0.0
    for choice in itertools.product(range(len(teams) + 1), repeat=len(cands)):
        total, fits = 0.0, True
        for t, team in enumerate(teams):
            chosen = [i for i, c in enumerate(choice) if c == t + 1]
            if any(cands[i].avoid for i in chosen):
                fits = False
                break
            shortest = min(
                (p.duration(list(order)) for order in itertools.permutations(chosen)),
                default=0.0,
            )
            if shortest > team.budget_minutes + 1e-9:
                fits = False
                break
            total += sum(p.value(i, t) for i in chosen)
        if fits:
            best = max(best, total)
    return best


def check_rules(result, cands: list[Candidate], teams: list[Team]) -> None:
    seen = [s.code for r in result.routes for s in r.stops]
    assert len(seen) == len(set(seen)), "no desa in two routes"
    for route, team in zip(result.routes, teams, strict=True):
        assert route.minutes <= team.budget_minutes + 1e-6
    codes = {c.code for c in cands}
    assert set(seen) | set(result.left_out) == codes
    assert not set(seen) & set(result.left_out)


@pytest.mark.parametrize("with_points", [True, False])
def test_it_covers_the_best_need_brute_force_finds_on_tiny_areas(with_points):
    rng = random.Random(16)
    ratios = []
    for _ in range(60):
        cands = area(rng, rng.randint(3, 6), with_points)
        teams = [Team(rng.choice([90, 150, 240]), frozenset({t})) for t in range(rng.randint(1, 2))]
        result = plan(cands, teams, START, TRAVEL)
        check_rules(result, cands, teams)
        best = best_by_brute_force(cands, teams, TRAVEL)
        assert result.value <= best + 1e-6
        ratios.append(result.value / best if best else 1.0)
    # A heuristic: on most tiny areas the best answer itself, never far from it.
    assert sum(r > 1 - 1e-9 for r in ratios) >= 0.9 * len(ratios)
    assert min(ratios) >= 0.9


def test_a_team_with_no_time_for_one_visit_plans_nothing_and_says_why():
    cands = area(random.Random(1), 4)
    result = plan(cands, [Team(20)], START, TRAVEL)
    assert result.routes[0].stops == ()
    assert set(result.left_out.values()) == {OVER_BUDGET}


def test_avoided_desa_are_never_planned_and_asked_for_desa_always_are_when_they_fit():
    cands = area(random.Random(2), 6)
    low = min(cands, key=lambda c: c.need)
    high = max(cands, key=lambda c: c.need)
    cands = [
        Candidate(c.code, c.need, c.place, c.officer_ids, include=c is low, avoid=c is high)
        for c in cands
    ]
    result = plan(cands, [Team(100)], START, TRAVEL)
    planned = {s.code for s in result.routes[0].stops}
    assert low.code in planned
    assert high.code not in planned
    assert result.left_out[high.code] == AVOIDED


def test_a_desa_without_need_is_left_out_with_its_reason():
    cands = [Candidate("52.01.07.2001", 0.0, Place(None, "52.01.07"))]
    result = plan(cands, [Team(480)], START, TRAVEL)
    assert result.left_out == {"52.01.07.2001": NO_NEED}


def test_a_desa_goes_to_the_team_that_carries_its_own_bhabinkamtibmas():
    cands = [Candidate("52.01.07.2001", 10.0, Place(None, "52.01.07"), frozenset({7}))]
    teams = [Team(90, frozenset({1})), Team(90, frozenset({7}))]
    result = plan(cands, teams, Place(None, "52.01.07"), TRAVEL)
    assert [s.code for s in result.routes[1].stops] == ["52.01.07.2001"]
    assert result.routes[1].stops[0].own_officer


def test_arrivals_count_travel_and_visits_in_the_route_order():
    same = Place(None, "52.01.07")
    cands = [Candidate(f"52.01.07.200{k}", 10.0, same) for k in range(1, 4)]
    result = plan(cands, [Team(480)], same, TRAVEL)
    arrivals = [s.arrive for s in result.routes[0].stops]
    assert arrivals == [20.0, 70.0, 120.0]  # 20 min within a kecamatan, 30 min a visit
    assert result.routes[0].minutes == 170.0


def test_kecamatan_adjacency_is_used_where_a_desa_has_no_centre():
    travel = Travel(same_kecamatan_minutes=15, other_kecamatan_minutes=70, visit_minutes=30)
    assert travel.minutes(Place(None, "a"), Place(None, "a")) == 15
    assert travel.minutes(Place(None, "a"), Place((-8.7, 116.0), "b")) == 70
    # About 11 km apart: 11 km x 1.4 at 30 km/h is about 31 minutes.
    by_road = Travel().minutes(Place((-8.70, 116.0)), Place((-8.80, 116.0)))
    assert 30 < by_road < 33


@settings(max_examples=60, deadline=None)
@given(
    needs=st.lists(st.floats(0, 100), min_size=0, max_size=14),
    budgets=st.lists(st.sampled_from([0, 45, 120, 360]), min_size=0, max_size=3),
    seed=st.integers(0, 1000),
    start=st.sampled_from([START, Place(None, "52.01.02"), Place()]),
)
def test_every_plan_keeps_the_rules(needs, budgets, seed, start):
    rng = random.Random(seed)
    cands = [
        Candidate(
            f"52.01.07.{2001 + k}",
            need,
            Place(
                (-8.75 + rng.uniform(-0.1, 0.1), 116.05) if rng.random() < 0.7 else None,
                f"52.01.0{rng.randint(1, 3)}",
            ),
            avoid=rng.random() < 0.15,
        )
        for k, need in enumerate(needs)
    ]
    teams = [Team(b) for b in budgets]
    result = plan(cands, teams, start, TRAVEL)
    check_rules(result, cands, teams)
    by_code = {c.code: c.place for c in cands}
    for route in result.routes:  # the budget holds by the route's own timeline too
        _, minutes = timeline(start, [by_code[s.code] for s in route.stops], TRAVEL)
        assert minutes == route.minutes
    for c in cands:
        if c.avoid:
            assert result.left_out[c.code] == AVOIDED


def test_the_timeline_of_an_edited_route_matches_the_planner_own_arrivals():
    cands = area(random.Random(5), 8)
    result = plan(cands, [Team(300)], START, TRAVEL)
    by_code = {c.code: c.place for c in cands}
    stops = result.routes[0].stops
    arrivals, total = timeline(START, [by_code[s.code] for s in stops], TRAVEL)
    assert arrivals == [s.arrive for s in stops]
    assert total == result.routes[0].minutes
