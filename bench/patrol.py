"""`python -m bench patrol`: the patrol planner against two simple baselines on generated
areas, on the same budget.

Each area is seeded: ``--desa`` desa scattered over a kabupaten-sized box around the
start (about 50 × 50 km, a third without a centre, placed by kecamatan only), their need
skewed as tension is (most desa calm, a few tense), and ``--teams`` teams of
``--hours`` each. The baselines:

- top-N by tension: the tensest desa first, each given to the next team in turn and
  appended to its route while the route (there and back) stays within the budget;
- nearest-first: each team in turn goes on to the nearest desa not yet taken while it
  still gets back within the budget.

It prints the need each covers (summed over all areas), the planner's ratio to each
baseline, and the load average (the machine is shared)."""

from __future__ import annotations

import argparse
import itertools
import random
import time

from sejuk.patrols.route import Candidate, Place, Team, Travel, plan

TRAVEL = Travel()  # the defaults of the SEJUK_PATROL_* settings
START = Place((-8.70, 116.10), "52.01.01")


def area(rng: random.Random, n: int) -> list[Candidate]:
    out = []
    for k in range(n):
        kec = f"52.01.{1 + k % 10:02d}"
        point = (-8.70 + rng.uniform(-0.22, 0.22), 116.10 + rng.uniform(-0.22, 0.22))
        need = round(rng.paretovariate(1.6) * 8, 1)  # most desa calm, a few tense
        out.append(Candidate(f"{kec}.{2001 + k}", need, Place(point if k % 3 else None, kec)))
    return out


def _route_minutes(places: list[Place]) -> float:
    if not places:
        return 0.0
    stops = [START, *places, START]
    travel = sum(TRAVEL.minutes(a, b) for a, b in itertools.pairwise(stops))
    return travel + TRAVEL.visit_minutes * len(places)


def top_by_tension(cands: list[Candidate], teams: list[Team]) -> float:
    routes: list[list[Place]] = [[] for _ in teams]
    covered, turn = 0.0, 0
    for c in sorted(cands, key=lambda c: -c.need):
        for k in range(len(teams)):
            t = (turn + k) % len(teams)
            if _route_minutes([*routes[t], c.place]) <= teams[t].budget_minutes:
                routes[t].append(c.place)
                covered += c.need
                turn = t + 1
                break
    return covered


def nearest_first(cands: list[Candidate], teams: list[Team]) -> float:
    left = list(cands)
    routes: list[list[Place]] = [[] for _ in teams]
    covered, moving = 0.0, set(range(len(teams)))
    while moving and left:
        for t in sorted(moving):
            here = routes[t][-1] if routes[t] else START
            fits = [
                c for c in left if _route_minutes([*routes[t], c.place]) <= teams[t].budget_minutes
            ]
            if not fits:
                moving.discard(t)
                continue
            c = min(fits, key=lambda c: (TRAVEL.minutes(here, c.place), -c.need))
            routes[t].append(c.place)
            left.remove(c)
            covered += c.need
    return covered


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench patrol")
    parser.add_argument("--areas", type=int, default=30)
    parser.add_argument("--desa", type=int, default=120)
    parser.add_argument("--teams", type=int, default=3)
    parser.add_argument("--hours", type=float, default=6.0)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    totals = {"planner": 0.0, "top-N by tension": 0.0, "nearest-first": 0.0}
    seconds = 0.0
    for _ in range(args.areas):
        cands = area(rng, args.desa)
        teams = [Team(args.hours * 60) for _ in range(args.teams)]
        started = time.perf_counter()
        totals["planner"] += plan(cands, teams, START, TRAVEL).value
        seconds += time.perf_counter() - started
        totals["top-N by tension"] += top_by_tension(cands, teams)
        totals["nearest-first"] += nearest_first(cands, teams)
    print(
        f"{args.areas} generated areas of {args.desa} desa, {args.teams} teams of "
        f"{args.hours:g} h, visit {TRAVEL.visit_minutes:g} min, {TRAVEL.speed_kmh:g} km/h, "
        f"road factor {TRAVEL.road_factor:g}"
    )
    for name, value in totals.items():
        print(f"  need covered, {name:<17} {value:10.1f}")
    for name in ("top-N by tension", "nearest-first"):
        base = totals[name]
        ratio = totals["planner"] / base if base else float("inf")
        print(f"  planner / {name:<17} {ratio:6.2f}x")
    print(f"  planner time per area {seconds / args.areas * 1000:.0f} ms")
    with open("/proc/loadavg") as loadavg:
        print(f"  load {loadavg.read().split()[0]}")
    return 0
